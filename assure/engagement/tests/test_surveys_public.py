"""The public link of a survey: answered anonymously on one page, refused when closed, nothing
stored until the whole survey is sent and valid, and nothing about the person kept."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from assure.audit.models import Event
from assure.engagement.tests.factories import SurveyFactory
from assure.questionnaires.models import Answer, Response

pytestmark = pytest.mark.django_db

ANSWERS = {
    "age-group": "13-14",
    "hours-online": "1-3",
    "met-stranger": "no",
    "worried": "yes",
    "would-tell": ["parent", "friend"],
    "anything-else": "More lessons about apps please.",
}


def answer_url(survey):
    return reverse("survey:answer", kwargs={"partnership": survey.partnership.slug, "token": survey.token})


@pytest.fixture
def survey(partnership):
    return SurveyFactory(partnership=partnership)


def test_the_page_shows_the_introduction_and_the_questions(client, survey):
    page = client.get(answer_url(survey)).content.decode()
    assert survey.introduction in page
    assert "Have you ever met up in real life with someone you only knew online?" in page
    assert "Send my answers" in page


def test_the_personal_data_note_is_shown_when_there_is_one(client, partnership):
    survey = SurveyFactory(partnership=partnership, personal_data="We ask your school year to compare year groups.")
    assert "We ask your school year to compare year groups." in client.get(answer_url(survey)).content.decode()


def test_a_valid_answer_is_stored_as_a_submitted_anonymous_response(client, survey):
    response = client.post(answer_url(survey), ANSWERS)
    assert response.status_code == 302
    assert response.url == reverse(
        "survey:thanks", kwargs={"partnership": survey.partnership.slug, "token": survey.token}
    )
    stored = Response.objects.get()
    assert stored.status == Response.Status.SUBMITTED
    assert stored.about == survey
    assert stored.respondent is None and stored.agency is None and stored.submitted_by is None
    assert stored.values()["would-tell"] == ["parent", "friend"]
    assert stored.values()["anything-else"] == "More lessons about apps please."


def test_nothing_about_the_device_or_network_is_stored(client, survey):
    client.post(
        answer_url(survey),
        ANSWERS,
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Mozilla/5.0 (Phone) Distinctive/1.0",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    stored = Response.objects.get()
    rows = [
        *Response.objects.values().filter(pk=stored.pk),
        *Answer.objects.filter(response=stored).values(),
        *Event.objects.values(),
        *LogEntry.objects.values(),
    ]
    text = repr(rows)
    for trace in ("203.0.113.9", "198.51.100.7", "Distinctive", "sessionid", "csrftoken"):
        assert trace not in text
    assert all(entry["remote_addr"] is None for entry in LogEntry.objects.values("remote_addr"))
    assert all(entry["actor_id"] is None for entry in LogEntry.objects.values("actor_id"))
    assert not Event.objects.exclude(actor=None).exists()


def test_no_session_or_cookie_is_given(client, survey):
    client.get(answer_url(survey))
    client.post(answer_url(survey), ANSWERS)
    client.get(reverse("survey:thanks", kwargs={"partnership": survey.partnership.slug, "token": survey.token}))
    assert dict(client.cookies) == {}
    assert not Session.objects.exists()


def test_a_wrong_answer_stores_nothing_and_keeps_what_was_chosen(client, survey):
    page = client.post(answer_url(survey), {**ANSWERS, "met-stranger": "perhaps"})
    assert page.status_code == 200
    assert not Response.objects.exists()
    assert not Answer.objects.exists()
    content = page.content.decode()
    assert "There is a problem" in content
    assert 'value="13-14" checked' in content
    assert "More lessons about apps please." in content


def test_a_closed_survey_says_so_and_takes_no_answer(client, partnership):
    today = timezone.localdate()
    survey = SurveyFactory(
        partnership=partnership, opens_on=today - dt.timedelta(days=30), closes_on=today - dt.timedelta(days=1)
    )
    page = client.get(answer_url(survey))
    assert page.status_code == 410
    assert "This survey has closed" in page.content.decode()
    posted = client.post(answer_url(survey), ANSWERS)
    assert posted.status_code == 410
    assert not Response.objects.exists()


def test_a_survey_not_yet_open_says_when_it_opens(client, partnership):
    today = timezone.localdate()
    survey = SurveyFactory(
        partnership=partnership, opens_on=today + dt.timedelta(days=3), closes_on=today + dt.timedelta(days=30)
    )
    page = client.get(answer_url(survey))
    assert page.status_code == 200
    assert "This survey is not open yet" in page.content.decode()
    client.post(answer_url(survey), ANSWERS)
    assert not Response.objects.exists()


def test_an_unknown_link_is_not_found(client, survey):
    assert (
        client.get(
            reverse("survey:answer", kwargs={"partnership": survey.partnership.slug, "token": "nope"})
        ).status_code
        == 404
    )


def test_another_partnerships_link_is_not_found_under_this_one(client, survey, other_partnership):
    url = reverse("survey:answer", kwargs={"partnership": other_partnership.slug, "token": survey.token})
    assert client.get(url).status_code == 404


def test_a_machine_filling_the_hidden_field_is_thanked_and_ignored(client, survey):
    response = client.post(answer_url(survey), {**ANSWERS, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Response.objects.exists()


def test_answers_from_one_network_are_limited_per_hour(client, survey):
    from assure.engagement.views import public

    limit = public.LIMIT.limit
    for _ in range(limit):
        client.post(answer_url(survey), ANSWERS)
    refused = client.post(answer_url(survey), ANSWERS)
    assert refused.status_code == 429
    assert "Please wait an hour" in refused.content.decode()
    assert Response.objects.count() == limit


def test_the_thanks_page_thanks(client, survey):
    page = client.get(reverse("survey:thanks", kwargs={"partnership": survey.partnership.slug, "token": survey.token}))
    assert "Your answers have been sent" in page.content.decode()
