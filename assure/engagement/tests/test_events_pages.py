"""The events' pages: the register filters and downloads; the business unit records, changes and
deletes an event (after confirming); an event run as a training session names its reference, which
must be one of the partnership's sessions, and its attendance is those marked attended on the
session's register; the board reads and changes nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from assure.audit.models import Event as TrailEvent
from assure.engagement.models import Event
from assure.engagement.selectors.events import event_attendance
from assure.engagement.tests.factories import EventFactory
from assure.training.models import Booking, Course
from assure.training.tests.factories import BookingFactory, CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, query: str = "", **kwargs):
    return reverse(f"engagement:{name}", kwargs={"partnership": partnership.slug, **kwargs}) + query


def event_posted(**changes) -> dict:
    data = {
        "kind": "conference",
        "title": "E-safety conference",
        "held_on": "2014-03-12",
        "venue": "Shirehall",
        "area": "",
        "purpose": "Keeping children safe online.",
        "audience": "Professionals",
        "training_session": "",
        "attendees": "120",
        "feedback": "",
        "priority": "",
        "campaign": "",
    }
    data.update(changes)
    return data


def conference(partnership, *, attended: int, no_show: int = 0):
    """A conference of the training calendar held a week ago, its register marked."""
    course = CourseFactory(partnership=partnership, delivery=Course.Delivery.CONFERENCE, title="E-safety conference")
    starts = timezone.now() - dt.timedelta(days=7)
    session = SessionFactory(
        course=course,
        starts_at=starts,
        booking_opens=starts - dt.timedelta(days=30),
        booking_closes=starts - dt.timedelta(days=2),
        cancel_by=starts - dt.timedelta(days=7),
        capacity=200,
    )
    for _ in range(attended):
        BookingFactory(session=session, attendance=Booking.Attendance.ATTENDED)
    for _ in range(no_show):
        BookingFactory(session=session, attendance=Booking.Attendance.NO_SHOW)
    return session


def rows(response) -> list:
    return list(response.context["table"].data)


# --- the register -------------------------------------------------------------------------------


def test_the_register_filters_by_kind(client, board_member, partnership):
    wanted = EventFactory(partnership=partnership, kind="conference")
    EventFactory(partnership=partnership, kind="community-workshop")
    client.force_login(board_member)
    assert rows(client.get(url("events", partnership, "?kind=conference"))) == [wanted]


def test_the_register_filters_by_year(client, board_member, partnership):
    wanted = EventFactory(partnership=partnership, held_on=dt.date(2015, 4, 21))
    EventFactory(partnership=partnership, held_on=dt.date(2014, 3, 12))
    client.force_login(board_member)
    assert rows(client.get(url("events", partnership, "?year=2015-16"))) == [wanted]


def test_the_register_downloads_the_attendance(client, board_member, partnership):
    EventFactory(partnership=partnership, title="Everyone's business", attendees=45)
    client.force_login(board_member)
    text = client.get(url("events", partnership, "?_export=csv")).content.decode()
    assert "Everyone's business" in text
    assert "45" in text
    assert "Community workshop" in text


# --- recording an event -------------------------------------------------------------------------


def test_the_business_unit_records_an_event(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(url("event_create", partnership), event_posted())
    event = Event.objects.get(partnership=partnership)
    assert response.status_code == 302
    assert (event.kind, event.held_on, event.attendees) == ("conference", dt.date(2014, 3, 12), 120)
    assert TrailEvent.objects.filter(verb="engagement.event_created").exists()


def test_an_event_of_a_kind_the_library_does_not_hold_is_refused(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(url("event_create", partnership), event_posted(kind="party"))
    assert "kind" in response.context["form"].errors
    assert not Event.objects.exists()


def test_an_event_names_a_training_session_the_register_holds(client, business_unit, partnership):
    session = conference(partnership, attended=3)
    client.force_login(business_unit)
    client.post(
        url("event_create", partnership), event_posted(training_session=session.reference.lower(), attendees="")
    )
    assert Event.objects.get().training_session == session.reference


def test_a_training_session_the_register_does_not_hold_is_refused(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(url("event_create", partnership), event_posted(training_session="TS-9999", attendees=""))
    assert "TS-9999" in response.context["form"].errors["training_session"][0]
    assert 'value="E-safety conference"' in response.content.decode()
    assert not Event.objects.exists()


def test_another_partnerships_training_session_is_refused(client, business_unit, partnership, other_partnership):
    session = conference(other_partnership, attended=2)
    client.force_login(business_unit)
    response = client.post(
        url("event_create", partnership), event_posted(training_session=session.reference, attendees="")
    )
    assert "training_session" in response.context["form"].errors


def test_a_number_typed_beside_a_training_session_is_refused(client, business_unit, partnership):
    session = conference(partnership, attended=3)
    client.force_login(business_unit)
    response = client.post(url("event_create", partnership), event_posted(training_session=session.reference))
    assert "attendees" in response.context["form"].errors
    assert not Event.objects.exists()


def test_an_events_attendance_comes_from_the_training_register(business_unit, partnership):
    session = conference(partnership, attended=3, no_show=2)
    event = EventFactory(partnership=partnership, training_session=session.reference, attendees=None)
    attendance = event_attendance(user=business_unit, partnership=partnership, event=event)
    assert (attendance.number, attendance.from_training) == (3, True)


def test_the_events_page_says_the_training_register_counted_it(client, board_member, partnership):
    session = conference(partnership, attended=4)
    event = EventFactory(partnership=partnership, training_session=session.reference, attendees=None)
    client.force_login(board_member)
    page = client.get(url("event_detail", partnership, pk=event.pk)).content.decode()
    assert f"4 marked attended on the training register of {session.reference}" in page


def test_the_business_unit_changes_an_event(client, business_unit, partnership):
    event = EventFactory(partnership=partnership)
    client.force_login(business_unit)
    client.post(url("event_edit", partnership, pk=event.pk), event_posted(title="Conference 2014", attendees="100"))
    event.refresh_from_db()
    assert (event.title, event.attendees) == ("Conference 2014", 100)


def test_deleting_an_event_asks_first_then_deletes_it(client, business_unit, partnership):
    event = EventFactory(partnership=partnership)
    address = url("event_delete", partnership, pk=event.pk)
    client.force_login(business_unit)
    assert escape(f"Delete {event.title}?") in client.get(address).content.decode()
    assert Event.objects.filter(pk=event.pk).exists()
    client.post(address)
    assert not Event.objects.filter(pk=event.pk).exists()


# --- who may -----------------------------------------------------------------------------------


def test_the_board_reads_an_event_without_the_buttons_to_change_it(client, board_member, partnership):
    event = EventFactory(partnership=partnership)
    client.force_login(board_member)
    page = client.get(url("event_detail", partnership, pk=event.pk)).content.decode()
    assert escape(event.title) in page
    assert "Change the event" not in page


def test_the_board_cannot_record_an_event(client, board_member, partnership):
    client.force_login(board_member)
    assert client.post(url("event_create", partnership), event_posted()).status_code == 403
    assert not Event.objects.exists()


def test_another_partnerships_event_is_not_found(client, business_unit, partnership):
    event = EventFactory()
    client.force_login(business_unit)
    assert client.get(url("event_detail", partnership, pk=event.pk)).status_code == 404
