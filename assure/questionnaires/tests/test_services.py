"""Writing responses: saving as people go, submitting, locking, reopening, and a response
keeping the version of the questionnaire it was answered on."""

import pytest
from django.core.exceptions import ValidationError

from assure.library.loader import load_library
from assure.library.models import LibraryItem
from assure.library.selectors import current_item
from assure.questionnaires.definition import questionnaire_of
from assure.questionnaires.models import Response
from assure.questionnaires.services import answers_save, response_reopen, response_start, response_submit

from .conftest import QUESTIONNAIRE_URN, questionnaire_document

COMPLETE = {
    "seen": ["no"],
    "quality": ["good"],
    "grade": ["good"],
    "concerns": ["neglect"],
    "visits": ["3"],
    "referred-on": ["4", "11", "2014"],
    "summary": ["Visits were regular."],
}


def save(response, actor, **data):
    return answers_save(actor=actor, response=response, data=data)


def test_a_new_response_counts_the_questions_its_sections_show(response):
    assert (response.status, response.answered, response.asked) == ("draft", 0, 9)


def test_a_response_cannot_be_started_on_a_section_the_questionnaire_lacks(every_type, partnership, business_unit):
    with pytest.raises(ValidationError) as caught:
        response_start(
            actor=business_unit, partnership=partnership, questionnaire=every_type, about=partnership, sections=["x"]
        )
    assert "no section x" in str(caught.value)


def test_a_draft_is_saved_part_answered(response, business_unit):
    assert save(response, business_unit, seen=["yes"], quality=["fair"]) == {}
    response.refresh_from_db()
    assert response.values() == {"seen": "yes", "quality": "fair"}
    assert (response.answered, response.asked) == (2, 10)


def test_a_wrong_answer_is_reported_and_the_others_are_kept(response, business_unit):
    errors = save(response, business_unit, quality=["fair"], visits=["many"])
    assert errors == {"visits": "How many visits were made must be a number"}
    assert response.values() == {"quality": "fair"}


def test_a_wrong_answer_leaves_the_answer_stored_before(response, business_unit):
    save(response, business_unit, visits=["4"])
    save(response, business_unit, visits=["many"])
    assert response.values() == {"visits": 4}


def test_an_answer_cleared_is_removed(response, business_unit):
    save(response, business_unit, quality=["fair"])
    save(response, business_unit, quality=[])
    assert response.values() == {}


def test_answers_of_questions_that_become_hidden_are_removed(response, business_unit):
    save(response, business_unit, seen=["yes"], **{"seen-where": ["home"], "seen-alone": ["no"]})
    assert set(response.values()) == {"seen", "seen-where", "seen-alone"}
    save(response, business_unit, seen=["no"])
    assert response.values() == {"seen": "no"}
    response.refresh_from_db()
    assert (response.answered, response.asked) == (1, 9)


def test_an_answer_to_a_question_outside_the_responses_sections_is_not_saved(response, business_unit):
    save(response, business_unit, comment=["Another section's answer"])
    assert response.values() == {}


def test_submitting_with_a_required_question_blank_is_refused_naming_it(response, business_unit):
    save(response, business_unit, **{k: v for k, v in COMPLETE.items() if k != "grade"})
    with pytest.raises(ValidationError) as caught:
        response_submit(actor=business_unit, response=response)
    assert caught.value.message_dict == {"grade": ["Select an answer: How do you grade the practice"]}
    response.refresh_from_db()
    assert response.status == "draft"


def test_a_hidden_required_question_does_not_stop_a_submission(response, business_unit):
    save(response, business_unit, **COMPLETE)  # the child not seen: where, and alone, are not asked
    submitted = response_submit(actor=business_unit, response=response)
    assert submitted.status == "submitted"
    assert submitted.submitted_by == business_unit


def test_a_submitted_response_is_locked(response, business_unit):
    save(response, business_unit, **COMPLETE)
    response = response_submit(actor=business_unit, response=response)
    with pytest.raises(ValidationError):
        save(response, business_unit, quality=["poor"])
    with pytest.raises(ValidationError):
        response_submit(actor=business_unit, response=response)
    assert response.values()["quality"] == "good"


def test_an_app_may_submit_into_a_status_of_its_own_which_locks(response, business_unit):
    save(response, business_unit, **COMPLETE)
    response = response_submit(actor=business_unit, response=response, status="moderated")
    assert response.is_locked


def test_a_reopened_response_takes_changes_again_and_keeps_the_reason(response, business_unit):
    save(response, business_unit, **COMPLETE)
    response = response_submit(actor=business_unit, response=response)
    response = response_reopen(actor=business_unit, response=response, reason="The visits were miscounted.")
    assert (response.status, response.reopen_reason, response.submitted_at) == (
        "draft",
        "The visits were miscounted.",
        None,
    )
    assert save(response, business_unit, visits=["4"]) == {}


def test_reopening_needs_a_reason(response, business_unit):
    with pytest.raises(ValidationError) as caught:
        response_reopen(actor=business_unit, response=response, reason="  ")
    assert "reason" in caught.value.message_dict


def test_a_response_keeps_the_version_it_was_answered_on(response, business_unit, write_questionnaire):
    save(response, business_unit, seen=["yes"], visits=["3"])
    changed = questionnaire_document(version=2, title="Every type, revised").replace(
        "text: How many visits were made?", "text: How many home visits were made?"
    )
    load_library([write_questionnaire(changed, "version-2.yaml")])
    newest = current_item(kind="questionnaire", code="every-type")
    assert newest.document.version == 2

    response = Response.objects.get(pk=response.pk)
    assert response.questionnaire.document.version == 1
    definition = questionnaire_of(response.questionnaire)
    assert definition.question("visits").text == "How many visits were made?"
    assert response.values() == {"seen": "yes", "visits": 3}
    assert LibraryItem.objects.filter(urn=QUESTIONNAIRE_URN).count() == 2


def test_a_new_response_on_the_current_version_asks_its_questions(
    every_type, partnership, business_unit, write_questionnaire
):
    load_library(
        [
            write_questionnaire(
                questionnaire_document(version=2).replace(
                    "text: How many visits were made?", "text: How many home visits were made?"
                ),
                "version-2.yaml",
            )
        ]
    )
    newest = current_item(kind="questionnaire", code="every-type")
    response = response_start(actor=business_unit, partnership=partnership, questionnaire=newest, about=partnership)
    assert questionnaire_of(response.questionnaire).question("visits").text == "How many home visits were made?"
