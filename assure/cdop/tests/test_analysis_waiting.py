"""The deaths ready for the panel, on the home page of those who may read the cases."""

import datetime as dt

import pytest

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.cdop.models import AgencyReport, ChildDeath
from assure.cdop.tests.factories import AgencyReportFactory, ChildDeathFactory, panel_of
from assure.cdop.waiting_analysis import ready_for_panel

pytestmark = pytest.mark.django_db

TODAY = dt.date(2015, 3, 1)


@pytest.fixture
def granted(panel_member, partnership):
    RestrictedGrantFactory(user=panel_member, partnership=partnership, area="cdop")
    return panel_member


def _titles(user, partnership) -> list[str]:
    return [item.title for item in ready_for_panel(user=user, partnership=partnership, today=TODAY)]


def test_a_death_whose_reports_are_all_in_is_ready(granted, partnership, agency):
    death = ChildDeathFactory(panel=panel_of(partnership))
    AgencyReportFactory(death=death, agency=agency, status=AgencyReport.Status.SUBMITTED, response=False)
    assert _titles(granted, partnership) == [f"Child death {death.reference}"]


def test_a_death_waiting_for_a_report_is_not_ready(granted, partnership, agency):
    death = ChildDeathFactory(panel=panel_of(partnership))
    AgencyReportFactory(death=death, agency=agency, status=AgencyReport.Status.DRAFT, response=False)
    assert _titles(granted, partnership) == []


def test_a_paused_or_reviewed_death_is_not_ready(granted, partnership):
    ChildDeathFactory(panel=panel_of(partnership), status=ChildDeath.Status.PAUSED)
    ChildDeathFactory(panel=panel_of(partnership), status=ChildDeath.Status.REVIEWED)
    assert _titles(granted, partnership) == []


def test_nothing_waits_for_a_panel_member_without_the_grant(panel_member, partnership):
    ChildDeathFactory(panel=panel_of(partnership))
    assert _titles(panel_member, partnership) == []
