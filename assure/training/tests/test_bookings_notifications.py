"""The session's .ics goes with the e-mail confirming a place; a message without one is a plain
e-mail as before."""

import pytest
from django.core import mail

from assure.notifications.models import Message
from assure.notifications.services import notify, notify_address
from assure.training.services.bookings import booking_create

pytestmark = pytest.mark.django_db

ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


def test_notify_stores_and_attaches_the_calendar(partnership, agency_lead, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        (message,) = notify(
            recipients=[agency_lead], partnership=partnership, kind="x.y", subject="S", body="B", path="/", calendar=ICS
        )
    assert Message.objects.get(pk=message.pk).calendar == ICS
    (sent,) = mail.outbox
    assert sent.attachments == [("session.ics", ICS, "text/calendar")]


def test_notify_address_attaches_the_calendar(partnership, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify_address(
            address="someone@example.org",
            partnership=partnership,
            kind="x.y",
            subject="S",
            body="B",
            path="/",
            calendar=ICS,
        )
    assert mail.outbox[0].attachments[0][0] == "session.ics"


def test_a_message_without_a_calendar_has_no_attachment(partnership, agency_lead, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[agency_lead], partnership=partnership, kind="x.y", subject="S", body="B", path="/")
    assert mail.outbox[0].attachments == []


def test_the_booking_confirmation_carries_the_session(
    practitioner, profile, session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking_create(actor=practitioner, session=session)
    (sent,) = [m for m in mail.outbox if m.to == [practitioner.email]]
    name, text, kind = sent.attachments[0]
    assert (name, kind) == ("session.ics", "text/calendar")
    assert "DTSTART:" in text
    assert session.reference in text
    assert session.display_title not in sent.subject or practitioner.full_name not in sent.subject
