"""What the action tracker has waiting for each person (their home page) and the actions the
daily reminders job may chase."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assure.actions.models import Action
from assure.actions.services import action_cancellation_propose, action_remind
from assure.actions.tests.factories import ActionFactory
from assure.actions.waiting import actions_overdue, actions_owned, actions_reminders_due, cancellation_proposals
from assure.core.waiting import waiting_kinds
from assure.notifications.reminders import reminder_sources

Status = Action.Status


def keys(items) -> list[str]:
    return [item.title.split(":")[0] for item in items]


@pytest.fixture
def overdue_action(partnership, agency, business_unit, today):
    return ActionFactory(
        partnership=partnership, owner_agency=agency, created_by=business_unit, due_on=today - dt.timedelta(days=5)
    )


def test_the_kinds_are_registered():
    registered = {kind.key for kind in waiting_kinds()}
    assert {"actions.owned", "actions.overdue", "actions.cancellation_proposals"} <= registered
    assert "action" in reminder_sources()


# Actions you own


def test_an_owner_sees_the_actions_they_own_still_open(board_member, partnership, other_agency, today):
    mine = ActionFactory(partnership=partnership, owner_agency=other_agency, owner=board_member)
    ActionFactory(partnership=partnership, owner_agency=other_agency, owner=board_member, status=Status.COMPLETED)
    ActionFactory(partnership=partnership, owner_agency=other_agency)
    items = actions_owned(user=board_member, partnership=partnership, today=today)
    assert [item.url for item in items] == [mine.get_absolute_url()]
    assert items[0].due == mine.due_on


def test_an_agency_lead_sees_their_agencys_actions_no_member_owns(agency_lead, own_action, other_action, today):
    items = actions_owned(user=agency_lead, partnership=own_action.partnership, today=today)
    assert [item.url for item in items] == [own_action.get_absolute_url()]


def test_an_agency_lead_does_not_see_their_agencys_action_owned_by_someone_else(
    agency_lead, board_member, own_action, today
):
    Action.objects.filter(pk=own_action.pk).update(owner=board_member)
    assert actions_owned(user=agency_lead, partnership=own_action.partnership, today=today) == []


def test_an_owned_action_past_its_date_is_overdue(agency_lead, overdue_action, today):
    [item] = actions_owned(user=agency_lead, partnership=overdue_action.partnership, today=today)
    assert item.overdue


def test_owned_actions_come_from_the_partnership_asked_about_only(
    board_member, partnership, other_partnership, other_agency, today
):
    ActionFactory(partnership=other_partnership, owner_agency=other_agency, owner=board_member)
    assert actions_owned(user=board_member, partnership=partnership, today=today) == []


# Overdue actions, for the business unit


def test_business_unit_sees_overdue_actions_with_a_reminder_to_send(business_unit, agency_lead, overdue_action, today):
    [item] = actions_overdue(user=business_unit, partnership=overdue_action.partnership, today=today)
    assert item.overdue
    assert item.agency == overdue_action.owner_agency.name
    assert item.remind_url.endswith(f"/{overdue_action.pk}/remind/")
    assert item.last_reminded is None


def test_an_overdue_action_says_when_it_was_last_reminded(business_unit, agency_lead, overdue_action, today):
    action_remind(actor=business_unit, action=overdue_action)
    [item] = actions_overdue(user=business_unit, partnership=overdue_action.partnership, today=today)
    assert item.last_reminded is not None


def test_an_overdue_action_nobody_could_be_reminded_of_is_flagged(business_unit, overdue_action, today):
    [item] = actions_overdue(user=business_unit, partnership=overdue_action.partnership, today=today)
    assert item.flag
    assert item.remind_url == ""


def test_overdue_actions_are_not_waiting_for_an_agency_lead(agency_lead, overdue_action, today):
    assert actions_overdue(user=agency_lead, partnership=overdue_action.partnership, today=today) == []


def test_actions_due_later_are_not_overdue(business_unit, own_action, today):
    assert actions_overdue(user=business_unit, partnership=own_action.partnership, today=today) == []


def test_overdue_actions_come_from_the_partnership_asked_about_only(outsider, overdue_action, other_partnership, today):
    assert actions_overdue(user=outsider, partnership=other_partnership, today=today) == []


# Proposals to decide


def test_business_unit_sees_proposals_to_decide(business_unit, agency_lead, own_action, today):
    action_cancellation_propose(actor=agency_lead, action=own_action, reason="Replaced")
    [item] = cancellation_proposals(user=business_unit, partnership=own_action.partnership, today=today)
    assert item.url.endswith(f"/{own_action.pk}/cancellation/decide/")
    assert agency_lead.full_name in item.detail


def test_proposals_are_not_waiting_for_the_proposer(agency_lead, own_action, today):
    action_cancellation_propose(actor=agency_lead, action=own_action, reason="Replaced")
    assert cancellation_proposals(user=agency_lead, partnership=own_action.partnership, today=today) == []


# A constant number of queries


def _queries(function, **kwargs) -> int:
    with CaptureQueriesContext(connection) as captured:
        function(**kwargs)
    return len(captured)


@pytest.mark.parametrize("function", [actions_owned, actions_overdue, cancellation_proposals])
def test_waiting_items_take_the_same_queries_for_one_action_or_many(
    function, business_unit, agency_lead, partnership, agency, today
):
    def add_one():
        action = ActionFactory(partnership=partnership, owner_agency=agency, due_on=today - dt.timedelta(days=2))
        action_cancellation_propose(actor=agency_lead, action=action, reason="Replaced")

    user = agency_lead if function is actions_owned else business_unit
    add_one()
    function(user=user, partnership=partnership, today=today)  # the person's roles, read once a request
    one = _queries(function, user=user, partnership=partnership, today=today)
    for _ in range(4):
        add_one()
    assert _queries(function, user=user, partnership=partnership, today=today) == one


def test_reminders_due_take_the_same_queries_for_one_action_or_many(partnership, other_partnership, agency, today):
    ActionFactory(partnership=partnership, owner_agency=agency)
    one = _queries(actions_reminders_due, today=today)
    for _ in range(3):
        ActionFactory(partnership=partnership, owner_agency=agency)
        ActionFactory(partnership=other_partnership, owner_agency=agency)
    assert _queries(actions_reminders_due, today=today) == one


# Scheduled reminders


def test_reminders_due_name_the_owner_and_the_due_date(board_member, partnership, other_agency, today):
    action = ActionFactory(partnership=partnership, owner_agency=other_agency, owner=board_member)
    [due] = actions_reminders_due(today=today)
    assert (due.target, due.recipients, due.deadline) == (action, [board_member], action.due_on)
    assert due.path == action.get_absolute_url()


def test_reminders_due_fall_back_on_the_agency_lead(agency_lead, own_action, today):
    [due] = actions_reminders_due(today=today)
    assert due.recipients == [agency_lead]


def test_closed_actions_are_not_chased(business_unit, own_action, today):
    Action.objects.filter(pk=own_action.pk).update(status=Status.COMPLETED)
    assert actions_reminders_due(today=today) == []
