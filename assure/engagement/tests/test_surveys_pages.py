"""The business unit's pages of surveys: the register and its download, adding and changing a
survey (with the questionnaires offered, dates in order), and a survey's page with its link."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import escape

from assure.engagement.models import Survey
from assure.engagement.services.surveys import survey_answer
from assure.engagement.tests.factories import SurveyFactory
from assure.partnerships.tests.factories import library_item

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"engagement:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def form_data(**changes):
    item = library_item("questionnaire", "esafety-young-people")
    data = {
        "title": "Staying safe online 2015",
        "questionnaire": str(item.pk),
        "series": "esafety-young-people",
        "audience": "Young people aged 11 to 18",
        "introduction": "Tell us about being online. Your answers may be quoted without names.",
        "personal_data": "",
        "opens_on": "2015-02-01",
        "closes_on": "2015-02-28",
        "priority": "",
    }
    data.update(changes)
    return data


def test_the_register_lists_surveys_with_their_responses(client, board_member, partnership):
    survey = SurveyFactory(partnership=partnership)
    survey_answer(survey=survey, data={"worried": ["no"]}, today=survey.opens_on)
    SurveyFactory(partnership=partnership, title="Parents and carers online")
    client.force_login(board_member)
    page = client.get(url("surveys", partnership)).content.decode()
    assert escape(survey.title) in page and "Parents and carers online" in page
    assert "Open" in page
    download = client.get(url("surveys", partnership) + "?_export=csv").content.decode()
    assert "Staying safe online" in download and ",1" in download


def test_the_register_searches(client, business_unit, partnership):
    SurveyFactory(partnership=partnership, title="Staying safe online")
    SurveyFactory(partnership=partnership, title="Parents and carers online", series="parents")
    client.force_login(business_unit)
    page = client.get(url("surveys", partnership) + "?q=parents").content.decode()
    assert "Parents and carers online" in page and "Staying safe online" not in page


def test_the_business_unit_adds_a_survey(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(url("survey_create", partnership), form_data())
    survey = Survey.objects.get()
    assert response.status_code == 302
    assert response.url == url("survey_detail", partnership, pk=survey.pk)
    assert survey.questionnaire.code == "esafety-young-people"
    assert survey.created_by == business_unit and survey.token


def test_a_survey_must_close_after_it_opens(client, business_unit, partnership):
    client.force_login(business_unit)
    page = client.post(url("survey_create", partnership), form_data(closes_on="2015-01-01"))
    assert "The survey must close on or after the day it opens." in page.content.decode()
    assert 'value="Staying safe online 2015"' in page.content.decode()
    assert not Survey.objects.exists()


def test_only_survey_questionnaires_are_offered(client, business_unit, partnership):
    audit_tool = library_item("questionnaire", "case-file-audit")
    client.force_login(business_unit)
    page = client.post(url("survey_create", partnership), form_data(questionnaire=str(audit_tool.pk)))
    assert "Select a valid choice" in page.content.decode() or "Choose" in page.content.decode()
    assert not Survey.objects.exists()


def test_the_business_unit_changes_a_survey(client, business_unit, partnership):
    survey = SurveyFactory(partnership=partnership)
    client.force_login(business_unit)
    data = form_data(
        title="Online safety survey", opens_on=survey.opens_on.isoformat(), closes_on=survey.closes_on.isoformat()
    )
    client.post(url("survey_edit", partnership, pk=survey.pk), data)
    survey.refresh_from_db()
    assert survey.title == "Online safety survey"


def test_the_board_may_not_add_a_survey(client, board_member, partnership):
    client.force_login(board_member)
    assert client.post(url("survey_create", partnership), form_data()).status_code == 403
    assert not Survey.objects.exists()


def test_the_survey_page_gives_the_public_link(client, business_unit, partnership):
    survey = SurveyFactory(partnership=partnership, opens_on=dt.date(2015, 2, 1), closes_on=dt.date(2015, 2, 28))
    client.force_login(business_unit)
    page = client.get(url("survey_detail", partnership, pk=survey.pk)).content.decode()
    assert reverse("survey:answer", kwargs={"partnership": partnership.slug, "token": survey.token}) in page
    assert "Closed" in page
