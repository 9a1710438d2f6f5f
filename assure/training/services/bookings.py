"""Booking a place on a session, and cancelling one.

No session is ever over-booked, whatever the concurrency: ``booking_create`` locks the session's
row (``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite every write transaction takes the
database's write lock when it begins, ``transaction_mode`` IMMEDIATE in the settings), then counts
the bookings holding a place and books only while one is left. Everyone after that joins the
waiting list in the order they asked (``queued_at``). Every change of status that frees a place
(a cancellation here; a manager's refusal, a lapse, a larger capacity elsewhere) offers it to the
first in line in the same transaction (``services/offers.py``)."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.navigation import partnership_url
from assure.notifications.services import notify

from ..calendar import booking_calendar
from ..models import Booking, Practitioner, Session
from ..permissions import can_book, ensure_can_manage, ensure_may_manage_booking
from ..pipeline import move
from ..policy import policy_for
from .approval import approval_request

Status = Booking.Status
REASON_LIMIT = 300


def day_text(moment: dt.datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def booking_path(booking: Booking) -> str:
    return partnership_url("training:booking_detail", booking.session.partnership, pk=booking.pk)


def session_words(session: Session) -> str:
    return f"{session.display_title} ({session.reference}) on {day_text(session.starts_at)}"


def places_held(session: Session) -> int:
    return session.bookings.filter(status__in=Booking.HOLDS_PLACE).count()


def lock_session(session: Session) -> Session:
    """The session's row, locked until the transaction ends: whoever counts its places next
    waits for this transaction (on SQLite the write lock taken at BEGIN does the same)."""
    return Session.objects.select_for_update(of=("self",)).select_related("course", "partnership").get(pk=session.pk)


def confirmed_notify(booking: Booking, *, subject: str, opening: str) -> None:
    """Tell the practitioner their place is confirmed, with the session as an .ics attachment."""
    session = booking.session
    details = [f"When: {day_text(session.starts_at)} to {timezone.localtime(session.ends_at):%H:%M}"]
    if session.venue:
        details.append(f"Where: {session.venue}")
    if session.online_link:
        details.append("Online: the link to join is on your booking's page.")
    details.append(f"Free cancellation until {day_text(session.cancel_by)}.")
    notify(
        recipients=[booking.practitioner.user],
        partnership=session.partnership,
        kind="training.booked",
        subject=subject,
        body=f"{opening}\n\n" + "\n".join(details) + "\n\nThe session is attached for your calendar.",
        path=booking_path(booking),
        target=booking,
        calendar=booking_calendar(booking),
    )


def _refusal(*, session: Session, practitioner: Practitioner, policy, now: dt.datetime) -> str | None:
    if not session.is_open_for_booking(now):
        if session.status == Session.Status.CANCELLED:
            return "This session has been cancelled."
        if now < session.booking_opens:
            return f"Booking for this session opens on {day_text(session.booking_opens)}."
        return "Booking for this session has closed."
    if not practitioner.may_book:
        if not practitioner.is_verified:
            return "Confirm your work e-mail address first, by the link we sent you, then book."
        return "Your organisation is not one whose practitioners may book the partnership's training."
    if session.course.needs_approval and not practitioner.manager_email:
        return (
            "Your manager must approve bookings on this course. Add your manager's e-mail address to your "
            "profile on your training page, then book."
        )
    if Booking.objects.filter(session=session, practitioner=practitioner, status__in=Booking.ACTIVE).exists():
        return "You already have a booking or a place on the waiting list for this session."
    if (
        session.is_workshop
        and not Booking.objects.filter(
            session_id=session.parent_id,
            practitioner=practitioner,
            status__in=(Status.BOOKED, Status.AWAITING_APPROVAL),
        ).exists()
    ):
        return "Book a place at the conference first: its workshops are for those booked on it."
    start_of_day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    today = Booking.objects.filter(practitioner=practitioner, created_at__gte=start_of_day).count()
    if today >= policy.bookings_per_day:
        return (
            f"You have made {today} bookings today, the most the partnership takes in one day. "
            "Book this session tomorrow."
        )
    return None


@transaction.atomic
def booking_create(*, actor, session: Session) -> Booking:
    """Book the actor a place on the session: booked (or awaiting their manager's approval, when
    the course needs it) while a place is left, otherwise on the waiting list. Refused
    (ValidationError) when booking is not open, the practitioner may not book, already has a
    booking, has made the day's most bookings, or needs a manager's address first."""
    partnership = session.partnership
    if not can_book(user=actor, partnership=partnership):
        raise PermissionDenied
    # The practitioner's own row first (their bookings of the day), and everything that needs no
    # count of places, so that the session stays locked for as short a time as can be.
    practitioner = (
        Practitioner.objects.select_for_update(of=("self",))
        .filter(user=actor, partnership=partnership)
        .select_related("user")
    ).first()
    if practitioner is None:
        raise PermissionDenied
    _, policy = policy_for(partnership)
    session = lock_session(session)
    now = timezone.now()
    problem = _refusal(session=session, practitioner=practitioner, policy=policy, now=now)
    if problem:
        raise ValidationError(problem)
    if places_held(session) < session.capacity:
        status = Status.AWAITING_APPROVAL if session.course.needs_approval else Status.BOOKED
    else:
        status = Status.WAITING
    booking = Booking.objects.create(
        partnership=partnership,
        session=session,
        practitioner=practitioner,
        agency=practitioner.agency,
        organisation=practitioner.other_organisation if practitioner.agency_id is None else "",
        status=status,
        queued_at=now,
        created_at=now,
        manager_email=practitioner.manager_email if session.course.needs_approval else "",
    )
    words = session_words(session)
    if status == Status.BOOKED:
        confirmed_notify(
            booking, subject=f"Your place is booked: {session.display_title}", opening=f"You are booked on {words}."
        )
    elif status == Status.AWAITING_APPROVAL:
        approval_request(booking, policy=policy)
    else:
        notify(
            recipients=[actor],
            partnership=partnership,
            kind="training.waiting",
            subject=f"On the waiting list: {session.display_title}",
            body=(
                f"{words} is full: you are on its waiting list. When a place frees up it is offered to the first "
                f"in line, by e-mail, to accept within {policy.offer_hours} hours."
            ),
            path=booking_path(booking),
            target=booking,
        )
    event_record(
        actor=actor,
        verb={
            Status.BOOKED: "training.booked",
            Status.AWAITING_APPROVAL: "training.booking_requested",
            Status.WAITING: "training.booking_waiting",
        }[status],
        target=booking,
        partnership=partnership,
        summary=f"{session.reference}: {Status(status).label.lower()}",
        data={"session": session.pk, "status": status},
    )
    return booking


def _cancel(booking: Booking, *, now: dt.datetime, reason: str) -> tuple[bool, bool]:
    """Cancel the booking (the caller checked the step): whether it held a place, and whether the
    cancellation is late."""
    held = booking.holds_place
    late = booking.status == Status.BOOKED and now > booking.session.cancel_by
    booking.status = Status.CANCELLED
    booking.cancelled_at = now
    booking.cancelled_late = late
    booking.cancelled_reason = reason
    booking.offer_expires = None
    booking.save(update_fields=["status", "cancelled_at", "cancelled_late", "cancelled_reason", "offer_expires"])
    if late:
        # Charged to the agency where the partnership's policy says so (services/attendance.py).
        from .attendance import charge_late_cancellation

        charge_late_cancellation(booking)
    return held, late


@transaction.atomic
def booking_cancel(*, actor, partnership, booking: Booking, reason: str = "") -> Booking:
    """Cancel a booking, leave the waiting list or decline an offered place: the practitioner
    their own, the business unit any (with a reason). After the session's free cancellation date a
    booked place is cancelled late (the agency may be charged). A place freed is offered to the
    first in line at once; cancelling a conference cancels its workshops too."""
    from .offers import offers_make

    ensure_may_manage_booking(user=actor, partnership=partnership, booking=booking)
    reason = (reason or "").strip()
    own = booking.practitioner.user_id == actor.pk
    if not own and not reason:
        raise ValidationError({"reason": "Say why the booking is cancelled: the practitioner is told."})
    if len(reason) > REASON_LIMIT:
        raise ValidationError({"reason": f"The reason must be {REASON_LIMIT} characters or fewer."})
    session = lock_session(booking.session)
    booking = Booking.objects.select_for_update(of=("self",)).select_related("practitioner__user").get(pk=booking.pk)
    booking.session = session
    step = move(booking, Status.CANCELLED, reason=reason)
    now = timezone.now()
    held, late = _cancel(booking, now=now, reason=reason)
    event_record(
        actor=actor,
        verb=step.verb,
        target=booking,
        partnership=partnership,
        summary=f"{session.reference}: {step.done.lower()}{' (late)' if late else ''}",
        data={"session": session.pk, "late": late, "reason": reason, "by_practitioner": own},
    )
    if session.is_conference:
        for workshop in Booking.objects.filter(
            session__parent=session, practitioner=booking.practitioner, status__in=Booking.ACTIVE
        ).select_related("session"):
            booking_cancel(
                actor=actor,
                partnership=partnership,
                booking=workshop,
                reason=reason or "The conference booking was cancelled.",
            )
    if not own:
        notify(
            recipients=[booking.practitioner.user],
            partnership=partnership,
            kind="training.booking_cancelled",
            subject=f"Your booking is cancelled: {session.display_title}",
            body=f"The training team has cancelled your booking on {session_words(session)}.\n\nThe reason: {reason}",
            path=booking_path(booking),
            target=booking,
        )
    if held:
        offers_make(session=session)
    return booking


@transaction.atomic
def bookings_cancel_for_session(*, actor, session: Session, reason: str) -> int:
    """Cancel every active booking of a session the business unit cancels (never late, never
    charged), telling each practitioner; returns how many were cancelled. Offers nobody a place."""
    ensure_can_manage(user=actor, partnership=session.partnership)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the session is cancelled: everyone booked is told."})
    session = lock_session(session)
    now = timezone.now()
    bookings = list(
        Booking.objects.select_for_update(of=("self",))
        .filter(session=session, status__in=Booking.ACTIVE)
        .select_related("practitioner__user")
    )
    for booking in bookings:
        booking.session = session
        step = move(booking, Status.CANCELLED, reason=reason)
        booking.status = Status.CANCELLED
        booking.cancelled_at, booking.cancelled_late, booking.cancelled_reason = now, False, reason
        booking.offer_expires = None
        booking.save(update_fields=["status", "cancelled_at", "cancelled_late", "cancelled_reason", "offer_expires"])
        notify(
            recipients=[booking.practitioner.user],
            partnership=session.partnership,
            kind="training.session_cancelled",
            subject=f"Session cancelled: {session.display_title}",
            body=f"{session_words(session)} has been cancelled, and your booking with it.\n\nThe reason: {reason}",
            path=booking_path(booking),
            target=booking,
        )
        event_record(
            actor=actor,
            verb=step.verb,
            target=booking,
            partnership=session.partnership,
            summary=f"{session.reference}: cancelled with the session",
            data={"session": session.pk, "late": False, "reason": reason, "with_session": True},
        )
    return len(bookings)
