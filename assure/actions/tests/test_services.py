import datetime as dt
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from assure.accounts.tests.factories import MembershipFactory
from assure.actions.models import Action, ActionUpdate
from assure.actions.services import action_create, action_progress_add, action_transition, action_update
from assure.actions.tests.factories import ActionFactory
from assure.audit.models import Event
from assure.library.loader import load_library
from assure.partnerships.tests.factories import AgencyFactory, MeetingFactory, PartnershipFactory

Status = Action.Status


def raise_action(actor, partnership, agency, **kwargs):
    kwargs.setdefault("title", "Review the neglect strategy")
    kwargs.setdefault("due_on", dt.date.today() + dt.timedelta(days=60))
    return action_create(actor=actor, partnership=partnership, owner_agency=agency, **kwargs)


# Raising an action


def test_first_action_of_a_partnership_is_a_0001(business_unit, partnership, agency):
    assert raise_action(business_unit, partnership, agency).reference == "A-0001"


def test_references_follow_on_within_a_partnership(business_unit, partnership, agency):
    raise_action(business_unit, partnership, agency)
    assert raise_action(business_unit, partnership, agency).reference == "A-0002"


def test_each_partnership_numbers_its_own_actions(business_unit, partnership, other_partnership, other_agency):
    raise_action(business_unit, partnership, other_agency)
    assert raise_action(business_unit, other_partnership, other_agency).reference == "A-0001"


def test_numbering_continues_past_9999(business_unit, partnership, agency):
    ActionFactory(partnership=partnership, owner_agency=agency, reference="A-9999")
    ActionFactory(partnership=partnership, owner_agency=agency, reference="A-10000")
    assert raise_action(business_unit, partnership, agency).reference == "A-10001"


def test_raising_an_action_records_an_event(business_unit, partnership, agency):
    action = raise_action(business_unit, partnership, agency)
    event = Event.objects.get(verb="action.created")
    assert (event.partnership, event.actor, event.target_id) == (partnership, business_unit, str(action.pk))
    assert action.reference in event.summary


def test_new_action_cannot_be_due_in_the_past(business_unit, partnership, agency):
    with pytest.raises(ValidationError) as error:
        raise_action(business_unit, partnership, agency, due_on=dt.date.today() - dt.timedelta(days=1))
    assert "due_on" in error.value.error_dict


def test_new_action_can_be_due_today(business_unit, partnership, agency):
    assert raise_action(business_unit, partnership, agency, due_on=dt.date.today()).pk


def test_owner_agency_must_belong_to_the_partnership(business_unit, partnership):
    stranger = AgencyFactory(name="Elsewhere Trust")
    with pytest.raises(ValidationError) as error:
        raise_action(business_unit, partnership, stranger)
    assert "owner_agency" in error.value.error_dict


def test_owner_must_be_a_member_of_the_partnership(business_unit, partnership, agency, outsider):
    with pytest.raises(ValidationError) as error:
        raise_action(business_unit, partnership, agency, owner=outsider)
    assert "owner" in error.value.error_dict


def test_owner_is_a_member_or_a_name_not_both(business_unit, partnership, agency, agency_lead):
    with pytest.raises(ValidationError) as error:
        raise_action(business_unit, partnership, agency, owner=agency_lead, owner_name="Someone Else")
    assert "owner_name" in error.value.error_dict


def test_owner_without_an_account_is_kept_by_name(business_unit, partnership, agency):
    action = raise_action(business_unit, partnership, agency, owner_name="Hal Named")
    assert action.owner_display == "Hal Named"


def test_action_remembers_the_record_that_raised_it(business_unit, partnership, agency):
    meeting = MeetingFactory(partnership=partnership)
    action = raise_action(business_unit, partnership, agency, source=meeting, source_label="Board, June 2014")
    action.refresh_from_db()
    assert action.source == meeting
    assert action.source_label == "Board, June 2014"


def test_source_label_defaults_to_the_records_name(business_unit, partnership, agency):
    meeting = MeetingFactory(partnership=partnership)
    assert raise_action(business_unit, partnership, agency, source=meeting).source_label == str(meeting)


