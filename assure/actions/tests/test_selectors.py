import datetime as dt

from assure.actions.models import Action
from assure.actions.selectors import (
    action_agency_choices,
    action_history,
    action_summary,
    action_updates,
    actions_due,
    actions_visible_to,
)
from assure.actions.services import action_transition, action_update
from assure.actions.tests.factories import ActionFactory, ActionUpdateFactory
from assure.partnerships.tests.factories import MeetingFactory

Status = Action.Status


def test_business_unit_sees_every_action_of_the_partnership(business_unit, partnership, own_action, other_action):
    assert set(actions_visible_to(user=business_unit, partnership=partnership)) == {own_action, other_action}


def test_agency_lead_sees_only_their_agencys_actions(agency_lead, partnership, own_action, other_action):
    assert list(actions_visible_to(user=agency_lead, partnership=partnership)) == [own_action]


def test_viewer_sees_no_actions(viewer, partnership, own_action):
    assert not actions_visible_to(user=viewer, partnership=partnership).exists()


def test_another_partnerships_business_unit_sees_none_of_these(outsider, partnership, own_action):
    assert not actions_visible_to(user=outsider, partnership=partnership).exists()


def test_actions_of_another_partnership_never_appear(business_unit, partnership, other_partnership, other_agency):
    ActionFactory(partnership=other_partnership, owner_agency=other_agency)
    assert not actions_visible_to(user=business_unit, partnership=partnership).exists()


def test_overdue_is_past_due_and_still_to_do(business_unit, partnership, agency, today):
    late = ActionFactory(partnership=partnership, owner_agency=agency, due_on=today - dt.timedelta(days=1))
    ActionFactory(partnership=partnership, owner_agency=agency, due_on=today)
    ActionFactory(
        partnership=partnership,
        owner_agency=agency,
        due_on=today - dt.timedelta(days=1),
        status=Status.COMPLETED,
        completed_on=today,
    )
    ActionFactory(
        partnership=partnership, owner_agency=agency, due_on=today - dt.timedelta(days=1), status=Status.CANCELLED
    )
    assert list(actions_visible_to(user=business_unit, partnership=partnership, overdue=True)) == [late]
    assert late.is_overdue


def test_actions_raised_from_a_record_can_be_listed(business_unit, partnership, agency):
    meeting = MeetingFactory(partnership=partnership)
    raised = ActionFactory(partnership=partnership, owner_agency=agency, source=meeting)
    ActionFactory(partnership=partnership, owner_agency=agency)
    assert list(actions_visible_to(user=business_unit, partnership=partnership, source=meeting)) == [raised]


def test_summary_counts_open_overdue_and_completed_this_year(business_unit, partnership, agency, today):
    ActionFactory(partnership=partnership, owner_agency=agency)
    ActionFactory(partnership=partnership, owner_agency=agency, status=Status.IN_PROGRESS)
    ActionFactory(partnership=partnership, owner_agency=agency, due_on=today - dt.timedelta(days=2))
    ActionFactory(partnership=partnership, owner_agency=agency, status=Status.COMPLETED, completed_on=today)
    ActionFactory(
        partnership=partnership,
        owner_agency=agency,
        status=Status.COMPLETED,
        completed_on=today - dt.timedelta(days=400),
    )
    summary = action_summary(user=business_unit, partnership=partnership)
    assert (summary.open, summary.overdue, summary.completed_this_year) == (3, 1, 1)


def test_completed_this_year_starts_on_1_april(business_unit, partnership, today):
    assert action_summary(user=business_unit, partnership=partnership).year_start == dt.date(
        today.year if today.month >= 4 else today.year - 1, 4, 1
    )


def test_agency_leads_summary_counts_only_their_agency(agency_lead, partnership, own_action, other_action):
    assert action_summary(user=agency_lead, partnership=partnership).open == 1


def test_actions_due_lists_open_actions_due_before_a_date_soonest_first(business_unit, partnership, agency, today):
    later = ActionFactory(partnership=partnership, owner_agency=agency, due_on=today + dt.timedelta(days=20))
    sooner = ActionFactory(partnership=partnership, owner_agency=agency, due_on=today + dt.timedelta(days=5))
    ActionFactory(partnership=partnership, owner_agency=agency, due_on=today + dt.timedelta(days=40))
    ActionFactory(
        partnership=partnership,
        owner_agency=agency,
        due_on=today + dt.timedelta(days=3),
        status=Status.COMPLETED,
        completed_on=today,
    )
    due = actions_due(user=business_unit, partnership=partnership, before=today + dt.timedelta(days=30))
    assert list(due) == [sooner, later]


def test_updates_come_newest_first(business_unit, own_action, today):
    older = ActionUpdateFactory(action=own_action, recorded_on=today - dt.timedelta(days=10))
    newer = ActionUpdateFactory(action=own_action, recorded_on=today)
    assert list(action_updates(user=business_unit, action=own_action)) == [newer, older]


def test_agency_lead_cannot_read_another_agencys_updates(agency_lead, other_action):
    ActionUpdateFactory(action=other_action)
    assert not action_updates(user=agency_lead, action=other_action).exists()


def test_history_shows_who_changed_the_action(business_unit, own_action):
    from auditlog.context import set_actor

    with set_actor(business_unit):
        action_update(actor=business_unit, action=own_action, title="Sharper title")
    latest = action_history(user=business_unit, action=own_action).first()
    assert latest.actor == business_unit
    assert latest.changes_dict["title"][1] == "Sharper title"


def test_history_includes_status_changes(business_unit, own_action):
    action_transition(actor=business_unit, action=own_action, to_status=Status.IN_PROGRESS)
    assert any("status" in entry.changes_dict for entry in action_history(user=business_unit, action=own_action))


def test_agency_lead_may_give_actions_only_to_their_agency(agency_lead, partnership, agency, other_agency):
    assert list(action_agency_choices(user=agency_lead, partnership=partnership)) == [agency]


def test_business_unit_may_give_actions_to_any_agency_of_the_partnership(
    business_unit, partnership, agency, other_agency, other_partnership
):
    from assure.partnerships.tests.factories import AgencyFactory

    AgencyFactory(name="Southshire Only Trust", partnerships=[other_partnership])
    assert set(action_agency_choices(user=business_unit, partnership=partnership)) == {agency, other_agency}
