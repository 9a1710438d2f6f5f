"""The scorecard's arithmetic: RAG, direction of travel, quartiles, bands, ranks and rates.

Pure functions, so no database: the shipped RAG rule is read straight from its YAML file.
"""

import statistics
from decimal import Decimal as D
from pathlib import Path

import pytest
import yaml

from assure.performance.calculations import (
    direction_of_travel,
    percentile,
    quartile_band,
    quartile_cuts,
    rag_rating,
    rank_of,
    rate_per_10000,
    to_decimal,
    tolerance_in_use,
)

LIBRARY = Path(__file__).resolve().parents[3] / "library" / "assure"
HIGHER, LOWER, NEITHER = "higher_is_better", "lower_is_better", "neither"


def _shipped_rule() -> dict:
    document = yaml.safe_load((LIBRARY / "rag-rules.yaml").read_text())
    (item,) = [i for i in document["items"] if i["code"] == "target-with-tolerance"]
    return item


RULE = _shipped_rule()


def rate(value, target, tolerance, polarity, rule=RULE):
    return rag_rating(value=value, target=target, tolerance=tolerance, polarity=polarity, rule=rule)


# --- RAG: higher is better -------------------------------------------------------------------


def test_rag_higher_is_better_above_target_is_green():
    assert rate(D("85"), D("80"), D("5"), HIGHER) == "green"


def test_rag_higher_is_better_exactly_on_target_is_green():
    assert rate(D("80"), D("80"), D("5"), HIGHER) == "green"


def test_rag_higher_is_better_just_below_target_is_amber():
    assert rate(D("79.9"), D("80"), D("5"), HIGHER) == "amber"


def test_rag_higher_is_better_exactly_on_the_tolerance_boundary_is_amber():
    assert rate(D("75"), D("80"), D("5"), HIGHER) == "amber"


def test_rag_higher_is_better_beyond_the_tolerance_is_red():
    assert rate(D("74.99"), D("80"), D("5"), HIGHER) == "red"


# --- RAG: lower is better --------------------------------------------------------------------


def test_rag_lower_is_better_below_target_is_green():
    assert rate(D("18"), D("20"), D("2"), LOWER) == "green"


def test_rag_lower_is_better_exactly_on_target_is_green():
    assert rate(D("20"), D("20"), D("2"), LOWER) == "green"


def test_rag_lower_is_better_just_above_target_is_amber():
    assert rate(D("20.5"), D("20"), D("2"), LOWER) == "amber"


def test_rag_lower_is_better_exactly_on_the_tolerance_boundary_is_amber():
    assert rate(D("22"), D("20"), D("2"), LOWER) == "amber"


def test_rag_lower_is_better_beyond_the_tolerance_is_red():
    assert rate(D("22.01"), D("20"), D("2"), LOWER) == "red"


# --- RAG: neither, missing figures -----------------------------------------------------------


def test_rag_polarity_neither_is_not_rated():
    assert rate(D("80"), D("80"), D("5"), NEITHER) is None


def test_rag_polarity_neither_is_not_rated_even_far_from_target():
    assert rate(D("1"), D("80"), D("0"), NEITHER) is None


def test_rag_missing_value_is_not_rated():
    assert rate(None, D("80"), D("5"), HIGHER) is None


def test_rag_missing_target_is_not_rated():
    assert rate(D("80"), None, D("5"), HIGHER) is None


def test_rag_missing_value_and_target_is_not_rated():
    assert rate(None, None, None, LOWER) is None


def test_rag_zero_value_is_rated_not_treated_as_missing():
    assert rate(D("0"), D("10"), D("1"), LOWER) == "green"


def test_rag_zero_target_is_rated_not_treated_as_missing():
    assert rate(D("1"), D("0"), D("1"), LOWER) == "amber"


# --- RAG: tolerances -------------------------------------------------------------------------


def test_rag_zero_tolerance_makes_any_miss_red_when_higher_is_better():
    assert rate(D("79.99"), D("80"), D("0"), HIGHER) == "red"


def test_rag_zero_tolerance_still_rates_on_target_green():
    assert rate(D("80"), D("80"), D("0"), HIGHER) == "green"


def test_rag_zero_tolerance_makes_any_miss_red_when_lower_is_better():
    assert rate(D("20.01"), D("20"), D("0"), LOWER) == "red"


