"""A manager's approval of a booking, by a link e-mailed to them: they need no account.

When a course needs approval, a booking that gets a place waits for the practitioner's manager
(``awaiting-approval``, holding the place). The manager is e-mailed a link to a public page naming
the practitioner, the course and the date, where they approve or say why not. The link's secret
is sent, never kept (its digest is), lasts the policy's ``approval_days`` and is used once. A
refusal frees the place for the first on the waiting list; an approval left unanswered lapses
(the daily ``training_offers_expire``) and frees it too."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.secrets import new_token, token_digest
from assure.notifications.services import notify, notify_address

from ..models import Booking
from ..pipeline import move

Status = Booking.Status
REASON_LIMIT = 300


class LinkNotValid(Exception):
    """The link names no booking of the partnership (mistyped, or not ours)."""


def approval_path(partnership, token: str) -> str:
    return reverse("courses:approve", kwargs={"partnership": partnership.slug, "token": token})


def approval_request(booking: Booking, *, policy) -> str:
    """E-mail the booking's manager a fresh approval link (inside the caller's transaction);
    returns the link's secret, which is never stored."""
    from .bookings import day_text

    token, digest = new_token()
    session = booking.session
    partnership = session.partnership
    booking.approval_digest = digest
    booking.approval_expires = timezone.now() + dt.timedelta(days=policy.approval_days)
    booking.approval_decided_at = None
    booking.save(update_fields=["approval_digest", "approval_expires", "approval_decided_at"])
    person = booking.practitioner.user
    notify_address(
        address=booking.manager_email,
        partnership=partnership,
        kind="training.approval",
        subject=f"{partnership.name}: a training booking for you to approve",
        body=(
            f"{person.full_name} has booked a place on {session.display_title} ({session.reference}) on "
            f"{day_text(session.starts_at)}, a course of {partnership.name} that their manager approves. "
            f"They gave your address as their manager's.\n\n"
            f"Follow the link below to approve the booking or say why not, by {day_text(booking.approval_expires)}; "
            "you do not need an account. Unanswered, the place goes to someone else. Do not forward this e-mail: "
            "anyone with the link can answer."
        ),
        path=approval_path(partnership, token),
        target=booking,
    )
    notify(
        recipients=[person],
        partnership=partnership,
        kind="training.approval_asked",
        subject=f"Waiting for your manager's approval: {session.display_title}",
        body=(
            f"Your place on {session.display_title} ({session.reference}) is held while your manager approves it: "
            f"we have e-mailed them a link. It lapses unless they answer by {day_text(booking.approval_expires)}."
        ),
        path=reverse("training:booking_detail", kwargs={"partnership": partnership.slug, "pk": booking.pk}),
        target=booking,
    )
    return token


def approval_by_token(*, partnership, token: str) -> Booking:
    """The booking of the partnership whose approval link this is, whether still open or not
    (public: no user). LinkNotValid when there is none."""
    if not token or len(token) > 200:
        raise LinkNotValid
    booking = (
        Booking.objects.filter(approval_digest=token_digest(token), partnership=partnership)
        .select_related("session__course", "session__partnership", "practitioner__user", "agency")
        .first()
    )
    if booking is None:
        raise LinkNotValid
    return booking


def link_state(booking: Booking, *, now: dt.datetime | None = None) -> str:
    """``open`` while the manager may answer; ``decided`` once answered (or the booking cancelled);
    ``expired`` past the link's expiry."""
    now = now or timezone.now()
    if booking.status != Status.AWAITING_APPROVAL or booking.approval_decided_at is not None:
        return "decided"
    if booking.approval_expires is None or booking.approval_expires <= now:
        return "expired"
    return "open"


@transaction.atomic
def approval_decide(*, partnership, token: str, approve: bool, reason: str = "") -> Booking:
    """The manager's answer by the link: approved (booked, the practitioner is sent the session
    for their calendar) or not approved with a reason (the place goes to the first in line).
    Refused once the link has been used or has expired."""
    from .bookings import confirmed_notify, lock_session, session_words
    from .offers import offers_make

    found = approval_by_token(partnership=partnership, token=token)
    session = lock_session(found.session)
    booking = Booking.objects.select_for_update(of=("self",)).select_related("practitioner__user").get(pk=found.pk)
    booking.session = session
    state = link_state(booking)
    if state == "decided":
        raise ValidationError("This booking has been answered already: the link works once.")
    if state == "expired":
        raise ValidationError("This link has expired: the booking lapsed unanswered.")
    reason = (reason or "").strip()
    if len(reason) > REASON_LIMIT:
        raise ValidationError({"reason": f"The reason must be {REASON_LIMIT} characters or fewer."})
    to_status = Status.BOOKED if approve else Status.NOT_APPROVED
    step = move(booking, to_status, reason=reason)
    booking.status = to_status
    booking.approval_decided_at = timezone.now()
    booking.approval_reason = reason if not approve else ""
    booking.save(update_fields=["status", "approval_decided_at", "approval_reason"])
    words = session_words(session)
    if approve:
        confirmed_notify(
            booking,
            subject=f"Your manager approved your place: {session.display_title}",
            opening=f"Your manager approved your booking: you are booked on {words}.",
        )
    else:
        notify(
            recipients=[booking.practitioner.user],
            partnership=partnership,
            kind="training.not_approved",
            subject=f"Your manager did not approve your booking: {session.display_title}",
            body=f"Your manager did not approve your booking on {words}.\n\nTheir reason: {reason}",
            path=reverse("training:booking_detail", kwargs={"partnership": partnership.slug, "pk": booking.pk}),
            target=booking,
        )
    event_record(
        actor=None,
        verb=step.verb,
        target=booking,
        partnership=partnership,
        summary=f"{session.reference}: {step.done.lower()}",
        data={"session": session.pk, "reason": reason},
    )
    if not approve:
        offers_make(session=session)
    return booking
