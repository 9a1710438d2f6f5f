"""The free-text answers of a survey: reviewed by the business unit into voices (quoted or
withheld), gone from the list once reviewed, waiting on the home page, and never shown to the
board."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from assure.engagement.models import Voice
from assure.engagement.selectors.surveys import free_text_to_review
from assure.engagement.services.surveys import survey_answer
from assure.engagement.tests.factories import SurveyFactory
from assure.engagement.waiting_surveys import free_text_waiting
from assure.questionnaires.models import Answer

pytestmark = pytest.mark.django_db

WORDS = "I told my teacher and she helped me block them."
NAMING = "A girl called Jodie Marsh sends me nasty messages."


def url(name, survey):
    return reverse(f"engagement:{name}", kwargs={"partnership": survey.partnership.slug, "pk": survey.pk})


@pytest.fixture
def survey(partnership):
    survey = SurveyFactory(partnership=partnership)
    for words in (WORDS, NAMING):
        survey_answer(survey=survey, data={"anything-else": [words], "worried": ["yes"]}, today=survey.opens_on)
    return survey


def answer_of(words):
    return Answer.objects.get(text=words)


def review(client, survey, answer, **fields):
    prefix = f"answer-{answer.pk}-"
    data = {"answer": answer.pk, **{prefix + name: value for name, value in fields.items()}}
    return client.post(url("survey_free_text", survey), data)


def test_the_business_unit_sees_each_answer_to_review_with_a_warning_for_a_name(client, business_unit, survey):
    client.force_login(business_unit)
    page = client.get(url("survey_free_text", survey)).content.decode()
    assert escape(WORDS) in page
    assert escape(NAMING) in page
    assert "may name a child" in page


def test_may_be_quoted_makes_an_approved_voice_and_leaves_the_list(client, business_unit, partnership, survey):
    client.force_login(business_unit)
    answer = answer_of(WORDS)
    response = review(client, survey, answer, decision="quote", text=WORDS, source_type="child", consent="on")
    assert response.status_code == 302
    voice = Voice.objects.get(answer=answer)
    assert voice.status == Voice.Status.APPROVED
    assert voice.consent_to_quote is True
    assert voice.is_quotable
    assert voice.source_type == "child"
    assert voice.channel == f"Survey: {survey.title}"
    assert voice.survey == survey and voice.reviewed_by == business_unit
    remaining = free_text_to_review(user=business_unit, partnership=partnership, survey=survey)
    assert [item.answer.text for item in remaining] == [NAMING]


def test_without_the_consent_box_a_quotable_voice_has_no_consent(client, business_unit, survey):
    client.force_login(business_unit)
    answer = answer_of(WORDS)
    review(client, survey, answer, decision="quote", text=WORDS, source_type="child")
    assert Voice.objects.get(answer=answer).consent_to_quote is False


def test_the_words_may_be_edited_to_take_out_a_name(client, business_unit, survey):
    client.force_login(business_unit)
    answer = answer_of(NAMING)
    review(
        client,
        survey,
        answer,
        decision="quote",
        text="A girl in my class sends me nasty messages.",
        source_type="child",
    )
    assert Voice.objects.get(answer=answer).text == "A girl in my class sends me nasty messages."
    assert answer_of(NAMING).text == NAMING


def test_not_to_be_quoted_needs_a_reason_and_keeps_what_was_typed(client, business_unit, survey):
    client.force_login(business_unit)
    answer = answer_of(NAMING)
    page = review(client, survey, answer, decision="withhold", text=NAMING, source_type="child")
    assert page.status_code == 200
    assert "Say why the answer is not to be quoted." in page.content.decode()
    assert not Voice.objects.exists()
    review(client, survey, answer, decision="withhold", text=NAMING, source_type="child", reason="It names a pupil.")
    voice = Voice.objects.get(answer=answer)
    assert voice.status == Voice.Status.WITHHELD
    assert voice.withheld_reason == "It names a pupil."
    assert not voice.consent_to_quote


def test_an_answer_is_reviewed_once(client, business_unit, survey):
    client.force_login(business_unit)
    answer = answer_of(WORDS)
    review(client, survey, answer, decision="quote", text=WORDS, source_type="child")
    again = review(client, survey, answer, decision="withhold", text=WORDS, source_type="child", reason="Changed mind")
    assert again.status_code == 302
    assert Voice.objects.filter(answer=answer).count() == 1


def test_the_board_does_not_see_free_text(client, board_member, survey):
    client.force_login(board_member)
    assert client.get(url("survey_free_text", survey)).status_code == 403
    results = client.get(url("survey_results", survey)).content.decode()
    assert escape(WORDS) not in results
    assert escape(NAMING) not in results
    assert "Answered in words by 2" in results


def test_the_free_text_waits_for_the_business_unit_only(business_unit, board_member, partnership, survey):
    items = free_text_waiting(user=business_unit, partnership=partnership, today=survey.opens_on)
    assert [(item.title, item.detail) for item in items] == [
        (f"Free-text answers to review: {survey.title}", "2 answers not yet reviewed")
    ]
    assert free_text_waiting(user=board_member, partnership=partnership, today=survey.opens_on) == []


def test_the_waiting_item_reads_in_constant_queries(business_unit, partnership, survey, django_assert_max_num_queries):
    for _ in range(3):
        other = SurveyFactory(partnership=partnership)
        survey_answer(survey=other, data={"anything-else": [WORDS]}, today=other.opens_on)
    free_text_waiting(user=business_unit, partnership=partnership, today=survey.opens_on)  # warm the caches
    with django_assert_max_num_queries(4):
        items = free_text_waiting(user=business_unit, partnership=partnership, today=survey.opens_on)
    assert len(items) == 4
