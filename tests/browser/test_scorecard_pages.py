"""The scorecard's pages in a real browser: the Vega-Lite charts are drawn under the strict
Content Security Policy (no eval, no injected style), and axe-core finds nothing on any page."""

from decimal import Decimal as D

import pytest

from assure.accounts.tests.factories import DEFAULT_PASSWORD
from assure.performance.periods import period_for_year
from assure.performance.services.exceptions import exception_report_create
from assure.performance.tests.factories import (
    PriorityFactory,
    ScorecardLineFactory,
    benchmark_areas,
    published,
    scorecard_test_indicators,
    validated_figures,
)
from assure.performance.tests.test_journey import journey_document

pytestmark = pytest.mark.browser


@pytest.fixture
def figures(partnership, agency, business_unit):
    indicators = scorecard_test_indicators()
    areas = benchmark_areas(partnership)
    priority = PriorityFactory(partnership=partnership, title="Early help")
    ScorecardLineFactory(
        priority=priority, indicator=indicators["sc-referrals"], target=D(1000), tolerance=D(50), owner_agency=agency
    )
    ScorecardLineFactory(
        priority=priority, indicator=indicators["sc-rereferrals"], target=D(12), tolerance=D(1), owner_agency=agency
    )
    years = [period_for_year(label) for label in ("2012-13", "2013-14", "2014-15")]
    for year, count, share in zip(years, (800, 900, 1000), ((10, 10, 100), (13, 13, 100), (16, 16, 100)), strict=True):
        validated_figures(
            partnership=partnership,
            agency=agency,
            period=year,
            figures={indicators["sc-referrals"]: count, indicators["sc-rereferrals"]: share},
        )
        published(indicators["sc-referrals-published"], areas["own"], count + 100, period=year)
        published(indicators["sc-referrals-published"], areas["england"], 600000, period=year)
        for n, other in enumerate(areas["others"]):
            published(indicators["sc-referrals-published"], other, 1000 + 100 * n, period=year)
    journey_document([{"code": "referrals", "title": "Referrals", "indicator": "sc-referrals"}])
    return exception_report_create(actor=business_unit, partnership=partnership, period=years[2])


def test_every_page_of_the_scorecard_passes_and_its_charts_are_drawn(pages, board_member, partnership, figures):
    page = pages.goto("/accounts/login/")
    page.get_by_label("Email").fill(board_member.email)
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    pages.check()
    base = f"/p/{partnership.slug}/performance"
    for path in ("/scorecard/", "/exceptions/", f"/exceptions/{figures.pk}/"):
        pages.goto(base + path)
    for path in ("/indicators/sc-referrals/", "/journey/"):
        page = pages.goto(base + path)
        # charts.mjs marks a chart drawn once vega-embed has rendered it: no eval was needed.
        page.wait_for_selector(".assure-chart--drawn svg")
        pages.check()


def test_an_indicators_comparisons_are_shown_for_the_year_chosen(pages, board_member, partnership, figures):
    pages.sign_in_as(board_member)
    page = pages.goto(f"/p/{partnership.slug}/performance/indicators/sc-referrals/")
    assert page.get_by_role("heading", name="How Northshire compares, 2014-15").is_visible()
    # By keyboard: the year chooser is an ordinary form, so it works without scripts too.
    page.get_by_label("Year").select_option("2012-13")
    page.get_by_role("button", name="Show this year").press("Enter")
    page.wait_for_url("**year=2012-13**")
    pages.check()
    assert page.get_by_role("heading", name="How Northshire compares, 2012-13").is_visible()
    assert page.get_by_text("Statistical neighbours, 2012-13 (closest first)").is_visible()
