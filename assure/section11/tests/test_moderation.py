"""Moderation: challenge, answer, moderated rating, accepting and reopening."""

import importlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.models import Event
from assure.audit.services import event_record
from assure.section11.models import ChallengeMessage, Response, Return
from assure.section11.selectors.returns import return_reopenings
from assure.section11.services.moderation import (
    response_answer,
    response_challenge,
    response_moderate,
    return_accept,
    return_reopen,
)

from .factories import CycleFactory, ReturnFactory, Section11FrameworkFactory

Moderation = Response.Moderation


@pytest.fixture
def submitted(partnership, agency):
    return_record = ReturnFactory(
        cycle=CycleFactory(lead_partnership=partnership), agency=agency, status=Return.Status.SUBMITTED
    )
    return_record.responses.filter(not_applicable=False).update(self_rating="amber")
    return return_record


def _response(return_record, ref="1.1"):
    return return_record.responses.get(criterion=ref)


def test_a_challenge_puts_the_return_under_challenge(auditor, partnership, submitted):
    response_challenge(actor=auditor, partnership=partnership, response=_response(submitted), question="Which audit?")
    submitted.refresh_from_db()
    assert submitted.status == Return.Status.UNDER_CHALLENGE
    assert _response(submitted).moderation == Moderation.CHALLENGED


def test_a_board_member_cannot_challenge(board_member, partnership, submitted):
    with pytest.raises(PermissionDenied):
        response_challenge(actor=board_member, partnership=partnership, response=_response(submitted), question="Why?")


def test_a_draft_cannot_be_moderated(auditor, partnership, agency):
    draft = ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=agency)
    with pytest.raises(PermissionDenied):
        response_challenge(actor=auditor, partnership=partnership, response=_response(draft), question="Why?")


def test_the_agency_lead_answers_in_the_same_thread(auditor, agency_lead, partnership, submitted):
    response_challenge(actor=auditor, partnership=partnership, response=_response(submitted), question="Which audit?")
    response_answer(
        actor=agency_lead, partnership=partnership, response=_response(submitted), answer="The March audit."
    )
    kinds = list(ChallengeMessage.objects.filter(response=_response(submitted)).values_list("kind", flat=True))
    assert kinds == ["question", "answer"]
    assert _response(submitted).moderation == Moderation.ANSWERED


def test_a_criterion_awaiting_an_answer_cannot_be_accepted(auditor, partnership, submitted):
    response_challenge(actor=auditor, partnership=partnership, response=_response(submitted), question="Which audit?")
    with pytest.raises(ValidationError):
        response_moderate(actor=auditor, partnership=partnership, response=_response(submitted))


def test_a_moderated_rating_that_differs_needs_a_note(auditor, partnership, submitted):
    with pytest.raises(ValidationError) as caught:
        response_moderate(actor=auditor, partnership=partnership, response=_response(submitted), moderated_rating="red")
    assert "note" in caught.value.message_dict


def test_a_moderated_rating_is_kept_beside_the_self_rating(auditor, partnership, submitted):
    response_moderate(
        actor=auditor,
        partnership=partnership,
        response=_response(submitted),
        moderated_rating="red",
        note="No evidence.",
    )
    response = _response(submitted)
    assert (response.self_rating, response.moderated_rating, response.moderation) == (
        "amber",
        "red",
        Moderation.ACCEPTED,
    )


def test_the_same_rating_as_the_agencys_is_no_moderated_rating(auditor, partnership, submitted):
    response_moderate(actor=auditor, partnership=partnership, response=_response(submitted), moderated_rating="amber")
    assert _response(submitted).moderated_rating == ""


def test_a_paired_scale_moderates_on_its_pair(auditor, partnership, agency):
    cycle = CycleFactory(lead_partnership=partnership, framework=Section11FrameworkFactory(scale="self-score-0-3"))
    return_record = ReturnFactory(cycle=cycle, agency=agency, status=Return.Status.SUBMITTED)
    response = _response(return_record)
    response.self_rating = "3"
    response.save()
    response_moderate(
        actor=auditor, partnership=partnership, response=response, moderated_rating="1", note="Overrated."
    )
    assert _response(return_record).moderated_rating == "1"


def test_a_return_with_an_open_challenge_cannot_be_accepted(auditor, agency_lead, partnership, submitted):
    response_challenge(actor=auditor, partnership=partnership, response=_response(submitted), question="Which audit?")
    response_answer(actor=agency_lead, partnership=partnership, response=_response(submitted), answer="March.")
    with pytest.raises(ValidationError) as caught:
        return_accept(actor=auditor, partnership=partnership, return_record=submitted)
    assert "1.1" in caught.value.messages[0]


