"""The registers' figures in a real browser: the business unit opens the registers' figures,
follows MARAC to its page of the year by month, timeliness and breakdowns, chooses the business
plan priority it is monitored under, and a board member reads the same page with a small number
hidden. Every page is checked with axe-core."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from assure.partnerships.years import financial_year_bounds, financial_year_of
from assure.plans.tests.factories import PriorityFactory
from assure.registers.tests.factories import EntryFactory, marac_values

pytestmark = pytest.mark.browser


def test_the_business_unit_reads_maracs_figures_and_sets_its_priority(
    pages, second_pages, partnership, business_unit, board_member
):
    slug = partnership.slug
    year = financial_year_of(timezone.localdate())
    start, _ = financial_year_bounds(year)
    for referrer in ("police",) * 6 + ("housing",):
        EntryFactory(
            partnership=partnership, values=marac_values(**{"discussed-on": start.isoformat(), "referred-by": referrer})
        )
    EntryFactory(
        partnership=partnership, values=marac_values(**{"discussed-on": (start - dt.timedelta(days=1)).isoformat()})
    )
    PriorityFactory(partnership=partnership, title="Domestic abuse and its effect on children")

    pages.sign_in_as(business_unit)
    page = pages.goto(reverse("registers:figures", kwargs={"partnership": slug}))
    expect(page.get_by_role("heading", name="Registers’ figures", level=1)).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="MARAC cases", exact=True).click()
    pages.check()
    expect(page.get_by_role("heading", name="MARAC cases", level=1)).to_be_visible()
    # It opens on the last complete year with entries: this year is chosen.
    page.get_by_label("Reporting year").select_option(year)
    with page.expect_navigation():
        page.get_by_role("button", name="Show the year").click()
    pages.check()
    indicators = page.get_by_role("table", name=f"Indicators, {year}")
    expect(indicators.get_by_role("row", name="Cases discussed")).to_contain_text("7")
    expect(page.get_by_role("table", name="Cases by the referring agency")).to_contain_text("Housing")

    with page.expect_navigation():
        page.get_by_role("link", name="Change the priority it is monitored under").click()
    pages.check()
    page.get_by_label("Domestic abuse and its effect on children", exact=False).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save the priority").click()
    pages.check()
    expect(page.get_by_text("MARAC cases is monitored under the priority Domestic abuse")).to_be_visible()

    # The board member reads the page with the housing's one case hidden.
    second_pages.sign_in_as(board_member)
    board = second_pages.goto(
        reverse("registers:kind_figures", kwargs={"partnership": slug, "kind": "marac-case"}) + f"?year={year}"
    )
    expect(board.get_by_role("table", name="Cases by the referring agency")).to_contain_text("fewer than 6")
