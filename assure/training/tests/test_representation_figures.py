"""Representation at multi-agency training: delegates by agency and sector against the workforce
the agencies returned, a sector flagged when its share of delegates is under half its share of the
workforce; and the page with its download."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from assure.partnerships.tests.factories import AgencyFactory, library_item
from assure.training.models import Booking, Course
from assure.training.selectors.representation import representation_for_year
from assure.training.tests.factories import BookingFactory, CourseFactory, SessionFactory, TrainingReturnFactory

pytestmark = pytest.mark.django_db
YEAR = "2014-15"


def _agency(partnership, name, sector):
    return AgencyFactory(name=name, partnerships=[partnership], sector=library_item("sector", sector))


def _attended(session, agency, count):
    for _ in range(count):
        BookingFactory(session=session, agency=agency, attendance=Booking.Attendance.ATTENDED)


def _returned(partnership, agency, workforce):
    TrainingReturnFactory(partnership=partnership, agency=agency, year=YEAR, status="submitted", workforce=workforce)


@pytest.fixture
def session(partnership):
    start = timezone.make_aware(dt.datetime(2014, 10, 7, 9, 30))
    return SessionFactory(
        course=CourseFactory(partnership=partnership, is_multi_agency=True),
        starts_at=start,
        ends_at=start + dt.timedelta(hours=6),
        booking_opens=start - dt.timedelta(days=60),
        capacity=100,
    )


@pytest.fixture
def small_set(partnership, session):
    """Health has half the workforce but a tenth of the delegates; police the rest."""
    health = _agency(partnership, "Northshire Hospitals", "health")
    police = _agency(partnership, "Northshire Police", "police")
    _returned(partnership, health, 500)
    _returned(partnership, police, 500)
    _attended(session, health, 2)
    _attended(session, police, 18)
    return health, police


def test_a_sector_under_half_its_workforce_share_is_under_represented(partnership, small_set):
    shown = representation_for_year(partnership=partnership, year=YEAR)
    assert [line.name for line in shown.under_represented] == ["Health"]


def test_delegates_per_hundred_staff_divide_by_the_workforce_returned(partnership, small_set):
    shown = representation_for_year(partnership=partnership, year=YEAR)
    police = next(line for line in shown.agencies if line.name == "Northshire Police")
    assert (police.delegates, police.workforce, str(police.per_hundred)) == (18, 500, "3.6")


def test_conferences_and_bookings_not_attended_are_not_delegates(partnership, small_set, session):
    health, _ = small_set
    conference = SessionFactory(
        course=CourseFactory(partnership=partnership, delivery=Course.Delivery.CONFERENCE),
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        booking_opens=session.booking_opens,
        capacity=100,
    )
    _attended(conference, health, 30)
    BookingFactory(session=session, agency=health)
    shown = representation_for_year(partnership=partnership, year=YEAR)
    assert next(line for line in shown.agencies if line.name == health.name).delegates == 2


def test_another_years_sessions_are_not_counted(partnership, small_set):
    shown = representation_for_year(partnership=partnership, year="2015-16")
    assert shown.delegates == 0 and shown.under_represented == []


def test_the_page_shows_the_flag_to_the_board(client, board_member, partnership, small_set):
    client.force_login(board_member)
    page = client.get(reverse("training:representation", kwargs={"partnership": partnership.slug}) + f"?year={YEAR}")
    assert "Under-represented</strong>" in page.content.decode()


def test_the_download_holds_each_sector(client, board_member, partnership, small_set):
    client.force_login(board_member)
    url = reverse("training:representation", kwargs={"partnership": partnership.slug})
    download = client.get(url + f"?year={YEAR}&_export=csv").content.decode()
    assert "Sector,Health,,2,500,0.4,10,50,Yes" in download
