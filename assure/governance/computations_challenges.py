"""Figures of the core dataset counted from the challenge log (registered in
``registrations.challenges()`` with ``assure.core.computations``): challenges raised and challenges
resolved, per financial year. The challenge services call ``records_changed("governance", ...)``
when a challenge is raised, closed or reopened.

Both count every challenge of the partnership, whoever is looking: the performance app shows the
figures only to those who may see the partnership's performance."""

from collections import defaultdict
from collections.abc import Collection
from decimal import Decimal

from django.utils import timezone

from assure.core.computations import ComputedFigure
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_of

from .models import Challenge


def _figures(days, *, years: Collection[str] | None, what: str) -> list[ComputedFigure]:
    counts: dict[str, int] = defaultdict(int)
    for day in days:
        counts[financial_year_of(day)] += 1
    return [
        ComputedFigure(
            year=year,
            numerator=Decimal(count),
            counted_from=f"the challenge log ({count} challenge{'' if count == 1 else 's'} {what})",
        )
        for year, count in sorted(counts.items())
        if years is None or year in years
    ]


def challenges_raised(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year, the challenges of the log raised in it."""
    days = Challenge.objects.filter(partnership=partnership).values_list("raised_on", flat=True)
    return _figures(days, years=years, what="raised")


def challenges_resolved(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year, the challenges of the log closed in it (a challenge reopened counts
    again only once it is closed again)."""
    moments = Challenge.objects.filter(partnership=partnership, status=Challenge.Status.CLOSED).values_list(
        "closed_at", flat=True
    )
    days = (timezone.localtime(moment).date() for moment in moments if moment is not None)
    return _figures(days, years=years, what="closed")
