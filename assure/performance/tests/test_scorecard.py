"""The scorecard: each line under its priority with the partnership's own figure, the previous
one, direction of travel, target and RAG, the published figure beside it, the benchmarks, a
trend line; built from a constant number of queries; exported as CSV and XLSX."""

import csv
import io
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assure.partnerships.tests.factories import AgencyFactory
from assure.performance.models import DataReturn, Period
from assure.performance.periods import period_for_year
from assure.performance.selectors.scorecard import build_scorecard, combine, scorecard
from assure.performance.tests.factories import (
    PriorityFactory,
    ScorecardLineFactory,
    benchmark_areas,
    figure,
    published,
    return_with,
    scorecard_test_indicators,
    validated_figures,
)


def u(name, partnership, **kwargs) -> str:
    return reverse(f"performance:{name}", kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def indicators(db):
    return scorecard_test_indicators()


@pytest.fixture
def areas(partnership):
    return benchmark_areas(partnership)


@pytest.fixture
def years(db):
    return {label: period_for_year(label) for label in ("2012-13", "2013-14", "2014-15")}


@pytest.fixture
def lines(partnership, indicators, agency, other_agency):
    early_help = PriorityFactory(partnership=partnership, title="Early help", position=1)
    protection = PriorityFactory(partnership=partnership, title="Child protection", position=2)
    return {
        "referrals": ScorecardLineFactory(
            priority=early_help,
            indicator=indicators["sc-referrals"],
            target=D("1000"),
            tolerance=D("50"),
            owner_agency=agency,
            position=1,
        ),
        "rereferrals": ScorecardLineFactory(
            priority=early_help,
            indicator=indicators["sc-rereferrals"],
            target=D("18"),
            tolerance=D("1"),
            owner_agency=other_agency,
            position=2,
        ),
        "plans": ScorecardLineFactory(priority=protection, indicator=indicators["sc-plans"], position=1),
    }


@pytest.fixture
def figures(partnership, indicators, agency, other_agency, areas, years):
    """Both agencies' validated returns for 2013-14 and 2014-15, and the published figures."""
    referrals, rereferrals, plans = indicators["sc-referrals"], indicators["sc-rereferrals"], indicators["sc-plans"]
    validated_figures(
        partnership=partnership,
        agency=agency,
        period=years["2014-15"],
        figures={referrals: 600, rereferrals: (25, 50, 200), plans: 240},
    )
    validated_figures(
        partnership=partnership,
        agency=other_agency,
        period=years["2014-15"],
        figures={referrals: 400, rereferrals: (10, 10, 100)},
    )
    validated_figures(
        partnership=partnership,
        agency=agency,
        period=years["2013-14"],
        figures={referrals: 900, rereferrals: (15, 30, 200), plans: 260},
    )
    twin = indicators["sc-referrals-published"]
    published(twin, areas["own"], 1100)
    published(twin, areas["england"], 600000)
    published(twin, areas["region"], 30000)
    for n, other in enumerate(areas["others"]):
        published(twin, other, 1000 + 100 * n)  # neighbours 1000, 1100, 1200: mean 1100
    return years


def row_of(card, code):
    return next(row for row in card.rows if row.code == code)


# --- figures ---------------------------------------------------------------------------------


def test_counts_of_several_agencies_add_up():
    assert combine([(D(600), None, None, ""), (D(400), None, None, "")], {"unit": "count"}).value == D(1000)


def test_ratios_add_numerators_and_denominators_not_percentages():
    combined = combine([(D(25), D(50), D(200), ""), (D(10), D(10), D(100), "")], {"unit": "percentage"})
    assert combined.value == D(20)


def test_ratios_without_their_parts_from_several_agencies_are_not_combined():
    assert combine([(D(25), None, None, ""), (D(10), None, None, "")], {"unit": "percentage"}).value is None


def test_one_agencys_ratio_stands_alone():
    assert combine([(D(25), None, None, "")], {"unit": "percentage"}).value == D(25)


def test_one_agencys_ratio_without_its_numbers_is_marked_so():
    assert combine([(D(72), None, None, "")], {"unit": "percentage"}).without_parts
    assert not combine([(D(25), D(25), D(100), "")], {"unit": "percentage"}).without_parts


def test_the_page_says_a_percentage_came_without_its_numbers(signed_in, partnership, indicators, agency, years):
    priority = PriorityFactory(partnership=partnership, title="Early help")
    ScorecardLineFactory(priority=priority, indicator=indicators["sc-rereferrals"])
    validated_figures(
        partnership=partnership, agency=agency, period=years["2014-15"], figures={indicators["sc-rereferrals"]: 72}
    )
    page = signed_in.get(u("scorecard", partnership)).content.decode()
    assert "72.0% (numbers not given)" in page


def test_a_figure_no_agency_gave_keeps_its_reason():
    combined = combine([(None, None, None, "x")], {"unit": "count"})
    assert combined.value is None and combined.missing == "x"


# --- the scorecard ---------------------------------------------------------------------------


def test_lines_are_grouped_under_their_priorities_in_order(business_unit, partnership, lines, figures):
    card = build_scorecard(user=business_unit, partnership=partnership)
    assert [s.title for s in card.sections] == ["Early help", "Child protection"]
    assert [r.code for r in card.sections[0].rows] == ["sc-referrals", "sc-rereferrals"]


def test_the_newest_period_with_the_partnerships_own_figures_is_shown_first(business_unit, partnership, lines, figures):
    assert build_scorecard(user=business_unit, partnership=partnership).period.label == "2014-15"


def test_a_line_shows_its_agencies_figures_added_up(business_unit, partnership, lines, figures):
    card = build_scorecard(user=business_unit, partnership=partnership)
    assert row_of(card, "sc-referrals").value == D(1000)
    assert row_of(card, "sc-rereferrals").value == D(20)


def test_only_validated_returns_count(business_unit, partnership, lines, figures, indicators):
    draft = return_with(
        partnership=partnership,
        agency=AgencyFactory(partnerships=[partnership]),
        indicators=[indicators["sc-referrals"]],
        period=figures["2014-15"],
        status=DataReturn.Status.SUBMITTED,
    )
    figure(draft, indicators["sc-referrals"], 5000)
    assert row_of(build_scorecard(user=business_unit, partnership=partnership), "sc-referrals").value == D(1000)


def test_previous_figure_and_direction_of_travel_follow_polarity(business_unit, partnership, lines, figures):
    card = build_scorecard(user=business_unit, partnership=partnership)
    referrals, rereferrals = row_of(card, "sc-referrals"), row_of(card, "sc-rereferrals")
    assert (referrals.previous, referrals.previous_label, referrals.direction) == (D(900), "2013-14", "improving")
    # 15% to 20% re-referrals: higher, and lower is better.
    assert (rereferrals.previous, rereferrals.direction) == (D(15), "worsening")


def test_polarity_neither_has_no_direction_and_no_rating(business_unit, partnership, lines, figures):
    plans = row_of(build_scorecard(user=business_unit, partnership=partnership), "sc-plans")
    assert plans.value == D(240) and plans.direction is None and plans.rag is None


def test_rag_uses_the_library_rule_with_target_and_tolerance(business_unit, partnership, lines, figures):
    card = build_scorecard(user=business_unit, partnership=partnership)
    assert row_of(card, "sc-referrals").rag == "green"  # 1000 meets a target of 1000
    assert row_of(card, "sc-rereferrals").rag == "red"  # 20% misses 18% by more than 1 point
    lines["rereferrals"].tolerance = D("2")
    lines["rereferrals"].save()
    assert row_of(build_scorecard(user=business_unit, partnership=partnership), "sc-rereferrals").rag == "amber"


def test_the_published_figure_of_the_same_year_stands_beside_the_local_one(business_unit, partnership, lines, figures):
    row = row_of(build_scorecard(user=business_unit, partnership=partnership), "sc-referrals")
    assert row.local.value == D(1000) and row.published == (D(1100), "")
    assert row.published_year == "2014-15" and row.has_both


def test_benchmarks_are_england_region_neighbours_and_quartile_band(business_unit, partnership, lines, figures):
    row = row_of(build_scorecard(user=business_unit, partnership=partnership), "sc-referrals")
    benchmark = row.benchmark
    assert (benchmark.england, benchmark.region) == (D(600000), D(30000))
    assert benchmark.neighbours_mean == D(1100) and benchmark.neighbours_with_value == 3
    # Nine authorities: 1000..1700 and the partnership's 1100; higher is better.
    assert benchmark.quartile_band == "D" and benchmark.rank == 7 and benchmark.authorities_with_value == 9


def test_the_trend_holds_the_last_periods_oldest_first(business_unit, partnership, lines, figures):
    row = row_of(build_scorecard(user=business_unit, partnership=partnership), "sc-referrals")
    assert row.trend[-2:] == [("2013-14", D(900)), ("2014-15", D(1000))]
    assert 'role="img"' in row.sparkline and "2013-14 900; 2014-15 1,000" in row.sparkline


def test_a_line_without_own_figures_shows_the_published_series(business_unit, partnership, indicators, figures, areas):
    priority = PriorityFactory(partnership=partnership, title="Published only")
    ScorecardLineFactory(priority=priority, indicator=indicators["sc-referrals-published"])
    published(indicators["sc-referrals-published"], areas["own"], 1000, period=figures["2013-14"])
    row = row_of(build_scorecard(user=business_unit, partnership=partnership), "sc-referrals-published")
    assert row.value == D(1100) and row.value_source == "DfE publication" and row.previous == D(1000)


def test_a_period_can_be_chosen(business_unit, partnership, lines, figures):
    card = build_scorecard(user=business_unit, partnership=partnership, period=figures["2013-14"])
    assert card.period.label == "2013-14" and row_of(card, "sc-referrals").value == D(900)


def test_the_periods_offered_are_those_with_figures(business_unit, partnership, lines, figures):
    labels = [p.label for p in build_scorecard(user=business_unit, partnership=partnership).periods]
    assert labels == ["2014-15", "2013-14"]


def test_someone_without_performance_view_gets_no_scorecard(viewer, partnership, lines, figures):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        scorecard(user=viewer, partnership=partnership)


def test_the_number_of_queries_does_not_grow_with_the_lines(business_unit, partnership, indicators, figures, agency):
    from assure.library.models import LibraryDocument, LibraryItem
    from assure.performance.indicators import indicators_sync

    priority = PriorityFactory(partnership=partnership, title="Many")
    ScorecardLineFactory(priority=priority, indicator=indicators["sc-referrals"])
    build_scorecard(user=business_unit, partnership=partnership)  # the person's roles are read once
    with CaptureQueriesContext(connection) as few:
        build_scorecard(user=business_unit, partnership=partnership)

    document = LibraryDocument.objects.create(
        urn="urn:northshire:indicators:many",
        version=1,
        kind="indicator",
        provider="northshire",
        title="Many indicators",
        checksum="test",
        source_path="test",
        content={},
    )
    base = indicators["sc-referrals"].definition.data
    for n in range(30):
        LibraryItem.objects.create(
            document=document,
            urn=f"urn:northshire:indicator:many-{n}",
            kind="indicator",
            code=f"many-{n}",
            title=f"Many {n}",
            position=n,
            data={**base, "code": f"many-{n}", "title": f"Many {n}"},
        )
    indicators_sync()
    from assure.performance.models import Indicator

    many = list(Indicator.objects.filter(code__startswith="many-"))
    for indicator in many:
        ScorecardLineFactory(priority=priority, indicator=indicator, target=D(10))
    validated_figures(
        partnership=partnership,
        agency=AgencyFactory(partnerships=[partnership]),
        period=figures["2014-15"],
        figures={indicator: 5 for indicator in many},
    )
    with CaptureQueriesContext(connection) as lots:
        card = build_scorecard(user=business_unit, partnership=partnership)
    assert len(card.rows) == 31
    for q in lots.captured_queries:
        print("LOTS", q["sql"][:150])
    for q in few.captured_queries:
        print("FEW", q["sql"][:150])
    assert len(lots.captured_queries) == len(few.captured_queries)


def test_the_scorecard_page_stays_within_a_fixed_number_of_queries(
    client, business_unit, partnership, lines, figures, django_assert_max_num_queries
):
    client.force_login(business_unit)
    with django_assert_max_num_queries(40):
        assert client.get(u("scorecard", partnership)).status_code == 200


# --- the page --------------------------------------------------------------------------------


@pytest.fixture
def signed_in(client, board_member):
    client.force_login(board_member)
    return client


def test_the_page_shows_each_line_with_its_rating_in_words(signed_in, partnership, lines, figures):
    page = signed_in.get(u("scorecard", partnership)).content.decode()
    assert "Early help" in page and "Referrals (scorecard test)" in page
    assert ">Green</strong>" in page and ">Red</strong>" in page and "Not rated" in page
    assert "Worsening" in page


def test_the_page_labels_the_local_and_published_figures_with_their_source(signed_in, partnership, lines, figures):
    page = signed_in.get(u("scorecard", partnership)).content.decode()
    assert "1,000" in page and "2014-15, agency returns, provisional" in page
    assert "1,100" in page and "2014-15, DfE publication" in page


def test_the_page_shows_england_the_region_and_the_neighbours(signed_in, partnership, lines, figures):
    page = signed_in.get(u("scorecard", partnership)).content.decode()
    assert "600,000" in page and "30,000" in page and "West Midlands" in page
    assert "rank 7 of 9" in page and "Quartile band D" in page


def test_the_period_can_be_named_by_its_label(signed_in, partnership, lines, figures):
    page = signed_in.get(u("scorecard", partnership) + "?period=2013-14").content.decode()
    assert "900" in page


def test_an_unknown_period_is_not_found(signed_in, partnership, lines, figures):
    assert signed_in.get(u("scorecard", partnership) + "?period=1999-00").status_code == 404


def test_the_scorecard_exports_as_csv(signed_in, partnership, lines, figures):
    response = signed_in.get(u("scorecard", partnership) + "?_export=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    referrals = next(r for r in rows if r["Indicator code"] == "sc-referrals")
    assert referrals["Figure"] == "1000" and referrals["Published figure (DfE)"] == "1100"
    assert referrals["RAG"] == "Green" and referrals["Quartile band"] == "D"


def test_the_scorecard_exports_as_xlsx(signed_in, partnership, lines, figures):
    response = signed_in.get(u("scorecard", partnership) + "?_export=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"


def test_an_empty_scorecard_says_so(signed_in, partnership):
    assert "The scorecard has no indicators yet" in signed_in.get(u("scorecard", partnership)).content.decode()


def test_a_viewer_may_not_see_the_scorecard(client, viewer, partnership):
    client.force_login(viewer)
    assert client.get(u("scorecard", partnership)).status_code == 403


def test_periods_unknown_to_the_scorecard_are_offered_nowhere(signed_in, partnership, lines, figures):
    Period.objects.get_or_create(kind="year", start=figures["2012-13"].start, defaults={"end": figures["2012-13"].end})
    page = signed_in.get(u("scorecard", partnership)).content.decode()
    assert ">2012-13<" not in page
