"""The scorecard for a board in a real browser: on a 375-px phone each indicator is a card with
its rating beside its name and the page never scrolls sideways; on a desktop "Red only" is one
click. axe-core checks every page."""

from decimal import Decimal as D

import pytest

from assure.performance.periods import period_for_year
from assure.performance.tests.factories import (
    PriorityFactory,
    ScorecardLineFactory,
    scorecard_test_indicators,
    validated_figures,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def lines(partnership, agency, other_agency):
    indicators = scorecard_test_indicators()
    early_help = PriorityFactory(partnership=partnership, title="Early help", position=1)
    protection = PriorityFactory(partnership=partnership, title="Child protection", position=2)
    referrals, rereferrals, plans = (indicators[c] for c in ("sc-referrals", "sc-rereferrals", "sc-plans"))
    ScorecardLineFactory(
        priority=early_help, indicator=referrals, target=D(1000), tolerance=D(50), owner_agency=agency, position=1
    )
    ScorecardLineFactory(
        priority=early_help, indicator=rereferrals, target=D(18), tolerance=D(1), owner_agency=other_agency, position=2
    )
    ScorecardLineFactory(priority=protection, indicator=plans, position=1)
    for label, counts in (("2013-14", (1000, (20, 20, 100), 260)), ("2014-15", (900, (15, 15, 100), 240))):
        validated_figures(
            partnership=partnership,
            agency=agency,
            period=period_for_year(label),
            figures=dict(zip((referrals, rereferrals, plans), counts, strict=True)),
        )


def test_on_a_phone_each_rating_stands_beside_its_indicator(pages, board_member, partnership, lines):
    pages.page.set_viewport_size(PHONE)
    pages.sign_in_as(board_member)
    page = pages.goto(f"/p/{partnership.slug}/performance/scorecard/")
    wide = page.evaluate(
        """(width) => [...document.querySelectorAll("body *")]
            .filter((el) => el.getBoundingClientRect().right > width + 0.5)
            .filter((el) => !el.parentElement.closest(".assure-table-wrapper"))
            .map((el) => el.tagName + "." + el.className)""",
        PHONE["width"],
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], wide
    assert not page.locator(".assure-scorecard-table").first.is_visible()
    # The summary fits the screen too, rather than scrolling sideways inside its region.
    summary = page.locator(".assure-scorecard-summary")
    assert summary.evaluate("(table) => table.scrollWidth <= table.parentElement.clientWidth")
    cards = page.locator(".assure-scorecard-card")
    assert cards.count() == 3
    for index in range(cards.count()):
        card = cards.nth(index)
        name = card.locator(".assure-scorecard-card__title").bounding_box()
        rating = card.locator(".assure-scorecard-card__rating").bounding_box()
        box = card.bounding_box()
        # On the same card, on the same line, and within the screen.
        assert box["y"] <= rating["y"] and rating["y"] + rating["height"] <= box["y"] + box["height"]
        assert rating["y"] < name["y"] + name["height"] and name["y"] < rating["y"] + rating["height"]
        assert rating["x"] >= name["x"] + name["width"] and rating["x"] + rating["width"] <= PHONE["width"]
    expect_words = {cards.nth(i).locator(".assure-scorecard-card__rating").inner_text() for i in range(3)}
    assert expect_words == {"Red", "Green", "Not rated"}


def test_on_a_desktop_red_only_is_one_click(pages, board_member, partnership, lines):
    pages.page.set_viewport_size(DESKTOP)
    pages.sign_in_as(board_member)
    page = pages.goto(f"/p/{partnership.slug}/performance/scorecard/")
    assert page.locator(".assure-scorecard-table tbody tr").count() == 3
    page.get_by_role("link", name="Red only").click()
    page.wait_for_url("**rating=red**")
    pages.check()
    rows = page.locator(".assure-scorecard-table tbody tr")
    assert rows.count() == 1 and "Referrals (scorecard test)" in rows.first.inner_text()
    assert page.get_by_label("Rating", exact=True).input_value() == "red"
    # By keyboard, without scripts: the filters are an ordinary form.
    page.get_by_label("Rating", exact=True).select_option("")
    page.get_by_label("Direction of travel").select_option("improving")
    page.get_by_role("button", name="Show").press("Enter")
    page.wait_for_url("**direction=improving**")
    pages.check()
    assert page.locator(".assure-scorecard-table tbody tr").count() == 1
    assert "Re-referrals (scorecard test)" in page.locator(".assure-scorecard-table tbody tr").first.inner_text()
