"""Figures of the core dataset counted from the multi-agency registers (registered in
``registrations.figures()`` as ``registers.indicator`` with ``assure.core.computations``): one
indicator of one register kind, a figure a financial year, counted exactly as the figures pages
count it (``figures.py``), or read from what retention kept of a year whose entries are gone.

A count (entries, children, repeats, the children affected) is the register's published headline
figure and is kept as it is; an on-time indicator is its entries that met the rule (numerator) of
those counted (denominator). A breakdown is not one figure and gives none. A year is counted once
it has ended, since the core dataset's figures are annual; a year with no entry has no figure
(no observation), rather than a nought nobody counted."""

from collections.abc import Collection
from decimal import Decimal

from django.utils import timezone

from assure.core.computations import ComputedFigure
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_bounds

from .figures import COUNTS, counted_years, year_figures
from .kinds import kind_for


def _plural(count: int, word: str, many: str) -> str:
    return f"{count:,} {word if count == 1 else many}"


def indicator(
    *, partnership: Partnership, years: Collection[str] | None = None, kind: str, indicator: str
) -> list[ComputedFigure]:
    """Per ended financial year, the register kind's indicator (``kind``'s ``indicator`` code)."""
    register = kind_for(partnership, kind)
    if register is None:
        return []
    spec = next((i for i in register.spec.indicators if i.code == indicator), None)
    if spec is None or spec.measure not in (*COUNTS, "on-time"):
        return []
    today = timezone.localdate()
    figures = []
    for year in counted_years(partnership=partnership, kind_code=register.code):
        if (years is not None and year not in years) or financial_year_bounds(year)[1] >= today:
            continue
        counted = year_figures(partnership=partnership, kind=register, year=year)
        value = counted.get("indicators", {}).get(spec.code)
        if value is None:
            continue
        if counted.get("retained"):
            source = f"the figures of {register.title} kept for {year} when its entries were deleted"
        else:
            source = f"{_plural(counted['entries'], 'entry', 'entries')} of the register {register.title}"
        if spec.measure == "on-time":
            if not value.get("counted"):
                continue
            figures.append(
                ComputedFigure(
                    year=year,
                    numerator=Decimal(value["met"]),
                    denominator=Decimal(value["counted"]),
                    counted_from=source,
                )
            )
            continue
        figures.append(ComputedFigure(year=year, numerator=Decimal(str(value)), counted_from=source))
    return figures
