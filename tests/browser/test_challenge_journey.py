"""The challenge log's main path, in a real browser: a board member raises a challenge from an
exception report's item, the challenged agency's lead answers it, the business unit closes it
with its impact, and the annual report's "Challenge and governance" section shows it once the
figures are refreshed. Every page is checked with axe-core."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from assure.governance.models import Challenge
from assure.library.selectors import current_item
from assure.partnerships.years import current_financial_year
from assure.performance.tests.factories import ExceptionItemFactory, ExceptionReportFactory, indicator
from assure.reports.models import Report
from assure.reports.services.reports import report_create

pytestmark = pytest.mark.browser


@pytest.fixture
def exception_item(partnership, agency, business_unit):
    report = ExceptionReportFactory(partnership=partnership, created_by=business_unit)
    return ExceptionItemFactory(report=report, indicator=indicator("csc-referrals"), owner_agency=agency)


@pytest.fixture
def annual_report(partnership, business_unit):
    """This year's draft annual report, made before the challenge: its figures are refreshed later."""
    return report_create(
        partnership=partnership,
        kind=Report.Kind.ANNUAL,
        template=current_item(kind="report-template", code="annual-report"),
        actor=business_unit,
        year=current_financial_year(),
    )


def test_board_member_challenges_from_an_exception_lead_answers_business_unit_closes_and_the_report_shows_it(
    pages, second_pages, board_member, agency_lead, business_unit, agency, partnership, exception_item, annual_report
):
    slug = partnership.slug

    # A board member reads the exception report and challenges the owning agency about the item.
    pages.sign_in_as(board_member)
    page = pages.goto(exception_item.get_absolute_url().split("#")[0])
    page.get_by_role("link", name=re.compile("^Raise a challenge")).click()
    pages.check()
    expect(page.get_by_label("Record that prompted it")).to_have_value(
        f"performance.exception-item:{exception_item.pk}"
    )
    page.get_by_label("Agency challenged").select_option(label=agency.name)
    page.get_by_label("What is the challenge about?").fill("Referrals rated red for two quarters")
    page.get_by_label("The challenge", exact=True).fill(
        "Please explain the rise in referrals and what the agency is doing."
    )
    page.get_by_role("button", name="Raise the challenge").click()
    pages.check()
    challenge = Challenge.objects.get(partnership=partnership)
    expect(page.get_by_role("heading", level=1)).to_have_text("Referrals rated red for two quarters")
    expect(page.get_by_role("link", name=re.compile("^Exception report"))).to_be_visible()

    # The agency's lead finds it on their home page and answers it.
    second_pages.sign_in_as(agency_lead)
    lead = second_pages.goto(reverse("partnerships:home", kwargs={"partnership": slug}))
    lead.get_by_role("link", name=re.compile(f"Challenge {challenge.reference}")).click()
    second_pages.check()
    lead.get_by_role("button", name="Record the response").click()
    second_pages.check()
    lead.get_by_label("The agency's response").fill("A new threshold document went to every referrer in May.")
    lead.get_by_role("button", name="Record the response").click()
    second_pages.check()
    expect(lead.locator("body")).to_contain_text("Response received")

    # The business unit closes it with the board's assessment and the impact.
    pages.sign_in_as(business_unit)
    page = pages.goto(challenge.get_absolute_url())
    page.get_by_role("button", name="Close the challenge").click()
    pages.check()
    page.get_by_label("Satisfied", exact=True).check()
    page.get_by_label("What difference did the challenge make?").fill("Referrals that need no action fell by a third.")
    page.get_by_role("button", name="Yes, close the challenge").click()
    pages.check()
    expect(page.locator("body")).to_contain_text("Closed")

    # The draft annual report's figures are refreshed; its governance section shows the challenge.
    page = pages.goto(reverse("reports:report_detail", kwargs={"partnership": slug, "pk": annual_report.pk}))
    page.get_by_role("button", name="Refresh the figures").click()
    pages.check()
    section = annual_report.sections.get(key="governance")
    page = pages.goto(reverse("reports:section_detail", kwargs={"partnership": slug, "pk": section.pk}))
    body = page.locator("body")
    expect(body).to_contain_text("raised 1 challenge and resolved 1")
    expect(body).to_contain_text("Referrals that need no action fell by a third.")
