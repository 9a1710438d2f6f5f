"""The answering page every app uses (``answer_page``), through a small view of this module's
own address list: drawing every question type, saving, errors, htmx, submitting and locking."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.urls import path, reverse

from assure.questionnaires.models import Response
from assure.questionnaires.pages import answer_page
from assure.questionnaires.services import response_submit

DONE = "/done/"
SUBMITTED: list[int] = []


def submit(request, response: Response) -> None:
    """What an app's service does: check, then submit through the engine."""
    if request.GET.get("refuse"):
        raise ValidationError("The audit has been cancelled.")
    SUBMITTED.append(response.pk)
    response_submit(actor=request.user, response=response)


def answer_view(request, pk: int) -> HttpResponse:
    response = Response.objects.get(pk=pk)
    return answer_page(
        request,
        response=response,
        template="questionnaires/tests/answer.html",
        context={"heading": "Answer the test"},
        editable=request.GET.get("view") != "only",
        on_submit=lambda r: submit(request, r),
        done_url=DONE,
    )


urlpatterns = [path("test-answer/<int:pk>/", answer_view, name="test-answer")]

pytestmark = pytest.mark.urls(__name__)


@pytest.fixture(autouse=True)
def _nothing_submitted():
    SUBMITTED.clear()


@pytest.fixture
def page(client, business_unit, response):
    client.force_login(business_unit)
    return reverse("test-answer", kwargs={"pk": response.pk})


def complete(**changes) -> dict:
    """A POST answering every question of the visit section (the child not seen)."""
    data = {
        "seen": "no",
        "quality": "good",
        "grade": "good",
        "concerns": ["neglect", "physical"],
        "visits": "3",
        "referred-on-day": "4",
        "referred-on-month": "11",
        "referred-on-year": "2014",
        "summary": "Visits were regular and the plan was reviewed.",
        "action": "save",
    }
    data.update(changes)
    return data


def test_get_draws_every_question_type_as_its_govuk_pattern(client, page):
    html = client.get(page).content.decode()
    assert 'id="seen" name="seen" type="radio" value="yes"' in html
    assert 'id="seen-3" name="seen" type="radio" value="na"' in html
    assert 'id="quality" name="quality" type="radio"' in html
    assert 'id="grade" name="grade" type="radio"' in html
    assert 'id="concerns" name="concerns" type="checkbox" value="neglect"' in html
    assert 'value="none" data-behaviour="exclusive"' in html
    assert 'id="visits" name="visits" type="text" inputmode="numeric"' in html
    assert 'id="hours" name="hours" type="text" inputmode="decimal"' in html
    assert 'id="referred-on-day" name="referred-on-day"' in html
    assert 'id="referred-on-year" name="referred-on-year"' in html
    assert 'id="team" name="team" type="text"' in html
    assert 'data-module="govuk-character-count" data-maxlength="200"' in html
    assert "You can enter up to 200 characters" in html


def test_every_choice_and_text_input_has_a_label_and_choices_a_fieldset_legend(client, page):
    html = client.get(page).content.decode()
    for input_id in re.findall(r'<(?:input|textarea)[^>]* id="([^"]+)"', html):
        assert f'for="{input_id}"' in html, input_id
    assert html.count('<fieldset class="govuk-fieldset"') == html.count('<legend class="govuk-fieldset__legend')
    assert "Was the child seen?</legend>" in html
    assert "When was the case referred on?</legend>" in html
    assert "How many hours did the assessment take? (optional)</label>" in html


def test_short_yes_no_answers_sit_inline_and_long_choices_do_not(client, page):
    html = client.get(page).content.decode()
    assert html.count("govuk-radios--inline") == 2  # seen (yes-no) and quality (a short scale)


def test_the_progress_counts_only_the_questions_shown(client, page):
    assert "0 of 9 questions answered" in client.get(page).content.decode()


def test_a_conditional_question_is_not_drawn_until_its_answer_shows_it(client, page):
    assert 'name="seen-where"' not in client.get(page).content.decode()
    client.post(page, {"seen": "yes", "action": "save"})
    html = client.get(page).content.decode()
    assert 'name="seen-where"' in html
    assert "1 of 10 questions answered" in html


def test_save_stores_the_answers_and_comes_back_with_a_saved_banner(client, page, response):
    reply = client.post(page, complete(), follow=True)
    assert reply.redirect_chain[-1][0] == page
    assert "Your answers have been saved." in reply.content.decode()
    response.refresh_from_db()
    assert (response.answered, response.asked) == (7, 9)
    assert response.values()["concerns"] == ["neglect", "physical"]


