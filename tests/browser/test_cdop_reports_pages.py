"""Agency reports on a child's death in a real browser, every page checked with axe-core: the
manager asks an agency for its report, the agency's lead answers and submits it (never seeing the
child's name), and the manager reads it, sends a reminder about another and withdraws a third."""

import pytest
from django.urls import reverse

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.cdop.models import AgencyReport
from assure.cdop.tests.factories import AgencyReportFactory, ChildDeathFactory, panel_of

pytestmark = pytest.mark.browser


def _url(name, partnership, **kwargs):
    return reverse(f"cdop:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def test_asking_answering_and_reading_a_report(pages, partnership, agency, other_agency, cdop_manager, agency_lead):
    RestrictedGrantFactory(user=cdop_manager, partnership=partnership, area="cdop")
    death = ChildDeathFactory(panel=panel_of(partnership), child_name="Robin Example")
    chased = AgencyReportFactory(death=death, agency=other_agency)

    pages.sign_in_as(cdop_manager)
    page = pages.goto(_url("report_request", partnership, pk=death.pk))
    page.get_by_role("button", name="Ask the agencies").click()
    pages.check()  # the errors
    page.get_by_label(agency.name, exact=True).check()
    page.get_by_label("Due date").fill("2030-01-31")
    page.get_by_label(f"{agency.name}'s reference").fill("NHS-7731")
    page.get_by_role("button", name="Ask the agencies").click()
    pages.check()
    report = AgencyReport.objects.get(death=death, agency=agency)

    pages.sign_in_as(agency_lead)
    pages.goto(_url("reports_mine", partnership))
    page = pages.goto(_url("report_answer", partnership, pk=report.pk))
    assert "Robin" not in page.content()
    page.get_by_role("button", name="Submit the report").click()
    pages.check()  # the required questions missing

    pages.sign_in_as(cdop_manager)
    pages.goto(_url("report_detail", partnership, pk=report.pk))
    pages.goto(_url("report_remind", partnership, pk=chased.pk))
    page = pages.goto(_url("report_withdraw", partnership, pk=chased.pk))
    page.get_by_role("button", name="Withdraw the report").click()
    pages.check()
