"""The pages of agency reports: an agency lead lists and answers their agency's reports (named by
reference, never the child's name, and not a restricted read); the manager asks, reminds and
withdraws; the manager and panel members with the ``cdop`` grant read a report, each read logged
and never cached."""

import datetime as dt

import pytest
from django.urls import reverse

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.audit.models import AccessLog
from assure.cdop.models import AgencyReport
from assure.cdop.tests.factories import AgencyReportFactory, ChildDeathFactory, panel_of
from assure.cdop.tests.test_reports_services import ANSWERS

pytestmark = pytest.mark.django_db


def _url(name, partnership, **kwargs):
    return reverse(f"cdop:{name}", kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def death(partnership):
    return ChildDeathFactory(panel=panel_of(partnership), child_name="Robin Example")


@pytest.fixture
def report(death, agency):
    return AgencyReportFactory(death=death, agency=agency, agency_reference="NHS-7731")


def _grant(user, partnership):
    RestrictedGrantFactory(user=user, partnership=partnership, area="cdop")
    return user


# --- the agency lead -------------------------------------------------------------------------------


def test_the_lead_lists_their_agencys_reports(client, partnership, report, agency_lead):
    client.force_login(agency_lead)
    page = client.get(_url("reports_mine", partnership)).content.decode()
    assert report.death.reference in page and "NHS-7731" in page


def test_the_answer_page_never_shows_the_name(client, partnership, report, agency_lead):
    client.force_login(agency_lead)
    page = client.get(_url("report_answer", partnership, pk=report.pk))
    assert page.status_code == 200
    assert report.death.reference in page.content.decode() and "Robin" not in page.content.decode()


def test_the_answer_page_is_not_a_restricted_read(client, partnership, report, agency_lead):
    client.force_login(agency_lead)
    client.get(_url("report_answer", partnership, pk=report.pk))
    assert not AccessLog.objects.exists()


def test_a_lead_of_another_agency_is_not_shown_the_report(client, partnership, death, other_agency, agency_lead):
    other = AgencyReportFactory(death=death, agency=other_agency)
    client.force_login(agency_lead)
    assert client.get(_url("report_answer", partnership, pk=other.pk)).status_code == 404


def test_saving_answers_marks_the_report_being_written(client, partnership, report, agency_lead):
    client.force_login(agency_lead)
    client.post(_url("report_answer", partnership, pk=report.pk), {"action": "save", "smoking": "yes"})
    report.refresh_from_db()
    assert report.status == AgencyReport.Status.DRAFT


def test_the_lead_submits_the_report_from_the_page(client, partnership, report, agency_lead):
    client.force_login(agency_lead)
    response = client.post(_url("report_answer", partnership, pk=report.pk), {"action": "submit", **ANSWERS})
    report.refresh_from_db()
    assert response.status_code == 302, response.content.decode()[:3000]
    assert report.status == AgencyReport.Status.SUBMITTED


# --- the manager and the panel ---------------------------------------------------------------------


def test_the_manager_reads_a_report_with_an_access_log(client, partnership, report, cdop_manager):
    client.force_login(_grant(cdop_manager, partnership))
    response = client.get(_url("report_detail", partnership, pk=report.pk))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert AccessLog.objects.get().record_id == str(report.pk)


def test_a_panel_member_without_the_grant_does_not_read_a_report(client, partnership, report, panel_member):
    client.force_login(panel_member)
    assert client.get(_url("report_detail", partnership, pk=report.pk)).status_code == 404


def test_a_panel_member_with_the_grant_reads_a_report(client, partnership, report, panel_member):
    client.force_login(_grant(panel_member, partnership))
    assert client.get(_url("report_detail", partnership, pk=report.pk)).status_code == 200


def test_the_manager_asks_agencies_from_the_form(client, partnership, death, agency, cdop_manager, agency_lead):
    client.force_login(_grant(cdop_manager, partnership))
    due = dt.date.today() + dt.timedelta(days=14)
    response = client.post(
        _url("report_request", partnership, pk=death.pk),
        {"agencies": [agency.pk], "due_on": due.isoformat(), f"reference_{agency.pk}": "NHS-1"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert AgencyReport.objects.get(death=death).agency_reference == "NHS-1"


def test_the_request_form_needs_the_grant(client, partnership, death, cdop_manager):
    client.force_login(cdop_manager)
    assert client.get(_url("report_request", partnership, pk=death.pk)).status_code == 403


def test_the_manager_sends_a_reminder(client, partnership, report, cdop_manager, agency_lead):
    client.force_login(_grant(cdop_manager, partnership))
    assert client.get(_url("report_remind", partnership, pk=report.pk)).status_code == 200
    client.post(_url("report_remind", partnership, pk=report.pk))
    report.refresh_from_db()
    assert report.last_reminded is not None


def test_the_manager_withdraws_a_report_with_a_reason(client, partnership, report, cdop_manager):
    client.force_login(_grant(cdop_manager, partnership))
    client.post(_url("report_withdraw", partnership, pk=report.pk), {"reason": "No involvement."})
    report.refresh_from_db()
    assert report.status == AgencyReport.Status.WITHDRAWN


def test_the_death_page_part_offers_the_manager_the_request_button(partnership, death, report, cdop_manager):
    from assure.cdop.selectors.reports import reports_for_death_page

    context = reports_for_death_page(user=_grant(cdop_manager, partnership), partnership=partnership, death=death)
    assert context["request_url"] and [row["report"] for row in context["report_rows"]] == [report]


def test_the_death_page_part_offers_a_panel_member_no_buttons(partnership, death, report, panel_member):
    from assure.cdop.selectors.reports import reports_for_death_page

    context = reports_for_death_page(user=_grant(panel_member, partnership), partnership=partnership, death=death)
    assert not context["request_url"] and not context["report_rows"][0]["remind_url"]


def test_the_death_page_shows_the_reports_and_the_request_button(client, partnership, death, report, cdop_manager):
    client.force_login(_grant(cdop_manager, partnership))
    page = client.get(_url("death_detail", partnership, pk=death.pk)).content.decode()
    assert "Agency reports" in page and _url("report_request", partnership, pk=death.pk) in page
    assert _url("report_detail", partnership, pk=report.pk) in page
