"""The checks of an agency's figures, one rule at a time (pure: no database)."""

from decimal import Decimal

import pytest

from assure.performance.validation import Entry, change_warning, check_entry, entry_of, read_number, show

COUNT = {"title": "Referrals", "unit": "count", "minimum": 0, "change_warning": 0.25}
PERCENT = {
    "title": "Re-referrals",
    "unit": "percentage",
    "numerator": "re-referrals",
    "denominator": "referrals",
    "decimals": 1,
    "minimum": 0,
    "maximum": 100,
    "change_warning": 0.25,
}
RATE = {"title": "CP rate", "unit": "rate_per_10000", "numerator": "plans", "denominator": "children", "decimals": 1}
DAYS = {"title": "Average days", "unit": "days", "numerator": "days", "denominator": "cases", "decimals": 1}
RATIO = {"title": "Ratio", "unit": "ratio", "numerator": "a", "denominator": "b", "decimals": 2}


def check(indicator, previous=None, **typed):
    return check_entry(indicator=indicator, entry=Entry(**typed), previous=previous)


# Reading numbers


@pytest.mark.parametrize(
    ("text", "number"),
    [("120", Decimal("120")), (" 12.5 ", Decimal("12.5")), ("1,234", Decimal("1234")), ("0.25", Decimal("0.25"))],
)
def test_numbers_are_read_as_people_write_them(text, number):
    assert read_number(text) == number


def test_nothing_typed_is_no_number():
    assert read_number("   ") is None


@pytest.mark.parametrize("text", ["abc", "12a", "1.2.3", "1,23", "1e3", "NaN", "Infinity", "--1"])
def test_text_that_is_not_a_number_is_refused(text):
    with pytest.raises(ValueError, match="not a number"):
        read_number(text)


def test_more_than_four_decimal_places_are_refused():
    with pytest.raises(ValueError, match="decimal places"):
        read_number("1.23456")


def test_a_percent_sign_is_accepted_for_a_percentage():
    assert read_number("45%", allow_percent_sign=True) == Decimal("45")


def test_a_percent_sign_is_refused_elsewhere():
    with pytest.raises(ValueError):
        read_number("45%")


def test_numbers_are_shown_without_trailing_zeros_and_with_thousands():
    assert show(Decimal("1234.5000")) == "1,234.5"
    assert show(Decimal("120.0000")) == "120"


# Type and range


def test_a_value_that_is_not_a_number_says_so_and_names_the_indicator():
    checked = check(COUNT, value="lots")
    assert checked.errors == {"value": ["Enter the value of Referrals as a number, like 120 or 12.5"]}
    assert checked.value is None


def test_a_count_must_be_a_whole_number():
    assert check(COUNT, value="12.5").errors["value"] == ["Enter the value of Referrals as a whole number"]


def test_a_count_cannot_be_negative():
    assert "cannot be negative" in check(COUNT, value="-3").errors["value"][0]


def test_a_value_below_the_indicators_minimum_is_refused():
    indicator = {"title": "Visits", "unit": "currency", "minimum": 10}
    assert check(indicator, value="9").errors["value"] == ["The value of Visits must be 10 or more"]


def test_a_value_above_the_indicators_maximum_is_refused():
    indicator = {"title": "LADO referrals", "unit": "count", "maximum": 500}
    assert check(indicator, value="501").errors["value"] == ["The value of LADO referrals must be 500 or less"]


def test_values_on_the_minimum_and_maximum_are_accepted():
    indicator = {"title": "Score", "unit": "count", "minimum": 1, "maximum": 5}
    assert check(indicator, value="1").is_valid
    assert check(indicator, value="5").is_valid


@pytest.mark.parametrize("value", ["100.1", "-0.1", "250"])
def test_a_percentage_must_be_between_0_and_100(value):
    indicator = {"title": "Share", "unit": "percentage"}
    assert check(indicator, value=value).errors["value"]


@pytest.mark.parametrize("value", ["0", "100", "45.5", "45.5%"])
def test_a_percentage_between_0_and_100_is_accepted(value):
    assert check({"title": "Share", "unit": "percentage"}, value=value).is_valid


def test_a_valid_figure_is_read():
    checked = check(COUNT, value="2,626")
    assert checked.is_valid and checked.is_complete
    assert checked.value == Decimal("2626")


def test_a_blank_entry_is_valid_but_not_complete():
    checked = check(COUNT)
    assert checked.is_valid
    assert not checked.is_complete


# Numerator and denominator


def test_the_numerator_cannot_be_above_the_denominator_of_a_percentage():
    checked = check(PERCENT, numerator="30", denominator="20")
    assert checked.errors["numerator"] == [
        "The numerator of Re-referrals (30) cannot be more than its denominator (20)"
    ]


def test_the_numerator_cannot_be_above_the_denominator_of_a_rate():
    assert "numerator" in check(RATE, numerator="70000", denominator="60000").errors


def test_the_numerator_may_be_above_the_denominator_of_an_average():
    assert check(DAYS, numerator="900", denominator="20").is_valid


def test_the_denominator_cannot_be_zero():
    assert check(PERCENT, numerator="0", denominator="0").errors["denominator"] == [
        "The denominator of Re-referrals cannot be 0"
    ]


