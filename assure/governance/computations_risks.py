"""The risk register's figure for the core dataset (registered in ``registrations.risks``): how
many of the partnership's risks stood above the board's appetite at the end of each financial
year (or today, for the year still running). The risk services call ``records_changed`` when a
risk is added, changed, reviewed, closed or reopened.

It counts every risk of the partnership, whoever is looking: the performance app shows the
figure only to those who may see the partnership's performance."""

import datetime as dt
from collections.abc import Collection
from decimal import Decimal

from django.utils import timezone

from assure.core.computations import ComputedFigure
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_bounds, financial_year_of

from .models import Risk
from .risk_matrix import matrix_of


def _score_on(risk: Risk, day: dt.date) -> int | None:
    """The risk's score on ``day``: its latest review by then; before its first review, the
    nearest score known (its first review's, or its current one if it was never reviewed).
    None if it was not open that day."""
    if risk.created_at.date() > day or (risk.closed_at and risk.closed_at.date() <= day):
        return None
    reviews = sorted(risk.reviews.all(), key=lambda r: (r.reviewed_on, r.pk))
    if not reviews:
        return risk.current_score
    before = [review for review in reviews if review.reviewed_on <= day]
    return (before or reviews)[-1 if before else 0].score


def risks_above_appetite(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year since the first risk was added: the risks open at the year's end (today
    for the current year) whose score then was above the appetite of the matrix they are scored on."""
    risks = list(Risk.objects.filter(partnership=partnership).select_related("matrix").prefetch_related("reviews"))
    if not risks:
        return []
    today = timezone.localdate()
    first = financial_year_of(min(risk.created_at.date() for risk in risks))
    figures = []
    year = first
    while True:
        start, end = financial_year_bounds(year)
        if start > today:
            break
        day = min(end, today)
        if years is None or year in years:
            scored = [(risk, _score_on(risk, day)) for risk in risks]
            open_then = [(risk, score) for risk, score in scored if score is not None]
            above = sum(1 for risk, score in open_then if matrix_of(risk.matrix).above_appetite(score))
            figures.append(
                ComputedFigure(
                    year=year,
                    numerator=Decimal(above),
                    counted_from=f"the risk register ({len(open_then)} open risk{'s' if len(open_then) != 1 else ''} "
                    f"on {day:%-d %B %Y})",
                )
            )
        year = financial_year_of(end + dt.timedelta(days=1))
    return figures
