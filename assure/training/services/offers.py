"""The waiting list: a place that frees up is offered to the first in line (``queued_at``, then
the booking's number), who has the policy's ``offer_hours`` to accept it; an offer not accepted
in time lapses (the daily ``training_offers_expire``) and the place goes to the next in line.

``offers_make`` is called inside the transaction that freed the place, with the session's row
locked, so two places freed at once never go to one person, nor one place to two."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from assure.audit.services import event_record
from assure.notifications.services import notify

from ..models import Booking, Session
from ..permissions import ensure_may_manage_booking
from ..pipeline import move
from ..policy import policy_for
from .approval import approval_request
from .bookings import booking_path, confirmed_notify, day_text, lock_session, places_held, session_words

Status = Booking.Status


@transaction.atomic
def offers_make(*, session: Session, now: dt.datetime | None = None) -> list[Booking]:
    """Offer every free place of the session to those first in line; returns the offers made.
    Nothing is offered once the session has started or is cancelled. Call it whenever places may
    have freed up (a cancellation, a refusal, a lapse, a larger capacity)."""
    now = now or timezone.now()
    session = lock_session(session)
    if session.status != Session.Status.SCHEDULED or session.starts_at <= now:
        return []
    free = session.capacity - places_held(session)
    if free <= 0:
        return []
    _, policy = policy_for(session.partnership)
    expires = min(now + dt.timedelta(hours=policy.offer_hours), session.starts_at)
    waiting = list(
        Booking.objects.select_for_update(of=("self",))
        .filter(session=session, status=Status.WAITING)
        .select_related("practitioner__user")
        .order_by("queued_at", "pk")[:free]
    )
    for booking in waiting:
        step = move(booking, Status.OFFERED)
        booking.status = Status.OFFERED
        booking.offer_expires = expires
        booking.save(update_fields=["status", "offer_expires"])
        booking.session = session
        notify(
            recipients=[booking.practitioner.user],
            partnership=session.partnership,
            kind="training.offer",
            subject=f"A place is offered to you: {session.display_title}",
            body=(
                f"A place has freed up on {session_words(session)}, and you are first on its waiting list.\n\n"
                f"Accept it by {day_text(expires)}, or it goes to the next in line."
            ),
            path=booking_path(booking),
            target=booking,
            immediate=True,
        )
        event_record(
            actor=None,
            verb=step.verb,
            target=booking,
            partnership=session.partnership,
            summary=f"{session.reference}: a place offered from the waiting list",
            data={"session": session.pk, "expires": expires.isoformat()},
        )
    return waiting


@transaction.atomic
def offer_accept(*, actor, partnership, booking: Booking) -> Booking:
    """The practitioner accepts the place offered to them: booked, or sent to their manager for
    approval when the course needs it. Refused once the offer has lapsed."""
    ensure_may_manage_booking(user=actor, partnership=partnership, booking=booking)
    if booking.practitioner.user_id != actor.pk:
        raise ValidationError("Only the practitioner offered the place may accept it.")
    session = lock_session(booking.session)
    booking = Booking.objects.select_for_update(of=("self",)).select_related("practitioner__user").get(pk=booking.pk)
    booking.session = session
    if booking.status != Status.OFFERED:
        raise ValidationError("This place is no longer offered to you.")
    if booking.offer_expires and booking.offer_expires <= timezone.now():
        raise ValidationError("The offer has lapsed: the place has gone to the next in line.")
    needs_approval = session.course.needs_approval
    manager_email = booking.practitioner.manager_email
    if needs_approval and not manager_email:
        raise ValidationError(
            "Your manager must approve bookings on this course. Add your manager's e-mail address to your profile "
            "on your training page, then accept the place."
        )
    to_status = Status.AWAITING_APPROVAL if needs_approval else Status.BOOKED
    step = move(booking, to_status)
    booking.status = to_status
    booking.offer_expires = None
    booking.manager_email = manager_email if needs_approval else ""
    booking.save(update_fields=["status", "offer_expires", "manager_email"])
    if needs_approval:
        _, policy = policy_for(partnership)
        approval_request(booking, policy=policy)
    else:
        confirmed_notify(
            booking,
            subject=f"Your place is booked: {session.display_title}",
            opening=f"You accepted the place offered: you are booked on {session_words(session)}.",
        )
    event_record(
        actor=actor,
        verb=step.verb,
        target=booking,
        partnership=partnership,
        summary=f"{session.reference}: {step.done.lower()}",
        data={"session": session.pk, "status": to_status},
    )
    return booking


def offers_expire(*, now: dt.datetime | None = None) -> int:
    """Lapse every offer past its time and every manager's approval left unanswered past its link's
    expiry, in every partnership, offering each place freed to the next in line; returns how many
    lapsed. Each session in its own transaction."""
    now = now or timezone.now()
    sessions = set(
        Booking.objects.filter(status=Status.OFFERED, offer_expires__lte=now).values_list("session_id", flat=True)
    ) | set(
        Booking.objects.filter(status=Status.AWAITING_APPROVAL, approval_expires__lte=now).values_list(
            "session_id", flat=True
        )
    )
    lapsed = 0
    for session_id in sorted(sessions):
        lapsed += _lapse_session(session_id, now=now)
    return lapsed


@transaction.atomic
def _lapse_session(session_id: int, *, now: dt.datetime) -> int:
    session = lock_session(Session(pk=session_id))
    overdue = list(
        Booking.objects.select_for_update(of=("self",))
        .filter(session=session)
        .filter(
            Q(status=Status.OFFERED, offer_expires__lte=now)
            | Q(status=Status.AWAITING_APPROVAL, approval_expires__lte=now)
        )
        .select_related("practitioner__user")
    )
    for booking in overdue:
        booking.session = session
        was = booking.status
        step = move(booking, Status.LAPSED)
        booking.status = Status.LAPSED
        booking.save(update_fields=["status"])
        what = "offer of a place" if was == Status.OFFERED else "request for your manager's approval"
        notify(
            recipients=[booking.practitioner.user],
            partnership=session.partnership,
            kind="training.lapsed",
            subject=f"Your place has lapsed: {session.display_title}",
            body=(
                f"The {what} on {session_words(session)} was not answered in time, so the place has gone to the "
                "next in line. You can book again while places are left or join the waiting list."
            ),
            path=booking_path(booking),
            target=booking,
        )
        event_record(
            actor=None,
            verb=step.verb,
            target=booking,
            partnership=session.partnership,
            summary=f"{session.reference}: {step.done.lower()}",
            data={"session": session.pk, "was": was},
        )
    if overdue:
        offers_make(session=session, now=now)
    return len(overdue)
