"""The public course calendar and a session's page: open to anyone, the partnership's scheduled
sessions from today on, filtered by level, month and title, with places left, and no personal data
at all."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from assure.accounts.tests.factories import UserFactory
from assure.training.models import Course, Session
from assure.training.tests.factories import BookingFactory, CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"courses:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def test_the_calendar_opens_without_signing_in(client, partnership, session):
    html = client.get(url("calendar", partnership)).content.decode()
    assert session.course.title in html


def test_an_unknown_partnership_answers_404(client):
    assert client.get(reverse("courses:calendar", kwargs={"partnership": "nowhere"})).status_code == 404


def test_a_cancelled_session_is_not_listed(client, partnership, course):
    SessionFactory(course=course, title="Withdrawn session", status=Session.Status.CANCELLED)
    assert "Withdrawn session" not in client.get(url("calendar", partnership)).content.decode()


def test_a_past_session_is_not_listed(client, partnership, course):
    held = timezone.now() - dt.timedelta(days=10)
    SessionFactory(
        course=course,
        title="Last month's session",
        starts_at=held,
        ends_at=held + dt.timedelta(hours=3),
        booking_opens=held - dt.timedelta(days=30),
        booking_closes=held - dt.timedelta(days=1),
        cancel_by=held - dt.timedelta(days=7),
    )
    assert "Last month&#x27;s session" not in client.get(url("calendar", partnership)).content.decode()


def test_another_partnerships_sessions_are_not_listed(client, partnership, other_partnership):
    SessionFactory(course=CourseFactory(partnership=other_partnership, title="Southshire only"))
    assert "Southshire only" not in client.get(url("calendar", partnership)).content.decode()


def test_the_calendar_filters_by_level(client, partnership, session):
    SessionFactory(course=CourseFactory(partnership=partnership, title="Leading on safeguarding", level="specialist"))
    html = client.get(url("calendar", partnership), {"level": "specialist"}).content.decode()
    assert "Leading on safeguarding" in html and session.course.title not in html


def test_the_calendar_searches_by_title(client, partnership, session):
    SessionFactory(course=CourseFactory(partnership=partnership, title="Neglect: recognising it early"))
    html = client.get(url("calendar", partnership), {"q": "neglect"}).content.decode()
    assert "Neglect: recognising it early" in html and session.course.title not in html


def test_the_calendar_filters_by_month(client, partnership, session):
    month = timezone.localtime(session.starts_at).strftime("%Y-%m")
    later = session.starts_at + dt.timedelta(days=62)
    SessionFactory(
        course=CourseFactory(partnership=partnership, title="Two months on"),
        starts_at=later,
        ends_at=later + dt.timedelta(hours=3),
    )
    html = client.get(url("calendar", partnership), {"month": month}).content.decode()
    assert session.course.title in html and "Two months on" not in html


def test_the_calendar_says_when_nothing_is_scheduled(client, partnership):
    assert "No courses are scheduled" in client.get(url("calendar", partnership)).content.decode()


def test_a_full_session_offers_the_waiting_list(client, partnership, course):
    full = SessionFactory(course=course, capacity=1)
    BookingFactory(session=full)
    assert "Full — join the waiting list" in client.get(url("calendar", partnership)).content.decode()


def test_the_places_left_are_shown(client, partnership, session):
    BookingFactory(session=session)
    assert "19 places left" in client.get(url("calendar", partnership)).content.decode()


def test_a_session_not_yet_open_says_when_booking_opens(client, partnership, course):
    opens = timezone.now() + dt.timedelta(days=5)
    SessionFactory(course=course, booking_opens=opens)
    html = client.get(url("calendar", partnership)).content.decode()
    assert f"Booking opens on {timezone.localtime(opens):%-d %B %Y}" in html


def test_a_workshop_is_listed_under_its_conference(client, partnership):
    conference = SessionFactory(
        course=CourseFactory(partnership=partnership, delivery=Course.Delivery.CONFERENCE, title="Annual conference")
    )
    SessionFactory(
        course=conference.course,
        parent=conference,
        title="Workshop: parental substance misuse",
        starts_at=conference.starts_at,
        ends_at=conference.ends_at,
    )
    page = client.get(url("calendar", partnership))
    assert len(page.context["rows"]) == 1 and "Workshop: parental substance misuse" in page.content.decode()


def test_no_personal_data_on_the_calendar(client, partnership, course, practitioner, profile):
    trainer = UserFactory(full_name="Tamsin Trainerley", email="tamsin@trainers.example.org")
    chosen = SessionFactory(course=course, online_link="https://meet.example.org/secret-room")
    chosen.trainers.add(trainer)
    BookingFactory(session=chosen, practitioner=profile, agency=profile.agency)
    html = client.get(url("calendar", partnership)).content.decode()
    for secret in ("Pat Tishner", "pat@example.org", "secret-room", "Tamsin", "tamsin@trainers"):
        assert secret not in html


def test_no_personal_data_on_the_session_page(client, partnership, course, practitioner, profile):
    trainer = UserFactory(full_name="Tamsin Trainerley", email="tamsin@trainers.example.org")
    chosen = SessionFactory(course=course, online_link="https://meet.example.org/secret-room")
    chosen.trainers.add(trainer)
    BookingFactory(session=chosen, practitioner=profile, agency=profile.agency)
    html = client.get(url("session", partnership, reference=chosen.reference)).content.decode()
    for secret in ("Pat Tishner", "pat@example.org", "secret-room", "Tamsin", "tamsin@trainers"):
        assert secret not in html


def test_the_session_page_shows_the_learning_outcomes(client, partnership, session):
    html = client.get(url("session", partnership, reference=session.reference)).content.decode()
    assert "Recognise the signs of abuse and neglect" in html


def test_the_session_page_asks_a_visitor_to_sign_in_or_create_an_account(client, partnership, session):
    html = client.get(url("session", partnership, reference=session.reference)).content.decode()
    assert reverse("account_login") in html and url("signup", partnership) in html


def test_a_cancelled_sessions_page_answers_404(client, partnership, course):
    cancelled = SessionFactory(course=course, status=Session.Status.CANCELLED)
    assert client.get(url("session", partnership, reference=cancelled.reference)).status_code == 404