def test_rag_default_tolerance_is_five_percent_of_the_target():
    # 5% of 80 is 4: 76 is on the boundary, 75.9 beyond it.
    assert rate(D("76"), D("80"), None, HIGHER) == "amber"
    assert rate(D("75.9"), D("80"), None, HIGHER) == "red"


def test_rag_default_tolerance_when_lower_is_better():
    # 5% of 20 is 1.
    assert rate(D("21"), D("20"), None, LOWER) == "amber"
    assert rate(D("21.1"), D("20"), None, LOWER) == "red"


def test_rag_default_tolerance_uses_the_size_of_a_negative_target():
    assert rate(D("-10.5"), D("-10"), None, HIGHER) == "amber"


def test_rag_default_tolerance_of_a_zero_target_is_zero():
    assert rate(D("0.01"), D("0"), None, LOWER) == "red"


def test_rag_default_tolerance_comes_from_the_rule():
    rule = {**RULE, "default_tolerance_percent": 10}
    assert rate(D("72"), D("80"), None, HIGHER, rule) == "amber"
    assert rate(D("72"), D("80"), None, HIGHER) == "red"


def test_rag_rule_without_default_tolerance_uses_five_percent():
    rule = {key: value for key, value in RULE.items() if key != "default_tolerance_percent"}
    assert rate(D("76"), D("80"), None, HIGHER, rule) == "amber"


def test_rag_own_tolerance_wins_over_the_default():
    assert rate(D("70"), D("80"), D("10"), HIGHER) == "amber"


def test_rag_negative_tolerance_is_refused():
    with pytest.raises(ValueError):
        rate(D("80"), D("80"), D("-1"), HIGHER)


def test_tolerance_in_use_is_the_lines_own_when_set():
    assert tolerance_in_use(target=D("80"), tolerance=D("3"), rule=RULE) == D("3")


def test_tolerance_in_use_defaults_to_the_rules_percentage_of_the_target():
    assert tolerance_in_use(target=D("80"), tolerance=None, rule=RULE) == D("4")


# --- RAG: the rule's bands -------------------------------------------------------------------


def test_rag_shipped_rule_has_green_amber_red_in_order():
    assert [band["rating"] for band in RULE["bands"]] == ["green", "amber", "red"]


def test_rag_first_band_that_holds_wins():
    rule = {"bands": [{"rating": "red", "when": "otherwise"}, {"rating": "green", "when": "meets_target"}]}
    assert rate(D("90"), D("80"), D("5"), HIGHER, rule) == "red"


def test_rag_rule_without_amber_rates_a_near_miss_red():
    rule = {"bands": [{"rating": "green", "when": "meets_target"}, {"rating": "red", "when": "otherwise"}]}
    assert rate(D("79"), D("80"), D("5"), HIGHER, rule) == "red"


def test_rag_no_band_holding_gives_no_rating():
    rule = {"bands": [{"rating": "green", "when": "meets_target"}]}
    assert rate(D("79"), D("80"), D("5"), HIGHER, rule) is None


def test_rag_unknown_condition_is_refused():
    rule = {"bands": [{"rating": "green", "when": "sometimes"}]}
    with pytest.raises(ValueError):
        rate(D("79"), D("80"), D("5"), HIGHER, rule)


# --- RAG: inputs -----------------------------------------------------------------------------


def test_rag_accepts_ints_floats_and_strings():
    assert rate(75, 80.0, "5", HIGHER) == "amber"


def test_floats_are_read_as_written_not_as_binary_fractions():
    assert to_decimal(0.1) == D("0.1")


def test_missing_number_stays_missing():
    assert to_decimal(None) is None


def test_rag_unknown_polarity_is_refused():
    with pytest.raises(ValueError):
        rate(D("1"), D("1"), D("0"), "up")


# --- direction of travel ---------------------------------------------------------------------


def test_direction_rise_is_improving_when_higher_is_better():
    assert direction_of_travel(current=D("6"), previous=D("5"), polarity=HIGHER) == "improving"


def test_direction_fall_is_worsening_when_higher_is_better():
    assert direction_of_travel(current=D("4"), previous=D("5"), polarity=HIGHER) == "worsening"


def test_direction_fall_is_improving_when_lower_is_better():
    assert direction_of_travel(current=D("10"), previous=D("13"), polarity=LOWER) == "improving"


def test_direction_rise_is_worsening_when_lower_is_better():
    assert direction_of_travel(current=D("27.2"), previous=D("21"), polarity=LOWER) == "worsening"


