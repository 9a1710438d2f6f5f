"""Periods of the core dataset. A year is a financial year (April to March): the DfE's
``time_period`` 2015 is the year to 31 March 2015, i.e. 2014-15."""

import calendar
import datetime as dt

from .models import Period


def financial_year_start(label: str) -> dt.date:
    """'2014-15' → 1 April 2014."""
    return dt.date(int(label[:4]), 4, 1)


def year_label(start_year: int) -> str:
    return f"{start_year}-{str(start_year + 1)[-2:]}"


def period_for_year(label: str) -> Period:
    """The Period of a financial year, made on first use."""
    start = financial_year_start(label)
    period, _ = Period.objects.get_or_create(
        kind=Period.Kind.YEAR,
        start=start,
        defaults={"end": dt.date(start.year + 1, 3, 31), "label": year_label(start.year)},
    )
    return period


def period_for_reporting_year(time_period: int) -> Period:
    """The DfE's reporting year (2015 = the year to March 2015) as a financial year."""
    return period_for_year(year_label(int(time_period) - 1))


def period_for_quarter(year: str, quarter: int) -> Period:
    """Quarter 1 of 2014-15 is April to June 2014."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError("A quarter is 1, 2, 3 or 4.")
    first = financial_year_start(year)
    month = first.month + 3 * (quarter - 1)
    start = dt.date(first.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    end_month = (start.month + 1) % 12 + 1
    end_year = start.year + (1 if end_month < start.month else 0)
    end = dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    period, _ = Period.objects.get_or_create(
        kind=Period.Kind.QUARTER, start=start, defaults={"end": end, "label": f"Q{quarter} {year}"}
    )
    return period


def period_for_month(year: int, month: int) -> Period:
    start = dt.date(year, month, 1)
    end = dt.date(year, month, calendar.monthrange(year, month)[1])
    period, _ = Period.objects.get_or_create(
        kind=Period.Kind.MONTH, start=start, defaults={"end": end, "label": start.strftime("%B %Y")}
    )
    return period


def previous_period(period: Period) -> Period | None:
    """The period of the same kind just before (None if it was never recorded)."""
    return Period.objects.filter(kind=period.kind, start__lt=period.start).order_by("-start").first()
