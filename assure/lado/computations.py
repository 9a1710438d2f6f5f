"""Figures of the core dataset counted from the designated officer's records (registered in
``registrations.figures()`` with ``assure.core.computations``): referrals (allegations), joint
evaluation meetings, police investigations, suspensions, the share of closed allegations resolved
within one month and the share referred within one working day. They count exactly as the
figures page does (``selectors/figures.py``).

The core dataset is read outside the designated officer's service (the board, the performance
pages, published reports), so a count below the library's small-numbers threshold is never
published: that year's figure is left out (no observation), and each indicator's notes say so. A
percentage is left out when its numerator or its denominator is small."""

from collections.abc import Callable, Collection
from decimal import Decimal

from assure.core.computations import ComputedFigure
from assure.core.suppression import disclosure_rule
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_of

from .models import Meeting, Referral
from .selectors.figures import Counts, year_counts

MONTH = "month"


def _plural(count: int, word: str, plural: str = "") -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _years(partnership: Partnership, years: Collection[str] | None) -> list[str]:
    """The financial years the partnership's accepted referrals (or their meetings) fall in."""
    counted = Referral.objects.filter(Referral.COUNTED, partnership=partnership)
    found = {financial_year_of(day) for day in counted.values_list("date_referred", flat=True).distinct()}
    found |= {
        financial_year_of(day)
        for day in Meeting.objects.filter(referral__in=counted).values_list("held_on", flat=True).distinct()
    }
    return sorted(y for y in found if years is None or y in years)


def _figures(
    partnership: Partnership,
    years: Collection[str] | None,
    pick: Callable[[Counts], tuple[int, int | None]],
    words: tuple[str, str],
) -> list[ComputedFigure]:
    """One figure a year: ``pick`` gives the numerator and the denominator (None for a count).
    Small numbers are left out, and so is a percentage of nothing."""
    rule = disclosure_rule(partnership)
    figures = []
    for year in _years(partnership, years):
        numerator, denominator = pick(year_counts(partnership=partnership, year=year))
        if rule.hides(numerator) or (denominator is not None and rule.hides(denominator)):
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


def referrals(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year (of the date referred), the allegations referred to the designated
    officer and accepted (open or closed; not low-level concerns); small numbers left out."""
    return _figures(partnership, years, lambda c: (c.referrals, None), ("referral", ""))


def joint_evaluation_meetings(
    *, partnership: Partnership, years: Collection[str] | None = None
) -> list[ComputedFigure]:
    """Per financial year (of the date held), the joint evaluation meetings about referrals."""
    return _figures(partnership, years, lambda c: (c.joint_evaluations, None), ("joint evaluation meeting", ""))


def police_investigations(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year (of the date referred), the referrals the police investigated."""
    return _figures(partnership, years, lambda c: (c.police, None), ("police investigation", ""))


def suspensions(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year (of the date referred), the referrals whose subject the employer suspended."""
    return _figures(partnership, years, lambda c: (c.suspensions, None), ("suspension", ""))


def _month(counts: Counts) -> tuple[int, int]:
    target = next((t for t in counts.targets if t.timescale.code == MONTH), None)
    return (target.met, target.applicable) if target is not None else (0, 0)


def resolved_within_month_percent(
    *, partnership: Partnership, years: Collection[str] | None = None
) -> list[ComputedFigure]:
    """Per financial year (of the date referred), of the closed allegations, the percentage
    resolved within one month of the referral."""
    return _figures(partnership, years, _month, ("closed allegation", ""))


def referred_within_one_working_day_percent(
    *, partnership: Partnership, years: Collection[str] | None = None
) -> list[ComputedFigure]:
    """Per financial year (of the date referred), of the referrals, the percentage made within one
    working day of the employer knowing."""
    return _figures(partnership, years, lambda c: (c.in_time, c.timed), ("referral", ""))
