"""The catalogue's pages: the registers of courses and sessions filter and download; the session's
form takes a date and times; the session's page shows its places; cancelling asks for a reason;
a workshop is added only to a conference; the board reads and changes nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from assure.training.models import Booking, Course, Session
from assure.training.tests.factories import BookingFactory, CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, query: str = "", **kwargs):
    return reverse(f"training:{name}", kwargs={"partnership": partnership.slug, **kwargs}) + query


def session_posted(day: dt.date, **changes) -> dict:
    data = {
        "date": day.isoformat(),
        "start_time": "09:30",
        "end_time": "16:00",
        "venue": "Shirehall",
        "address": "Abbey Foregate, Shrewsbury",
        "capacity": "24",
        "trainer_names": "Morgan Ellery",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def rows(response) -> list:
    return list(response.context["table"].data)


# --- courses register ---------------------------------------------------------------------------


def test_the_course_register_filters_by_level(client, business_unit, partnership):
    wanted = CourseFactory(partnership=partnership, level="specialist")
    CourseFactory(partnership=partnership, level="foundation")
    client.force_login(business_unit)
    assert rows(client.get(url("courses", partnership, "?level=specialist"))) == [wanted]


def test_the_course_register_filters_retired_courses(client, business_unit, partnership):
    retired = CourseFactory(partnership=partnership, is_active=False)
    CourseFactory(partnership=partnership)
    client.force_login(business_unit)
    assert rows(client.get(url("courses", partnership, "?offered=retired"))) == [retired]


def test_the_course_register_downloads_its_rows(client, business_unit, partnership):
    CourseFactory(partnership=partnership, title="Neglect toolkit", level="specialist")
    client.force_login(business_unit)
    text = client.get(url("courses", partnership, "?_export=csv")).content.decode("utf-8-sig")
    assert "Neglect toolkit" in text and "Specialist" in text and "<a" not in text


def test_the_course_register_says_when_nothing_matches(client, business_unit, partnership):
    client.force_login(business_unit)
    assert "No course matches." in client.get(url("courses", partnership)).content.decode()


def test_the_board_member_reads_the_courses_without_the_add_button(client, board_member, partnership, course):
    client.force_login(board_member)
    response = client.get(url("courses", partnership))
    assert response.status_code == 200
    assert url("course_create", partnership) not in response.content.decode()


# --- sessions register --------------------------------------------------------------------------


def test_the_session_register_counts_places_held_and_waiting(client, business_unit, partnership, session):
    BookingFactory.create_batch(2, session=session)
    BookingFactory(session=session, status=Booking.Status.WAITING)
    BookingFactory(session=session, status=Booking.Status.CANCELLED)
    client.force_login(business_unit)
    [row] = rows(client.get(url("sessions", partnership)))
    assert (row.booked, row.waiting) == (2, 1)


def test_the_session_register_searches_by_reference(client, business_unit, partnership, course):
    first, second = SessionFactory(course=course), SessionFactory(course=course)
    client.force_login(business_unit)
    assert rows(client.get(url("sessions", partnership, f"?q={second.reference}"))) == [second]
    assert first.reference != second.reference


def test_the_session_register_filters_by_course(client, business_unit, partnership, session):
    SessionFactory(course=CourseFactory(partnership=partnership))
    client.force_login(business_unit)
    assert rows(client.get(url("sessions", partnership, f"?course={session.course_id}"))) == [session]


def test_the_session_register_filters_by_month(client, business_unit, partnership, course):
    later = SessionFactory(course=course, starts_at=timezone.now() + dt.timedelta(days=90))
    SessionFactory(course=course)
    month = timezone.localtime(later.starts_at).strftime("%Y-%m")
    client.force_login(business_unit)
    assert rows(client.get(url("sessions", partnership, f"?month={month}"))) == [later]


def test_the_session_register_filters_by_status(client, business_unit, partnership, course):
    cancelled = SessionFactory(course=course, status=Session.Status.CANCELLED)
    SessionFactory(course=course)
    client.force_login(business_unit)
    assert rows(client.get(url("sessions", partnership, "?status=cancelled"))) == [cancelled]


def test_the_session_register_downloads_places_and_counts(client, business_unit, partnership, session):
    BookingFactory(session=session)
    client.force_login(business_unit)
    text = client.get(url("sessions", partnership, "?_export=csv")).content.decode("utf-8-sig")
    header, line = text.splitlines()[:2]
    assert header.split(",")[:7] == ["Reference", "Course", "Starts", "Venue", "Places", "Booked", "Waiting"]
    assert line.startswith(f"{session.reference},") and ",20,1,0," in line


# --- scheduling and changing by the form --------------------------------------------------------


def test_the_business_unit_schedules_a_session_by_the_form(client, business_unit, partnership, course):
    client.force_login(business_unit)
    response = client.post(url("session_create", partnership, pk=course.pk), session_posted(in_days(40)))
    session = Session.objects.get(course=course)
    assert response.status_code == 302 and response.url == url("session_detail", partnership, pk=session.pk)
    starts = timezone.localtime(session.starts_at)
    assert (starts.date(), starts.hour, starts.minute) == (in_days(40), 9, 30)


def test_the_form_shows_the_end_before_the_start_against_its_field(client, business_unit, partnership, course):
    client.force_login(business_unit)
    response = client.post(
        url("session_create", partnership, pk=course.pk), session_posted(in_days(40), end_time="09:00")
    )
    assert response.context["form"].errors["end_time"] == ["The session must end after it starts."]


def test_booking_closing_on_the_day_of_the_session_is_refused(client, business_unit, partnership, course):
    client.force_login(business_unit)
    response = client.post(
        url("session_create", partnership, pk=course.pk),
        session_posted(in_days(40), booking_closes=in_days(40).isoformat()),
    )
    assert response.context["form"].errors["booking_closes"] == ["Booking must close before the session starts."]


def test_a_retired_course_shows_why_it_cannot_be_scheduled(client, business_unit, partnership):
    course = CourseFactory(partnership=partnership, is_active=False)
    client.force_login(business_unit)
    response = client.post(url("session_create", partnership, pk=course.pk), session_posted(in_days(40)))
    assert response.status_code == 200 and not Session.objects.filter(course=course).exists()


def test_changing_a_session_keeps_booking_dates_not_changed(client, business_unit, partnership, session):
    closes = session.booking_closes
    day = timezone.localtime(session.starts_at).date()
    client.force_login(business_unit)
    client.post(
        url("session_edit", partnership, pk=session.pk),
        session_posted(
            day,
            capacity="30",
            booking_opens=timezone.localtime(session.booking_opens).date().isoformat(),
            booking_closes=timezone.localtime(closes).date().isoformat(),
            cancel_by=timezone.localtime(session.cancel_by).date().isoformat(),
        ),
    )
    session.refresh_from_db()
    assert (session.capacity, session.booking_closes) == (30, closes)


# --- the session's page, cancelling, workshops --------------------------------------------------


def test_the_board_member_reads_a_session_without_its_buttons(client, board_member, partnership, session):
    client.force_login(board_member)
    response = client.get(url("session_detail", partnership, pk=session.pk))
    assert response.status_code == 200
    assert url("session_cancel", partnership, pk=session.pk) not in response.content.decode()


@pytest.mark.parametrize("page", ["session_edit", "session_cancel"])
def test_the_board_member_cannot_change_a_session(client, board_member, partnership, session, page):
    client.force_login(board_member)
    assert client.post(url(page, partnership, pk=session.pk), {"reason": "No."}).status_code == 403


def test_cancelling_without_a_reason_is_refused(client, business_unit, partnership, session):
    client.force_login(business_unit)
    response = client.post(url("session_cancel", partnership, pk=session.pk), {"reason": ""})
    session.refresh_from_db()
    assert response.status_code == 200 and session.status == Session.Status.SCHEDULED


def test_cancelling_with_a_reason_cancels(client, business_unit, partnership, session):
    client.force_login(business_unit)
    client.post(url("session_cancel", partnership, pk=session.pk), {"reason": "The trainer is ill."})
    session.refresh_from_db()
    assert session.status == Session.Status.CANCELLED


def test_a_workshop_is_added_to_a_conference_by_the_form(client, business_unit, partnership):
    conference = SessionFactory(course=CourseFactory(partnership=partnership, delivery=Course.Delivery.CONFERENCE))
    day = timezone.localtime(conference.starts_at).date()
    client.force_login(business_unit)
    client.post(
        url("workshop_create", partnership, pk=conference.pk),
        {"title": "Neglect", "date": day.isoformat(), "start_time": "10:00", "end_time": "11:00", "capacity": "30"},
    )
    assert conference.workshops.get().title == "Neglect"


def test_a_session_that_is_no_conference_takes_no_workshop(client, business_unit, partnership, session):
    day = timezone.localtime(session.starts_at).date()
    client.force_login(business_unit)
    response = client.post(
        url("workshop_create", partnership, pk=session.pk),
        {"title": "Neglect", "date": day.isoformat(), "start_time": "10:00", "end_time": "11:00", "capacity": "30"},
    )
    assert response.status_code == 200 and not session.workshops.exists()
    assert "only a conference has workshops" in response.content.decode()


def test_the_practitioner_is_refused_the_sessions(client, practitioner, partnership, session):
    client.force_login(practitioner)
    assert client.get(url("session_detail", partnership, pk=session.pk)).status_code == 403
