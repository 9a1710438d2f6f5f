"""Figures of the core dataset counted from the training records (registered in
``registrations.figures()`` with ``assure.core.computations``): multi-agency training sessions,
delegates (sessions and e-learning), conference delegates and e-learning completions, a figure a
financial year. They count exactly as the figures page does (``selectors/figures.py``).

Delegate counts name nobody, so no small-numbers rule applies. A year with no record at all has no
figure (no observation), rather than a nought nobody counted. A year is counted once it has ended:
the core dataset's training figures are annual, and a part-year's would stand beside whole years
on the scorecard (the figures page shows the year so far)."""

from collections.abc import Callable, Collection
from decimal import Decimal

from django.utils import timezone

from assure.core.computations import ComputedFigure
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_bounds

from .selectors.figures import YearCounts, counted_years, plural, year_counts


def _figures(
    partnership: Partnership,
    years: Collection[str] | None,
    pick: Callable[[YearCounts], int],
    counted_from: Callable[[YearCounts], str],
) -> list[ComputedFigure]:
    figures = []
    today = timezone.localdate()
    for year in counted_years(partnership=partnership):
        if (years is not None and year not in years) or financial_year_bounds(year)[1] >= today:
            continue
        counts = year_counts(partnership=partnership, year=year)
        figures.append(ComputedFigure(year=year, numerator=Decimal(pick(counts)), counted_from=counted_from(counts)))
    return figures


def _sessions_words(counts: YearCounts) -> str:
    return plural(counts.sessions, "multi-agency training session")


def sessions(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year (of the day it starts), the scheduled sessions of multi-agency courses,
    not conferences or their workshops."""
    return _figures(partnership, years, lambda c: c.sessions, _sessions_words)


def delegates(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year, the delegates marked attended at those sessions plus the e-learning
    completions."""
    return _figures(
        partnership,
        years,
        lambda c: c.delegates,
        lambda c: (
            f"{plural(c.session_delegates, 'attendance')} at {plural(c.sessions, 'session')} and "
            f"{plural(c.elearning_completions, 'e-learning completion')}"
        ),
    )


def conference_delegates(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year, the delegates marked attended at the partnership's conferences."""
    return _figures(
        partnership,
        years,
        lambda c: c.conference_delegates,
        lambda c: f"the registers of {plural(c.conferences, 'conference')}",
    )


def elearning_completions(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year (of the day completed), the completions of the partnership's e-learning
    modules."""
    return _figures(
        partnership,
        years,
        lambda c: c.elearning_completions,
        lambda c: f"{plural(c.elearning_completions, 'imported e-learning completion')}",
    )
