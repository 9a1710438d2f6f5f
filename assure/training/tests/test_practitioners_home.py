"""My training is a practitioner's home page: what waits for them there, as the partnership's home
page lists it for members."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from assure.training.models import Booking
from assure.training.tests.factories import BookingFactory, SessionFactory


def _mine(client, user, partnership) -> str:
    client.force_login(user)
    return client.get(reverse("training:mine", kwargs={"partnership": partnership.slug})).content.decode()


def test_a_trainer_finds_the_register_of_a_session_they_taught_waiting(client, practitioner, partnership, course):
    held = timezone.now() - dt.timedelta(days=2)
    session = SessionFactory(
        course=course,
        starts_at=held,
        ends_at=held + dt.timedelta(hours=3),
        booking_opens=held - dt.timedelta(days=30),
        booking_closes=held - dt.timedelta(days=1),
        cancel_by=held - dt.timedelta(days=7),
    )
    session.trainers.add(practitioner)
    BookingFactory(session=session, status=Booking.Status.BOOKED)
    html = _mine(client, practitioner, partnership)
    assert f"Register of {session.reference}" in html
    assert reverse("training:register", kwargs={"partnership": partnership.slug, "pk": session.pk}) in html


def test_nothing_waits_for_a_practitioner_with_nothing_to_do(client, practitioner, partnership):
    assert 'data-testid="nothing-waiting"' in _mine(client, practitioner, partnership)
