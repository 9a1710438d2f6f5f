"""The home page's "Registers to mark": sessions held in the last 14 days with booked places not
marked, every one for the business unit, their own for a trainer."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assure.core.waiting import waiting_kinds
from assure.training.tests.factories import BookingFactory, PractitionerFactory, SessionFactory
from assure.training.waiting_attendance import REGISTERS, registers_to_mark

pytestmark = pytest.mark.django_db


def held_days_ago(course, days: int, partnership):
    starts = timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0) - dt.timedelta(days=days)
    session = SessionFactory(course=course, starts_at=starts, booking_opens=starts - dt.timedelta(days=30))
    BookingFactory(session=session, practitioner=PractitionerFactory(partnership=partnership))
    return session


def test_the_kind_is_registered():
    assert REGISTERS in {kind.key for kind in waiting_kinds()}


def test_a_session_held_with_unmarked_places_waits(business_unit, course, partnership):
    session = held_days_ago(course, 2, partnership)
    [item] = registers_to_mark(user=business_unit, partnership=partnership, today=timezone.localdate())
    assert item.title.startswith(f"Register of {session.reference}") and "1 booked place" in item.detail


def test_a_marked_register_does_not_wait(business_unit, course, partnership):
    session = held_days_ago(course, 2, partnership)
    session.bookings.update(attendance="attended")
    assert registers_to_mark(user=business_unit, partnership=partnership, today=timezone.localdate()) == []


def test_a_session_held_over_14_days_ago_does_not_wait(business_unit, course, partnership):
    held_days_ago(course, 15, partnership)
    assert registers_to_mark(user=business_unit, partnership=partnership, today=timezone.localdate()) == []


def test_a_trainer_sees_only_their_sessions(practitioner, course, partnership):
    mine = held_days_ago(course, 1, partnership)
    held_days_ago(course, 1, partnership)
    mine.trainers.add(practitioner)
    items = registers_to_mark(user=practitioner, partnership=partnership, today=timezone.localdate())
    assert [item.title.split(":")[0] for item in items] == [f"Register of {mine.reference}"]


def test_a_board_member_has_nothing_waiting(board_member, course, partnership):
    held_days_ago(course, 1, partnership)
    assert registers_to_mark(user=board_member, partnership=partnership, today=timezone.localdate()) == []


def test_the_items_take_the_same_queries_however_many(business_unit, course, partnership):
    held_days_ago(course, 1, partnership)
    registers_to_mark(user=business_unit, partnership=partnership, today=timezone.localdate())
    with CaptureQueriesContext(connection) as one:
        registers_to_mark(user=business_unit, partnership=partnership, today=timezone.localdate())
    for days in (2, 3, 4):
        held_days_ago(course, days, partnership)
    with CaptureQueriesContext(connection) as four:
        assert len(registers_to_mark(user=business_unit, partnership=partnership, today=timezone.localdate())) == 4
    assert len(four) == len(one)