@pytest.mark.parametrize("polarity", [HIGHER, LOWER])
def test_direction_equal_values_are_no_change(polarity):
    assert direction_of_travel(current=D("5"), previous=D("5"), polarity=polarity) == "no_change"


def test_direction_equal_values_written_differently_are_no_change():
    assert direction_of_travel(current=D("5.0"), previous=5, polarity=HIGHER) == "no_change"


@pytest.mark.parametrize(("current", "previous"), [("6", "5"), ("4", "5"), ("5", "5")])
def test_direction_polarity_neither_has_no_direction(current, previous):
    assert direction_of_travel(current=D(current), previous=D(previous), polarity=NEITHER) is None


@pytest.mark.parametrize(("current", "previous"), [(None, D("5")), (D("5"), None), (None, None)])
def test_direction_missing_figure_has_no_direction(current, previous):
    assert direction_of_travel(current=current, previous=previous, polarity=HIGHER) is None


def test_direction_from_zero_is_a_change():
    assert direction_of_travel(current=D("1"), previous=D("0"), polarity=HIGHER) == "improving"


# --- quartile cuts (numpy's default linear interpolation) ------------------------------------


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # numpy.percentile(values, [25, 50, 75]) for each list
        ([1, 2, 3, 4], ("1.75", "2.5", "3.25")),  # even length
        ([1, 2, 3, 4, 5], ("2", "3", "4")),  # odd length, cuts on values
        ([15, 20, 35, 40, 50], ("20", "35", "40")),
        ([10, 20, 30], ("15", "20", "25")),
        ([7], ("7", "7", "7")),  # one value
        ([5, 5, 5, 10], ("5", "5", "6.25")),  # ties
        ([3, 3, 3, 3], ("3", "3", "3")),  # all tied
        ([2, 1], ("1.25", "1.5", "1.75")),  # two values, unsorted
        (["0.1", "0.2"], ("0.125", "0.15", "0.175")),
        ([4, 1, 3, 2, 6, 5], ("2.25", "3.5", "4.75")),
    ],
)
def test_quartile_cuts_match_numpys_linear_interpolation(values, expected):
    assert quartile_cuts([D(str(v)) for v in values]) == tuple(D(e) for e in expected)


def test_quartile_cuts_agree_with_the_inclusive_method_on_a_longer_list():
    values = [D(v) for v in ("27.2", "21", "19.5", "30.1", "24", "22.8", "18", "25.5", "31", "16.4", "23.3")]
    assert quartile_cuts(values) == tuple(statistics.quantiles(values, n=4, method="inclusive"))


def test_quartile_cuts_leave_missing_values_out():
    assert quartile_cuts([None, D("4"), D("1"), None, D("3"), D("2")]) == (D("1.75"), D("2.5"), D("3.25"))


def test_quartile_cuts_of_nothing_are_missing():
    assert quartile_cuts([]) == (None, None, None)
    assert quartile_cuts([None, None]) == (None, None, None)


def test_quartile_cuts_return_decimals():
    assert all(isinstance(cut, D) for cut in quartile_cuts([1, 2, 3]))


def test_percentile_ends_are_the_smallest_and_largest_values():
    assert percentile([D("3"), D("1"), D("2")], 0) == D("1")
    assert percentile([D("3"), D("1"), D("2")], 1) == D("3")


def test_percentile_outside_zero_to_one_is_refused():
    with pytest.raises(ValueError):
        percentile([D("1")], D("1.5"))


# --- quartile bands --------------------------------------------------------------------------

VALUES = [D(v) for v in ("1", "2", "3", "4", "5")]  # cuts 2, 3, 4


@pytest.mark.parametrize(
    ("value", "band"),
    [("1", "A"), ("2", "A"), ("2.01", "B"), ("3", "B"), ("3.5", "C"), ("4", "C"), ("4.01", "D"), ("5", "D")],
)
def test_band_lower_is_better_lowest_quarter_is_a_with_upper_bounds_inclusive(value, band):
    assert quartile_band(value=D(value), values=VALUES, polarity=LOWER) == band


@pytest.mark.parametrize(
    ("value", "band"),
    [("5", "A"), ("4.01", "A"), ("4", "B"), ("3.5", "B"), ("3", "C"), ("2.01", "C"), ("2", "D"), ("1", "D")],
)
def test_band_higher_is_better_highest_quarter_is_a_with_upper_bounds_inclusive(value, band):
    assert quartile_band(value=D(value), values=VALUES, polarity=HIGHER) == band


