"""An indicator's page: its definition, a Vega-Lite chart of its history with a table of the same
figures beside it, how the area compares (England, region, each neighbour by name, quartile
band, rank) and the history as CSV or XLSX."""

import csv
import datetime as dt
import io
import json
import re
from decimal import Decimal as D

import pytest
from django.urls import reverse

from assure.performance.models import Observation
from assure.performance.periods import period_for_year
from assure.performance.selectors.indicator import indicator_history
from assure.performance.tests.factories import (
    PriorityFactory,
    ScorecardLineFactory,
    benchmark_areas,
    indicator,
    published,
    scorecard_test_indicators,
    validated_figures,
)


def u(partnership, code, **query) -> str:
    url = reverse("performance:indicator", kwargs={"partnership": partnership.slug, "code": code})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.fixture
def indicators(db):
    return scorecard_test_indicators()


@pytest.fixture
def history(partnership, agency, indicators):
    """Two years of the partnership's referrals, and published referrals around it."""
    areas = benchmark_areas(partnership)
    referrals, twin = indicators["sc-referrals"], indicators["sc-referrals-published"]
    years = {label: period_for_year(label) for label in ("2013-14", "2014-15")}
    validated_figures(partnership=partnership, agency=agency, period=years["2013-14"], figures={referrals: 900})
    validated_figures(partnership=partnership, agency=agency, period=years["2014-15"], figures={referrals: 1000})
    for label, own in (("2013-14", 1050), ("2014-15", 1100)):
        published(twin, areas["own"], own, period=years[label])
        published(twin, areas["england"], 600000, period=years[label])
        published(twin, areas["region"], 30000, period=years[label])
        for n, other in enumerate(areas["others"]):
            if (label, n) == ("2014-15", 2):
                published(twin, other, None, period=years[label], missing="c")
            else:
                published(twin, other, 1000 + 100 * n, period=years[label])
    return areas


@pytest.fixture
def signed_in(client, board_member):
    client.force_login(board_member)
    return client


def test_history_holds_local_and_published_figures_by_period(board_member, partnership, indicators, history):
    found = indicator_history(user=board_member, partnership=partnership, indicator=indicators["sc-referrals"])
    assert [row.period for row in found.rows] == ["2013-14", "2014-15"]
    latest = found.rows[-1]
    assert latest.local.value == D(1000) and latest.published == (D(1100), "")
    assert (latest.england, latest.region) == (D(600000), D(30000))


def test_the_neighbours_mean_leaves_out_a_suppressed_figure(board_member, partnership, indicators, history):
    found = indicator_history(user=board_member, partnership=partnership, indicator=indicators["sc-referrals"])
    # Neighbours 1000 and 1100; the third is suppressed ("c") and left out, never a zero.
    assert found.rows[-1].neighbours_mean == D(1050)
    assert found.benchmark.neighbours_with_value == 2


def test_each_neighbour_is_listed_by_name_with_its_figure(board_member, partnership, indicators, history):
    found = indicator_history(user=board_member, partnership=partnership, indicator=indicators["sc-referrals"])
    assert [(n.rank, n.name, n.value, n.missing) for n in found.neighbours] == [
        (1, "Authority 0", D(1000), ""),
        (2, "Authority 1", D(1100), ""),
        (3, "Authority 2", None, "c"),
    ]


def test_the_chart_of_a_count_has_the_local_published_and_neighbours_series(
    board_member, partnership, indicators, history
):
    spec = indicator_history(user=board_member, partnership=partnership, indicator=indicators["sc-referrals"]).spec
    # England's total number is not comparable with an authority's: the table keeps it.
    assert {v["series"] for v in spec["data"]["values"]} == {
        "Partnership (agency returns, provisional)",
        "Northshire (DfE publication)",
        "Statistical neighbours' mean",
    }
    assert spec["encoding"]["x"]["sort"] == ["2013-14", "2014-15"]


def test_the_chart_of_a_percentage_has_england_too(board_member, partnership, history):
    rereferrals = indicator("dfe-rereferrals-percent")
    year = period_for_year("2014-15")
    published(rereferrals, history["own"], "21.5", period=year)
    published(rereferrals, history["england"], "22.6", period=year)
    spec = indicator_history(user=board_member, partnership=partnership, indicator=rereferrals).spec
    assert {v["series"] for v in spec["data"]["values"]} == {"Northshire (DfE publication)", "England"}
    assert {v["shown"] for v in spec["data"]["values"]} == {"21.5%", "22.6%"}


def test_the_page_shows_the_definition(signed_in, partnership, history):
    page = signed_in.get(u(partnership, "sc-referrals")).content.decode()
    assert "Referrals received, as the agencies count them." in page
    assert "Higher is better" in page


def test_the_page_embeds_the_spec_and_always_a_table_of_the_same_figures(signed_in, partnership, history):
    page = signed_in.get(u(partnership, "sc-referrals")).content.decode()
    assert 'data-vega-spec="indicator-history-spec"' in page
    found = re.search(r'<script id="indicator-history-spec" type="application/json">(.*?)</script>', page, re.S)
    spec = json.loads(found.group(1))
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert "<caption" in page and "Figures by period" in page
    for figure in ("1,000", "1,100", "600,000", "30,000"):
        assert figure in page


def test_the_page_loads_the_chart_scripts_from_static_files_only(signed_in, partnership, history):
    page = signed_in.get(u(partnership, "sc-referrals")).content.decode()
    assert 'src="/static/assure/charts/charts.mjs"' in page
    scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", page)
    assert scripts == []  # no inline script


