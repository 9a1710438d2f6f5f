"""The catalogue's sessions: scheduling them (numbered TS-0001 upward, booking dates defaulted),
the date rules (ends after it starts, booking closes after it opens and before the start, free
cancellation before the start), places never below those held, trainers from the partnership only,
cancellation that cancels the bookings and tells each practitioner, and workshops only under a
conference, within its times."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.accounts.tests.factories import UserFactory
from assure.notifications.models import Message
from assure.training.models import Booking, Course, Session
from assure.training.services.catalogue import (
    session_cancel,
    session_create,
    session_update,
    workshop_create,
)
from assure.training.tests.factories import BookingFactory, CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db


def ahead(days: int, hour: int = 9, minute: int = 30) -> dt.datetime:
    return timezone.localtime(timezone.now() + dt.timedelta(days=days)).replace(
        hour=hour, minute=minute, second=0, microsecond=0
    )


def values(**changes) -> dict:
    data = {
        "starts_at": ahead(30),
        "ends_at": ahead(30, 16),
        "venue": "Shirehall",
        "address": "Abbey Foregate, Shrewsbury",
        "accessibility": "",
        "online_link": "",
        "capacity": 20,
        "trainer_names": "Morgan Ellery",
        "booking_opens": None,
        "booking_closes": None,
        "cancel_by": None,
    }
    data.update(changes)
    return data


def errors_of(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


# --- scheduling ---------------------------------------------------------------------------------


def test_sessions_are_numbered_in_the_partnership(business_unit, course):
    first = session_create(actor=business_unit, course=course, values=values())
    second = session_create(actor=business_unit, course=course, values=values())
    assert (first.reference, second.reference) == ("TS-0001", "TS-0002")


def test_booking_dates_left_blank_take_the_defaults(business_unit, course):
    session = session_create(actor=business_unit, course=course, values=values())
    assert session.booking_opens <= timezone.now()
    assert session.booking_closes == session.starts_at - dt.timedelta(days=2)
    assert session.cancel_by == session.starts_at - dt.timedelta(days=7)


def test_a_session_must_end_after_it_starts(business_unit, course):
    errors = errors_of(lambda: session_create(actor=business_unit, course=course, values=values(ends_at=ahead(30, 9))))
    assert errors["ends_at"] == ["The session must end after it starts."]


def test_booking_must_close_after_it_opens(business_unit, course):
    errors = errors_of(
        lambda: session_create(
            actor=business_unit,
            course=course,
            values=values(booking_opens=ahead(10), booking_closes=ahead(5)),
        )
    )
    assert errors["booking_closes"] == ["Booking must close after it opens."]


def test_booking_must_close_before_the_session_starts(business_unit, course):
    errors = errors_of(
        lambda: session_create(actor=business_unit, course=course, values=values(booking_closes=ahead(30, 12)))
    )
    assert errors["booking_closes"] == ["Booking must close before the session starts."]


def test_free_cancellation_must_end_before_the_session_starts(business_unit, course):
    errors = errors_of(lambda: session_create(actor=business_unit, course=course, values=values(cancel_by=ahead(31))))
    assert "cancel_by" in errors


def test_a_session_needs_a_place(business_unit, course):
    errors = errors_of(lambda: session_create(actor=business_unit, course=course, values=values(capacity=0)))
    assert errors["capacity"] == ["A session needs at least 1 place."]


def test_a_classroom_session_needs_a_venue(business_unit, course):
    errors = errors_of(lambda: session_create(actor=business_unit, course=course, values=values(venue=" ")))
    assert errors["venue"] == ["Enter the venue."]


def test_only_an_online_session_has_a_link(business_unit, course):
    errors = errors_of(
        lambda: session_create(
            actor=business_unit, course=course, values=values(online_link="https://meet.example.org/x")
        )
    )
    assert "online_link" in errors


def test_a_trainer_from_outside_the_partnership_is_refused(business_unit, course):
    stranger = UserFactory()
    errors = errors_of(
        lambda: session_create(
            actor=business_unit, course=course, values=values(), trainers=[stranger], allowed_trainers=[business_unit]
        )
    )
    assert "trainers" in errors


def test_trainers_named_are_kept(business_unit, practitioner, course):
    session = session_create(
        actor=business_unit,
        course=course,
        values=values(),
        trainers=[practitioner],
        allowed_trainers=[business_unit, practitioner],
    )
    assert list(session.trainers.all()) == [practitioner]


def test_a_retired_course_is_not_scheduled(business_unit, partnership):
    course = CourseFactory(partnership=partnership, is_active=False)
    with pytest.raises(ValidationError):
        session_create(actor=business_unit, course=course, values=values())


def test_an_elearning_course_has_no_sessions(business_unit, partnership):
    course = CourseFactory(partnership=partnership, delivery=Course.Delivery.ELEARNING)
    with pytest.raises(ValidationError):
        session_create(actor=business_unit, course=course, values=values())


def test_the_board_member_cannot_schedule(board_member, course):
    with pytest.raises(PermissionDenied):
        session_create(actor=board_member, course=course, values=values())


# --- changing -----------------------------------------------------------------------------------


def session_values(session: Session, **changes) -> dict:
    data = {
        name: getattr(session, name)
        for name in (
            "starts_at",
            "ends_at",
            "venue",
            "address",
            "accessibility",
            "online_link",
            "capacity",
            "trainer_names",
            "booking_opens",
            "booking_closes",
            "cancel_by",
        )
    }
    data.update(changes)
    return data


def test_places_cannot_fall_below_those_held(business_unit, session):
    BookingFactory.create_batch(3, session=session)
    errors = errors_of(
        lambda: session_update(actor=business_unit, session=session, values=session_values(session, capacity=2))
    )
    assert errors["capacity"] == ["3 places are already held: the session cannot have fewer than 3."]


def test_places_may_fall_to_those_held(business_unit, session):
    BookingFactory.create_batch(3, session=session)
    BookingFactory(session=session, status=Booking.Status.WAITING)
    changed = session_update(actor=business_unit, session=session, values=session_values(session, capacity=3))
    assert changed == ["capacity"]


def test_a_cancelled_session_does_not_change(business_unit, session):
    session.status = Session.Status.CANCELLED
    session.save()
    with pytest.raises(ValidationError):
        session_update(actor=business_unit, session=session, values=session_values(session, capacity=30))


# --- cancelling ---------------------------------------------------------------------------------


def test_cancelling_tells_each_practitioner_booked_or_waiting(business_unit, session):
    booked = BookingFactory(session=session)
    waiting = BookingFactory(session=session, status=Booking.Status.WAITING)
    session_cancel(actor=business_unit, session=session, reason="The trainer is ill.")
    told = set(Message.objects.filter(kind="training.session_cancelled").values_list("recipient_id", flat=True))
    assert told == {booked.practitioner.user_id, waiting.practitioner.user_id}


def test_a_cancelled_booking_is_not_told(business_unit, session):
    gone = BookingFactory(session=session, status=Booking.Status.CANCELLED)
    session_cancel(actor=business_unit, session=session, reason="The trainer is ill.")
    assert not Message.objects.filter(recipient=gone.practitioner.user).exists()


def test_the_message_gives_the_reason_and_names_nobody_in_its_subject(business_unit, session):
    booking = BookingFactory(session=session)
    session_cancel(actor=business_unit, session=session, reason="The trainer is ill.")
    message = Message.objects.get(kind="training.session_cancelled")
    assert "The trainer is ill." in message.body
    assert booking.practitioner.user.full_name not in message.subject


def test_cancelling_cancels_the_bookings(business_unit, session):
    booking = BookingFactory(session=session)
    session_cancel(actor=business_unit, session=session, reason="The venue flooded.")
    booking.refresh_from_db()
    session.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert (session.status, session.cancelled_reason) == ("cancelled", "The venue flooded.")


def test_cancelling_needs_a_reason(business_unit, session):
    errors = errors_of(lambda: session_cancel(actor=business_unit, session=session, reason="  "))
    assert "reason" in errors


def test_a_session_that_has_started_is_not_cancelled(business_unit, course):
    starts = timezone.now() - dt.timedelta(hours=1)
    session = SessionFactory(
        course=course,
        starts_at=starts,
        booking_opens=starts - dt.timedelta(days=10),
        booking_closes=starts - dt.timedelta(days=2),
    )
    with pytest.raises(ValidationError):
        session_cancel(actor=business_unit, session=session, reason="Too late.")


def test_cancelling_a_conference_cancels_its_workshops(business_unit, partnership):
    conference = SessionFactory(course=CourseFactory(partnership=partnership, delivery=Course.Delivery.CONFERENCE))
    workshop = SessionFactory(
        course=conference.course, parent=conference, starts_at=conference.starts_at, ends_at=conference.ends_at
    )
    session_cancel(actor=business_unit, session=conference, reason="Postponed to the spring.")
    workshop.refresh_from_db()
    assert workshop.status == Session.Status.CANCELLED


# --- workshops ----------------------------------------------------------------------------------


@pytest.fixture
def conference(partnership):
    return SessionFactory(
        course=CourseFactory(partnership=partnership, delivery=Course.Delivery.CONFERENCE), capacity=200
    )


def workshop_values(conference, **changes) -> dict:
    data = {
        "title": "Parental mental ill health",
        "starts_at": conference.starts_at + dt.timedelta(hours=1),
        "ends_at": conference.starts_at + dt.timedelta(hours=2),
        "venue": "",
        "capacity": 30,
        "trainer_names": "",
    }
    data.update(changes)
    return data


def test_a_workshop_takes_the_conferences_booking_dates(business_unit, conference):
    workshop = workshop_create(actor=business_unit, conference=conference, values=workshop_values(conference))
    assert workshop.parent == conference and workshop.is_workshop
    assert (workshop.booking_closes, workshop.cancel_by) == (conference.booking_closes, conference.cancel_by)
    assert workshop.venue == conference.venue


def test_a_workshop_only_under_a_conference(business_unit, session):
    with pytest.raises(ValidationError) as raised:
        workshop_create(actor=business_unit, conference=session, values=workshop_values(session))
    assert raised.value.messages == ["Only a conference has workshops."]


def test_a_workshop_within_the_conferences_times(business_unit, conference):
    errors = errors_of(
        lambda: workshop_create(
            actor=business_unit,
            conference=conference,
            values=workshop_values(conference, ends_at=conference.ends_at + dt.timedelta(hours=1)),
        )
    )
    assert errors["ends_at"] == ["The workshop must end within the conference's times."]


def test_a_workshop_does_not_start_before_the_conference(business_unit, conference):
    errors = errors_of(
        lambda: workshop_create(
            actor=business_unit,
            conference=conference,
            values=workshop_values(conference, starts_at=conference.starts_at - dt.timedelta(hours=1)),
        )
    )
    assert "starts_at" in errors
