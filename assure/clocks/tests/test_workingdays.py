"""Working days in England and Wales: weekends and bank holidays (from the holidays package,
substitute days included) are never counted, and the day counted from never counts itself."""

import datetime as dt

import pytest

from assure.clocks.workingdays import add_working_days, is_working_day, working_days_between

D = dt.date


def test_a_weekday_is_a_working_day():
    assert is_working_day(D(2026, 5, 6))  # a Wednesday


@pytest.mark.parametrize("day", [D(2026, 5, 9), D(2026, 5, 10)])
def test_saturday_and_sunday_are_not_working_days(day):
    assert not is_working_day(day)


def test_counting_forward_skips_the_weekend():
    assert add_working_days(D(2026, 5, 8), 1) == D(2026, 5, 11)  # Friday + 1 = Monday


def test_five_working_days_from_a_wednesday_is_the_next_wednesday():
    assert add_working_days(D(2026, 6, 10), 5) == D(2026, 6, 17)


@pytest.mark.parametrize(
    "day",
    [D(2025, 12, 25), D(2025, 12, 26), D(2025, 4, 18), D(2025, 4, 21), D(2026, 4, 3), D(2026, 4, 6)],
    ids=[
        "christmas-2025",
        "boxing-day-2025",
        "good-friday-2025",
        "easter-monday-2025",
        "good-friday-2026",
        "easter-monday-2026",
    ],
)
def test_bank_holidays_are_not_working_days(day):
    assert not is_working_day(day)


def test_christmas_and_boxing_day_are_skipped():
    assert add_working_days(D(2025, 12, 24), 1) == D(2025, 12, 29)


def test_easter_2025_is_skipped():
    # Thursday before Good Friday + 1: Good Friday, the weekend and Easter Monday are not counted.
    assert add_working_days(D(2025, 4, 17), 1) == D(2025, 4, 22)


def test_easter_2026_is_skipped():
    assert add_working_days(D(2026, 4, 2), 1) == D(2026, 4, 7)


@pytest.mark.parametrize(
    "day",
    [D(2021, 12, 27), D(2021, 12, 28)],
    ids=["christmas-2021-substitute", "boxing-day-2021-substitute"],
)
def test_christmas_on_a_weekend_gives_substitute_days(day):
    # 25 and 26 December 2021 fell on a Saturday and a Sunday.
    assert not is_working_day(day)


def test_christmas_2021_substitutes_are_skipped():
    assert add_working_days(D(2021, 12, 24), 1) == D(2021, 12, 29)


def test_christmas_2022_on_a_sunday_gives_tuesday_as_substitute():
    # Boxing Day fell on the Monday, so Christmas Day's substitute is the Tuesday.
    assert not is_working_day(D(2022, 12, 27))
    assert add_working_days(D(2022, 12, 23), 1) == D(2022, 12, 28)


def test_new_year_2022_on_a_saturday_gives_monday_as_substitute():
    assert not is_working_day(D(2022, 1, 3))
    assert add_working_days(D(2021, 12, 31), 1) == D(2022, 1, 4)


def test_christmas_2027_substitutes_are_skipped():
    assert add_working_days(D(2027, 12, 24), 1) == D(2027, 12, 29)


def test_a_start_on_a_saturday_counts_from_the_next_working_day():
    assert add_working_days(D(2026, 5, 9), 1) == D(2026, 5, 11)


def test_a_start_on_a_sunday_counts_from_the_next_working_day():
    assert add_working_days(D(2026, 5, 10), 5) == D(2026, 5, 15)


def test_a_start_on_a_bank_holiday_counts_from_the_next_working_day():
    # Monday 4 May 2026 is the early May bank holiday.
    assert add_working_days(D(2026, 5, 4), 1) == D(2026, 5, 5)


def test_counting_zero_gives_the_start():
    assert add_working_days(D(2026, 5, 9), 0) == D(2026, 5, 9)


def test_counting_back_skips_the_weekend():
    assert add_working_days(D(2026, 5, 11), -1) == D(2026, 5, 8)


def test_counting_back_skips_bank_holidays():
    assert add_working_days(D(2025, 12, 29), -1) == D(2025, 12, 24)


def test_counting_back_from_a_sunday_gives_the_friday():
    assert add_working_days(D(2026, 5, 10), -1) == D(2026, 5, 8)


def test_working_days_between_counts_after_start_up_to_end():
    assert working_days_between(D(2026, 5, 8), D(2026, 5, 15)) == 5


def test_working_days_between_leaves_out_bank_holidays():
    assert working_days_between(D(2025, 12, 24), D(2026, 1, 2)) == 4  # 29, 30, 31 Dec, 2 Jan


def test_working_days_between_the_same_day_is_zero():
    assert working_days_between(D(2026, 5, 8), D(2026, 5, 8)) == 0


def test_working_days_between_is_negative_backwards():
    assert working_days_between(D(2026, 5, 15), D(2026, 5, 8)) == -5


def test_working_days_between_undoes_counting_back_from_a_weekend():
    assert working_days_between(D(2026, 5, 10), add_working_days(D(2026, 5, 10), -3)) == -3


@pytest.mark.parametrize("count", [-7, -1, 1, 15, 45])
def test_working_days_between_undoes_add_working_days(count):
    start = D(2025, 12, 20)
    assert working_days_between(start, add_working_days(start, count)) == count
