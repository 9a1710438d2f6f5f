"""Requests about actions reach people by e-mail with a link to the action: an action given to an
owner, a cancellation proposed, a proposal decided, and the business unit's reminder."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.urls import resolve

from assure.actions.models import Action
from assure.actions.services import (
    action_cancellation_decide,
    action_cancellation_propose,
    action_create,
    action_remind,
    action_update,
)
from assure.actions.tests.factories import ActionFactory
from assure.notifications.models import Reminder


@pytest.fixture(autouse=True)
def _site(settings):
    settings.ASSURE_SITE_URL = "https://assure.example.org"


def link_in(message) -> str:
    return urlparse(re.search(r"Open it in Assure: (\S+)", message.body).group(1)).path


def test_an_action_given_to_an_owner_emails_them_a_link_to_it(
    business_unit, agency_lead, partnership, agency, today, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        action = action_create(
            actor=business_unit,
            partnership=partnership,
            title="Refresh the policy",
            owner_agency=agency,
            due_on=today,
            owner=agency_lead,
        )
    [message] = mail.outbox
    assert message.to == [agency_lead.email]
    match = resolve(link_in(message))
    assert (match.view_name, match.kwargs["pk"]) == ("actions:detail", action.pk)


def test_an_action_without_a_member_owner_emails_nobody(
    business_unit, partnership, agency, today, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        action_create(
            actor=business_unit,
            partnership=partnership,
            title="Refresh",
            owner_agency=agency,
            due_on=today,
            owner_name="A. Person",
        )
    assert mail.outbox == []


def test_a_new_owner_is_emailed_when_the_action_is_given_to_them(
    business_unit, agency_lead, own_action, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        action_update(actor=business_unit, action=own_action, owner=agency_lead)
    assert [m.to for m in mail.outbox] == [[agency_lead.email]]


def test_editing_other_details_emails_nobody(
    business_unit, agency_lead, own_action, django_capture_on_commit_callbacks
):
    Action.objects.filter(pk=own_action.pk).update(owner=agency_lead)
    own_action.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        action_update(actor=business_unit, action=own_action, title="A clearer title")
    assert mail.outbox == []


def test_a_proposal_asks_the_business_unit_to_decide_with_a_link(
    business_unit, agency_lead, outsider, own_action, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        action_cancellation_propose(actor=agency_lead, action=own_action, reason="Replaced")
    [message] = mail.outbox
    assert message.to == [business_unit.email]
    assert "Replaced" in message.body
    match = resolve(link_in(message))
    assert (match.view_name, match.kwargs["pk"]) == ("actions:cancellation_decide", own_action.pk)


def test_the_proposer_is_told_the_decision(business_unit, agency_lead, own_action, django_capture_on_commit_callbacks):
    action_cancellation_propose(actor=agency_lead, action=own_action, reason="Replaced")
    with django_capture_on_commit_callbacks(execute=True):
        action_cancellation_decide(actor=business_unit, action=own_action, accept=False, note="Still needed")
    [message] = mail.outbox
    assert message.to == [agency_lead.email]
    assert "Still needed" in message.body
    assert resolve(link_in(message)).view_name == "actions:detail"


def test_a_reminder_goes_to_the_agency_lead_when_no_member_owns_the_action(
    business_unit, agency_lead, own_action, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert action_remind(actor=business_unit, action=own_action) is not None
    assert [m.to for m in mail.outbox] == [[agency_lead.email]]
    assert resolve(link_in(mail.outbox[0])).kwargs["pk"] == own_action.pk


def test_a_reminder_is_not_sent_twice_in_a_day(business_unit, agency_lead, own_action):
    action_remind(actor=business_unit, action=own_action)
    assert action_remind(actor=business_unit, action=own_action) is None
    assert Reminder.objects.count() == 1


def test_nobody_to_remind_sends_nothing(business_unit, partnership, other_agency):
    action = ActionFactory(partnership=partnership, owner_agency=other_agency, owner_name="No account")
    assert action_remind(actor=business_unit, action=action) is None


def test_reminder_button_sends_and_returns_to_the_action(client, business_unit, agency_lead, own_action):
    client.force_login(business_unit)
    response = client.post(f"{own_action.get_absolute_url()}remind/")
    assert response.url == own_action.get_absolute_url()
    assert Reminder.objects.filter(target_id=str(own_action.pk)).exists()


def test_reminder_button_never_sends_people_to_another_site(client, business_unit, agency_lead, own_action):
    client.force_login(business_unit)
    response = client.post(f"{own_action.get_absolute_url()}remind/", {"next": "https://elsewhere.example.com/"})
    assert response.url == own_action.get_absolute_url()
