"""Requests and reminders: notify, delivery by the task worker, reminder_send, last_reminded."""

import datetime as dt
import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.urls import resolve

from assure.accounts.tests.factories import UserFactory
from assure.audit.models import Event
from assure.core.navigation import partnership_url
from assure.notifications.delivery import deliver
from assure.notifications.models import Delivery, Message, Preference, Reminder
from assure.notifications.selectors import last_reminded
from assure.notifications.services import notify, reminder_send

SITE = "https://assure.example.org"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.ASSURE_SITE_URL = SITE


def ask(recipients, partnership, **kwargs):
    return notify(
        recipients=recipients,
        partnership=partnership,
        kind="partnerships.test_request",
        subject="Please look at the agencies",
        body="The business unit asks you to check your agency's details.",
        path=partnership_url("partnerships:agencies", partnership),
        **kwargs,
    )


def link_in(body: str) -> str:
    return re.search(r"Open it in Assure: (\S+)", body).group(1)


def test_notify_sends_one_email_to_each_recipient(
    partnership, agency_lead, board_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ask([agency_lead, board_member], partnership)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([agency_lead.email, board_member.email])


def test_a_person_named_twice_gets_one_email(partnership, agency_lead, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ask([agency_lead, agency_lead], partnership)
    assert len(mail.outbox) == 1


def test_the_email_links_to_the_thing_on_the_installations_site(
    partnership, agency_lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ask([agency_lead], partnership)
    url = link_in(mail.outbox[0].body)
    assert url == SITE + f"/p/{partnership.slug}/agencies/"
    match = resolve(urlparse(url).path)
    assert (match.view_name, match.kwargs) == ("partnerships:agencies", {"partnership": partnership.slug})


def test_the_email_carries_the_request(partnership, agency_lead, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ask([agency_lead], partnership)
    assert mail.outbox[0].subject == "Please look at the agencies"
    assert mail.outbox[0].body.startswith("The business unit asks you to check your agency's details.")


def test_nothing_is_mailed_before_the_transaction_commits(partnership, agency_lead, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ask([agency_lead], partnership)
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_an_inactive_person_is_not_asked(partnership, agency_lead, django_capture_on_commit_callbacks):
    agency_lead.is_active = False
    agency_lead.save()
    with django_capture_on_commit_callbacks(execute=True):
        messages = ask([agency_lead], partnership)
    assert messages == [] and mail.outbox == []


def test_a_person_without_an_address_is_not_asked(partnership, django_capture_on_commit_callbacks):
    nobody = UserFactory(email="")
    with django_capture_on_commit_callbacks(execute=True):
        assert ask([nobody], partnership) == []
    assert mail.outbox == []


def test_a_person_who_chose_the_digest_is_not_mailed_straight_away(
    partnership, agency_lead, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=agency_lead, delivery=Delivery.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        (message,) = ask([agency_lead], partnership)
    assert mail.outbox == []
    message.refresh_from_db()
    assert (message.delivery, message.sent_at) == (Delivery.DIGEST, None)


def test_an_immediate_request_reaches_a_digest_chooser_straight_away(
    partnership, agency_lead, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=agency_lead, delivery=Delivery.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        ask([agency_lead], partnership, immediate=True)
    assert [m.to for m in mail.outbox] == [[agency_lead.email]]


def test_a_message_is_marked_sent(partnership, agency_lead, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        (message,) = ask([agency_lead], partnership)
    message.refresh_from_db()
    assert message.sent_at is not None


def test_a_message_delivered_twice_is_sent_once(partnership, agency_lead, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        (message,) = ask([agency_lead], partnership)
    assert deliver(message.pk) is False
    assert len(mail.outbox) == 1


def test_a_message_whose_recipient_left_before_it_went_is_not_sent(partnership, agency_lead):
    message = Message.objects.create(
        recipient=agency_lead, partnership=partnership, kind="x.y", subject="S", body="B", path="/"
    )
    agency_lead.is_active = False
    agency_lead.save()
    assert deliver(message.pk) is False
    assert mail.outbox == []


def test_a_message_the_mail_server_refused_can_be_sent_again(partnership, agency_lead, monkeypatch):
    message = Message.objects.create(
        recipient=agency_lead, partnership=partnership, kind="x.y", subject="S", body="B", path="/"
    )
    monkeypatch.setattr("assure.notifications.delivery.send_mail", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        deliver(message.pk)
    message.refresh_from_db()
    assert message.sent_at is None


# --- reminders --------------------------------------------------------------------------------


def remind(target, partnership, recipients, *, actor=None, today=dt.date(2026, 3, 2)):
    return reminder_send(
        actor=actor,
        target=target,
        partnership=partnership,
        recipients=recipients,
        subject="Your return is overdue",
        body="Your return was due last week.",
        path=partnership_url("partnerships:agency_detail", partnership, pk=target.pk),
        kind="partnerships.test_reminder",
        today=today,
    )


def test_a_reminder_is_recorded_with_who_sent_it(agency, partnership, agency_lead, business_unit):
    reminder = remind(agency, partnership, [agency_lead], actor=business_unit)
    assert (reminder.sent_by, reminder.sent_on, reminder.recipients) == (business_unit, dt.date(2026, 3, 2), 1)


def test_a_reminder_emails_its_recipients_with_the_link(
    agency, partnership, agency_lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        remind(agency, partnership, [agency_lead])
    assert [m.to for m in mail.outbox] == [[agency_lead.email]]
    assert link_in(mail.outbox[0].body) == SITE + f"/p/{partnership.slug}/agencies/{agency.pk}/"


def test_a_reminder_reaches_a_digest_chooser_straight_away(
    agency, partnership, agency_lead, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=agency_lead, delivery=Delivery.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        remind(agency, partnership, [agency_lead])
    assert len(mail.outbox) == 1


def test_a_second_reminder_the_same_day_is_refused(
    agency, partnership, agency_lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        remind(agency, partnership, [agency_lead])
        assert remind(agency, partnership, [agency_lead]) is None
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_a_reminder_is_sent_again_the_next_day(agency, partnership, agency_lead, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        remind(agency, partnership, [agency_lead], today=dt.date(2026, 3, 2))
        assert remind(agency, partnership, [agency_lead], today=dt.date(2026, 3, 3)) is not None
    assert len(mail.outbox) == 2


def test_a_reminder_records_an_event(agency, partnership, agency_lead, business_unit):
    remind(agency, partnership, [agency_lead], actor=business_unit)
    event = Event.objects.get(verb="notifications.reminder_sent")
    assert (event.actor, event.target_id, event.partnership) == (business_unit, str(agency.pk), partnership)


def test_a_reminder_with_nobody_to_remind_is_not_recorded(agency, partnership, agency_lead):
    agency_lead.is_active = False
    agency_lead.save()
    assert remind(agency, partnership, [agency_lead]) is None
    assert not Reminder.objects.exists()


def test_last_reminded_gives_each_records_latest_reminder(agency, other_agency, partnership, agency_lead):
    remind(agency, partnership, [agency_lead], today=dt.date(2026, 3, 2))
    latest = remind(agency, partnership, [agency_lead], today=dt.date(2026, 3, 3))
    reminded = last_reminded(model=type(agency), ids=[agency.pk, other_agency.pk])
    assert reminded == {str(agency.pk): latest.sent_at}


def test_last_reminded_asks_once_for_many_records(
    agency, other_agency, partnership, agency_lead, django_assert_num_queries
):
    remind(agency, partnership, [agency_lead])
    remind(other_agency, partnership, [agency_lead])
    with django_assert_num_queries(1):
        last_reminded(model=type(agency), ids=[agency.pk, other_agency.pk])


@pytest.mark.django_db
def test_requests_made_while_held_are_recorded_and_not_sent(django_capture_on_commit_callbacks):
    from assure.notifications.services import held

    person = UserFactory(email="held@example.org")
    with django_capture_on_commit_callbacks(execute=True), held():
        messages = notify(
            recipients=[person], partnership=None, kind="test.held", subject="Held", body="Held.", path="/x/"
        )
    assert mail.outbox == []
    assert Message.objects.get(pk=messages[0].pk).sent_at is not None
