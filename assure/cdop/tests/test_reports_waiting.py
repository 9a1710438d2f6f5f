"""What agency reports have waiting on the home page: an agency lead's reports to write, and the
manager's reports overdue with a reminder to send (the shape of an overdue return)."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.cdop.models import AgencyReport
from assure.cdop.services.reports import report_remind
from assure.cdop.tests.factories import AgencyReportFactory, ChildDeathFactory, panel_of
from assure.cdop.waiting_reports import reports_overdue, reports_to_write, reports_waiting

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
PAST = TODAY - dt.timedelta(days=5)


@pytest.fixture
def death(partnership):
    return ChildDeathFactory(panel=panel_of(partnership))


@pytest.fixture
def manager(cdop_manager, partnership):
    RestrictedGrantFactory(user=cdop_manager, partnership=partnership, area="cdop")
    return cdop_manager


def test_the_lead_has_their_agencys_report_to_write(partnership, death, agency, agency_lead):
    report = AgencyReportFactory(death=death, agency=agency)
    [item] = reports_to_write(user=agency_lead, partnership=partnership, today=TODAY)
    assert item.due == report.due_on and death.reference in item.title
    assert item.url.endswith(f"/reports/{report.pk}/answer/")


def test_another_agencys_report_does_not_wait_for_the_lead(partnership, death, other_agency, agency_lead):
    AgencyReportFactory(death=death, agency=other_agency)
    assert reports_to_write(user=agency_lead, partnership=partnership, today=TODAY) == []


def test_a_submitted_report_no_longer_waits(partnership, death, agency, agency_lead):
    AgencyReportFactory(death=death, agency=agency, status=AgencyReport.Status.SUBMITTED)
    assert reports_to_write(user=agency_lead, partnership=partnership, today=TODAY) == []


def test_the_menu_counts_the_reports_to_write(partnership, death, agency, agency_lead):
    AgencyReportFactory(death=death, agency=agency)
    assert reports_waiting(user=agency_lead, partnership=partnership) == "1 to write"


def test_the_manager_has_the_overdue_report_as_an_overdue_return(partnership, death, agency, agency_lead, manager):
    report = AgencyReportFactory(death=death, agency=agency, due_on=PAST)
    [item] = reports_overdue(user=manager, partnership=partnership, today=TODAY)
    assert (item.agency, item.returns_overdue, item.last_reminded) == (agency.name, True, None)
    assert item.remind_url.endswith(f"/reports/{report.pk}/remind/")


def test_the_overdue_item_says_when_it_was_last_reminded(partnership, death, agency, agency_lead, manager):
    report = AgencyReportFactory(death=death, agency=agency, due_on=PAST)
    report_remind(actor=manager, partnership=partnership, report=report)
    [item] = reports_overdue(user=manager, partnership=partnership, today=TODAY)
    assert item.last_reminded is not None


def test_a_report_not_yet_due_is_not_overdue(partnership, death, agency, manager):
    AgencyReportFactory(death=death, agency=agency)
    assert reports_overdue(user=manager, partnership=partnership, today=TODAY) == []


def test_the_manager_without_the_grant_has_nothing_overdue(partnership, death, agency, cdop_manager):
    AgencyReportFactory(death=death, agency=agency, due_on=PAST)
    assert reports_overdue(user=cdop_manager, partnership=partnership, today=TODAY) == []