def test_accepting_a_return_keeps_the_moderation_record(auditor, agency_lead, partnership, submitted):
    response_challenge(actor=auditor, partnership=partnership, response=_response(submitted), question="Which audit?")
    response_answer(actor=agency_lead, partnership=partnership, response=_response(submitted), answer="March.")
    response_moderate(actor=auditor, partnership=partnership, response=_response(submitted))
    submitted.refresh_from_db()
    return_accept(actor=auditor, partnership=partnership, return_record=submitted)
    submitted.refresh_from_db()
    assert (submitted.status, submitted.accepted_by) == (Return.Status.ACCEPTED, auditor)
    assert ChallengeMessage.objects.filter(response__return_record=submitted).count() == 2
    assert not submitted.responses.filter(moderation=Moderation.PENDING).exists()


def test_reopening_needs_a_reason(auditor, partnership, submitted):
    with pytest.raises(ValidationError):
        return_reopen(actor=auditor, partnership=partnership, return_record=submitted, reason=" ")


def test_only_a_moderator_reopens(agency_lead, partnership, submitted):
    with pytest.raises(PermissionDenied):
        return_reopen(actor=agency_lead, partnership=partnership, return_record=submitted, reason="Mistake.")


def test_reopening_gives_the_return_back_with_the_reason_recorded(auditor, partnership, submitted):
    return_reopen(
        actor=auditor, partnership=partnership, return_record=submitted, reason="Evidence for 2.1 is missing."
    )
    submitted.refresh_from_db()
    assert submitted.status == Return.Status.IN_PROGRESS
    event = Event.objects.get(verb="section11.return_reopened")
    assert event.data["reason"] == "Evidence for 2.1 is missing."


def test_the_reason_for_reopening_is_kept_on_the_return(auditor, partnership, submitted):
    return_reopen(
        actor=auditor, partnership=partnership, return_record=submitted, reason=" Evidence for 2.1 is missing. "
    )
    submitted.refresh_from_db()
    assert (submitted.reopen_reason, submitted.reopened_by) == ("Evidence for 2.1 is missing.", auditor)
    assert submitted.reopened_at is not None


def test_the_return_page_gives_every_reopening_newest_first(client, auditor, agency_lead, partnership, submitted):
    from django.urls import reverse

    return_reopen(actor=auditor, partnership=partnership, return_record=submitted, reason="Evidence is missing.")
    Return.objects.filter(pk=submitted.pk).update(status=Return.Status.SUBMITTED)
    submitted.refresh_from_db()
    return_reopen(actor=auditor, partnership=partnership, return_record=submitted, reason="Rating 1.1 is unclear.")
    reopenings = return_reopenings(user=agency_lead, partnership=partnership, return_record=submitted)
    assert [(r.reason, r.reopened_by) for r in reopenings] == [
        ("Rating 1.1 is unclear.", auditor),
        ("Evidence is missing.", auditor),
    ]
    client.force_login(agency_lead)
    page = client.get(reverse("section11:return_detail", kwargs={"partnership": partnership.slug, "pk": submitted.pk}))
    text = page.content.decode()
    assert text.index("Rating 1.1 is unclear.") < text.index("Evidence is missing.")
    assert f"by {auditor}" in text


def test_reasons_given_before_they_were_kept_on_the_return_are_copied_from_the_trail(auditor, partnership, submitted):
    from django.apps import apps

    copy = importlib.import_module("assure.section11.migrations.0002_return_reopen_reason").copy_last_reopening
    for reason in ("Evidence is missing.", "Rating 1.1 is unclear."):
        event_record(
            actor=auditor,
            verb="section11.return_reopened",
            target=submitted,
            partnership=partnership,
            summary="Section 11 return reopened",
            data={"reason": reason},
        )
    copy(apps, None)
    submitted.refresh_from_db()
    assert (submitted.reopen_reason, submitted.reopened_by) == ("Rating 1.1 is unclear.", auditor)


def test_a_return_never_reopened_has_no_reopenings(agency_lead, partnership, submitted):
    assert return_reopenings(user=agency_lead, partnership=partnership, return_record=submitted) == []


def test_moderation_page_challenge_and_accept(client, auditor, partnership, submitted):
    from django.urls import reverse

    response = _response(submitted)
    address = reverse("section11:response_moderate", kwargs={"partnership": partnership.slug, "pk": response.pk})
    client.force_login(auditor)
    client.post(address, {"decision": "challenge", "challenge-question": "Which audit?"})
    assert _response(submitted).moderation == Moderation.CHALLENGED
    refused = client.post(address, {"decision": "accept", "moderate-moderated_rating": ""})
    assert refused.status_code == 200 and "has not answered" in refused.content.decode()
