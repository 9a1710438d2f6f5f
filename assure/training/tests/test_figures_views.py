"""The training figures page and its download."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from assure.training.models import Booking
from assure.training.tests.factories import BookingFactory, CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db


def url(partnership, name="training:figures") -> str:
    return reverse(name, kwargs={"partnership": partnership.slug})


@pytest.fixture
def held(partnership):
    start = timezone.make_aware(dt.datetime(2014, 10, 6, 9, 30))
    session = SessionFactory(
        course=CourseFactory(partnership=partnership),
        starts_at=start,
        ends_at=start + dt.timedelta(hours=6),
        booking_opens=start - dt.timedelta(days=60),
        booking_closes=start - dt.timedelta(days=2),
        cancel_by=start - dt.timedelta(days=7),
    )
    for _ in range(3):
        BookingFactory(session=session, attendance=Booking.Attendance.ATTENDED)
    return session


def test_the_board_reads_the_years_sentence(client, board_member, partnership, held):
    client.force_login(board_member)
    page = client.get(url(partnership), {"year": "2014-15"}).content.decode()
    assert "In 2014-15, 1 multi-agency training session reached 3 delegates." in page


def test_the_page_opens_on_the_last_year_with_training(client, business_unit, partnership, held):
    client.force_login(business_unit)
    response = client.get(url(partnership))
    assert response.context["year"] == "2014-15"


def test_the_page_says_how_the_figures_are_counted(client, chair, partnership):
    client.force_login(chair)
    page = client.get(url(partnership)).content.decode()
    assert "Delegates are the bookings marked attended on those sessions" in page


def test_an_empty_year_says_nothing_was_recorded(client, business_unit, partnership):
    client.force_login(business_unit)
    page = client.get(url(partnership), {"year": "2014-15"}).content.decode()
    assert "No multi-agency training was recorded in 2014-15 or 2013-14." in page


def test_a_practitioner_may_not_read_the_figures(client, practitioner, partnership):
    client.force_login(practitioner)
    assert client.get(url(partnership)).status_code == 403


def test_the_download_holds_the_delegates(client, business_unit, partnership, held):
    client.force_login(business_unit)
    response = client.get(url(partnership, "training:figures_download"), {"year": "2014-15", "format": "csv"})
    body = response.content.decode()
    assert "2014-15,Summary,Delegates (sessions and e-learning),3" in body.replace("\r", "")


def test_the_download_refuses_an_unknown_format(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.get(url(partnership, "training:figures_download"), {"format": "pdf"})
    assert response.status_code == 404