def test_band_polarity_neither_has_no_band():
    assert quartile_band(value=D("1"), values=VALUES, polarity=NEITHER) is None


def test_band_missing_value_has_no_band():
    assert quartile_band(value=None, values=VALUES, polarity=LOWER) is None


def test_band_missing_values_are_left_out_of_the_cuts():
    with_gaps = [None, *VALUES, None]
    assert quartile_band(value=D("2"), values=with_gaps, polarity=LOWER) == "A"
    assert quartile_band(value=D("4.01"), values=with_gaps, polarity=LOWER) == "D"


def test_band_without_values_to_compare_has_no_band():
    assert quartile_band(value=D("2"), values=[None], polarity=LOWER) is None


def test_band_with_one_value_puts_it_in_the_best_band_when_lower_is_better():
    assert quartile_band(value=D("7"), values=[D("7")], polarity=LOWER) == "A"


def test_band_all_values_tied_fall_in_the_first_quarter():
    # Every cut equals the value, and the first quarter's upper bound is inclusive.
    assert quartile_band(value=D("3"), values=[D("3")] * 4, polarity=LOWER) == "A"
    assert quartile_band(value=D("3"), values=[D("3")] * 4, polarity=HIGHER) == "D"


def test_band_of_a_value_outside_the_list_is_still_banded():
    assert quartile_band(value=D("100"), values=VALUES, polarity=LOWER) == "D"
    assert quartile_band(value=D("-1"), values=VALUES, polarity=HIGHER) == "D"


# --- ranks -----------------------------------------------------------------------------------

RANKED = [D("10"), D("20"), D("20"), D("30")]


@pytest.mark.parametrize(("value", "rank"), [("10", 1), ("20", 2), ("30", 4)])
def test_rank_lower_is_better_ties_share_the_lowest_rank(value, rank):
    assert rank_of(value=D(value), values=RANKED, polarity=LOWER) == rank


@pytest.mark.parametrize(("value", "rank"), [("30", 1), ("20", 2), ("10", 4)])
def test_rank_higher_is_better_ties_share_the_lowest_rank(value, rank):
    assert rank_of(value=D(value), values=RANKED, polarity=HIGHER) == rank


def test_rank_leaves_missing_values_out():
    assert rank_of(value=D("30"), values=[None, *RANKED, None], polarity=LOWER) == 4


def test_rank_all_tied_are_all_first():
    assert rank_of(value=D("5"), values=[D("5")] * 3, polarity=HIGHER) == 1


def test_rank_polarity_neither_has_no_rank():
    assert rank_of(value=D("10"), values=RANKED, polarity=NEITHER) is None


def test_rank_missing_value_has_no_rank():
    assert rank_of(value=None, values=RANKED, polarity=LOWER) is None


def test_rank_of_a_value_not_in_the_list_is_where_it_would_go():
    assert rank_of(value=D("15"), values=RANKED, polarity=LOWER) == 2


# --- rates per 10,000 ------------------------------------------------------------------------


def test_rate_per_10000_of_a_count():
    assert rate_per_10000(count=D("84"), population=D("10000")) == D("84.0000")


def test_rate_per_10000_is_rounded_to_four_places():
    assert rate_per_10000(count=1, population=3) == D("3333.3333")


def test_rate_per_10000_rounds_half_up():
    assert rate_per_10000(count=1, population=320000) == D("0.0313")


def test_rate_per_10000_of_the_seeds_child_protection_plans():
    # 249 children on a plan among about 60,000 children aged 0-17.
    assert rate_per_10000(count=249, population=60000) == D("41.5000")


def test_rate_per_10000_of_zero_is_zero():
    assert rate_per_10000(count=0, population=60000) == D("0")


def test_rate_per_10000_of_a_zero_population_is_missing():
    assert rate_per_10000(count=5, population=0) is None


def test_rate_per_10000_of_a_negative_population_is_missing():
    assert rate_per_10000(count=5, population=-10) is None


def test_rate_per_10000_of_a_missing_population_is_missing():
    assert rate_per_10000(count=5, population=None) is None


def test_rate_per_10000_of_a_missing_count_is_missing():
    assert rate_per_10000(count=None, population=60000) is None


def test_rate_per_10000_is_a_decimal():
    assert isinstance(rate_per_10000(count=3, population=7), D)
