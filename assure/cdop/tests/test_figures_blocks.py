"""The report blocks of child death reviews and the computed indicators: always suppressed, since
a report and the core dataset are read outside the panel."""

import datetime as dt
from types import SimpleNamespace

import pytest

from assure.cdop import computations
from assure.cdop.models import ChildDeath
from assure.cdop.tests.factories import ChildDeathFactory, PanelFactory
from assure.partnerships.tests.factories import MeetingFactory, SubgroupFactory
from assure.reports.blocks import compute_block

pytestmark = pytest.mark.django_db
YEAR = "2014-15"


def _compute(kind: str, partnership, year: str = YEAR):
    data, problem = compute_block(
        kind=kind,
        report=SimpleNamespace(partnership=partnership, year=year, pk=1),
        section=None,
        params={},
        today=dt.date(2015, 5, 1),
    )
    assert problem == ""
    return data


@pytest.fixture
def panel(partnership):
    subgroup = SubgroupFactory(partnership=partnership)
    for month in (5, 8, 11):
        MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=dt.date(2014, month, 1))
    return PanelFactory(host=partnership, subgroup=subgroup)


def _reviewed(panel, count, **fields):
    for _ in range(count):
        ChildDeathFactory(
            panel=panel,
            **{
                "status": ChildDeath.Status.REVIEWED,
                "date_of_birth": dt.date(2014, 5, 1),
                "date_of_death": dt.date(2014, 5, 10),
                "reviewed_on": dt.date(2014, 9, 1),
                **fields,
            },
        )


def test_the_reviews_block_shows_meetings_and_reviews(panel, partnership):
    _reviewed(panel, 7)
    rows = dict(_compute("child-death-reviews", partnership).tables[0].rows)
    assert rows["Panel meetings held"] == "3" and rows["Reviews completed"] == "7"


def test_the_reviews_block_hides_a_small_count(panel, partnership):
    _reviewed(panel, 2)
    rows = dict(_compute("child-death-reviews", partnership).tables[0].rows)
    assert rows["Reviews completed"] == "fewer than 6"


def test_the_age_band_block_hides_small_bands(panel, partnership):
    _reviewed(panel, 7)
    _reviewed(panel, 2, date_of_birth=dt.date(2010, 1, 1))
    rows = dict(_compute("child-deaths-by-age-band", partnership).tables[0].rows)
    assert rows["1 to 4 years"] == "fewer than 6" and rows["0 to 27 days"] == "fewer than 6"
    assert rows["All reviews completed"] == "9"


def test_the_blocks_of_a_partnership_in_no_panel_are_empty(partnership):
    assert "had not joined" in _compute("child-deaths-by-category", partnership).empty


def test_the_panel_meetings_indicator_is_never_left_out(panel, partnership):
    [figure] = computations.panel_meetings(partnership=partnership, years=[YEAR])
    assert figure.numerator == 3


def test_an_indicator_of_a_small_count_is_left_out(panel, partnership):
    _reviewed(panel, 4)
    assert computations.reviews_completed(partnership=partnership, years=[YEAR]) == []


def test_an_indicator_of_six_or_more_is_published(panel, partnership):
    _reviewed(panel, 6, expected="unexpected")
    assert computations.reviews_completed(partnership=partnership, years=[YEAR])[0].numerator == 6
    assert computations.unexpected_deaths(partnership=partnership, years=[YEAR])[0].numerator == 6


def test_a_percentage_with_a_small_numerator_is_left_out(panel, partnership):
    _reviewed(panel, 8, modifiable="none")
    _reviewed(panel, 2, modifiable="identified")
    assert computations.modifiable_percent(partnership=partnership, years=[YEAR]) == []


def test_the_share_completed_within_six_months(panel, partnership):
    _reviewed(panel, 6)
    [figure] = computations.within_six_months_percent(partnership=partnership, years=[YEAR])
    assert (figure.numerator, figure.denominator) == (6, 6)
