import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from assure.partnerships.years import financial_year_bounds, financial_year_of, financial_year_problem


@pytest.mark.parametrize(
    ("day", "year"),
    [(dt.date(2014, 4, 1), "2014-15"), (dt.date(2015, 3, 31), "2014-15"), (dt.date(1999, 12, 1), "1999-00")],
)
def test_financial_year_runs_from_april_to_march(day, year):
    assert financial_year_of(day) == year


def test_financial_year_bounds_are_first_of_april_and_last_of_march():
    assert financial_year_bounds("2014-15") == (dt.date(2014, 4, 1), dt.date(2015, 3, 31))


@pytest.mark.parametrize("year", ["2014", "14-15", "2014/15", "2014-2015", ""])
def test_financial_year_must_be_written_like_2014_15(year):
    assert financial_year_problem(year) == "Enter the financial year like 2014-15."


def test_financial_year_years_must_be_consecutive():
    assert "consecutive" in financial_year_problem("2014-16")


def test_financial_year_across_a_century_is_accepted():
    assert financial_year_problem("1999-00") is None


def test_bounds_of_an_invalid_year_are_refused():
    with pytest.raises(ValidationError):
        financial_year_bounds("2014-16")
