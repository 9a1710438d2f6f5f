"""The risk register in a real browser: the business unit adds a risk (first leaving a score out,
which is refused against its field), reviews it, and opens the heat map, where the risk is in its
cell with its level in words. axe-core runs on every page visited."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assure.core.navigation import partnership_url
from assure.governance.models import Risk
from assure.governance.tests.factories import RiskFactory, RiskReviewFactory

pytestmark = pytest.mark.browser


def _choose(page, group: str, option: str) -> None:
    page.get_by_role("group", name=group).get_by_label(option).check()


def test_business_unit_adds_reviews_and_maps_a_risk(pages, business_unit, partnership):
    pages.sign_in_as(business_unit)
    page = pages.goto(partnership_url("governance:risks", partnership))
    expect(page.get_by_text("No risks match.")).to_be_visible()
    page.get_by_role("button", name="Add a risk").click()
    pages.check()
    page.get_by_label("Title").fill("Partners' contributions fall short of the budget")
    page.get_by_label("Cause").fill("Partners' budgets are cut.")
    page.get_by_label("Consequence").fill("The training programme cannot be paid for.")
    page.get_by_label("Owner (optional)", exact=True).select_option(label=str(business_unit))
    page.get_by_label("Next review").fill((timezone.localdate() + dt.timedelta(days=30)).isoformat())
    _choose(page, "Inherent likelihood", "4 – Likely")
    _choose(page, "Inherent impact", "4 – Major")
    _choose(page, "Current likelihood", "3 – Possible")
    _choose(page, "Target likelihood", "2 – Unlikely")
    _choose(page, "Target impact", "3 – Moderate")
    page.get_by_role("button", name="Add the risk").click()
    pages.check()  # the current impact was left out
    expect(page.get_by_text("Choose the current impact.").first).to_be_visible()
    _choose(page, "Current impact", "4 – Major")
    page.get_by_role("button", name="Add the risk").click()
    pages.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partners' contributions fall short of the budget")
    risk = Risk.objects.get(partnership=partnership)
    assert (risk.reference, risk.current_score) == ("R-01", 12)

    page.get_by_role("button", name="Record a review").click()
    pages.check()
    _choose(page, "Likelihood", "2 – Unlikely")
    _choose(page, "Impact", "4 – Major")
    page.get_by_label("What the review found").fill("Contributions confirmed for next year.")
    page.get_by_label("Next review").fill((timezone.localdate() + dt.timedelta(days=91)).isoformat())
    page.get_by_role("button", name="Record the review").click()
    pages.check()
    expect(page.get_by_text("First review")).to_be_visible()
    expect(page.get_by_text("Contributions confirmed for next year.")).to_be_visible()

    pages.goto(partnership_url("governance:risks", partnership))
    page.get_by_role("link", name="Heat map of the open risks").click()
    pages.check()
    grid = page.get_by_role("table").first
    row = grid.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Impact 4: Major"))
    expect(row.get_by_role("cell").nth(1)).to_contain_text("Medium")
    expect(row.get_by_role("cell").nth(1)).to_contain_text("R-01")


def test_the_risks_other_pages_pass_axe(pages, business_unit, agency, partnership):
    risk = RiskFactory(partnership=partnership, owner=business_unit, owner_agency=agency, created_by=business_unit)
    RiskReviewFactory(risk=risk, reviewed_by=business_unit)
    closed = RiskFactory(partnership=partnership, status=Risk.Status.CLOSED, closed_reason="Resolved.")
    pages.sign_in_as(business_unit)
    page = pages.goto(partnership_url("governance:risks", partnership))
    expect(page.get_by_role("link", name=risk.reference)).to_be_visible()
    for name, record in (
        ("governance:risk_edit", risk),
        ("governance:risk_close", risk),
        ("governance:risk_action", risk),
        ("governance:risk_remind", risk),
        ("governance:risk_reopen", closed),
    ):
        pages.goto(partnership_url(name, partnership, pk=record.pk))  # axe runs on each
