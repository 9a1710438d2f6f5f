"""Services of the challenge log: raising (numbered, about a record, who it may be raised by),
the agency's response, the board's assessment, escalation, closing, reopening, reminders and
actions raised from a challenge."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.actions.models import Action
from assure.audit.models import Event
from assure.governance.models import Challenge
from assure.governance.services.challenges import (
    challenge_action_raise,
    challenge_assess,
    challenge_close,
    challenge_escalate,
    challenge_raise,
    challenge_remind,
    challenge_reopen,
    challenge_respond,
)
from assure.notifications.models import Message
from assure.partnerships.tests.factories import AgencyFactory

from .factories import ChallengeFactory

pytestmark = pytest.mark.django_db


def _today() -> dt.date:
    return timezone.localdate()


def _raise(actor, partnership, agency, **changes) -> Challenge:
    fields = {
        "agency": agency,
        "subject": "GP attendance at child protection conferences",
        "detail": "Please say how GPs will attend or send a report.",
        "response_due_on": _today() + dt.timedelta(days=28),
    }
    return challenge_raise(actor=actor, partnership=partnership, **(fields | changes))


@pytest.fixture
def challenge(partnership, agency, board_member):
    return ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member)


@pytest.fixture
def answered(challenge, agency_lead):
    return challenge_respond(actor=agency_lead, challenge=challenge, response="GPs now send a report.")


# --- raising -------------------------------------------------------------------------------------


def test_challenges_are_numbered_per_partnership(board_member, partnership, agency, outsider, other_partnership):
    foreign = AgencyFactory(partnerships=[other_partnership])
    assert _raise(board_member, partnership, agency).reference == "C-0001"
    assert _raise(board_member, partnership, agency).reference == "C-0002"
    assert _raise(outsider, other_partnership, foreign).reference == "C-0001"


def test_raising_records_an_event(board_member, partnership, agency):
    challenge = _raise(board_member, partnership, agency)
    assert Event.objects.filter(verb="governance.challenge_raised", target_id=str(challenge.pk)).exists()


def test_raising_asks_the_challenged_agencys_lead_to_respond(board_member, agency_lead, partnership, agency):
    challenge = _raise(board_member, partnership, agency)
    [message] = Message.objects.filter(kind="governance.challenge_raised")
    assert message.recipient == agency_lead
    assert message.path == challenge.get_absolute_url()


def test_a_viewer_may_not_raise_a_challenge(viewer, partnership, agency):
    with pytest.raises(PermissionDenied):
        _raise(viewer, partnership, agency)


def test_an_agency_of_another_partnership_cannot_be_challenged(board_member, partnership, other_partnership):
    foreign = AgencyFactory(partnerships=[other_partnership])
    with pytest.raises(ValidationError) as error:
        _raise(board_member, partnership, foreign)
    assert "agency" in error.value.message_dict


def test_a_response_cannot_be_due_before_the_challenge_was_raised(board_member, partnership, agency):
    with pytest.raises(ValidationError) as error:
        _raise(board_member, partnership, agency, response_due_on=_today() - dt.timedelta(days=1))
    assert "response_due_on" in error.value.message_dict


def test_an_agency_lead_raises_for_their_own_agency(agency_lead, partnership, agency, other_agency):
    challenge = _raise(agency_lead, partnership, other_agency)
    assert challenge.raised_by_agency == agency


def test_an_agency_lead_may_not_speak_for_another_agency(agency_lead, partnership, agency, other_agency):
    with pytest.raises(ValidationError) as error:
        _raise(agency_lead, partnership, agency, raised_by_agency=other_agency)
    assert "raised_by_agency" in error.value.message_dict


def test_a_challenge_keeps_the_record_it_is_about(board_member, partnership, agency, other_agency):
    about = ChallengeFactory(partnership=partnership, agency=other_agency, raised_by=board_member)
    challenge = _raise(board_member, partnership, agency, about=about, about_label="Challenge C-0009")
    assert (challenge.source, challenge.source_label) == (about, "Challenge C-0009")


def test_a_record_of_another_partnership_cannot_prompt_a_challenge(
    board_member, partnership, agency, other_partnership, outsider
):
    foreign = ChallengeFactory(
        partnership=other_partnership, agency=AgencyFactory(partnerships=[other_partnership]), raised_by=outsider
    )
    with pytest.raises(ValidationError) as error:
        _raise(board_member, partnership, agency, about=foreign)
    assert "about" in error.value.message_dict


# --- responding ----------------------------------------------------------------------------------


def test_the_agency_lead_records_the_response(answered, agency_lead):
    answered.refresh_from_db()
    assert (answered.status, answered.responded_by) == (Challenge.Status.RESPONDED, agency_lead)
    assert answered.days_to_respond == 7


def test_the_raiser_is_told_of_the_response(answered, board_member):
    [message] = Message.objects.filter(kind="governance.challenge_answered")
    assert message.recipient == board_member


def test_the_lead_of_another_agency_may_not_respond(partnership, other_agency, board_member, agency_lead):
    challenge = ChallengeFactory(partnership=partnership, agency=other_agency, raised_by=board_member)
    with pytest.raises(PermissionDenied):
        challenge_respond(actor=agency_lead, challenge=challenge, response="Not ours to answer.")


def test_an_empty_response_is_refused(challenge, agency_lead):
    with pytest.raises(ValidationError) as error:
        challenge_respond(actor=agency_lead, challenge=challenge, response="  ")
    assert "response" in error.value.message_dict


def test_a_closed_challenge_cannot_be_answered(challenge, agency_lead):
    Challenge.objects.filter(pk=challenge.pk).update(status=Challenge.Status.CLOSED)
    with pytest.raises(ValidationError):
        challenge_respond(actor=agency_lead, challenge=challenge, response="Late.")


# --- assessing, escalating, closing, reopening ---------------------------------------------------


def test_the_business_unit_records_satisfaction_and_impact(answered, business_unit):
    challenge_assess(actor=business_unit, challenge=answered, satisfied="partly", impact="Reports now arrive.")
    answered.refresh_from_db()
    assert (answered.satisfied, answered.impact) == ("partly", "Reports now arrive.")


def test_only_the_business_unit_assesses(answered, board_member):
    with pytest.raises(PermissionDenied):
        challenge_assess(actor=board_member, challenge=answered, satisfied="yes", impact="None.")


def test_escalating_keeps_the_reason_and_tells_the_agency(challenge, business_unit, agency_lead):
    challenge_escalate(actor=business_unit, challenge=challenge, escalation="chief_officer", reason="No answer.")
    challenge.refresh_from_db()
    assert (challenge.status, challenge.escalation_reason) == (Challenge.Status.ESCALATED, "No answer.")
    assert Message.objects.filter(kind="governance.challenge_escalated", recipient=agency_lead).exists()


def test_escalating_needs_a_reason(challenge, business_unit):
    with pytest.raises(ValidationError) as error:
        challenge_escalate(actor=business_unit, challenge=challenge, escalation="chair", reason="")
    assert "reason" in error.value.message_dict


def test_closing_an_answered_challenge_needs_the_boards_assessment(answered, business_unit):
    with pytest.raises(ValidationError) as error:
        challenge_close(actor=business_unit, challenge=answered)
    assert {"satisfied", "impact"} <= set(error.value.message_dict)


def test_closing_keeps_the_impact(answered, business_unit):
    challenge_close(actor=business_unit, challenge=answered, satisfied="yes", impact="GPs attend.")
    answered.refresh_from_db()
    assert (answered.status, answered.impact, answered.closed_by) == (
        Challenge.Status.CLOSED,
        "GPs attend.",
        business_unit,
    )


def test_closing_without_a_response_needs_a_note(challenge, business_unit):
    with pytest.raises(ValidationError) as error:
        challenge_close(actor=business_unit, challenge=challenge)
    assert "note" in error.value.message_dict


def test_a_board_member_may_not_close_a_challenge(answered, board_member):
    with pytest.raises(PermissionDenied):
        challenge_close(actor=board_member, challenge=answered, satisfied="yes", impact="GPs attend.")


def test_reopening_asks_the_agency_again_with_the_reason(answered, business_unit):
    challenge_close(actor=business_unit, challenge=answered, satisfied="yes", impact="GPs attend.")
    due = _today() + dt.timedelta(days=14)
    challenge_reopen(actor=business_unit, challenge=answered, reason="Attendance fell again.", response_due_on=due)
    answered.refresh_from_db()
    assert (answered.status, answered.reopen_reason, answered.response_due_on, answered.closed_at) == (
        Challenge.Status.OPEN,
        "Attendance fell again.",
        due,
        None,
    )


def test_reopening_needs_a_new_date_not_past(answered, business_unit):
    challenge_close(actor=business_unit, challenge=answered, satisfied="yes", impact="GPs attend.")
    with pytest.raises(ValidationError) as error:
        challenge_reopen(
            actor=business_unit, challenge=answered, reason="Again.", response_due_on=_today() - dt.timedelta(days=1)
        )
    assert "response_due_on" in error.value.message_dict


# --- reminders and actions -----------------------------------------------------------------------


def test_a_reminder_goes_to_the_agencys_lead_once_a_day(challenge, business_unit, agency_lead):
    assert challenge_remind(actor=business_unit, challenge=challenge) is not None
    assert challenge_remind(actor=business_unit, challenge=challenge) is None


def test_an_answered_challenge_is_not_chased(answered, business_unit):
    with pytest.raises(PermissionDenied):
        challenge_remind(actor=business_unit, challenge=answered)


def test_an_action_raised_from_a_challenge_points_back_at_it(challenge, business_unit, agency):
    action = challenge_action_raise(
        actor=business_unit, challenge=challenge, title="Audit GP reports", owner_agency=agency, due_on=_today()
    )
    assert action.source == challenge
    assert Action.objects.get(pk=action.pk).source_label == f"Challenge {challenge.reference}: {challenge.subject}"
