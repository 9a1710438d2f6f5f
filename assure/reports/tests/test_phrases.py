"""Year-on-year phrases: every kind of change, every unit, missing figures and polarity."""

from decimal import Decimal

import pytest

from assure.reports.phrases import (
    as_decimal,
    change,
    count_phrase,
    figure_words,
    judgement,
    listing,
    missing_words,
    number_text,
    percent_change,
    places_needed,
    points_change,
)

# --- numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2626, "2,626"),
        (Decimal("2626.0000"), "2,626"),
        (Decimal("85.5"), "85.5"),
        (Decimal("84.0"), "84"),
        (Decimal("0.8"), "0.8"),
        (Decimal("1234567.25"), "1,234,567.3"),
        (Decimal("0.04"), "0"),
        (Decimal("0.05"), "0.1"),
        (-3, "−3"),
        ("948", "948"),
        (0, "0"),
    ],
)
def test_number_text_separates_thousands_and_shows_a_decimal_only_where_needed(value, expected):
    assert number_text(value) == expected


def test_number_text_keeps_the_places_asked_for():
    assert number_text(Decimal("89"), 1) == "89.0"


def test_number_text_of_nothing_is_empty():
    assert number_text(None) == ""


def test_as_decimal_reads_text_with_separators_and_refuses_words():
    assert as_decimal("2,626") == Decimal("2626")
    assert as_decimal("c") is None
    assert as_decimal(True) is None


def test_a_float_keeps_its_shortest_form():
    assert as_decimal(0.1) == Decimal("0.1")


@pytest.mark.parametrize(("value", "places"), [(Decimal("84.00"), 0), (Decimal("84.04"), 0), (Decimal("84.05"), 1)])
def test_places_needed(value, places):
    assert places_needed(value) == places


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (2626, "count", "2,626"),
        (Decimal("85.5"), "percentage", "85.5%"),
        (84, "rate_per_10000", "84 per 10,000 children"),
        (Decimal("195480.00"), "currency", "£195,480"),
        (Decimal("12.50"), "currency", "£12.50"),
        (Decimal("-250"), "currency", "−£250"),
        (1, "days", "1 day"),
        (45, "days", "45 days"),
    ],
)
def test_figure_words_says_the_unit(value, unit, expected):
    assert figure_words(value, unit) == expected


def test_missing_words_names_the_publishers_reason():
    assert missing_words("c") == "suppressed (c)"
    assert missing_words("") == "not available"


# --- counts ------------------------------------------------------------------------------------


def test_an_increase_in_a_count_is_a_percentage_of_the_year_before():
    assert change(313, 271).relative == "an increase of 15.5% on the previous year's figure"


def test_a_rise_in_a_count_names_both_figures():
    assert change(2626, 2274).movement == "rose from 2,274 to 2,626"


def test_a_decrease_in_a_count():
    moved = change(10, 13)
    assert (moved.movement, moved.relative) == (
        "fell from 13 to 10",
        "a decrease of 23.1% on the previous year's figure",
    )


def test_no_change_in_a_count():
    moved = change(249, 249)
    assert (moved.direction, moved.movement, moved.relative) == (
        "same",
        "stayed at 249",
        "the same as the previous year's figure",
    )


def test_a_count_sentence_reads_as_plain_english():
    assert change(313, 271).sentence("The number of looked-after children") == (
        "The number of looked-after children rose from 271 to 313, an increase of 15.5% on the previous year's figure."
    )


def test_a_change_from_zero_has_no_percentage():
    moved = change(12, 0)
    assert (moved.movement, moved.relative, percent_change(12, 0)) == ("rose from 0 to 12", "", None)
    assert moved.sentence("Referrals") == "Referrals rose from 0 to 12."


def test_a_change_to_zero_is_a_decrease_of_100_percent():
    moved = change(0, 4)
    assert (moved.movement, moved.relative) == ("fell from 4 to 0", "a decrease of 100% on the previous year's figure")


def test_the_short_form_gives_the_difference():
    assert change(577, 424).short == "up 153 from 424 to 577"


def test_the_previous_label_can_name_the_year():
    assert change(577, 424, previous_label="2013-14").relative == "an increase of 36.1% on 2013-14"


# --- rates -------------------------------------------------------------------------------------


def test_a_rate_says_its_unit_once():
    assert change(Decimal("84.0"), Decimal("74.0"), unit="rate_per_10000").movement == (
        "rose from 74 to 84 per 10,000 children"
    )


def test_a_rate_with_decimals_shows_both_to_one_place():
    assert change(Decimal("34.5"), 22, unit="rate_per_10000").movement == ("rose from 22.0 to 34.5 per 10,000 children")


