"""Financial years (1 April to 31 March), written as partnerships write them: "2014-15"."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils import timezone

_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


def financial_year_of(day: dt.date) -> str:
    """The financial year a date falls in: 12 June 2014 and 12 February 2015 are both in 2014-15."""
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def financial_year_problem(year: str) -> str | None:
    """Why ``year`` is not a financial year written like 2014-15, or None when it is one."""
    match = _PATTERN.match(year or "")
    if not match:
        return "Enter the financial year like 2014-15."
    start, end = int(match.group(1)), int(match.group(2))
    if (start + 1) % 100 != end:
        return "The two years of a financial year must be consecutive, like 2014-15."
    return None


def validate_financial_year(year: str) -> None:
    problem = financial_year_problem(year)
    if problem:
        raise ValidationError(problem)


def financial_year_bounds(year: str) -> tuple[dt.date, dt.date]:
    """First and last day (1 April, 31 March) of a valid financial year."""
    validate_financial_year(year)
    start = int(year[:4])
    return dt.date(start, 4, 1), dt.date(start + 1, 3, 31)


def current_financial_year() -> str:
    return financial_year_of(timezone.localdate())
