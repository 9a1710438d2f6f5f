"""Attendance on the day and what it costs an agency: the register marked by the business unit or
a session's trainer, the charge for a delegate who did not attend or cancelled late (under the
partnership's training policy, the version used kept on the booking), and the business unit's
waiving of a charge with a reason.

A charge is stored on the booking when it arises: ``charge_pence`` the amount, ``charge_reason``
no-show or late-cancellation, ``charge_policy`` the policy item used. An agency of a sector the
policy exempts, and an organisation that is not one of the partnership's agencies, are never
charged (``charge_pence`` stays empty). A waived charge keeps its reason and policy with
``charge_pence`` nought; the reason for waiving is kept in the event's data."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.partnerships.years import financial_year_of

from ..models import Booking, Session
from ..permissions import ensure_can_manage, ensure_may_mark_register
from ..policy import policy_for

NO_SHOW = "no-show"
LATE_CANCELLATION = "late-cancellation"
CHARGE_REASONS = {NO_SHOW: "Did not attend", LATE_CANCELLATION: "Cancelled late"}
MARKS = {value for value, _ in Booking.Attendance.choices}


def register_opens_on(session: Session):
    """The day the register may first be marked: the session's own day."""
    return timezone.localdate(session.starts_at)


def _charge(booking: Booking, reason: str) -> None:
    """Set the booking's charge for ``reason`` under the partnership's policy now (not saved)."""
    item, policy = policy_for(booking.session.partnership)
    amount = policy.charge_no_show_pence if reason == NO_SHOW else policy.charge_late_cancellation_pence
    exempt = booking.agency is None or booking.agency.sector.code in policy.exempt_sectors
    if exempt or not amount:
        _clear_charge(booking)
        return
    booking.charge_pence, booking.charge_reason, booking.charge_policy = amount, reason, item


def _clear_charge(booking: Booking) -> None:
    booking.charge_pence, booking.charge_reason, booking.charge_policy = None, "", None


CHARGE_FIELDS = ["charge_pence", "charge_reason", "charge_policy"]


@transaction.atomic
def register_mark(*, actor, session: Session, marks: dict) -> list[Booking]:
    """Mark the session's register: ``marks`` maps the key of a booked place to "attended" or
    "no-show". A delegate marked as not attending is charged to their agency under the policy; one
    marked again as attended is not. The register may be marked again; only what changed is
    written (and so in the field history). Returns the bookings whose attendance changed."""
    ensure_may_mark_register(user=actor, partnership=session.partnership, session=session)
    if session.status == Session.Status.CANCELLED:
        raise ValidationError("The session was cancelled: it has no register to mark.")
    opens_on = register_opens_on(session)
    if timezone.localdate() < opens_on:
        raise ValidationError(f"The register can be marked from the day of the session, {opens_on:%-d %B %Y}.")
    bookings = {
        b.pk: b
        # Only the bookings' rows are locked: their agency (and its sector) may be missing.
        for b in Booking.objects.select_for_update(of=("self",))
        .filter(session=session, status=Booking.Status.BOOKED)
        .select_related("agency__sector", "session__partnership")
    }
    problems = {}
    for key, mark in marks.items():
        if int(key) not in bookings:
            problems[str(key)] = "This delegate is not booked on the session."
        elif mark not in MARKS:
            problems[str(key)] = "Choose whether the delegate attended."
    if problems:
        raise ValidationError(problems)
    now, changed = timezone.now(), []
    for key, mark in marks.items():
        booking = bookings[int(key)]
        if booking.attendance == mark:
            continue
        booking.attendance, booking.attendance_marked_at, booking.attendance_marked_by = mark, now, actor
        if mark == Booking.Attendance.NO_SHOW:
            _charge(booking, NO_SHOW)
        else:
            _clear_charge(booking)
        booking.save(update_fields=["attendance", "attendance_marked_at", "attendance_marked_by", *CHARGE_FIELDS])
        changed.append(booking)
    if changed:
        attended = sum(1 for b in bookings.values() if b.attendance == Booking.Attendance.ATTENDED)
        no_shows = sum(1 for b in bookings.values() if b.attendance == Booking.Attendance.NO_SHOW)
        event_record(
            actor=actor,
            verb="training.register_marked",
            target=session,
            partnership=session.partnership,
            summary=f"Register of {session.reference} marked: {attended} attended, {no_shows} did not attend",
            data={"changed": [b.pk for b in changed], "attended": attended, "no_show": no_shows},
        )
        records_changed(
            "training",
            partnership_ids=[session.partnership_id],
            years=[financial_year_of(timezone.localdate(session.starts_at))],
        )
    return changed


def charge_late_cancellation(booking: Booking) -> Booking:
    """Charge a late cancellation under the partnership's policy and save the charge: called by the
    cancellation of a booking (inside its transaction) once it is cancelled with ``cancelled_late``.
    A booking not cancelled late is left as it is."""
    if booking.status != Booking.Status.CANCELLED or not booking.cancelled_late:
        return booking
    _charge(booking, LATE_CANCELLATION)
    booking.save(update_fields=CHARGE_FIELDS)
    return booking


def may_waive(booking: Booking) -> bool:
    return bool(booking.charge_pence)


@transaction.atomic
def charge_waive(*, actor, partnership, booking: Booking, reason: str) -> Booking:
    """Waive a booking's charge, with the reason (the business unit only)."""
    ensure_can_manage(user=actor, partnership=partnership)
    if booking.partnership_id != partnership.pk:
        raise PermissionDenied
    booking = Booking.objects.select_for_update(of=("self",)).select_related("session").get(pk=booking.pk)
    if not may_waive(booking):
        raise ValidationError("There is no charge on this booking to waive.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Give the reason for waiving the charge."})
    waived = booking.charge_pence
    booking.charge_pence = 0
    booking.charge_waived_at, booking.charge_waived_by, booking.charge_waived_reason = (
        timezone.now(),
        actor,
        reason[:300],
    )
    booking.save(update_fields=["charge_pence", "charge_waived_at", "charge_waived_by", "charge_waived_reason"])
    event_record(
        actor=actor,
        verb="training.charge_waived",
        target=booking,
        partnership=partnership,
        summary=f"Charge of £{waived / 100:.2f} waived for booking {booking.pk} on {booking.session.reference}",
        data={"reason": reason, "waived_pence": waived, "charge_reason": booking.charge_reason},
    )
    return booking
