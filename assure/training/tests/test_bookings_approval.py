"""A manager's approval by the link e-mailed to them: approve, do not approve, a link used once,
a link expired, a link that names nothing, and an approval left unanswered lapsing."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from assure.training.models import Booking
from assure.training.services.approval import approval_decide
from assure.training.services.bookings import booking_create
from assure.training.services.offers import offers_expire
from assure.training.tests.factories import BookingFactory

Status = Booking.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(practitioner, profile, session, django_capture_on_commit_callbacks):
    """A booking awaiting the manager, and the approval link's secret from their e-mail."""
    session.course.needs_approval = True
    session.course.save()
    with django_capture_on_commit_callbacks(execute=True):
        booking = booking_create(actor=practitioner, session=session)
    (to_manager,) = [m for m in mail.outbox if m.to == [profile.manager_email]]
    token = re.search(r"/approve/([^/\s]+)/", to_manager.body).group(1)
    return booking, token


def test_the_manager_is_emailed_a_link_without_the_practitioner_in_the_subject(asked, practitioner, profile):
    (to_manager,) = [m for m in mail.outbox if m.to == [profile.manager_email]]
    assert practitioner.full_name not in to_manager.subject
    assert practitioner.full_name in to_manager.body


def test_the_page_names_the_practitioner_and_course(client, asked, partnership, practitioner):
    booking, token = asked
    response = client.get(f"/training/{partnership.slug}/approve/{token}/")
    assert response.status_code == 200
    assert practitioner.full_name in response.text
    assert booking.session.display_title in response.text
    assert "no-store" in response["Cache-Control"]


def test_approving_books_the_place_and_sends_the_calendar(
    client, asked, partnership, practitioner, django_capture_on_commit_callbacks
):
    booking, token = asked
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/training/{partnership.slug}/approve/{token}/", {"decision": "approve"})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == Status.BOOKED
    confirmed = mail.outbox[-1]
    assert confirmed.to == [practitioner.email]
    assert confirmed.attachments[0][0] == "session.ics"


def test_not_approving_needs_a_reason(client, asked, partnership):
    booking, token = asked
    response = client.post(f"/training/{partnership.slug}/approve/{token}/", {"decision": "refuse", "reason": ""})
    assert response.status_code == 200
    assert "Say why you do not approve" in response.text
    booking.refresh_from_db()
    assert booking.status == Status.AWAITING_APPROVAL


def test_not_approving_frees_the_place_for_the_first_in_line(asked, partnership):
    booking, token = asked
    session = booking.session
    session.capacity = 1
    session.save()
    waiting = BookingFactory(session=session, status=Status.WAITING)
    approval_decide(partnership=partnership, token=token, approve=False, reason="Needed on the ward")
    booking.refresh_from_db()
    waiting.refresh_from_db()
    assert (booking.status, booking.approval_reason) == (Status.NOT_APPROVED, "Needed on the ward")
    assert waiting.status == Status.OFFERED


def test_the_link_works_once(client, asked, partnership):
    booking, token = asked
    approval_decide(partnership=partnership, token=token, approve=True)
    with pytest.raises(ValidationError, match="works once"):
        approval_decide(partnership=partnership, token=token, approve=False, reason="Changed my mind")
    response = client.get(f"/training/{partnership.slug}/approve/{token}/")
    assert "answered already" in response.text


def test_an_expired_link_says_so_and_takes_no_answer(client, asked, partnership):
    booking, token = asked
    Booking.objects.filter(pk=booking.pk).update(approval_expires=timezone.now() - dt.timedelta(minutes=1))
    response = client.get(f"/training/{partnership.slug}/approve/{token}/")
    assert "This link has expired" in response.text
    with pytest.raises(ValidationError, match="expired"):
        approval_decide(partnership=partnership, token=token, approve=True)


def test_a_link_naming_nothing_answers_404(client, partnership, db):
    response = client.get(f"/training/{partnership.slug}/approve/not-a-real-link/")
    assert response.status_code == 404
    assert "This link does not work" in response.text


def test_an_approval_left_unanswered_lapses_and_frees_the_place(asked):
    booking, _ = asked
    session = booking.session
    session.capacity = 1
    session.save()
    waiting = BookingFactory(session=session, status=Status.WAITING)
    Booking.objects.filter(pk=booking.pk).update(approval_expires=timezone.now() - dt.timedelta(minutes=1))
    assert offers_expire() == 1
    booking.refresh_from_db()
    waiting.refresh_from_db()
    assert booking.status == Status.LAPSED
    assert waiting.status == Status.OFFERED
