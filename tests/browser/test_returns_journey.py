"""An agency's figures from its return to the board's scorecard, in a real browser."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from assure.performance.models import DataReturn
from assure.performance.tests.factories import PriorityFactory, ScorecardLineFactory, indicator, return_with

pytestmark = pytest.mark.browser


@pytest.fixture
def data_return(partnership, agency):
    referrals, rereferrals = indicator("csc-referrals"), indicator("csc-rereferrals-percent")
    priority = PriorityFactory(partnership=partnership, title="Early help and the front door")
    ScorecardLineFactory(
        priority=priority, indicator=rereferrals, target=Decimal("20"), tolerance=Decimal("2"), owner_agency=agency
    )
    return return_with(partnership=partnership, agency=agency, indicators=[referrals, rereferrals])


def test_agency_lead_corrects_and_submits_a_return_the_business_unit_validates_and_the_scorecard_shows_it(
    pages, second_pages, agency_lead, business_unit, partnership, data_return
):
    slug = partnership.slug
    pages.sign_in_as(agency_lead)
    page = pages.goto(reverse("performance:return_edit", kwargs={"partnership": slug, "pk": data_return.pk}))
    page.locator("#id_csc-referrals__value").fill("2626")
    page.locator("#id_csc-rereferrals-percent__value").fill("120")
    page.get_by_role("button", name="Save figures").click()
    pages.check()
    expect(page.locator(".govuk-error-summary")).to_contain_text(re.compile("100"))
    expect(page.locator("#id_csc-referrals__value")).to_have_value("2626")

    page.locator("#id_csc-rereferrals-percent__value").fill("18")
    page.get_by_role("button", name="Save figures").click()
    pages.check()
    pages.goto(reverse("performance:return_submit", kwargs={"partnership": slug, "pk": data_return.pk}))
    page.get_by_role("button", name="Submit the return").click()
    pages.check()
    data_return.refresh_from_db()
    assert data_return.status == DataReturn.Status.SUBMITTED

    second_pages.sign_in_as(business_unit)
    officer = second_pages.goto(
        reverse("performance:return_validate", kwargs={"partnership": slug, "pk": data_return.pk})
    )
    officer.get_by_role("button", name="Validate the return").click()
    second_pages.check()
    data_return.refresh_from_db()
    assert data_return.status == DataReturn.Status.VALIDATED

    board = second_pages.goto(reverse("performance:scorecard", kwargs={"partnership": slug}) + "?period=2014-15")
    line = board.locator("tr", has_text=indicator("csc-rereferrals-percent").definition.title)
    expect(line).to_contain_text("18")
    expect(line).to_contain_text(re.compile("green", re.I))


def test_business_unit_asks_a_sector_for_figures_in_bulk_then_reminds_an_agency(
    pages, business_unit, agency_lead, partnership, agency
):
    from assure.notifications.models import Reminder
    from assure.performance.tests.factories import ReturnRoundFactory

    round = ReturnRoundFactory(partnership=partnership)
    slug = partnership.slug
    pages.sign_in_as(business_unit)
    page = pages.goto(reverse("performance:round_assign", kwargs={"partnership": slug, "pk": round.pk}))
    page.get_by_role("button", name="Ask agencies for figures in bulk").click()
    pages.check()

    # Nothing chosen: the problems are named, and the page is still accessible.
    page.get_by_role("button", name="Ask these agencies for these figures").click()
    pages.check()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose at least one indicator")

    page.get_by_label(re.compile(r"\(csc-referrals\)")).check()
    page.get_by_label(re.compile(r"^Police \(")).check()  # the sector of the agency lead's agency
    page.get_by_role("button", name="Ask these agencies for these figures").click()
    pages.check()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("1 figure added to what 1 agency is asked for")
    data_return = DataReturn.objects.get(round=round, agency=agency)
    assert list(data_return.indicators.values_list("code", flat=True)) == ["csc-referrals"]

    pages.goto(reverse("performance:round_detail", kwargs={"partnership": slug, "pk": round.pk}))
    page.get_by_role("button", name=re.compile("Send a reminder")).click()
    pages.check()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Reminder sent to 1 person")
    assert Reminder.objects.filter(target_id=str(data_return.pk)).exists()