def test_a_rate_changes_by_a_percentage():
    assert change(84, 74, unit="rate_per_10000").relative == "an increase of 13.5% on the previous year's figure"


def test_the_short_form_of_a_rate():
    assert change(84, 74, unit="rate_per_10000").short == "up 10 from 74 to 84 per 10,000 children"


# --- percentages -------------------------------------------------------------------------------


def test_percentages_move_by_points_not_by_percent():
    assert change(Decimal("85.5"), 89, unit="percentage").short == "down 3.5 percentage points from 89.0% to 85.5%"


def test_a_percentage_relative_change_is_in_points():
    assert change(Decimal("27.2"), 21, unit="percentage").relative == (
        "up 6.2 percentage points on the previous year's figure"
    )


def test_one_percentage_point_is_singular():
    assert change(11, 10, unit="percentage").short == "up 1 percentage point from 10% to 11%"


def test_a_percentage_sentence_gives_points_and_both_figures():
    assert change(10, 13, unit="percentage").sentence("Second child protection plans") == (
        "Second child protection plans fell by 3 percentage points, from 13% to 10%."
    )


def test_points_change_is_a_difference():
    assert points_change(Decimal("85.5"), 89) == Decimal("-3.5")


def test_an_unchanged_percentage():
    assert change(Decimal("90.0"), 90, unit="percentage").short == "no change at 90%"


def test_figures_equal_once_shown_count_as_no_change():
    assert change(Decimal("90.04"), Decimal("90.01"), unit="percentage").direction == "same"


# --- money -------------------------------------------------------------------------------------


def test_money_moves_by_a_percentage():
    assert change(Decimal("195480"), Decimal("180000"), unit="currency").movement == "rose from £180,000 to £195,480"


def test_a_rise_from_a_negative_figure_is_an_increase_of_its_size():
    # From an overspend of £100 to one of £50: the change is measured against the size of the
    # figure before (£100), so a rise stays an increase whatever the sign.
    moved = change(Decimal("-50"), Decimal("-100"), unit="currency")
    assert moved.sentence("The balance") == (
        "The balance rose from −£100 to −£50, an increase of 50% on the previous year's figure."
    )


def test_a_fall_to_a_more_negative_figure_is_a_decrease():
    moved = change(Decimal("-150"), Decimal("-100"), unit="currency")
    assert (moved.movement, moved.relative) == (
        "fell from −£100 to −£150",
        "a decrease of 50% on the previous year's figure",
    )


# --- missing figures ---------------------------------------------------------------------------


def test_no_figure_for_the_year_before():
    moved = change(2626, None)
    assert (moved.comparable, moved.direction, moved.relative) == (False, "", "")
    assert moved.movement == "has no figure for the previous year (not available)"


def test_a_suppressed_figure_this_year_is_never_zero():
    moved = change(None, 4, current_missing="c")
    assert (
        moved.sentence("Section 136 detentions") == "Section 136 detentions has no figure this year (suppressed (c))."
    )


def test_a_missing_previous_year_named_by_its_label():
    assert change(5, None, previous_label="2013-14").movement == "has no figure for 2013-14 (not available)"


# --- polarity ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "previous", "polarity", "word"),
    [
        (90, 85, "higher_is_better", "improved"),
        (80, 85, "higher_is_better", "worsened"),
        (10, 13, "lower_is_better", "improved"),
        (15, 13, "lower_is_better", "worsened"),
        (15, 13, "neither", ""),
        (13, 13, "higher_is_better", ""),
        (None, 13, "higher_is_better", ""),
    ],
)
def test_judgement_follows_polarity(current, previous, polarity, word):
    assert judgement(current, previous, polarity) == word


def test_a_sentence_says_improved_where_polarity_allows():
    assert change(10, 13, unit="percentage", polarity="lower_is_better").sentence("Second plans") == (
        "Second plans fell by 3 percentage points, from 13% to 10%: performance improved."
    )


def test_a_sentence_never_judges_a_neutral_indicator():
    assert "performance" not in change(2626, 2274, polarity="neither").sentence("Referrals")


def test_no_judgement_when_figures_are_the_same_once_shown():
    assert change(Decimal("90.01"), 90, unit="percentage", polarity="higher_is_better").judgement == ""


# --- lists and counts of things ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "no actions"), (1, "1 action"), (3, "3 actions"), (1200, "1,200 actions")]
)
def test_count_phrase(count, expected):
    assert count_phrase(count, "action") == expected


@pytest.mark.parametrize(
    ("items", "expected"), [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")]
)
def test_listing(items, expected):
    assert listing(items) == expected
