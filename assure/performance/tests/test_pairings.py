"""Pairings a partnership writes in its own library documents (kind indicator-pairing): the
published measure shown beside one of its indicators, for that partnership alone, in place of
the indicator's own published_as, on the scorecard, the indicator's page and the journey."""

from decimal import Decimal as D

import pytest

from assure.library.loader import load_library
from assure.performance.periods import period_for_year
from assure.performance.selectors.catalogue import indicator_pairings
from assure.performance.selectors.indicator import indicator_history
from assure.performance.selectors.scorecard import published_indicators, scorecard
from assure.performance.tests.factories import (
    PriorityFactory,
    ScorecardLineFactory,
    benchmark_areas,
    indicator,
    published,
    scorecard_test_indicators,
    validated_figures,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicators(db):
    return scorecard_test_indicators()


@pytest.fixture
def write_pairings(tmp_path):
    """Write and load a pairing document of ``provider``: each pair (indicator, published_as)."""

    def write(*pairs: tuple[str, str], provider: str = "northshire", name: str = "pairings") -> None:
        items = "".join(
            f"  - {{urn: 'urn:{provider}:indicator-pairing:{name}-{n}', code: {provider}-{name}-{n}, "
            f"title: Pair {n}, indicator: {local}, published_as: {twin}}}\n"
            for n, (local, twin) in enumerate(pairs, start=1)
        )
        path = tmp_path / f"{provider}-{name}.yaml"
        path.write_text(
            f"urn: urn:{provider}:indicator-pairings:{name}\nversion: 1\nkind: indicator-pairing\n"
            f"provider: {provider}\ntitle: Pairings\nitems:\n{items}",
            encoding="utf-8",
        )
        load_library([path])

    return write


@pytest.fixture
def plans_line(partnership, indicators, agency):
    """A line for a measure with no published figure of its own (sc-plans) and the agencies'
    figure for 2014-15; published referrals of the partnership's area, England's too, that a
    pairing can put beside it."""
    areas = benchmark_areas(partnership)
    year = period_for_year("2014-15")
    validated_figures(partnership=partnership, agency=agency, period=year, figures={indicators["sc-plans"]: 240})
    twin = indicators["sc-referrals-published"]
    published(twin, areas["own"], 1100)
    published(twin, areas["england"], 600000)
    priority = PriorityFactory(partnership=partnership, title="Child protection")
    return ScorecardLineFactory(priority=priority, indicator=indicators["sc-plans"])


def row_of(card, code):
    return next(row for row in card.rows if row.code == code)


def test_a_pairing_puts_the_published_figure_beside_the_partnerships_line(
    business_unit, partnership, plans_line, write_pairings
):
    write_pairings(("sc-plans", "sc-referrals-published"))
    row = row_of(scorecard(user=business_unit, partnership=partnership), "sc-plans")
    assert (row.published, row.published_code) == ((D(1100), ""), "sc-referrals-published")
    assert row.benchmark.england == D(600000)


def test_a_line_without_a_pairing_has_no_published_figure(business_unit, partnership, plans_line):
    row = row_of(scorecard(user=business_unit, partnership=partnership), "sc-plans")
    assert (row.published, row.benchmark) == (None, None)


def test_a_cached_scorecard_shows_a_pairing_loaded_after_it(business_unit, partnership, plans_line, write_pairings):
    assert row_of(scorecard(user=business_unit, partnership=partnership), "sc-plans").published is None
    write_pairings(("sc-plans", "sc-referrals-published"))
    assert row_of(scorecard(user=business_unit, partnership=partnership), "sc-plans").published == (D(1100), "")


def test_another_partnerships_pairing_changes_nothing_here(partnership, indicators, write_pairings):
    write_pairings(("csc-s47-enquiries", "dfe-referrals"), provider="southshire")
    assert published_indicators([indicator("csc-s47-enquiries")], partnership=partnership) == {}


def test_a_pairing_of_a_shipped_indicator_holds_for_the_partnership(partnership, indicators, write_pairings):
    write_pairings(("csc-s47-enquiries", "sc-referrals-published"))
    s47 = indicator("csc-s47-enquiries")
    assert published_indicators([s47], partnership=partnership) == {s47.pk: indicators["sc-referrals-published"]}


def test_a_pairing_takes_the_place_of_the_indicators_own_published_as(partnership, indicators, write_pairings):
    write_pairings(("sc-referrals", "dfe-referrals"))
    referrals = indicators["sc-referrals"]
    assert published_indicators([referrals], partnership=partnership)[referrals.pk].code == "dfe-referrals"
    # Without the partnership, the definition's own published_as stands.
    assert published_indicators([referrals])[referrals.pk].code == "sc-referrals-published"


def test_the_partnerships_own_pairing_wins_over_a_shipped_one(partnership, indicators, write_pairings):
    write_pairings(("csc-s47-enquiries", "dfe-referrals"), provider="assure", name="test-shipped")
    write_pairings(("csc-s47-enquiries", "sc-referrals-published"))
    assert indicator_pairings(partnership=partnership) == {"csc-s47-enquiries": "sc-referrals-published"}


def test_the_indicator_page_shows_the_paired_published_figures(
    business_unit, partnership, indicators, plans_line, write_pairings
):
    write_pairings(("sc-plans", "sc-referrals-published"))
    history = indicator_history(user=business_unit, partnership=partnership, indicator=indicators["sc-plans"])
    assert history.published == indicators["sc-referrals-published"]
    assert history.benchmark.value == D(1100)
