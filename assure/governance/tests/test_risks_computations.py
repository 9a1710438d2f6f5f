"""The risk register's computed figure: risks above the board's appetite at each year's end."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.governance.computations_risks import risks_above_appetite
from assure.partnerships.years import financial_year_of

from .factories import RiskFactory, RiskReviewFactory

pytestmark = pytest.mark.django_db


def test_a_risk_counts_by_its_latest_review_score_at_the_year_end(partnership):
    today = timezone.localdate()
    year = financial_year_of(today)
    risk = RiskFactory(partnership=partnership, current_likelihood=2, current_impact=2)
    RiskReviewFactory(risk=risk, reviewed_on=today, likelihood=4, impact=4)
    RiskFactory(partnership=partnership, current_likelihood=1, current_impact=2)
    (figure,) = risks_above_appetite(partnership=partnership, years=[year])
    assert (figure.year, figure.numerator) == (year, 1)


def test_a_risk_closed_before_the_day_is_not_counted(partnership):
    RiskFactory(
        partnership=partnership,
        status="closed",
        closed_at=timezone.now() - dt.timedelta(days=1),
        current_likelihood=5,
        current_impact=5,
    )
    (figure,) = risks_above_appetite(partnership=partnership)
    assert figure.numerator == 0