def test_a_numerator_needs_its_denominator():
    assert check(PERCENT, numerator="3").errors["denominator"]


def test_a_denominator_needs_its_numerator():
    assert check(PERCENT, denominator="3").errors["numerator"]


def test_numerator_and_denominator_that_are_not_numbers_are_refused_separately():
    checked = check(PERCENT, numerator="some", denominator="many")
    assert set(checked.errors) == {"numerator", "denominator"}


def test_an_indicator_that_is_not_a_ratio_takes_no_numerator():
    assert check(COUNT, value="5", numerator="5").errors["numerator"] == ["Referrals has no numerator: leave it empty"]


def test_the_value_is_worked_out_from_numerator_and_denominator_when_left_empty():
    checked = check(PERCENT, numerator="1", denominator="3")
    assert checked.is_valid and checked.derived
    assert checked.value == Decimal("33.3")


def test_a_rate_is_worked_out_per_10000():
    assert check(RATE, numerator="331", denominator="59650").value == Decimal("55.5")


def test_a_value_consistent_with_numerator_and_denominator_is_accepted():
    assert check(PERCENT, value="33.3", numerator="1", denominator="3").is_valid


def test_a_value_rounded_to_fewer_places_is_still_consistent():
    assert check(PERCENT, value="33", numerator="1", denominator="3").is_valid


@pytest.mark.parametrize("value", ["34", "33.4", "33.34", "33.2"])
def test_a_value_off_by_more_than_its_last_places_rounding_is_refused(value):
    # 1 ÷ 3 is 33.333...%: a value typed to n places is right only within half a unit of its
    # n-th place (34 is 0.67 off, 33.4 is 0.067 off, 33.34 is 0.0067 off).
    checked = check(PERCENT, value=value, numerator="1", denominator="3")
    assert checked.errors == {
        "value": [
            f"The value of Re-referrals ({value}) does not match its numerator and denominator (1 ÷ 3 gives 33.3)"
        ]
    }


@pytest.mark.parametrize("value", ["33.33", "33.333"])
def test_a_value_rounded_to_more_places_is_consistent(value):
    assert check(PERCENT, value=value, numerator="1", denominator="3").is_valid


def test_a_value_inconsistent_with_numerator_and_denominator_is_refused():
    checked = check(PERCENT, value="40", numerator="1", denominator="3")
    assert checked.errors["value"] == [
        "The value of Re-referrals (40) does not match its numerator and denominator (1 ÷ 3 gives 33.3)"
    ]


def test_a_value_that_is_not_a_number_is_not_replaced_by_the_worked_out_one():
    checked = check(PERCENT, value="forty", numerator="1", denominator="3")
    assert "value" in checked.errors
    assert not checked.derived


def test_a_ratio_unit_is_not_scaled():
    assert check(RATIO, numerator="3", denominator="2").value == Decimal("1.50")


# Not available


def test_a_figure_not_available_needs_a_reason():
    assert check(COUNT, not_available=True).errors == {"comment": ["Say why Referrals is not available"]}


def test_a_figure_not_available_with_a_reason_is_complete():
    checked = check(COUNT, not_available=True, comment="The system was being replaced.")
    assert checked.is_valid and checked.is_complete and checked.value is None


def test_a_figure_cannot_be_both_given_and_not_available():
    assert "not_available" in check(COUNT, value="3", not_available=True, comment="x").errors


def test_a_comment_has_a_length_limit():
    assert "comment" in check(COUNT, value="3", comment="x" * 2001).errors


# Large changes


def test_a_change_above_the_limit_is_a_warning_not_an_error():
    checked = check(COUNT, previous=Decimal(100), value="130")
    assert checked.is_valid
    assert checked.warnings == [
        "Referrals is up 30% on last period (100 to 130), more than 25%: add a comment explaining the change "
        "before you submit"
    ]


def test_a_warning_is_explained_by_a_comment():
    checked = check(COUNT, previous=Decimal(100), value="130", comment="A new front door opened in May.")
    assert checked.warnings and not checked.unexplained_warnings


def test_a_fall_above_the_limit_is_a_warning_too():
    assert "down 50%" in check(COUNT, previous=Decimal(100), value="50").warnings[0]


def test_a_change_exactly_on_the_limit_is_no_warning():
    assert check(COUNT, previous=Decimal(100), value="125").warnings == []


def test_no_previous_figure_means_no_warning():
    assert check(COUNT, previous=None, value="1000").warnings == []


def test_an_indicator_without_a_change_limit_never_warns():
    assert change_warning(indicator={"title": "X"}, value=Decimal(1000), previous=Decimal(1)) is None


def test_a_rise_from_zero_is_a_warning():
    assert "went from 0" in change_warning(indicator=COUNT, value=Decimal(4), previous=Decimal(0))


def test_zero_after_zero_is_no_warning():
    assert change_warning(indicator=COUNT, value=Decimal(0), previous=Decimal(0)) is None


def test_stored_figures_are_checked_again_as_they_were_typed():
    entry = entry_of(
        value=Decimal("33.3000"),
        numerator=Decimal("1.0000"),
        denominator=Decimal("3.0000"),
        not_available=False,
        comment="",
    )
    assert entry == Entry(value="33.3", numerator="1", denominator="3")
    assert check_entry(indicator=PERCENT, entry=entry).is_valid
