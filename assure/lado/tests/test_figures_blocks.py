"""The report blocks of allegations and the computed indicators: always suppressed, since a report
and the core dataset are read outside the designated officer's service."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from assure.core.computations import computation_named
from assure.lado import computations
from assure.lado.models import Referral
from assure.lado.tests.factories import MeetingFactory, ReferralFactory, SectorExpectationFactory
from assure.library.selectors import current_item
from assure.reports.blocks import compute_block

pytestmark = pytest.mark.django_db
YEAR = "2014-15"
BLOCKS = ["allegations-referrals", "allegations-by-sector", "allegations-outcomes", "allegations-timescales"]


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


def _referrals(partnership, count, referred=dt.date(2014, 6, 3), **fields):
    return [ReferralFactory(partnership=partnership, date_referred=referred, **fields) for _ in range(count)]


def _closed(partnership, count, days, outcome="unsubstantiated"):
    referred = dt.date(2014, 6, 2)
    return _referrals(
        partnership,
        count,
        referred,
        date_known=dt.date(2014, 6, 1),
        status=Referral.Status.CLOSED,
        closed_on=referred + dt.timedelta(days=days),
        outcome=current_item(kind="allegation-outcome", code=outcome),
    )


@pytest.mark.parametrize("kind", BLOCKS)
def test_each_block_renders(partnership, kind):
    _referrals(partnership, 7)
    data = _compute(kind, partnership)
    assert data.tables and not data.empty


@pytest.mark.parametrize("kind", BLOCKS)
def test_each_block_of_a_partnership_without_referrals_is_empty(partnership, kind):
    assert "no referral in 2014-15" in _compute(kind, partnership).empty


def test_the_referrals_block_gives_the_seeds_comparisons(partnership):
    _referrals(partnership, 10, dt.date(2013, 6, 3))
    _referrals(partnership, 14, dt.date(2014, 6, 3))
    _referrals(partnership, 6, dt.date(2014, 11, 3))
    meetings = [*_referrals(partnership, 6, dt.date(2013, 6, 3)), *_referrals(partnership, 7, dt.date(2014, 6, 3))]
    for referral in meetings:
        MeetingFactory(referral=referral, held_on=referral.date_referred + dt.timedelta(days=5))
    MeetingFactory(referral=meetings[-1], held_on=dt.date(2014, 6, 20))
    MeetingFactory(referral=meetings[-2], held_on=dt.date(2014, 6, 20))
    MeetingFactory(referral=meetings[-3], held_on=dt.date(2014, 6, 20))
    MeetingFactory(referral=meetings[-4], held_on=dt.date(2014, 6, 20))
    MeetingFactory(referral=meetings[-5], held_on=dt.date(2014, 6, 20))
    data = _compute("allegations-referrals", partnership)
    text = " ".join(data.paragraphs)
    # 21 in April to September against 16 in the whole of 2013-14; 12 meetings against 6.
    assert "saw 31% more referrals than the whole of 2013-14 (16)" in text
    assert "Joint evaluation meetings rose from 6 in 2013-14 to 12 (+100%), double." in text
    rows = {row[0]: row[1:] for row in data.tables[0].rows}
    assert rows["Joint evaluation meetings"] == ["6", "12", "+100%"]


def test_the_referrals_block_hides_small_counts(partnership):
    _referrals(partnership, 7)
    _referrals(partnership, 2, police_investigation=True)
    rows = {row[0]: row[1:] for row in _compute("allegations-referrals", partnership).tables[0].rows}
    assert rows["Police investigations"] == ["0", "fewer than 6", "fewer than 6"]
    assert rows["Referrals (allegations)"] == ["0", "9", "–"]


def test_the_block_hides_small_counts_whoever_refreshes_it(partnership, officer):
    # The block reads as the report's stand-in reader, never as the officer at the keyboard.
    _referrals(partnership, 3)
    rows = {row[0]: row[1:] for row in _compute("allegations-referrals", partnership).tables[0].rows}
    assert rows["Referrals (allegations)"][1] == "fewer than 6"


def test_the_sector_block_highlights_sectors_below_their_expectation(partnership):
    SectorExpectationFactory(partnership=partnership, sector="health", expected_per_year=10)
    SectorExpectationFactory(partnership=partnership, sector="faith", expected_per_year=4)
    _referrals(partnership, 7, sector="health")
    data = _compute("allegations-by-sector", partnership)
    rows = {row[0]: row[1:] for row in data.tables[0].rows}
    assert rows["Health"] == ["7", "10", "Fewer than expected"]
    assert rows["Faith organisations"] == ["0", "4", "Fewer than expected"]
    assert rows["Education"] == ["0", "", ""]
    assert "Health (7 against 10), Faith organisations (0 against 4)" in data.paragraphs[0]


def test_the_outcomes_block_counts_categories_and_outcomes(partnership):
    _closed(partnership, 6, 10, outcome="substantiated")
    _closed(partnership, 2, 10, outcome="false")
    data = _compute("allegations-outcomes", partnership)
    categories, outcomes = ({row[0]: row[1] for row in table.rows} for table in data.tables)
    assert categories["Physical"] == "8"
    assert (outcomes["Substantiated"], outcomes["False"], outcomes["All closed allegations"]) == (
        "fewer than 6",
        "fewer than 6",
        "8",
    )


def test_the_timescales_block_gives_the_targets(partnership):
    _closed(partnership, 6, 20)
    _closed(partnership, 6, 50)
    data = _compute("allegations-timescales", partnership)
    targets = {row[0]: row[1:] for row in data.tables[1].rows}
    assert targets["Within one month"] == ["80% within one month", "6", "12", "50%", "Below the target"]
    assert targets["Within three months"][2:] == ["12", "100%", "Target met"]
    assert "50% of the closed allegations were resolved within one month (the target: 80% within one month)." in (
        data.paragraphs
    )


def test_the_annual_report_template_lists_the_allegations_blocks():
    template = current_item(kind="report-template", code="annual-report").data

    def sections(items):
        for item in items:
            yield item
            yield from sections(item.get("sections") or item.get("subsections") or [])

    found = next(s for s in sections(template["sections"]) if s.get("key") == "allegations")
    assert [b["kind"] for b in found["blocks"]] == BLOCKS


# --- computed indicators ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "lado.referrals",
        "lado.joint_evaluation_meetings",
        "lado.police_investigations",
        "lado.suspensions",
        "lado.resolved_within_month_percent",
        "lado.referred_within_one_working_day_percent",
    ],
)
def test_the_computations_are_registered(name):
    assert computation_named(name) is not None


def test_the_core_datasets_referrals_are_counted_by_lado():
    item = current_item(kind="indicator", code="lado-referrals")
    assert item.data["source"] == "computed" and item.data["computed"]["computation"] == "lado.referrals"


def test_a_small_count_is_left_out(partnership):
    _referrals(partnership, 5)
    assert computations.referrals(partnership=partnership, years=[YEAR]) == []


def test_six_or_more_are_published(partnership):
    _referrals(partnership, 6, police_investigation=True, suspended=True)
    _referrals(partnership, 2, dt.date(2013, 6, 3))
    [figure] = computations.referrals(partnership=partnership)
    assert (figure.year, figure.numerator, figure.counted_from) == (YEAR, 6, "6 referrals")
    assert computations.police_investigations(partnership=partnership, years=[YEAR])[0].numerator == 6
    assert computations.suspensions(partnership=partnership, years=[YEAR])[0].numerator == 6


def test_joint_evaluation_meetings_are_counted(partnership):
    for referral in _referrals(partnership, 6):
        MeetingFactory(referral=referral, held_on=dt.date(2014, 6, 10))
    [figure] = computations.joint_evaluation_meetings(partnership=partnership, years=[YEAR])
    assert figure.numerator == 6


def test_the_share_resolved_within_a_month(partnership):
    _closed(partnership, 6, 20)
    _closed(partnership, 6, 50)
    [figure] = computations.resolved_within_month_percent(partnership=partnership, years=[YEAR])
    assert (figure.numerator, figure.denominator) == (Decimal(6), Decimal(12))


def test_a_percentage_with_a_small_numerator_is_left_out(partnership):
    _closed(partnership, 2, 20)
    _closed(partnership, 8, 50)
    assert computations.resolved_within_month_percent(partnership=partnership, years=[YEAR]) == []


def test_the_share_referred_within_one_working_day(partnership):
    _referrals(partnership, 6, date_known=dt.date(2014, 6, 2))
    _referrals(partnership, 6, date_known=dt.date(2014, 5, 2))
    [figure] = computations.referred_within_one_working_day_percent(partnership=partnership, years=[YEAR])
    assert (figure.numerator, figure.denominator) == (6, 12)
