import datetime as dt

import pytest

from assure.performance.periods import (
    period_for_month,
    period_for_quarter,
    period_for_reporting_year,
    period_for_year,
    previous_period,
)


def test_reporting_year_2015_is_the_financial_year_2014_15(db):
    period = period_for_reporting_year(2015)
    assert (period.label, period.start, period.end) == ("2014-15", dt.date(2014, 4, 1), dt.date(2015, 3, 31))


def test_a_year_is_made_once(db):
    assert period_for_year("2014-15").pk == period_for_year("2014-15").pk


@pytest.mark.parametrize(
    ("quarter", "start", "end"),
    [
        (1, dt.date(2014, 4, 1), dt.date(2014, 6, 30)),
        (2, dt.date(2014, 7, 1), dt.date(2014, 9, 30)),
        (3, dt.date(2014, 10, 1), dt.date(2014, 12, 31)),
        (4, dt.date(2015, 1, 1), dt.date(2015, 3, 31)),
    ],
)
def test_quarters_of_a_financial_year(db, quarter, start, end):
    period = period_for_quarter("2014-15", quarter)
    assert (period.start, period.end, period.label) == (start, end, f"Q{quarter} 2014-15")


def test_a_fifth_quarter_is_refused(db):
    with pytest.raises(ValueError):
        period_for_quarter("2014-15", 5)


def test_month_label_and_end(db):
    period = period_for_month(2015, 2)
    assert (period.label, period.end) == ("February 2015", dt.date(2015, 2, 28))


def test_previous_period_of_the_same_kind(db):
    earlier = period_for_year("2013-14")
    period_for_quarter("2013-14", 4)
    assert previous_period(period_for_year("2014-15")) == earlier