def test_source_of_another_partnership_is_refused(business_unit, partnership, other_partnership, agency):
    meeting = MeetingFactory(partnership=other_partnership)
    with pytest.raises(ValidationError) as error:
        raise_action(business_unit, partnership, agency, source=meeting)
    assert "source" in error.value.error_dict


# Editing


def test_editing_changes_only_the_fields_given(business_unit, own_action):
    title = own_action.title
    action_update(actor=business_unit, action=own_action, rag=Action.Rag.AMBER)
    own_action.refresh_from_db()
    assert (own_action.rag, own_action.title) == (Action.Rag.AMBER, title)


def test_editing_records_which_fields_changed(business_unit, own_action):
    action_update(actor=business_unit, action=own_action, title="A clearer title")
    assert Event.objects.get(verb="action.updated").data == {"fields": ["title"]}


def test_editing_without_a_change_records_nothing(business_unit, own_action):
    action_update(actor=business_unit, action=own_action, title=own_action.title)
    assert not Event.objects.filter(verb="action.updated").exists()


def test_editing_may_move_the_due_date_into_the_past(business_unit, own_action):
    action_update(actor=business_unit, action=own_action, due_on=dt.date.today() - dt.timedelta(days=3))
    own_action.refresh_from_db()
    assert own_action.is_overdue


def test_agency_lead_cannot_edit_an_action(agency_lead, own_action):
    with pytest.raises(PermissionDenied):
        action_update(actor=agency_lead, action=own_action, title="Mine now")


# The pipeline


@pytest.mark.parametrize(
    ("start", "to"),
    [
        (Status.OPEN, Status.IN_PROGRESS),
        (Status.OPEN, Status.CANCELLED),
        (Status.IN_PROGRESS, Status.COMPLETED),
        (Status.IN_PROGRESS, Status.CANCELLED),
    ],
)
def test_pipeline_allows_moving_forward(business_unit, own_action, start, to):
    Action.objects.filter(pk=own_action.pk).update(status=start)
    own_action.refresh_from_db()
    action_transition(actor=business_unit, action=own_action, to_status=to, reason="No longer needed")
    own_action.refresh_from_db()
    assert own_action.status == to


@pytest.mark.parametrize(
    ("start", "to"),
    [
        (Status.OPEN, Status.COMPLETED),
        (Status.OPEN, Status.OPEN),
        (Status.COMPLETED, Status.CANCELLED),
        (Status.CANCELLED, Status.COMPLETED),
        (Status.CANCELLED, Status.IN_PROGRESS),
        (Status.IN_PROGRESS, Status.OPEN),
    ],
)
def test_pipeline_refuses_other_moves(business_unit, own_action, start, to):
    Action.objects.filter(pk=own_action.pk).update(status=start)
    own_action.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        action_transition(actor=business_unit, action=own_action, to_status=to, reason="Because")
    assert "to_status" in error.value.error_dict
    own_action.refresh_from_db()
    assert own_action.status == start


def test_completing_sets_the_completion_date(business_unit, own_action, today):
    action_transition(actor=business_unit, action=own_action, to_status=Status.IN_PROGRESS)
    action_transition(actor=business_unit, action=own_action, to_status=Status.COMPLETED)
    own_action.refresh_from_db()
    assert own_action.completed_on == today


@pytest.mark.parametrize(("start", "to"), [(Status.COMPLETED, Status.IN_PROGRESS), (Status.CANCELLED, Status.OPEN)])
def test_undoing_a_decision_needs_a_reason(business_unit, own_action, start, to):
    Action.objects.filter(pk=own_action.pk).update(status=start)
    own_action.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        action_transition(actor=business_unit, action=own_action, to_status=to, reason="  ")
    assert "reason" in error.value.error_dict


def test_reopening_clears_the_completion_date_and_keeps_the_reason(business_unit, own_action, today):
    Action.objects.filter(pk=own_action.pk).update(status=Status.COMPLETED, completed_on=today)
    own_action.refresh_from_db()
    action_transition(actor=business_unit, action=own_action, to_status=Status.IN_PROGRESS, reason="Audit found gaps")
    own_action.refresh_from_db()
    assert own_action.completed_on is None
    assert "Audit found gaps" in own_action.updates.get(kind=ActionUpdate.Kind.STATUS).text


