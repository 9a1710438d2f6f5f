"""The scorecard as a board reads it: a summary of ratings by priority, filters kept in the
address ("Red only" in one click), an empty state, the owning agency's newest commentary beside
the figure, and a card per indicator for a phone, in a constant number of queries."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assure.performance.periods import period_for_year
from assure.performance.selectors.scorecard import build_scorecard
from assure.performance.selectors.scorecard_filters import ScorecardFilters, scorecard_filtered, scorecard_summary
from assure.performance.services.exceptions import exception_commentary_write
from assure.performance.tests.factories import (
    ExceptionItemFactory,
    ExceptionReportFactory,
    PriorityFactory,
    ScorecardLineFactory,
    scorecard_test_indicators,
    validated_figures,
)


@pytest.fixture
def years(db):
    return [period_for_year(label) for label in ("2013-14", "2014-15")]


@pytest.fixture
def lines(partnership, agency, other_agency, years):
    """Referrals (red, worsening, the agency's), re-referrals (green, improving, the other
    agency's) under Early help; plans (not rated) under Child protection."""
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
    for year, counts in zip(years, ((1000, (20, 20, 100), 260), (900, (15, 15, 100), 240)), strict=True):
        validated_figures(
            partnership=partnership,
            agency=agency,
            period=year,
            figures=dict(zip((referrals, rereferrals, plans), counts, strict=True)),
        )
    return indicators


def page_of(client, partnership, query="") -> str:
    return client.get(reverse("performance:scorecard", kwargs={"partnership": partnership.slug}) + query)


@pytest.fixture
def signed_in(client, board_member):
    client.force_login(board_member)
    return client


def titles_shown(page: str) -> list[str]:
    """The indicators of the page's cards (each is shown once as a card and once as a row)."""
    marker = 'class="govuk-heading-s assure-scorecard-card__title">'
    return [part.split(">", 2)[1].split("<")[0] for part in page.split(marker)[1:]]


# --- the summary ------------------------------------------------------------------------------


def test_the_summary_counts_ratings_by_priority_and_in_all(business_unit, partnership, lines):
    summary = scorecard_summary(build_scorecard(user=business_unit, partnership=partnership))
    counts = {line.title: line.counts for line in summary}
    assert counts["Early help"] == {"red": 1, "green": 1}
    assert counts["Child protection"] == {"none": 1}
    assert counts["All priorities"] == {"red": 1, "green": 1, "none": 1}


def test_the_summary_is_at_the_top_of_the_page_with_links_to_the_lines(signed_in, partnership, lines, years):
    page = page_of(signed_in, partnership).content.decode()
    assert page.index("Indicators by rating") < page.index('aria-label="Early help"')
    assert f"?period={years[1].pk}&amp;rating=red" in page


# --- filters ---------------------------------------------------------------------------------


def test_red_only_is_one_link_away(signed_in, partnership, lines, years):
    page = page_of(signed_in, partnership).content.decode()
    assert f'href="?period={years[1].pk}&amp;rating=red">Red only</a>' in page


def test_red_only_shows_only_the_red_lines(signed_in, partnership, lines, years):
    page = page_of(signed_in, partnership, f"?period={years[1].pk}&rating=red").content.decode()
    assert titles_shown(page) == ["Referrals (scorecard test)"]
    assert "Showing 1 of 3 indicators." in page


def test_the_filters_keep_what_was_chosen(signed_in, partnership, lines):
    page = page_of(signed_in, partnership, "?rating=red&direction=worsening").content.decode()
    assert '<option value="red" selected>' in page and '<option value="worsening" selected>' in page


def test_a_priority_shows_its_lines_only(signed_in, partnership, lines):
    card = page_of(signed_in, partnership).context["card"]
    protection = next(s for s in card.sections if s.title == "Child protection")
    page = page_of(signed_in, partnership, f"?priority={protection.pk}").content.decode()
    assert titles_shown(page) == ["Children on a plan (scorecard test)"]


def test_the_owning_agency_filter_shows_its_lines_only(signed_in, partnership, lines, other_agency):
    page = page_of(signed_in, partnership, f"?agency={other_agency.pk}").content.decode()
    assert titles_shown(page) == ["Re-referrals (scorecard test)"]


def test_the_direction_filter_shows_lines_moving_that_way(business_unit, partnership, lines):
    card = build_scorecard(user=business_unit, partnership=partnership)
    improving = scorecard_filtered(card, ScorecardFilters(direction="improving"))
    assert [row.code for row in improving.rows] == ["sc-rereferrals"]


def test_nothing_matching_says_so_with_a_way_back(signed_in, partnership, lines, years):
    page = page_of(signed_in, partnership, "?rating=amber").content.decode()
    assert "No indicator matches what you chose." in page
    assert f'href="?period={years[1].pk}">Show every indicator</a>' in page
    assert titles_shown(page) == []


def test_a_value_not_offered_is_ignored(signed_in, partnership, lines):
    response = page_of(signed_in, partnership, "?rating=purple&agency=abc")
    assert response.status_code == 200 and len(titles_shown(response.content.decode())) == 3


# --- commentary ----------------------------------------------------------------------------------


def test_the_newest_commentary_stands_beside_the_figure(signed_in, business_unit, partnership, agency, lines, years):
    report = ExceptionReportFactory(partnership=partnership, period=years[1], created_by=business_unit)
    older = ExceptionItemFactory(report=report, indicator=lines["sc-referrals"], owner_agency=agency)
    newer = ExceptionItemFactory(report=report, indicator=lines["sc-referrals"], owner_agency=agency)
    exception_commentary_write(actor=business_unit, item=older, commentary="The front door was rebuilt.")
    exception_commentary_write(actor=business_unit, item=newer, commentary="Two social workers recruited.")
    page = page_of(signed_in, partnership).content.decode()
    assert "Two social workers recruited." in page and "The front door was rebuilt." not in page
    assert newer.get_absolute_url() in page


def test_another_partnerships_commentary_is_not_shown(
    signed_in, business_unit, partnership, other_partnership, agency, lines, years
):
    report = ExceptionReportFactory(partnership=other_partnership, period=years[1], created_by=business_unit)
    ExceptionItemFactory(report=report, indicator=lines["sc-referrals"], commentary="Southshire's own words.")
    assert "Southshire&#x27;s own words." not in page_of(signed_in, partnership).content.decode()


def test_the_commentary_adds_no_query_per_line(business_unit, partnership, agency, lines, years):
    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            build_scorecard(user=business_unit, partnership=partnership)
        return len(captured.captured_queries)

    count()  # the person's roles, read once
    before = count()
    report = ExceptionReportFactory(partnership=partnership, period=years[1], created_by=business_unit)
    for indicator in lines.values():
        ExceptionItemFactory(report=report, indicator=indicator, owner_agency=agency, commentary="Words.")
    assert count() == before


# --- on a phone ----------------------------------------------------------------------------------


def test_each_card_has_the_rating_in_words_beside_the_indicators_name(signed_in, partnership, lines):
    page = page_of(signed_in, partnership).content.decode()
    card = page.split('<li class="assure-scorecard-card">')[1].split("</li>")[0]
    head = card.split('class="assure-scorecard-card__head"')[1].split("</div>")[0]
    assert "Referrals (scorecard test)" in head and ">Red</strong>" in head


def test_commentary_written_after_the_scorecard_was_seen_shows_at_once(
    signed_in, business_unit, partnership, agency, lines, years
):
    report = ExceptionReportFactory(partnership=partnership, period=years[1], created_by=business_unit)
    item = ExceptionItemFactory(report=report, indicator=lines["sc-referrals"], owner_agency=agency)
    assert "Recruiting now." not in page_of(signed_in, partnership).content.decode()
    exception_commentary_write(actor=business_unit, item=item, commentary="Recruiting now.")
    assert "Recruiting now." in page_of(signed_in, partnership).content.decode()
