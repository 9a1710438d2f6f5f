"""No session is ever over-booked, whatever the concurrency: practitioners booking the last places
at once, each in a thread with its own database connection, never take more places than the
session has; everyone else joins the waiting list in the order they asked.

On PostgreSQL the session's row is locked (SELECT ... FOR UPDATE); on SQLite every write
transaction takes the database's write lock when it begins (``transaction_mode`` IMMEDIATE), so
the test runs on both."""

import threading

import pytest
from django.db import connection, connections

from assure.training.models import Booking
from assure.training.services.bookings import booking_create
from assure.training.tests.factories import BookingFactory, PractitionerFactory, SessionFactory

Status = Booking.Status
PLACES_LEFT = 3
PEOPLE = 12


@pytest.mark.django_db(transaction=True)
def test_the_last_places_booked_at_once_are_never_over_booked(partnership, agency):
    from conftest import make_member

    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(("file:memorydb", ":memory:")):
        pytest.skip("An in-memory SQLite database is not shared between threads' connections.")
    session = SessionFactory(course__partnership=partnership, capacity=PLACES_LEFT + 2)
    BookingFactory.create_batch(2, session=session)
    users = []
    for number in range(PEOPLE):
        user = make_member("practitioner", partnership, email=f"p{number}@example.org")
        PractitionerFactory(user=user, partnership=partnership, agency=agency)
        users.append(user)
    start = threading.Barrier(PEOPLE)
    errors: list[BaseException] = []

    def book(user) -> None:
        try:
            start.wait()
            booking_create(actor=user, session=session)
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    held = Booking.objects.filter(session=session, status__in=Booking.HOLDS_PLACE).count()
    assert held == session.capacity
    waiting = list(Booking.objects.filter(session=session, status=Status.WAITING).order_by("pk"))
    assert len(waiting) == PEOPLE - PLACES_LEFT
    # The waiting list is in the order they asked: each was queued after the places were taken.
    assert [b.queued_at for b in waiting] == sorted(b.queued_at for b in waiting)
    assert min(b.queued_at for b in waiting) >= max(
        b.created_at for b in Booking.objects.filter(session=session, status=Status.BOOKED)
    )
