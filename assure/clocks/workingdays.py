"""Working days in England and Wales: Monday to Friday, leaving out the bank holidays.

The bank holidays come from the ``holidays`` package (GB, subdivision ENG), substitute days
included: when Christmas Day falls on a Saturday, the Monday after is the bank holiday in its
place. No list of dates is kept here.
"""

import datetime as dt
from functools import cache

import holidays


@cache
def _bank_holidays(year: int) -> frozenset[dt.date]:
    """The England and Wales bank holidays of one year, substitute days included."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year, observed=True).keys())


def is_bank_holiday(day: dt.date) -> bool:
    return day in _bank_holidays(day.year)


def is_working_day(day: dt.date) -> bool:
    """A weekday that is not an England and Wales bank holiday."""
    return day.weekday() < 5 and not is_bank_holiday(day)


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``start``; ``start`` itself is never counted, whether it
    is a working day or not. A negative ``count`` counts back the same way; 0 gives ``start``."""
    step = dt.timedelta(days=1 if count > 0 else -1)
    day = start
    left = abs(count)
    while left:
        day += step
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days there are after ``start`` up to and including ``end``. When ``end``
    is before ``start`` the answer is negative: minus the working days from ``end`` (counted) up
    to ``start`` (not counted), so that ``working_days_between(d, add_working_days(d, n)) == n``
    both ways. A clock due on a Friday and read on the Saturday is one working day overdue."""
    if end < start:
        count = 0
        day = end
        while day < start:
            if is_working_day(day):
                count += 1
            day += dt.timedelta(days=1)
        return -count
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
