"""The pages of conference quality assurance: the lists, recording a conference and answering its
checklist, one conference's answers, and the year's table with the absences."""

import datetime as dt

import pytest
from django.urls import reverse

from assure.audits.models import Conference
from assure.audits.tests.factories import CHECKLIST_ANSWERS, checklist_conference

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"audits:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def test_recording_a_conference_leads_to_its_checklist(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(
        url("conference_record", partnership), {"held_on": "2014-10-14", "chair": "Ann Chair", "case_reference": ""}
    )
    conference = Conference.objects.get(partnership=partnership)
    assert response.url == url("conference_checklist", partnership, pk=conference.pk)


def test_the_checklist_is_answered_and_submitted_on_its_page(client, business_unit, partnership):
    client.force_login(business_unit)
    client.post(url("conference_record", partnership), {"held_on": "2014-10-14", "chair": "Ann Chair"})
    conference = Conference.objects.get(partnership=partnership)
    page = url("conference_checklist", partnership, pk=conference.pk)
    assert "Was the social worker&#x27;s report completed" in client.get(page).content.decode()
    data = {code: value for code, value in CHECKLIST_ANSWERS.items()}
    response = client.post(page, {**data, "action": "submit"})
    assert response.status_code == 302
    conference.response.refresh_from_db()
    assert conference.response.is_locked
    assert "has been submitted" in client.get(page).content.decode()


def test_a_checklist_submitted_with_a_question_unanswered_shows_the_error(client, business_unit, partnership):
    client.force_login(business_unit)
    client.post(url("conference_record", partnership), {"held_on": "2014-10-14", "chair": "Ann Chair"})
    conference = Conference.objects.get(partnership=partnership)
    data = {code: value for code, value in CHECKLIST_ANSWERS.items() if code != "family-present"}
    response = client.post(url("conference_checklist", partnership, pk=conference.pk), {**data, "action": "submit"})
    assert response.status_code == 200
    assert "Key family members present" in response.content.decode()
    conference.response.refresh_from_db()
    assert not conference.response.is_locked


def test_an_agency_lead_lists_only_the_conferences_they_recorded(client, agency_lead, partnership):
    checklist_conference(partnership=partnership)
    client.force_login(agency_lead)
    client.post(url("conference_record", partnership), {"held_on": "2015-01-13", "chair": "Ann Chair"})
    page = client.get(url("conferences_recorded", partnership)).content.decode()
    assert "13 Jan 2015" in page and "14 Oct 2014" not in page


def test_the_list_filters_by_year_and_downloads(client, board_member, partnership):
    checklist_conference(partnership=partnership, held_on=dt.date(2014, 10, 14))
    checklist_conference(partnership=partnership, held_on=dt.date(2013, 10, 15))
    client.force_login(board_member)
    page = client.get(url("conferences", partnership), {"year": "2014-15"}).content.decode()
    assert "14 Oct 2014" in page and "15 Oct 2013" not in page
    download = client.get(url("conferences", partnership), {"year": "2014-15", "_export": "csv"})
    assert download.content.decode().count("Submitted") == 1


def test_the_conferences_page_shows_its_answers(client, auditor, partnership):
    conference = checklist_conference(partnership=partnership, **{"children-present": "yes"})
    client.force_login(auditor)
    page = client.get(url("conference_detail", partnership, pk=conference.pk)).content.decode()
    assert "Were the children present?" in page


def test_the_years_table_sets_each_percentage_beside_the_year_before(client, board_member, partnership):
    checklist_conference(partnership=partnership, held_on=dt.date(2013, 10, 1), **{"report-on-time": "no"})
    checklist_conference(partnership=partnership, held_on=dt.date(2014, 10, 1), **{"report-on-time": "yes"})
    checklist_conference(partnership=partnership, held_on=dt.date(2014, 11, 1), **{"report-on-time": "no"})
    client.force_login(board_member)
    response = client.get(url("conference_year", partnership), {"year": "2014-15"})
    row = response.context["rows"][0]
    assert row["label"].startswith("Social worker")
    assert [figure.percent for figure in row["figures"]] == [0, 50]
    assert response.context["table"].totals == {"2013-14": 1, "2014-15": 2}


def test_the_absences_give_each_agencys_share_of_the_conferences_with_an_absence(client, board_member, partnership):
    checklist_conference(partnership=partnership, **{"agencies-absent": ["gp", "police"]})
    checklist_conference(partnership=partnership, **{"agencies-absent": ["gp"]})
    checklist_conference(partnership=partnership, **{"agencies-absent": ["housing"]})
    checklist_conference(partnership=partnership)
    client.force_login(board_member)
    absences = client.get(url("conference_year", partnership), {"year": "2014-15"}).context["absences"]
    assert (absences.checked, absences.with_absence, absences.percent) == (4, 3, 75)
    assert [(a.code, a.conferences, a.percent) for a in absences.agencies] == [
        ("gp", 2, 67),
        ("housing", 1, 33),
        ("police", 1, 33),
    ]


def test_the_years_table_and_absences_download(client, board_member, partnership):
    checklist_conference(partnership=partnership, **{"agencies-absent": ["gp"]})
    client.force_login(board_member)
    table = client.get(url("conference_year", partnership), {"year": "2014-15", "_export": "csv"}).content.decode()
    absences = client.get(
        url("conference_year", partnership), {"year": "2014-15", "table": "absences", "_export": "csv"}
    ).content.decode()
    assert "Social worker" in table
    assert "GP,1,100" in absences
