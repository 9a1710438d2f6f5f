"""Cancelling an action: the business unit cancels with a reason; an agency lead proposes
cancelling their agency's action, and the business unit accepts or declines the proposal."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from assure.actions.models import Action, ActionUpdate, CancellationProposal
from assure.actions.permissions import may_cancel_action, may_decide_cancellation, may_propose_cancelling
from assure.actions.services import action_cancellation_decide, action_cancellation_propose, action_transition
from assure.actions.tests.factories import CancellationProposalFactory
from assure.audit.models import Event

Status = Action.Status
Outcome = CancellationProposal.Outcome


def url(name, action, **kwargs):
    return reverse(f"actions:{name}", kwargs={"partnership": action.partnership.slug, "pk": action.pk, **kwargs})


@pytest.fixture
def proposal(own_action, agency_lead):
    return action_cancellation_propose(actor=agency_lead, action=own_action, reason="Replaced by the new procedure")


# The business unit cancels, with a reason


def test_business_unit_cancels_with_a_reason_kept_on_the_action(business_unit, own_action):
    action_transition(actor=business_unit, action=own_action, to_status=Status.CANCELLED, reason="Duplicate of A-0007")
    own_action.refresh_from_db()
    assert own_action.status == Status.CANCELLED
    assert own_action.cancellation_reason == "Duplicate of A-0007"


def test_cancelling_records_the_reason_in_the_event(business_unit, own_action):
    action_transition(actor=business_unit, action=own_action, to_status=Status.CANCELLED, reason="Duplicate")
    assert Event.objects.get(verb="action.cancelled").data["reason"] == "Duplicate"


def test_cancelling_records_the_reason_in_the_field_history(business_unit, own_action):
    action_transition(actor=business_unit, action=own_action, to_status=Status.CANCELLED, reason="Duplicate")
    entry = LogEntry.objects.get_for_object(own_action).latest("timestamp")
    assert entry.changes_dict["cancellation_reason"] == ["", "Duplicate"]


def test_cancelling_without_a_reason_is_refused(business_unit, own_action):
    with pytest.raises(ValidationError) as error:
        action_transition(actor=business_unit, action=own_action, to_status=Status.CANCELLED, reason=" ")
    assert "reason" in error.value.error_dict
    own_action.refresh_from_db()
    assert own_action.status == Status.OPEN


def test_agency_lead_cannot_cancel_their_agencys_action(agency_lead, own_action):
    with pytest.raises(PermissionDenied):
        action_transition(actor=agency_lead, action=own_action, to_status=Status.CANCELLED, reason="Not ours")
    own_action.refresh_from_db()
    assert own_action.status == Status.OPEN


def test_agency_lead_cannot_restore_a_cancelled_action(agency_lead, own_action):
    Action.objects.filter(pk=own_action.pk).update(status=Status.CANCELLED)
    own_action.refresh_from_db()
    with pytest.raises(PermissionDenied):
        action_transition(actor=agency_lead, action=own_action, to_status=Status.OPEN, reason="Still needed")


def test_restoring_clears_the_reason_for_cancelling(business_unit, own_action):
    action_transition(actor=business_unit, action=own_action, to_status=Status.CANCELLED, reason="Duplicate")
    action_transition(actor=business_unit, action=own_action, to_status=Status.OPEN, reason="Not a duplicate")
    own_action.refresh_from_db()
    assert own_action.cancellation_reason == ""


def test_a_completed_action_cannot_be_cancelled(business_unit, own_action):
    Action.objects.filter(pk=own_action.pk).update(status=Status.COMPLETED)
    own_action.refresh_from_db()
    assert not may_cancel_action(user=business_unit, action=own_action)


# An agency lead proposes


def test_agency_lead_may_propose_cancelling_their_agencys_action(agency_lead, own_action):
    assert may_propose_cancelling(user=agency_lead, action=own_action)


def test_agency_lead_may_not_propose_cancelling_another_agencys_action(agency_lead, other_action):
    with pytest.raises(PermissionDenied):
        action_cancellation_propose(actor=agency_lead, action=other_action, reason="Not needed")


def test_business_unit_cancels_rather_than_proposes(business_unit, own_action):
    assert not may_propose_cancelling(user=business_unit, action=own_action)


def test_board_member_may_not_propose_cancelling(board_member, own_action):
    assert not may_propose_cancelling(user=board_member, action=own_action)


def test_a_proposal_keeps_its_reason_and_leaves_the_action_open(proposal, own_action, agency_lead):
    own_action.refresh_from_db()
    assert own_action.status == Status.OPEN
    assert (proposal.reason, proposal.proposed_by, proposal.outcome) == (
        "Replaced by the new procedure",
        agency_lead,
        Outcome.PENDING,
    )


def test_a_proposal_records_its_event(proposal):
    assert Event.objects.get(verb="action.cancellation_proposed").data["reason"] == "Replaced by the new procedure"


def test_a_proposal_needs_a_reason(agency_lead, own_action):
    with pytest.raises(ValidationError) as error:
        action_cancellation_propose(actor=agency_lead, action=own_action, reason="  ")
    assert "reason" in error.value.error_dict


def test_a_second_proposal_waits_for_the_first(proposal, agency_lead, own_action):
    with pytest.raises(PermissionDenied):
        action_cancellation_propose(actor=agency_lead, action=own_action, reason="Again")


def test_a_completed_action_cannot_be_proposed_for_cancelling(agency_lead, own_action):
    Action.objects.filter(pk=own_action.pk).update(status=Status.COMPLETED)
    own_action.refresh_from_db()
    assert not may_propose_cancelling(user=agency_lead, action=own_action)


# The business unit decides


def test_accepting_cancels_the_action_with_the_proposers_reason(proposal, business_unit, own_action):
    action_cancellation_decide(actor=business_unit, action=own_action, accept=True)
    own_action.refresh_from_db()
    proposal.refresh_from_db()
    assert own_action.status == Status.CANCELLED
    assert own_action.cancellation_reason == "Replaced by the new procedure"
    assert (proposal.outcome, proposal.decided_by) == (Outcome.ACCEPTED, business_unit)


def test_accepting_records_its_event(proposal, business_unit, own_action):
    action_cancellation_decide(actor=business_unit, action=own_action, accept=True)
    assert Event.objects.filter(verb="action.cancellation_accepted", target_id=str(own_action.pk)).exists()


def test_declining_keeps_the_action_and_the_note(proposal, business_unit, own_action):
    action_cancellation_decide(actor=business_unit, action=own_action, accept=False, note="The board wants it done")
    own_action.refresh_from_db()
    proposal.refresh_from_db()
    assert own_action.status == Status.OPEN
    assert (proposal.outcome, proposal.decision_note) == (Outcome.DECLINED, "The board wants it done")
    assert "The board wants it done" in own_action.updates.filter(kind=ActionUpdate.Kind.STATUS).first().text


def test_declining_needs_a_note(proposal, business_unit, own_action):
    with pytest.raises(ValidationError) as error:
        action_cancellation_decide(actor=business_unit, action=own_action, accept=False, note="")
    assert "note" in error.value.error_dict
    proposal.refresh_from_db()
    assert proposal.outcome == Outcome.PENDING


def test_agency_lead_cannot_decide_their_own_proposal(proposal, agency_lead, own_action):
    with pytest.raises(PermissionDenied):
        action_cancellation_decide(actor=agency_lead, action=own_action, accept=True)


def test_there_is_nothing_to_decide_without_a_proposal(business_unit, own_action):
    with pytest.raises(PermissionDenied):
        action_cancellation_decide(actor=business_unit, action=own_action, accept=True)


def test_after_a_decline_the_lead_may_propose_again(proposal, business_unit, agency_lead, own_action):
    action_cancellation_decide(actor=business_unit, action=own_action, accept=False, note="Not yet")
    assert may_propose_cancelling(user=agency_lead, action=own_action)


def test_cancelling_directly_settles_the_waiting_proposal(proposal, business_unit, own_action):
    action_transition(actor=business_unit, action=own_action, to_status=Status.CANCELLED, reason="Agreed")
    proposal.refresh_from_db()
    assert proposal.outcome == Outcome.ACCEPTED


def test_completing_declines_the_waiting_proposal(proposal, business_unit, own_action):
    action_transition(actor=business_unit, action=own_action, to_status=Status.IN_PROGRESS)
    action_transition(actor=business_unit, action=own_action, to_status=Status.COMPLETED)
    proposal.refresh_from_db()
    assert proposal.outcome == Outcome.DECLINED
    assert not may_decide_cancellation(user=business_unit, action=own_action)


# The pages


def test_cancel_page_asks_to_confirm_before_cancelling(client, business_unit, own_action):
    client.force_login(business_unit)
    html = client.get(url("cancel", own_action)).content.decode()
    assert "Are you sure you want to cancel this action?" in html
    own_action.refresh_from_db()
    assert own_action.status == Status.OPEN


def test_cancelling_from_the_page(client, business_unit, own_action):
    client.force_login(business_unit)
    response = client.post(url("cancel", own_action), {"reason": "Merged into the neglect strategy"})
    assert response.url == own_action.get_absolute_url()
    own_action.refresh_from_db()
    assert own_action.cancellation_reason == "Merged into the neglect strategy"


def test_cancelling_from_the_page_without_a_reason_asks_for_one(client, business_unit, own_action):
    client.force_login(business_unit)
    response = client.post(url("cancel", own_action), {"reason": ""})
    assert response.status_code == 200
    assert "Give the reason the action is cancelled." in response.content.decode()


def test_the_status_form_sends_cancelling_to_its_confirmation(client, business_unit, own_action):
    client.force_login(business_unit)
    response = client.get(url("status", own_action), {"to": Status.CANCELLED})
    assert response.url == url("cancel", own_action)


def test_the_status_form_does_not_cancel(client, business_unit, own_action):
    client.force_login(business_unit)
    client.post(url("status", own_action), {"to_status": Status.CANCELLED, "reason": "Quick"})
    own_action.refresh_from_db()
    assert own_action.status == Status.OPEN


def test_agency_lead_is_offered_to_propose_not_to_cancel(client, agency_lead, own_action):
    client.force_login(agency_lead)
    html = client.get(own_action.get_absolute_url()).content.decode()
    assert "Propose cancelling" in html
    assert "Cancel the action" not in html


def test_agency_lead_cannot_open_the_cancel_page(client, agency_lead, own_action):
    client.force_login(agency_lead)
    assert client.post(url("cancel", own_action), {"reason": "Not ours"}).status_code == 403


def test_proposing_from_the_page(client, agency_lead, own_action):
    client.force_login(agency_lead)
    response = client.post(url("cancellation_propose", own_action), {"reason": "The work moved to the council"})
    assert response.url == own_action.get_absolute_url()
    assert own_action.cancellation_proposals.get().reason == "The work moved to the council"


def test_the_action_page_shows_the_waiting_proposal(client, business_unit, proposal, own_action):
    client.force_login(business_unit)
    html = client.get(own_action.get_absolute_url()).content.decode()
    assert "Replaced by the new procedure" in html
    assert url("cancellation_decide", own_action) in html


def test_accepting_from_the_page(client, business_unit, proposal, own_action):
    client.force_login(business_unit)
    client.post(url("cancellation_decide", own_action), {"decision": "accept"})
    own_action.refresh_from_db()
    assert own_action.status == Status.CANCELLED


def test_declining_from_the_page_without_a_note_asks_for_one(client, business_unit, proposal, own_action):
    client.force_login(business_unit)
    response = client.post(url("cancellation_decide", own_action), {"decision": "decline", "note": ""})
    assert response.status_code == 200
    assert "Say why the action should carry on." in response.content.decode()


def test_the_decision_page_answers_404_without_a_proposal(client, business_unit, own_action):
    client.force_login(business_unit)
    assert client.get(url("cancellation_decide", own_action)).status_code == 404


def test_the_cancelled_action_shows_its_reason(client, board_member, business_unit, own_action):
    action_transition(actor=business_unit, action=own_action, to_status=Status.CANCELLED, reason="Duplicate of A-0007")
    client.force_login(board_member)
    html = client.get(own_action.get_absolute_url()).content.decode()
    assert "Reason for cancelling" in html
    assert "Duplicate of A-0007" in html


def test_the_proposal_factory_makes_a_waiting_proposal(own_action):
    assert CancellationProposalFactory(action=own_action).outcome == Outcome.PENDING
