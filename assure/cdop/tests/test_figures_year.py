"""The year the figures open on: the year just ended, or the latest with a completed review."""

import datetime as dt

import pytest

from assure.cdop.models import ChildDeath
from assure.cdop.selectors.figures import reporting_year
from assure.cdop.tests.factories import ChildDeathFactory, panel_of

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 7)


def _reviewed(partnership, on: dt.date) -> ChildDeath:
    return ChildDeathFactory(
        panel=panel_of(partnership),
        status=ChildDeath.Status.REVIEWED,
        date_of_death=on - dt.timedelta(days=90),
        date_of_birth=on - dt.timedelta(days=400),
        notified_on=on - dt.timedelta(days=89),
        reviewed_on=on,
    )


def test_the_year_just_ended_when_the_panel_reviewed_deaths_in_it(partnership):
    _reviewed(partnership, dt.date(2025, 11, 3))
    assert reporting_year(partnership=partnership, today=TODAY) == "2025-26"


def test_the_latest_year_with_a_review_when_the_year_just_ended_had_none(partnership):
    _reviewed(partnership, dt.date(2015, 3, 10))
    _reviewed(partnership, dt.date(2013, 6, 1))
    assert reporting_year(partnership=partnership, today=TODAY) == "2014-15"


def test_the_year_just_ended_for_a_partnership_without_a_panel(partnership):
    assert reporting_year(partnership=partnership, today=TODAY) == "2025-26"
