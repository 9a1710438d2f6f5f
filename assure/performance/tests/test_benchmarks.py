import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest

from assure.performance.areas import areas_load, known_area_codes, statistical_neighbours
from assure.performance.benchmarks import benchmark_for, benchmarks_for_many
from assure.performance.imports import import_statistics
from assure.performance.models import Area
from assure.performance.periods import period_for_year
from assure.performance.tests.factories import indicator
from assure.performance.tests.test_imports import C1, D3, file_rows, subset_file, year

pytestmark = pytest.mark.django_db


def values_2015(column: str) -> dict[str, str]:
    """ONS code → the cell of ``column`` for 2015, for every row of the C1 file."""
    found = {}
    for row in file_rows(C1):
        if row["time_period"] == "2015":
            code = {"National": row["country_code"], "Regional": row["region_code"]}.get(
                row["geographic_level"], row["new_la_code"]
            )
            found[code] = row[column]
    return found


def percentile(ordered: list[Decimal], fraction: Decimal) -> Decimal:
    """numpy.percentile's default (linear) on a sorted list, written out independently."""
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@pytest.fixture
def shropshire(tmp_path):
    areas_load()
    import_statistics(path=subset_file(tmp_path, C1, year("2014", "2015")), mapping_code="dfe-c1")
    return Area.objects.select_related("region").get(code="E06000051")


@pytest.fixture
def year_2014_15():
    return period_for_year("2014-15")


def test_shropshires_value_sits_beside_england_and_the_west_midlands(shropshire, year_2014_15):
    cells = values_2015("rereferral_percent")
    found = benchmark_for(indicator=indicator("dfe-rereferrals-percent"), period=year_2014_15, area=shropshire)
    assert found.value == Decimal(cells["E06000051"]) and found.published
    assert found.england == Decimal(cells["E92000001"])
    assert (found.region, found.region_name) == (Decimal(cells["E12000005"]), "West Midlands")


