"""Charges under the partnership's training policy: a no-show and a late cancellation are charged
to the agency (the policy's version kept), an exempt sector's agency and an organisation that is
not an agency never are; the business unit waives a charge with a reason; the report by agency."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.html import escape

from assure.audit.models import Event
from assure.core.navigation import partnership_url
from assure.partnerships.tests.factories import AgencyFactory, library_item
from assure.training.models import Booking
from assure.training.policy import policy_for
from assure.training.selectors.attendance import charges_by_agency
from assure.training.services.attendance import charge_late_cancellation, charge_waive, register_mark
from assure.training.tests.factories import BookingFactory, PractitionerFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(course):
    return SessionFactory(course=course, starts_at=timezone.localtime().replace(hour=9, minute=30, second=0))


def booking_of(session, partnership, agency, **extra):
    practitioner = PractitionerFactory(partnership=partnership, agency=agency)
    return BookingFactory(session=session, practitioner=practitioner, agency=agency, **extra)


def no_show(actor, session, booking):
    register_mark(actor=actor, session=session, marks={booking.pk: "no-show"})
    booking.refresh_from_db()
    return booking


def test_a_no_show_is_charged_under_the_policy(business_unit, held, partnership, agency):
    booking = no_show(business_unit, held, booking_of(held, partnership, agency))
    item, policy = policy_for(partnership)
    assert (booking.charge_pence, booking.charge_reason) == (policy.charge_no_show_pence, "no-show")


def test_a_charge_keeps_the_policy_version_used(business_unit, held, partnership, agency):
    booking = no_show(business_unit, held, booking_of(held, partnership, agency))
    assert booking.charge_policy == policy_for(partnership)[0]


def test_an_exempt_sectors_agency_is_not_charged(business_unit, held, partnership):
    charity = AgencyFactory(
        name="Riverside Family Trust", partnerships=[partnership], sector=library_item("sector", "voluntary")
    )
    booking = no_show(business_unit, held, booking_of(held, partnership, charity))
    assert booking.charge_pence is None


def test_an_organisation_that_is_not_an_agency_is_not_charged(business_unit, held, partnership):
    practitioner = PractitionerFactory(partnership=partnership, agency=None, other_organisation="Little Acorns Nursery")
    booking = BookingFactory(session=held, practitioner=practitioner, agency=None, organisation="Little Acorns Nursery")
    assert no_show(business_unit, held, booking).charge_pence is None


def test_a_late_cancellation_is_charged(session, partnership, agency):
    booking = booking_of(session, partnership, agency, status=Booking.Status.CANCELLED, cancelled_late=True)
    charge_late_cancellation(booking)
    booking.refresh_from_db()
    assert (booking.charge_pence, booking.charge_reason) == (5000, "late-cancellation")


def test_a_cancellation_in_time_is_not_charged(session, partnership, agency):
    booking = booking_of(session, partnership, agency, status=Booking.Status.CANCELLED, cancelled_late=False)
    charge_late_cancellation(booking)
    booking.refresh_from_db()
    assert booking.charge_pence is None


def test_the_business_unit_waives_a_charge(business_unit, held, partnership, agency):
    booking = no_show(business_unit, held, booking_of(held, partnership, agency))
    charge_waive(actor=business_unit, partnership=partnership, booking=booking, reason="Ill on the day")
    booking.refresh_from_db()
    assert booking.charge_pence == 0 and booking.charge_reason == "no-show"


def test_waiving_keeps_the_reason_in_the_event(business_unit, held, partnership, agency):
    booking = no_show(business_unit, held, booking_of(held, partnership, agency))
    charge_waive(actor=business_unit, partnership=partnership, booking=booking, reason="Ill on the day")
    assert Event.objects.get(verb="training.charge_waived").data["reason"] == "Ill on the day"


def test_waiving_needs_a_reason(business_unit, held, partnership, agency):
    booking = no_show(business_unit, held, booking_of(held, partnership, agency))
    with pytest.raises(ValidationError):
        charge_waive(actor=business_unit, partnership=partnership, booking=booking, reason=" ")


def test_a_board_member_may_not_waive(board_member, business_unit, held, partnership, agency):
    booking = no_show(business_unit, held, booking_of(held, partnership, agency))
    with pytest.raises(PermissionDenied):
        charge_waive(actor=board_member, partnership=partnership, booking=booking, reason="Ill")


def test_the_waive_page_asks_before_waiving(client, business_unit, held, partnership, agency):
    booking = no_show(business_unit, held, booking_of(held, partnership, agency))
    client.force_login(business_unit)
    url = partnership_url("training:charge_waive", partnership, pk=booking.pk)
    assert "Are you sure you want to waive this charge?" in client.get(url).content.decode()


def test_the_waive_page_waives_with_the_reason(client, business_unit, held, partnership, agency):
    booking = no_show(business_unit, held, booking_of(held, partnership, agency))
    client.force_login(business_unit)
    client.post(partnership_url("training:charge_waive", partnership, pk=booking.pk), {"reason": "Snowed in"})
    booking.refresh_from_db()
    assert booking.charge_pence == 0


# --- the report ----------------------------------------------------------------------------------


@pytest.fixture
def year_2014(course):
    return SessionFactory(
        course=course,
        starts_at=timezone.make_aware(dt.datetime(2014, 11, 12, 9, 30)),
        booking_opens=timezone.make_aware(dt.datetime(2014, 9, 1)),
    )


def test_the_report_totals_each_agency(business_unit, year_2014, partnership, agency, other_agency):
    booking_of(year_2014, partnership, agency, attendance="no-show", charge_pence=5000, charge_reason="no-show")
    booking_of(
        year_2014,
        partnership,
        agency,
        status=Booking.Status.CANCELLED,
        cancelled_late=True,
        charge_pence=5000,
        charge_reason="late-cancellation",
    )
    booking_of(year_2014, partnership, other_agency, attendance="no-show", charge_pence=5000, charge_reason="no-show")
    rows, total = charges_by_agency(user=business_unit, partnership=partnership, year="2014-15")
    found = {row.name: (row.no_shows, row.late_cancellations, row.charged_pence) for row in rows}
    assert found == {agency.name: (1, 1, 10000), other_agency.name: (1, 0, 5000)}
    assert (total.no_shows, total.late_cancellations, total.charged_pence) == (2, 1, 15000)


def test_the_report_counts_what_was_waived(business_unit, year_2014, partnership, agency):
    item, _ = policy_for(partnership)
    booking_of(
        year_2014,
        partnership,
        agency,
        attendance="no-show",
        charge_pence=0,
        charge_reason="no-show",
        charge_policy=item,
    )
    _, total = charges_by_agency(user=business_unit, partnership=partnership, year="2014-15")
    assert (total.waived, total.waived_pence, total.charged_pence) == (1, 5000, 0)


def test_the_report_leaves_out_other_years(business_unit, year_2014, partnership, agency):
    booking_of(year_2014, partnership, agency, attendance="no-show", charge_pence=5000, charge_reason="no-show")
    assert charges_by_agency(user=business_unit, partnership=partnership, year="2015-16")[0] == []


def test_the_report_lists_other_organisations_apart(business_unit, year_2014, partnership, agency):
    booking_of(year_2014, partnership, agency, attendance="no-show", charge_pence=5000, charge_reason="no-show")
    practitioner = PractitionerFactory(partnership=partnership, agency=None, other_organisation="Little Acorns Nursery")
    BookingFactory(session=year_2014, practitioner=practitioner, agency=None, attendance="no-show")
    rows, _ = charges_by_agency(user=business_unit, partnership=partnership, year="2014-15")
    assert [row.is_other for row in rows] == [False, True]


def test_the_report_page_shows_the_total_in_pounds(client, business_unit, year_2014, partnership, agency):
    booking_of(year_2014, partnership, agency, attendance="no-show", charge_pence=5000, charge_reason="no-show")
    client.force_login(business_unit)
    html = client.get(partnership_url("training:charges", partnership), {"year": "2014-15"}).content.decode()
    assert agency.name in html and "£50.00" in html


def test_the_report_downloads_as_csv(client, business_unit, year_2014, partnership, agency):
    booking_of(year_2014, partnership, agency, attendance="no-show", charge_pence=5000, charge_reason="no-show")
    client.force_login(business_unit)
    response = client.get(partnership_url("training:charges", partnership), {"year": "2014-15", "_export": "csv"})
    assert f"{agency.name},1,0,50.00" in response.content.decode()


def test_the_agency_page_lists_its_bookings(client, business_unit, year_2014, partnership, agency):
    booking = booking_of(
        year_2014, partnership, agency, attendance="no-show", charge_pence=5000, charge_reason="no-show"
    )
    client.force_login(business_unit)
    url = partnership_url("training:charges_agency", partnership, agency_pk=agency.pk)
    html = client.get(url, {"year": "2014-15"}).content.decode()
    assert escape(booking.practitioner.user.full_name) in html and year_2014.reference in html
