"""Booking a place: capacity and the waiting list, refusals, cancellations before and after the
free cancellation date, offers and their lapse, and the session cancelled."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.audit.models import Event
from assure.notifications.models import Message
from assure.training.models import Booking, Course
from assure.training.services.bookings import booking_cancel, booking_create, bookings_cancel_for_session
from assure.training.services.offers import offer_accept, offers_expire, offers_make
from assure.training.tests.factories import BookingFactory, SessionFactory

Status = Booking.Status
pytestmark = pytest.mark.django_db


def test_a_booking_under_capacity_is_booked(practitioner, profile, session):
    booking = booking_create(actor=practitioner, session=session)
    assert booking.status == Status.BOOKED
    assert booking.agency == profile.agency


def test_a_booking_of_a_full_session_joins_the_waiting_list(practitioner, partnership, session):
    session.capacity = 1
    session.save()
    BookingFactory(session=session)
    booking = booking_create(actor=practitioner, session=session)
    assert booking.status == Status.WAITING


def test_a_booking_on_a_course_needing_approval_awaits_the_manager(practitioner, profile, session):
    session.course.needs_approval = True
    session.course.save()
    booking = booking_create(actor=practitioner, session=session)
    assert booking.status == Status.AWAITING_APPROVAL
    assert booking.manager_email == profile.manager_email
    assert Message.objects.filter(kind="training.approval", address=profile.manager_email).exists()


def test_a_booking_needing_approval_without_a_manager_is_refused(practitioner, profile, session):
    session.course.needs_approval = True
    session.course.save()
    profile.manager_email = ""
    profile.save()
    with pytest.raises(ValidationError, match="manager's e-mail address"):
        booking_create(actor=practitioner, session=session)


def test_a_second_booking_of_the_same_session_is_refused(practitioner, profile, session):
    booking_create(actor=practitioner, session=session)
    with pytest.raises(ValidationError, match="already have a booking"):
        booking_create(actor=practitioner, session=session)


def test_a_session_not_open_for_booking_is_refused(practitioner, profile, session):
    session.booking_closes = timezone.now() - dt.timedelta(minutes=1)
    session.booking_opens = session.booking_closes - dt.timedelta(days=3)
    session.save()
    with pytest.raises(ValidationError, match="closed"):
        booking_create(actor=practitioner, session=session)


def test_an_unverified_practitioner_may_not_book(practitioner, profile, session):
    profile.verified_at = None
    profile.save()
    with pytest.raises(ValidationError, match="Confirm your work e-mail"):
        booking_create(actor=practitioner, session=session)


def test_the_business_unit_may_not_book(business_unit, session):
    with pytest.raises(PermissionDenied):
        booking_create(actor=business_unit, session=session)


def test_bookings_per_day_are_limited_by_the_policy(practitioner, profile, course):
    for _ in range(5):
        booking_create(actor=practitioner, session=SessionFactory(course=course))
    with pytest.raises(ValidationError, match="most the partnership takes in one day"):
        booking_create(actor=practitioner, session=SessionFactory(course=course))


def test_a_workshop_needs_a_booking_of_its_conference(practitioner, profile, partnership):
    conference = SessionFactory(
        course__partnership=partnership, course__delivery=Course.Delivery.CONFERENCE, capacity=100
    )
    workshop = SessionFactory(course=conference.course, parent=conference, title="Workshop A", capacity=10)
    with pytest.raises(ValidationError, match="conference first"):
        booking_create(actor=practitioner, session=workshop)
    booking_create(actor=practitioner, session=conference)
    assert booking_create(actor=practitioner, session=workshop).status == Status.BOOKED


def test_cancelling_before_the_deadline_is_not_late(practitioner, profile, session):
    booking = booking_create(actor=practitioner, session=session)
    booking_cancel(actor=practitioner, partnership=session.partnership, booking=booking)
    booking.refresh_from_db()
    assert booking.status == Status.CANCELLED
    assert booking.cancelled_late is False


def test_cancelling_after_the_deadline_is_late(practitioner, profile, session):
    booking = booking_create(actor=practitioner, session=session)
    session.cancel_by = timezone.now() - dt.timedelta(hours=1)
    session.save()
    booking_cancel(actor=practitioner, partnership=session.partnership, booking=booking, reason="Off sick")
    booking.refresh_from_db()
    assert booking.cancelled_late is True
    assert booking.cancelled_reason == "Off sick"


def test_a_cancellation_offers_the_place_to_the_first_in_line(practitioner, profile, session, partnership):
    session.capacity = 1
    session.save()
    booking = booking_create(actor=practitioner, session=session)
    first = BookingFactory(session=session, status=Status.WAITING, queued_at=timezone.now() - dt.timedelta(hours=2))
    second = BookingFactory(session=session, status=Status.WAITING, queued_at=timezone.now() - dt.timedelta(hours=1))
    booking_cancel(actor=practitioner, partnership=partnership, booking=booking)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.OFFERED
    assert first.offer_expires is not None
    assert second.status == Status.WAITING


def test_the_business_unit_cancels_with_a_reason(business_unit, partnership, session):
    booking = BookingFactory(session=session)
    with pytest.raises(ValidationError):
        booking_cancel(actor=business_unit, partnership=partnership, booking=booking, reason="")
    booking_cancel(actor=business_unit, partnership=partnership, booking=booking, reason="Booked twice")
    booking.refresh_from_db()
    assert booking.status == Status.CANCELLED
    assert Message.objects.filter(kind="training.booking_cancelled", recipient=booking.practitioner.user).exists()


def test_a_practitioner_may_not_cancel_another_practitioners_booking(practitioner, profile, partnership, session):
    other = BookingFactory(session=session)
    with pytest.raises(PermissionDenied):
        booking_cancel(actor=practitioner, partnership=partnership, booking=other)


def test_an_accepted_offer_is_booked(practitioner, profile, partnership, session):
    booking = BookingFactory(
        session=session,
        practitioner=profile,
        status=Status.OFFERED,
        offer_expires=timezone.now() + dt.timedelta(hours=5),
    )
    offer_accept(actor=practitioner, partnership=partnership, booking=booking)
    booking.refresh_from_db()
    assert booking.status == Status.BOOKED
    assert Message.objects.get(kind="training.booked", recipient=practitioner).calendar.startswith("BEGIN:VCALENDAR")


def test_an_offer_past_its_time_cannot_be_accepted(practitioner, profile, partnership, session):
    booking = BookingFactory(
        session=session,
        practitioner=profile,
        status=Status.OFFERED,
        offer_expires=timezone.now() - dt.timedelta(hours=1),
    )
    with pytest.raises(ValidationError, match="lapsed"):
        offer_accept(actor=practitioner, partnership=partnership, booking=booking)


def test_an_offer_lapsing_promotes_the_next_in_line(session):
    session.capacity = 1
    session.save()
    lapsing = BookingFactory(
        session=session, status=Status.OFFERED, offer_expires=timezone.now() - dt.timedelta(hours=1)
    )
    nxt = BookingFactory(session=session, status=Status.WAITING)
    assert offers_expire() == 1
    lapsing.refresh_from_db()
    nxt.refresh_from_db()
    assert lapsing.status == Status.LAPSED
    assert nxt.status == Status.OFFERED


def test_capacity_raised_offers_the_new_places(session):
    session.capacity = 1
    session.save()
    BookingFactory(session=session)
    waiting = [BookingFactory(session=session, status=Status.WAITING) for _ in range(3)]
    session.capacity = 3
    session.save()
    offered = offers_make(session=session)
    assert [b.pk for b in offered] == [b.pk for b in waiting[:2]]


def test_cancelling_the_session_cancels_every_booking_never_late(business_unit, session):
    session.cancel_by = timezone.now() - dt.timedelta(hours=1)
    session.save()
    bookings = [BookingFactory(session=session), BookingFactory(session=session, status=Status.WAITING)]
    assert bookings_cancel_for_session(actor=business_unit, session=session, reason="Trainer unwell") == 2
    for booking in bookings:
        booking.refresh_from_db()
        assert (booking.status, booking.cancelled_late) == (Status.CANCELLED, False)
    assert not Booking.objects.filter(session=session, status=Status.OFFERED).exists()


def test_a_booking_records_an_event(practitioner, profile, session):
    booking = booking_create(actor=practitioner, session=session)
    assert Event.objects.filter(verb="training.booked", target_id=str(booking.pk)).exists()