def test_the_neighbours_mean_leaves_out_neighbours_without_a_value(shropshire, year_2014_15):
    known = known_area_codes()
    cells = {known.by_code[code]: cell for code, cell in values_2015("rereferral_percent").items()}
    ids = [n.neighbour_id for n in statistical_neighbours(area=shropshire)]
    present = [Decimal(cells[i]) for i in ids if i in cells and cells[i] not in {"c", "x", "z", "low", "k", "u"}]
    found = benchmark_for(indicator=indicator("dfe-rereferrals-percent"), period=year_2014_15, area=shropshire)
    # Dorset as reorganised in 2019 (LA 838) had no figures for 2014-15, and Cornwall's is "x".
    assert (found.neighbours_with_value, found.neighbours_total) == (len(present), 10) == (8, 10)
    assert found.neighbours_mean == (sum(present) / len(present)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    assert [n.name for n in found.neighbours][:2] == ["Devon", "Herefordshire, County of"]
    assert next(n for n in found.neighbours if n.code == "E06000059").value is None


def test_the_quartile_band_and_rank_are_among_all_authorities(shropshire, year_2014_15):
    cells = values_2015("rereferral_percent")
    authorities = {r["new_la_code"] for r in file_rows(C1) if r["geographic_level"] == "Local authority"}
    values = sorted(Decimal(v) for code, v in cells.items() if code in authorities and v[0].isdigit())
    mine = Decimal(cells["E06000051"])
    cuts = [percentile(values, Decimal(f)) for f in ("0.25", "0.5", "0.75")]
    expected_band = "ABCD"[sum(1 for cut in cuts if mine > cut)]  # lower is better: A is the lowest quarter
    found = benchmark_for(indicator=indicator("dfe-rereferrals-percent"), period=year_2014_15, area=shropshire)
    assert found.quartiles == tuple(cuts)
    assert found.quartile_band == expected_band
    assert found.rank == 1 + sum(1 for v in values if v < mine)
    assert found.authorities_with_value == len(values)


def test_no_band_or_rank_for_an_indicator_whose_polarity_is_neither(shropshire, year_2014_15):
    found = benchmark_for(indicator=indicator("dfe-referrals"), period=year_2014_15, area=shropshire)
    assert found.value is not None
    assert (found.quartile_band, found.rank) == (None, None)


def test_a_suppressed_value_has_its_code_and_no_band(tmp_path, year_2014_15):
    areas_load()

    def suppress(line, row):
        if row["new_la_code"] == "E06000051":
            row["rereferral_percent"] = "c"
        return row

    import_statistics(path=subset_file(tmp_path, C1, year("2015"), change=suppress), mapping_code="dfe-c1")
    found = benchmark_for(
        indicator=indicator("dfe-rereferrals-percent"), period=year_2014_15, area=Area.objects.get(code="E06000051")
    )
    assert (found.value, found.missing, found.published) == (None, "c", True)
    assert (found.quartile_band, found.rank) == (None, None)


def test_an_indicator_without_published_figures_gets_an_empty_benchmark(shropshire, year_2014_15):
    found = benchmark_for(indicator=indicator("dfe-cpp-starts"), period=year_2014_15, area=shropshire)
    assert (found.value, found.published, found.england, found.neighbours_mean) == (None, False, None, None)
    assert found.neighbours_total == 10 and found.neighbours_with_value == 0


def test_england_has_no_band_of_its_own(shropshire, year_2014_15):
    england = Area.objects.get(code="E92000001")
    found = benchmark_for(indicator=indicator("dfe-rereferrals-percent"), period=year_2014_15, area=england)
    assert found.value == found.england is not None
    assert (found.quartile_band, found.rank, found.neighbours_total) == (None, None, 0)


def test_many_benchmarks_take_the_same_few_queries(shropshire, tmp_path, django_assert_num_queries):
    import_statistics(path=subset_file(tmp_path, D3, year("2014", "2015")), mapping_code="dfe-d3")
    periods = [period_for_year("2013-14"), period_for_year("2014-15")]
    few = [indicator("dfe-referrals")]
    many = [
        indicator(code)
        for code in ("dfe-referrals", "dfe-rereferrals-percent", "dfe-cpp-starts", "dfe-cpp-subsequent-percent")
    ]
    with django_assert_num_queries(4):
        small = benchmarks_for_many(indicators=few, periods=periods[:1], area=shropshire)
    with django_assert_num_queries(4):
        large = benchmarks_for_many(indicators=many, periods=periods, area=shropshire)
    assert len(small) == 1 and len(large) == 8
    assert large[(indicator("dfe-cpp-starts").pk, periods[1].pk)].value is not None


def test_many_benchmarks_match_one_at_a_time(shropshire):
    periods = [period_for_year("2013-14"), period_for_year("2014-15")]
    indicators = [indicator("dfe-referrals"), indicator("dfe-rereferrals-percent")]
    together = benchmarks_for_many(indicators=indicators, periods=periods, area=shropshire)
    for one in indicators:
        for period in periods:
            assert together[(one.pk, period.pk)] == benchmark_for(indicator=one, period=period, area=shropshire)


# --- areas whose code changed, and authorities a reorganisation made or ended -----------------


def cell(time_period: str, code: str, column: str) -> Decimal:
    row = next(r for r in file_rows(C1) if r["time_period"] == time_period and r["new_la_code"] == code)
    return Decimal(row[column])


@pytest.fixture
def shropshire_2020s(tmp_path):
    """Shropshire with the referrals of 2022-23 and 2023-24: Somerset, its fifth neighbour, has
    county code E10000027 in the first year's rows and unitary code E06000066 in the second's."""
    areas_load()
    import_statistics(path=subset_file(tmp_path, C1, year("2023", "2024")), mapping_code="dfe-c1")
    return Area.objects.select_related("region").get(code="E06000051")


def test_a_neighbour_recoded_keeps_its_place_in_the_mean(shropshire_2020s):
    referrals = indicator("dfe-referrals")
    before = benchmark_for(indicator=referrals, period=period_for_year("2022-23"), area=shropshire_2020s)
    after = benchmark_for(indicator=referrals, period=period_for_year("2023-24"), area=shropshire_2020s)
    somerset_before = next(n for n in before.neighbours if n.name == "Somerset")
    somerset_after = next(n for n in after.neighbours if n.name == "Somerset")
    assert somerset_before.value == cell("2023", "E10000027", "referral_count")
    assert somerset_after.value == cell("2024", "E06000066", "referral_count")
    present = [n.value for n in after.neighbours if n.value is not None]
    assert somerset_after.value in present and after.neighbours_with_value == len(present)


def test_a_neighbour_made_later_did_not_exist_in_earlier_years(shropshire, year_2014_15):
    found = benchmark_for(indicator=indicator("dfe-rereferrals-percent"), period=year_2014_15, area=shropshire)
    dorset = next(n for n in found.neighbours if n.code == "E06000059")  # LA 838, made on 1 April 2019
    cornwall = next(n for n in found.neighbours if n.name == "Cornwall")
    assert (dorset.existed, dorset.value, dorset.began_on) == (False, None, dt.date(2019, 4, 1))
    assert (cornwall.existed, cornwall.missing) == (True, "x")  # it existed; its figure is suppressed
    assert found.neighbours_absent == 1


def test_a_neighbour_ended_by_a_reorganisation_did_not_exist_after_it(shropshire_2020s):
    found = benchmark_for(
        indicator=indicator("dfe-referrals"), period=period_for_year("2023-24"), area=shropshire_2020s
    )
    cumbria = next(n for n in found.neighbours if n.name == "Cumbria")  # split on 1 April 2023
    assert (cumbria.existed, cumbria.value, cumbria.ended_on) == (False, None, dt.date(2023, 3, 31))
    earlier = benchmark_for(
        indicator=indicator("dfe-referrals"), period=period_for_year("2022-23"), area=shropshire_2020s
    )
    assert next(n for n in earlier.neighbours if n.name == "Cumbria").existed