def test_the_page_shows_how_the_area_compares(signed_in, partnership, history):
    page = signed_in.get(u(partnership, "sc-referrals")).content.decode()
    assert "How Northshire compares, 2014-15" in page
    assert "Authority 0" in page and "Suppressed (c)" in page
    assert "Quartile band" in page and "rank" in page.lower()


def test_a_line_of_the_scorecard_shows_its_target(signed_in, partnership, indicators, history):
    priority = PriorityFactory(partnership=partnership, title="Early help")
    ScorecardLineFactory(priority=priority, indicator=indicators["sc-referrals"], target=D(1200), tolerance=D(50))
    page = signed_in.get(u(partnership, "sc-referrals")).content.decode()
    assert 'Under "Early help", target 1,200 (tolerance 50)' in page


def test_the_history_exports_as_csv(signed_in, partnership, history):
    response = signed_in.get(u(partnership, "sc-referrals", _export="csv"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[-1]["Period"] == "2014-15"
    assert rows[-1]["Partnership (agency returns, provisional)"] == "1000"
    assert rows[-1]["Northshire (DfE publication)"] == "1100"


def test_the_history_exports_as_xlsx(signed_in, partnership, history):
    response = signed_in.get(u(partnership, "sc-referrals", _export="xlsx"))
    assert response.content[:2] == b"PK"


def test_an_indicator_without_figures_says_so(signed_in, partnership, indicators):
    page = signed_in.get(u(partnership, "sc-plans")).content.decode()
    assert "There are no validated returns or published figures for this indicator yet." in page


def test_an_unknown_indicator_is_not_found(signed_in, partnership):
    assert signed_in.get(u(partnership, "no-such-indicator")).status_code == 404


def test_another_partnerships_own_indicator_is_not_found(client, outsider, other_partnership, indicators):
    client.force_login(outsider)
    # The test indicators are Northshire's own library document.
    assert client.get(u(other_partnership, "sc-referrals")).status_code == 404


# --- any year's comparisons, and neighbours that did not exist ----------------------------------


def test_the_comparisons_are_those_of_the_latest_year_unless_another_is_chosen(
    board_member, partnership, indicators, history
):
    referrals = indicators["sc-referrals"]
    latest = indicator_history(user=board_member, partnership=partnership, indicator=referrals)
    chosen = indicator_history(user=board_member, partnership=partnership, indicator=referrals, year="2013-14")
    unknown = indicator_history(user=board_member, partnership=partnership, indicator=referrals, year="1999-00")
    assert [y.label for y in latest.years] == ["2013-14", "2014-15"]
    assert (latest.year.label, chosen.year.label, unknown.year.label) == ("2014-15", "2013-14", "2014-15")
    assert chosen.benchmark.value == D(1050) and [n.value for n in chosen.neighbours] == [D(1000), D(1100), D(1200)]


def test_the_page_shows_band_rank_and_neighbours_of_the_year_chosen(signed_in, partnership, history):
    page = signed_in.get(u(partnership, "sc-referrals", year="2013-14")).content.decode()
    assert "How Northshire compares, 2013-14" in page
    assert "Statistical neighbours, 2013-14 (closest first)" in page
    assert "1,200" in page and "Suppressed (c)" not in page  # Authority 2's figure of 2013-14
    assert "Quartile band" in page and "Rank" in page


def test_the_year_chooser_is_a_labelled_form_that_sends_the_year(signed_in, partnership, history):
    page = signed_in.get(u(partnership, "sc-referrals", year="2013-14")).content.decode()
    form = re.search(r'<form method="get"[^>]*action="[^"]*#comparison".*?</form>', page, re.S).group(0)
    assert '<label class="govuk-label" for="year">Year</label>' in form
    assert re.search(r'<select class="govuk-select" id="year" name="year"', form)
    assert '<option value="2013-14" selected>2013-14</option>' in form
    assert '<option value="2014-15">2014-15</option>' in form


def test_every_year_of_the_history_says_how_many_neighbours_its_mean_is_of(signed_in, partnership, history):
    page = signed_in.get(u(partnership, "sc-referrals")).content.decode()
    # 2013-14: all three neighbours; 2014-15: two, the third suppressed.
    assert "Mean of 3 neighbours" in page and "Mean of 2 neighbours" in page
    assert "(mean of 2 neighbours; of the 3, 1 has no figure)" in page


def test_a_neighbour_that_did_not_exist_in_the_year_chosen_says_so(signed_in, partnership, history):
    newer = history["others"][1]
    newer.began_on = dt.date(2014, 4, 1)  # made by a reorganisation after 2013-14
    newer.save()
    Observation.objects.filter(area=newer, period__label="2013-14").delete()
    page = signed_in.get(u(partnership, "sc-referrals", year="2013-14")).content.decode()
    assert "Did not exist (formed 1 April 2014)" in page
    assert "(mean of 2 neighbours; of the 3, 1 did not exist in 2013-14)" in page
    later = signed_in.get(u(partnership, "sc-referrals", year="2014-15")).content.decode()
    assert "Did not exist" not in later


def test_the_history_says_when_the_area_itself_did_not_exist(board_member, partnership, indicators, history):
    own = history["own"]
    own.began_on = dt.date(2014, 4, 1)
    own.save()
    Observation.objects.filter(area=own, period__label="2013-14").delete()
    found = indicator_history(user=board_member, partnership=partnership, indicator=indicators["sc-referrals"])
    assert [row["published"] for row in found.table] == ["Did not exist", "1,100"]


def test_the_history_download_says_how_many_neighbours_each_mean_is_of(signed_in, partnership, history):
    response = signed_in.get(u(partnership, "sc-referrals", _export="csv"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["Neighbours in the mean"] for row in rows] == ["3", "2"]
