"""Figures of the core dataset counted from the child death records (registered in
``registrations.figures()`` with ``assure.core.computations``): the panel's meetings, the
partnership's children's deaths notified and reviews completed, unexpected deaths, the share of
reviews with modifiable factors and the share completed within six months.

The core dataset is read outside the panel (the board, the performance pages, published reports),
so a count about children below the library's small-numbers threshold is never published: that
year's figure is left out (no observation), and each indicator's notes say so. A percentage is
left out when its numerator or its denominator is small. The panel's meetings are not about
children and are always counted."""

from collections.abc import Callable, Collection
from decimal import Decimal

from assure.core.computations import ComputedFigure
from assure.core.suppression import disclosure_rule
from assure.partnerships.models import Meeting, Partnership
from assure.partnerships.years import financial_year_of

from .models import ChildDeath
from .selectors.figures import Counts, panel_of, year_counts


def _plural(count: int, word: str, plural: str = "") -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _years(partnership: Partnership, years: Collection[str] | None) -> list[str]:
    panel = panel_of(partnership=partnership)
    if panel is None:
        return []
    found: set[str] = set()
    for died, reviewed in ChildDeath.objects.filter(panel=panel, partnership=partnership).values_list(
        "date_of_death", "reviewed_on"
    ):
        found.add(financial_year_of(died))
        if reviewed:
            found.add(financial_year_of(reviewed))
    if panel.subgroup_id:
        found |= {
            financial_year_of(d)
            for d in Meeting.objects.filter(subgroup=panel.subgroup).values_list("held_on", flat=True)
        }
    return sorted(y for y in found if years is None or y in years)


def _figures(
    partnership: Partnership,
    years: Collection[str] | None,
    pick: Callable[[Counts], tuple[int, int | None]],
    words: tuple[str, str],
    *,
    suppress: bool = True,
) -> list[ComputedFigure]:
    """One figure a year from the partnership's own children's counts: ``pick`` gives the
    numerator and the denominator (None for a count). Small numbers are left out."""
    panel = panel_of(partnership=partnership)
    if panel is None:
        return []
    rule = disclosure_rule(partnership)
    figures = []
    for year in _years(partnership, years):
        numerator, denominator = pick(year_counts(panel=panel, year=year, partnership=partnership))
        if suppress and (rule.hides(numerator) or (denominator is not None and rule.hides(denominator))):
            continue
        if denominator == 0:
            continue
        counted = denominator if denominator is not None else numerator
        figures.append(
            ComputedFigure(
                year=year,
                numerator=Decimal(numerator),
                denominator=Decimal(denominator) if denominator is not None else None,
                counted_from=_plural(counted, *words),
            )
        )
    return figures


def panel_meetings(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year, the meetings of the panel the partnership has joined."""
    return _figures(partnership, years, lambda c: (c.meetings, None), ("panel meeting", ""), suppress=False)


def deaths_notified(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year (of the date of death), the partnership's children's deaths notified to
    the panel (not drafts, duplicates or deaths passed on); small numbers left out."""
    return _figures(partnership, years, lambda c: (c.notified, None), ("death notified", "deaths notified"))


def reviews_completed(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year, the reviews of the partnership's children the panel completed."""
    return _figures(partnership, years, lambda c: (c.reviewed, None), ("review completed", "reviews completed"))


def unexpected_deaths(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year, the reviews completed of unexpected deaths of the partnership's children."""
    return _figures(
        partnership,
        years,
        lambda c: (dict(c.by_expected).get(ChildDeath.Expected.UNEXPECTED.label, 0), None),
        ("review of an unexpected death", "reviews of unexpected deaths"),
    )


def modifiable_percent(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year, of the reviews completed, the percentage with modifiable factors."""
    return _figures(
        partnership,
        years,
        lambda c: (dict(c.by_modifiable).get(ChildDeath.Modifiable.IDENTIFIED.label, 0), c.reviewed),
        ("review completed", "reviews completed"),
    )


def within_six_months_percent(
    *, partnership: Partnership, years: Collection[str] | None = None
) -> list[ComputedFigure]:
    """Per financial year, of the reviews completed, the percentage completed within six months
    of the death (time paused left out)."""
    return _figures(
        partnership,
        years,
        lambda c: (c.within_six_months, c.reviewed),
        ("review completed", "reviews completed"),
    )