def test_a_wrong_answer_keeps_the_others_and_shows_the_summary_linking_to_the_question(client, page, response):
    reply = client.post(page, complete(**{"visits": "lots", "referred-on-month": ""}))
    html = reply.content.decode()
    assert reply.status_code == 200
    assert '<a href="#visits">How many visits were made must be a number</a>' in html
    assert '<a href="#referred-on-month">When was the case referred on must include a month</a>' in html
    assert 'value="lots"' in html  # what was typed is shown again
    assert 'id="referred-on-day" name="referred-on-day" type="text" inputmode="numeric" value="4"' in html
    assert response.values()["quality"] == "good"
    assert "visits" not in response.values()


def test_an_htmx_request_answers_with_the_form_alone(client, page, response):
    reply = client.post(page, {"seen": "yes", "action": "save"}, headers={"HX-Request": "true"})
    html = reply.content.decode()
    assert reply.status_code == 200
    assert html.lstrip().startswith('<div id="questionnaire-form"')
    assert "<html" not in html
    assert 'name="seen-where"' in html  # the newly shown question is drawn in place
    assert response.values() == {"seen": "yes"}


def test_the_form_htmx_swaps_in_keeps_the_labels_the_page_gave_it(client, page):
    html = client.post(page, {"seen": "yes"}, headers={"HX-Request": "true"}).content.decode()
    assert "Send the answers</button>" in html
    assert html.rstrip().endswith("</div>")


def test_the_choice_inputs_save_through_htmx_into_the_form(client, page):
    html = client.get(page).content.decode()
    assert 'hx-target="#questionnaire-form" hx-swap="outerHTML"' in html
    assert re.search(r'id="seen" name="seen" type="radio" value="yes" hx-post="[^"]+"', html)


def test_submit_calls_the_apps_service_and_goes_to_the_done_page(client, page, response):
    reply = client.post(page, complete(action="submit"))
    assert reply.status_code == 302
    assert reply["Location"] == DONE
    assert [response.pk] == SUBMITTED
    response.refresh_from_db()
    assert response.status == "submitted"


def test_submit_with_a_required_question_blank_shows_its_message_linked(client, page, response):
    data = complete(action="submit")
    del data["grade"]
    html = client.post(page, data).content.decode()
    assert '<a href="#grade">Select an answer: How do you grade the practice</a>' in html
    response.refresh_from_db()
    assert response.status == "draft"


def test_the_apps_own_refusal_is_shown_in_the_summary_and_the_answers_are_kept(client, page, response):
    html = client.post(page + "?refuse=1", complete(action="submit")).content.decode()
    assert "<li>The audit has been cancelled.</li>" in html
    assert response.values()["quality"] == "good"
    response.refresh_from_db()
    assert response.status == "draft"


def test_an_htmx_submit_is_sent_on_with_hx_redirect(client, page):
    reply = client.post(page, complete(action="submit"), headers={"HX-Request": "true"})
    assert reply["HX-Redirect"] == DONE


def test_a_submitted_response_shows_its_answers_read_only(client, page, response):
    client.post(page, complete(action="submit"))
    html = client.get(page).content.decode()
    assert "<form" not in html.split('id="questionnaire-form"')[1]
    assert '<dt class="govuk-summary-list__key">Which concerns were recorded?</dt>' in html
    assert "Neglect, Physical abuse" in html
    assert "4 November 2014" in html


def test_a_post_to_a_submitted_response_changes_nothing(client, page, response):
    client.post(page, complete(action="submit"))
    reply = client.post(page, complete(quality="poor"), follow=True)
    assert "can no longer be changed" in reply.content.decode()
    assert response.values()["quality"] == "good"


def test_a_page_not_editable_for_this_person_is_read_only(client, page):
    assert 'type="radio"' not in client.get(page + "?view=only").content.decode()


def test_a_post_to_a_page_not_editable_for_this_person_is_refused(rf, business_unit, response):
    request = rf.post("/test-answer/?view=only", complete())
    request.user = business_unit
    with pytest.raises(PermissionDenied):
        answer_view(request, pk=response.pk)
    assert response.values() == {}


def test_free_text_that_looks_like_a_name_is_warned_about_under_the_answer(client, page):
    html = client.post(page, complete(summary="The plan was discussed with Jane Smith at home."), follow=True)
    html = html.content.decode()
    assert 'id="summary-warning"' in html
    assert "may name a child or give a date of birth" in html
    assert re.search(r'<textarea[^>]*aria-describedby="[^"]*summary-warning', html)
