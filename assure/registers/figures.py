"""A register's figures for one financial year, counted from its entries: every indicator its kind
declares, for the year and for each of its months, and how many entries met each timeliness rule.
The figures pages, the computed indicators, the annual report's block and retention (which keeps
a year's figures before it deletes the year's entries) all read a year through ``year_figures``,
so they can never disagree.

The counting rules, written once here:

- An entry counts when it is **submitted** (a draft never does) and its ``occurred_on`` (the
  kind's ``counted_by`` date) falls in the financial year (April to March), and in a month by the
  same date.
- ``count``: the entries. ``distinct``: the different children (or cases), told apart by the
  agency's reference within each agency. ``sum``: the total of a number field. ``where``: the
  entries whose choice field has the value (of a multiple choice, among those ticked).
  ``breakdown``: the entries by each choice of a field (an entry without a value is in none).
- ``on-time``: of the entries with both of the rule's values recorded, those that met the rule
  (``timeliness.py``), with the percentage (None when none is counted).
- A year whose entries retention deleted is read from what retention kept of it
  (``RetainedYear.figures``), in the same shape.

The shape, JSON as it is stored::

    {"entries": 175,
     "indicators": {"cases": 175, "by-referrer": {"police": 80, ...},
                    "on-time-code": {"met": 9, "counted": 10, "percent": 90}},
     "months": {"2014-04": {"cases": 14, ...}, ...},
     "timeliness": {"rule-code": {"met": 9, "counted": 10}}}
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from assure.partnerships.years import financial_year_bounds, financial_year_of

from .kinds import RegisterKind
from .models import Entry, RetainedYear
from .timeliness import moment, rule_met

COUNTS = ("count", "distinct", "sum", "where")


@dataclass(frozen=True)
class Counted:
    """What counting needs of one entry (no identifier but the agency's reference)."""

    agency_id: int
    agency_reference: str
    occurred_on: dt.date
    values: dict


def months_of(year: str) -> list[str]:
    """The year's months, April first: "2014-04" to "2015-03"."""
    start, _ = financial_year_bounds(year)
    return [f"{start.year + (start.month + i - 1) // 12}-{(start.month + i - 1) % 12 + 1:02d}" for i in range(12)]


def percent(met: int, counted: int) -> int | None:
    return round(100 * met / counted) if counted else None


def _codes(value) -> list[str]:
    """A choice value as the codes it holds: a yes-no stored as true/false reads yes/no."""
    if value is None or value == "":
        return []
    if isinstance(value, bool):
        return ["yes" if value else "no"]
    if isinstance(value, list | tuple):
        return [str(v) for c in value for v in _codes(c)]
    return [str(value)]


def _number(value) -> Decimal:
    if isinstance(value, bool) or value is None or value == "":
        return Decimal(0)
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return Decimal(0)


def _plain(total: Decimal) -> int | float:
    return int(total) if total == total.to_integral_value() else float(total)


def _choices(kind: RegisterKind, code: str | None) -> list[str]:
    field = kind.field(code) if code else None
    if field is None:
        return []
    return [choice.code for choice in field.choices] or ["yes", "no"]


def _measure(kind: RegisterKind, indicator, entries: list[Counted]):
    """One indicator over some entries."""
    if indicator.measure == "count":
        return len(entries)
    if indicator.measure == "distinct":
        return len({(e.agency_id, e.agency_reference.strip().lower()) for e in entries})
    if indicator.measure == "sum":
        return _plain(sum((_number(e.values.get(indicator.field)) for e in entries), Decimal(0)))
    if indicator.measure == "where":
        return sum(1 for e in entries if indicator.value in _codes(e.values.get(indicator.field)))
    if indicator.measure == "breakdown":
        counts = dict.fromkeys(_choices(kind, indicator.field), 0)
        for entry in entries:
            for code in _codes(entry.values.get(indicator.field)):
                if code in counts:
                    counts[code] += 1
        return counts
    met, counted = _timely(kind, indicator.rule, entries)
    return {"met": met, "counted": counted, "percent": percent(met, counted)}


def _timely(kind: RegisterKind, code: str | None, entries: list[Counted]) -> tuple[int, int]:
    rule = next((r for r in kind.spec.timeliness if r.code == code), None)
    if rule is None:
        return 0, 0
    results = [
        rule_met(rule, moment(e.values.get(rule.from_field)), moment(e.values.get(rule.to_field))) for e in entries
    ]
    counted = [result for result in results if result is not None]
    return sum(1 for result in counted if result), len(counted)


def count_year(*, kind: RegisterKind, year: str, entries: Iterable[Counted]) -> dict:
    """The year's figures from its entries (each already submitted and in the year)."""
    entries = list(entries)
    by_month: dict[str, list[Counted]] = {month: [] for month in months_of(year)}
    for entry in entries:
        by_month.setdefault(f"{entry.occurred_on:%Y-%m}", []).append(entry)
    indicators = kind.spec.indicators
    return {
        "entries": len(entries),
        "indicators": {i.code: _measure(kind, i, entries) for i in indicators},
        "months": {month: {i.code: _measure(kind, i, rows) for i in indicators} for month, rows in by_month.items()},
        "timeliness": {
            rule.code: dict(zip(("met", "counted"), _timely(kind, rule.code, entries), strict=True))
            for rule in kind.spec.timeliness
        },
    }


def _retained(figures: dict) -> dict:
    """What retention kept, in the shape counted now, marked ``retained`` (a store of indicators
    alone is read as the year's indicators)."""
    if "indicators" in figures:
        return {"entries": 0, "months": {}, "timeliness": {}, **figures, "retained": True}
    return {"entries": 0, "indicators": dict(figures), "months": {}, "timeliness": {}, "retained": True}


def submitted_entries(*, partnership, kind_code: str, year: str) -> list[Counted]:
    """The kind's submitted entries the year counts."""
    start, end = financial_year_bounds(year)
    rows = Entry.objects.filter(
        Entry.SUBMITTED_Q, partnership=partnership, kind_code=kind_code, occurred_on__gte=start, occurred_on__lte=end
    ).values_list("agency_id", "agency_reference", "occurred_on", "values")
    return [Counted(agency, reference or "", day, values or {}) for agency, reference, day, values in rows]


def year_figures(*, partnership, kind: RegisterKind, year: str) -> dict:
    """The register's figures for the financial year ``year`` ("2014-15"): counted from its
    entries, or read from what retention kept when it deleted them."""
    retained = RetainedYear.objects.filter(partnership=partnership, kind_code=kind.code, year=year).first()
    if retained is not None:
        return _retained(retained.figures or {})
    return count_year(
        kind=kind, year=year, entries=submitted_entries(partnership=partnership, kind_code=kind.code, year=year)
    )


def counted_years(*, partnership, kind_code: str) -> list[str]:
    """The financial years (oldest first) with a submitted entry of the kind or kept figures."""
    months = Entry.objects.filter(Entry.SUBMITTED_Q, partnership=partnership, kind_code=kind_code).dates(
        "occurred_on", "month"
    )
    found = {financial_year_of(month) for month in months}
    found |= set(
        RetainedYear.objects.filter(partnership=partnership, kind_code=kind_code).values_list("year", flat=True)
    )
    return sorted(found)