def test_a_transition_records_its_event(business_unit, own_action):
    action_transition(actor=business_unit, action=own_action, to_status=Status.CANCELLED, reason="Merged into A-0002")
    event = Event.objects.get(verb="action.cancelled")
    assert event.data["from"] == Status.OPEN
    assert event.data["to"] == Status.CANCELLED


def test_transition_is_checked_against_the_status_saved_not_the_one_in_hand(business_unit, own_action):
    stale = Action.objects.get(pk=own_action.pk)
    action_transition(actor=business_unit, action=own_action, to_status=Status.CANCELLED, reason="Duplicate")
    with pytest.raises(ValidationError):
        action_transition(actor=business_unit, action=stale, to_status=Status.IN_PROGRESS)


def test_agency_lead_moves_their_agencys_action(agency_lead, own_action):
    action_transition(actor=agency_lead, action=own_action, to_status=Status.IN_PROGRESS)
    own_action.refresh_from_db()
    assert own_action.status == Status.IN_PROGRESS


def test_agency_lead_cannot_move_another_agencys_action(agency_lead, other_action):
    with pytest.raises(PermissionDenied):
        action_transition(actor=agency_lead, action=other_action, to_status=Status.IN_PROGRESS)


def test_board_member_cannot_move_an_action(board_member, own_action):
    with pytest.raises(PermissionDenied):
        action_transition(actor=board_member, action=own_action, to_status=Status.IN_PROGRESS)


# Progress and evidence


def test_progress_update_is_recorded_with_its_date_and_author(agency_lead, own_action, today):
    update = action_progress_add(
        actor=agency_lead, action=own_action, kind="evidence", text="Policy signed off", recorded_on=today
    )
    assert (update.kind, update.recorded_on, update.author) == ("evidence", today, agency_lead)
    assert Event.objects.filter(verb="action.evidence_added", target_id=str(own_action.pk)).exists()


def test_progress_update_cannot_be_dated_in_the_future(agency_lead, own_action, today):
    with pytest.raises(ValidationError) as error:
        action_progress_add(
            actor=agency_lead,
            action=own_action,
            kind="progress",
            text="Planned",
            recorded_on=today + dt.timedelta(days=1),
        )
    assert "recorded_on" in error.value.error_dict


def test_progress_update_needs_text(agency_lead, own_action, today):
    with pytest.raises(ValidationError):
        action_progress_add(actor=agency_lead, action=own_action, kind="progress", text=" ", recorded_on=today)


def test_status_changes_cannot_be_added_as_updates(agency_lead, own_action, today):
    with pytest.raises(ValidationError):
        action_progress_add(actor=agency_lead, action=own_action, kind="status", text="Done", recorded_on=today)


def test_agency_lead_cannot_update_another_agencys_action(agency_lead, other_action, today):
    with pytest.raises(PermissionDenied):
        action_progress_add(actor=agency_lead, action=other_action, kind="progress", text="x", recorded_on=today)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite lets one writer in at a time anyway")
@pytest.mark.django_db(transaction=True)
def test_actions_raised_at_the_same_moment_get_different_references(transactional_db):
    # Transactional tests empty the database, the library included: load it for this one.
    load_library()
    partnership = PartnershipFactory(slug="northshire")
    agency = AgencyFactory(partnerships=[partnership])
    officer = MembershipFactory(partnership=partnership, role="business-unit").user
    start = threading.Barrier(4)
    references, failures = [], []

    def raise_one():
        try:
            start.wait()
            references.append(raise_action(officer, partnership, agency).reference)
        except Exception as error:  # noqa: BLE001 - the test reports whatever went wrong
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=raise_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert sorted(references) == ["A-0001", "A-0002", "A-0003", "A-0004"]


def test_refused_edit_leaves_the_action_as_it_was(business_unit, own_action, outsider):
    title = own_action.title
    with pytest.raises(ValidationError):
        action_update(actor=business_unit, action=own_action, title="Changed", owner=outsider)
    assert own_action.title == title
