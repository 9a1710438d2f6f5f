"""Reads of attendance, given the user. The session page includes what attendance shows on it
through ``attendance_for_session_page`` (drawn by ``training/_session_attendance.html``).

The charges report counts by the year the session started in (April to March): each agency's
delegates who did not attend and its late cancellations, what it was charged and what was waived.
A waived charge is one kept with its reason and policy at nought; what was waived is the amount the
policy used gave for that reason. Organisations that are not the partnership's agencies are counted
apart, never charged."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from assure.core.navigation import partnership_url
from assure.partnerships.years import financial_year_bounds, financial_year_of

from ..models import Booking, Session
from ..permissions import can_manage, may_mark_register
from ..services.attendance import NO_SHOW, register_opens_on


def attendance_for_session_page(*, user, partnership, session) -> dict:
    """The business unit's session page: the register's link and the attendance so far."""
    if not may_mark_register(user=user, partnership=partnership, session=session):
        return {}
    marks = list(
        Booking.objects.filter(session=session, status=Booking.Status.BOOKED).values_list("attendance", flat=True)
    )
    return {
        "attendance": {
            "booked": len(marks),
            "attended": marks.count(Booking.Attendance.ATTENDED),
            "no_show": marks.count(Booking.Attendance.NO_SHOW),
            "unmarked": marks.count(""),
            "opens_on": register_opens_on(session),
            "is_open": timezone.localdate() >= register_opens_on(session),
            "cancelled": session.status == Session.Status.CANCELLED,
            "url": partnership_url("training:register", partnership, pk=session.pk),
        }
    }


def register_session(*, user, partnership, pk) -> Session | None:
    """The session whose register the user may mark, or None (out of reach: 404)."""
    session = Session.objects.filter(partnership=partnership, pk=pk).select_related("course", "parent__course").first()
    if session is None or not may_mark_register(user=user, partnership=partnership, session=session):
        return None
    return session


def register_bookings(*, user, partnership, session) -> list[Booking]:
    """Those booked on the session, in name order, with their agency or organisation."""
    if not may_mark_register(user=user, partnership=partnership, session=session):
        return []
    return list(
        Booking.objects.filter(session=session, status=Booking.Status.BOOKED)
        .select_related("practitioner__user", "agency")
        .order_by("practitioner__user__full_name", "pk")
    )


# --- charges -------------------------------------------------------------------------------------


def _pence(booking: Booking) -> int:
    return booking.charge_pence or 0


def is_waived(booking: Booking) -> bool:
    return booking.charge_pence == 0 and bool(booking.charge_reason)


def waived_pence(booking: Booking) -> int:
    """What was waived of the booking's charge: the policy's amount for its reason, when the charge
    is kept at nought."""
    if not is_waived(booking) or booking.charge_policy is None:
        return 0
    key = "charge_no_show_pence" if booking.charge_reason == NO_SHOW else "charge_late_cancellation_pence"
    return int(booking.charge_policy.data.get(key) or 0)


def year_of_today() -> str:
    return financial_year_of(timezone.localdate())


def charge_years(*, user, partnership) -> list[str]:
    """The years with a session, newest first (the current year always among them)."""
    if not can_manage(user=user, partnership=partnership):
        return []
    days = Session.objects.filter(partnership=partnership).values_list("starts_at", flat=True)
    years = {financial_year_of(timezone.localdate(day)) for day in days} | {year_of_today()}
    return sorted(years, reverse=True)


def _year_range(year: str) -> tuple[dt.datetime, dt.datetime]:
    first, last = financial_year_bounds(year)
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(first, dt.time.min, tzinfo=zone)
    return start, dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=zone)


CHARGEABLE = Q(attendance=Booking.Attendance.NO_SHOW, status=Booking.Status.BOOKED) | Q(
    status=Booking.Status.CANCELLED, cancelled_late=True
)


def chargeable_bookings(*, user, partnership, year: str) -> QuerySet[Booking]:
    """The bookings of sessions starting in the year whose delegate did not attend or cancelled
    late, charged or not."""
    if not can_manage(user=user, partnership=partnership):
        return Booking.objects.none()
    start, end = _year_range(year)
    return (
        Booking.objects.filter(
            CHARGEABLE, partnership=partnership, session__starts_at__gte=start, session__starts_at__lt=end
        )
        .select_related("agency", "practitioner__user", "session__course", "session__parent__course", "charge_policy")
        .order_by("session__starts_at", "practitioner__user__full_name", "pk")
    )


@dataclass
class AgencyCharges:
    agency_id: int | None  # None: the organisations that are not the partnership's agencies
    name: str
    no_shows: int = 0
    late_cancellations: int = 0
    charged_pence: int = 0
    waived_pence: int = 0
    waived: int = 0
    bookings: list = field(default_factory=list, repr=False)

    @property
    def is_other(self) -> bool:
        return self.agency_id is None

    def add(self, booking: Booking) -> None:
        if booking.status == Booking.Status.CANCELLED:
            self.late_cancellations += 1
        else:
            self.no_shows += 1
        self.charged_pence += _pence(booking)
        if is_waived(booking):
            self.waived += 1
            self.waived_pence += waived_pence(booking)


OTHER_ORGANISATIONS = "Other organisations (not charged)"


def charges_by_agency(*, user, partnership, year: str) -> tuple[list[AgencyCharges], AgencyCharges]:
    """Each agency's no-shows, late cancellations, charges and waivers in the year (agencies by
    name, then the other organisations apart), and the totals."""
    rows: dict[int | None, AgencyCharges] = {}
    for booking in chargeable_bookings(user=user, partnership=partnership, year=year):
        key = booking.agency_id
        if key not in rows:
            rows[key] = AgencyCharges(key, booking.agency.name if booking.agency else OTHER_ORGANISATIONS)
        rows[key].add(booking)
        rows[key].bookings.append(booking)
    ordered = sorted(rows.values(), key=lambda row: (row.is_other, row.name))
    total = AgencyCharges(None, "Total")
    for row in ordered:
        total.no_shows += row.no_shows
        total.late_cancellations += row.late_cancellations
        total.charged_pence += row.charged_pence
        total.waived_pence += row.waived_pence
        total.waived += row.waived
    return ordered, total


def agency_charge_bookings(*, user, partnership, year: str, agency_id: int | None) -> QuerySet[Booking]:
    """One agency's chargeable bookings in the year (None: those of other organisations)."""
    qs = chargeable_bookings(user=user, partnership=partnership, year=year)
    return qs.filter(agency__isnull=True) if agency_id is None else qs.filter(agency_id=agency_id)


def charge_booking(*, user, partnership, pk) -> Booking | None:
    """A booking with a charge the business unit may waive, or None."""
    if not can_manage(user=user, partnership=partnership):
        return None
    return (
        Booking.objects.filter(partnership=partnership, pk=pk, charge_pence__gt=0)
        .select_related("agency", "practitioner__user", "session__course", "session__parent__course")
        .first()
    )


def pounds(pence: int | None) -> str:
    return f"£{(pence or 0) / 100:,.2f}"
