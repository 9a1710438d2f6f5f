"""How the allegations figures count: which referrals are referrals, by which date, the meetings,
the police, suspensions and referrals on, sectors, categories, outcomes, timescale bands, targets
and referrals within one working day (read as the officer with the grant: nothing hidden)."""

import datetime as dt

import pytest

from assure.lado import clocks
from assure.lado.models import Referral
from assure.lado.selectors.figures import (
    BAND,
    CATEGORY,
    HALF,
    MONTH,
    OUTCOME,
    SECTOR,
    change_percent,
    figures_for_year,
    year_counts,
)
from assure.lado.tests.factories import MeetingFactory, ReferralFactory
from assure.library.selectors import current_item

pytestmark = pytest.mark.django_db
YEAR = "2014-15"


def _referral(partnership, referred=dt.date(2014, 6, 3), **fields):
    known = fields.pop("date_known", referred - dt.timedelta(days=1))
    return ReferralFactory(partnership=partnership, date_known=known, date_referred=referred, **fields)


def _closed(partnership, referred, closed, outcome="unsubstantiated", **fields):
    return _referral(
        partnership,
        referred,
        status=Referral.Status.CLOSED,
        closed_on=closed,
        outcome=current_item(kind="allegation-outcome", code=outcome),
        **fields,
    )


def _counts(partnership, year=YEAR):
    return year_counts(partnership=partnership, year=year)


def _rows(figures, heading) -> dict[str, int]:
    return {row.label: row.shown.value for row in figures.table(heading).rows}


def test_open_and_closed_allegations_count_as_referrals(partnership):
    _referral(partnership)
    _closed(partnership, dt.date(2014, 7, 1), dt.date(2014, 7, 20))
    assert _counts(partnership).referrals == 2


@pytest.mark.parametrize("status", ["draft", "declined", "awaiting-confirmation"])
def test_a_referral_not_accepted_does_not_count(partnership, status):
    _referral(partnership, status=status)
    assert _counts(partnership).referrals == 0


def test_referrals_count_in_the_year_of_the_date_referred(partnership):
    _referral(partnership, dt.date(2014, 3, 31))
    _referral(partnership, dt.date(2014, 4, 1))
    _referral(partnership, dt.date(2015, 3, 31))
    _referral(partnership, dt.date(2015, 4, 1))
    assert (_counts(partnership, "2013-14").referrals, _counts(partnership).referrals) == (1, 2)


def test_low_level_concerns_are_counted_apart(partnership):
    _referral(partnership)
    _referral(partnership, category="low-level-concern")
    _referral(partnership, category="low-level-concern", status="draft")
    counts = _counts(partnership)
    assert (counts.referrals, counts.low_level_concerns) == (1, 1)


def test_another_partnerships_referrals_do_not_count(partnership, other_partnership):
    _referral(other_partnership)
    assert _counts(partnership).referrals == 0


def test_referrals_by_half_year_and_month(partnership, officer):
    for day in (dt.date(2014, 5, 1), dt.date(2014, 9, 30), dt.date(2014, 10, 1), dt.date(2015, 3, 2)):
        _referral(partnership, day)
    figures = figures_for_year(user=officer, partnership=partnership, year=YEAR)
    assert list(_rows(figures, HALF).values()) == [2, 2]
    months = _rows(figures, MONTH)
    assert list(months)[0] == "April 2014" and list(months)[-1] == "March 2015"
    assert (months["May 2014"], months["September 2014"], months["March 2015"], months["June 2014"]) == (1, 1, 1, 0)


def test_joint_evaluation_meetings_count_by_the_date_held(partnership):
    referral = _referral(partnership, dt.date(2014, 3, 20))
    MeetingFactory(referral=referral, kind="joint-evaluation", held_on=dt.date(2014, 3, 28))
    MeetingFactory(referral=referral, kind="joint-evaluation", held_on=dt.date(2014, 4, 2))
    assert (_counts(partnership, "2013-14").joint_evaluations, _counts(partnership).joint_evaluations) == (1, 1)


def test_only_joint_evaluation_meetings_of_accepted_allegations_count(partnership):
    held = dt.date(2014, 6, 10)
    MeetingFactory(referral=_referral(partnership), kind="strategy", held_on=held)
    MeetingFactory(referral=_referral(partnership, status="draft"), kind="joint-evaluation", held_on=held)
    MeetingFactory(referral=_referral(partnership, category="low-level-concern"), kind="joint-evaluation", held_on=held)
    MeetingFactory(referral=_referral(partnership), kind="joint-evaluation", held_on=held)
    assert _counts(partnership).joint_evaluations == 1


def test_police_suspensions_and_referrals_on_count_by_the_date_referred(partnership):
    _referral(partnership, police_investigation=True, suspended=True)
    _referral(partnership, police_investigation=True, dbs_referral=True, regulator_referral=True, regulator="tra")
    _referral(partnership, police_investigation=False)
    _referral(partnership, dt.date(2014, 3, 1), police_investigation=True, suspended=True)
    counts = _counts(partnership)
    assert (counts.police, counts.suspensions, counts.dbs, counts.regulator) == (2, 1, 1, 1)


def test_referrals_by_sector_and_category_in_the_librarys_order(partnership, officer):
    _referral(partnership, sector="health", category="sexual")
    _referral(partnership, sector="health", category="physical")
    _referral(partnership, sector="faith", category="physical")
    _referral(partnership, sector="faith", category="low-level-concern")
    figures = figures_for_year(user=officer, partnership=partnership, year=YEAR)
    sectors = _rows(figures, SECTOR)
    assert (sectors["Health"], sectors["Faith organisations"], sectors["Education"]) == (2, 1, 0)
    assert list(sectors)[0] == "Education"
    categories = _rows(figures, CATEGORY)
    assert (categories["Physical"], categories["Sexual"]) == (2, 1)
    assert "Low-level concern" not in categories


def test_outcomes_count_the_closed_allegations_only(partnership, officer):
    _closed(partnership, dt.date(2014, 6, 2), dt.date(2014, 6, 20), outcome="substantiated")
    _closed(partnership, dt.date(2014, 6, 2), dt.date(2014, 6, 20), outcome="malicious")
    _referral(partnership)
    figures = figures_for_year(user=officer, partnership=partnership, year=YEAR)
    outcomes = _rows(figures, OUTCOME)
    assert (outcomes["Substantiated"], outcomes["Malicious"], outcomes["Unfounded"]) == (1, 1, 0)
    assert figures.table(OUTCOME).total.value == 2


def test_closed_allegations_fall_in_the_band_of_the_shortest_timescale_met(partnership, officer):
    referred = dt.date(2014, 6, 2)
    for closed in (
        dt.date(2014, 6, 5),  # a week
        dt.date(2014, 7, 2),  # a month, to the day
        dt.date(2014, 7, 3),  # three months
        dt.date(2015, 1, 5),  # twelve months
        dt.date(2015, 6, 3),  # longer
    ):
        _closed(partnership, referred, closed)
    bands = list(_rows(figures_for_year(user=officer, partnership=partnership, year=YEAR), BAND).values())
    assert bands == [1, 1, 1, 1, 1]


def test_the_bands_agree_with_the_clocks_of_each_referral(partnership):
    referred = dt.date(2014, 6, 2)
    made = [_closed(partnership, referred, referred + dt.timedelta(days=days)) for days in (3, 20, 45, 200, 400)]
    counts = _counts(partnership)
    expected = {code: 0 for code, _, _ in counts.by_band}
    for referral in made:
        expected[clocks.timescale_band(referral)] += 1
    assert {code: n for code, _, n in counts.by_band} == expected


def test_the_month_target_counts_the_closed_allegations_resolved_within_a_month(partnership, officer):
    referred = dt.date(2014, 6, 2)
    for closed in (dt.date(2014, 6, 20), dt.date(2014, 6, 30), dt.date(2014, 7, 2), dt.date(2014, 8, 20)):
        _closed(partnership, referred, closed)
    _referral(partnership, referred)
    figures = figures_for_year(user=officer, partnership=partnership, year=YEAR)
    month = next(t for t in figures.targets if t.code == "month")
    assert (month.met.value, month.applicable.value, month.percent.text) == (3, 4, "75%")
    assert month.target_percent == 80 and month.target_met is False


def test_the_week_applies_only_to_unfounded_and_malicious_outcomes(partnership, officer):
    referred = dt.date(2014, 6, 2)
    _closed(partnership, referred, dt.date(2014, 6, 5), outcome="unfounded")
    _closed(partnership, referred, dt.date(2014, 6, 20), outcome="malicious")
    _closed(partnership, referred, dt.date(2014, 6, 5), outcome="substantiated")
    figures = figures_for_year(user=officer, partnership=partnership, year=YEAR)
    week = next(t for t in figures.targets if t.code == "week")
    assert (week.met.value, week.applicable.value) == (1, 2)


def test_referrals_within_one_working_day_of_the_employer_knowing(partnership, officer):
    _referral(partnership, dt.date(2014, 6, 3), date_known=dt.date(2014, 6, 2))  # Monday, referred Tuesday
    _referral(partnership, dt.date(2014, 6, 9), date_known=dt.date(2014, 6, 6))  # Friday, referred Monday
    _referral(partnership, dt.date(2014, 6, 4), date_known=dt.date(2014, 6, 2))  # two working days
    figures = figures_for_year(user=officer, partnership=partnership, year=YEAR)
    assert (figures.counts.in_time, figures.counts.timed, figures.referred_in_time.text) == (2, 3, "67%")


def test_within_one_working_day_agrees_with_the_referral_clock(partnership):
    made = [
        _referral(partnership, dt.date(2014, 12, 29), date_known=dt.date(2014, 12, 24)),  # over Christmas
        _referral(partnership, dt.date(2014, 12, 30), date_known=dt.date(2014, 12, 24)),
    ]
    met = sum(1 for r in made if clocks.referral_reading(r, dt.date(2015, 1, 5)).state == "met")
    assert _counts(partnership).in_time == met


@pytest.mark.parametrize(
    ("now", "before", "change"), [(68, 50, 36), (31, 14, 121), (125, 50, 150), (40, 50, -20), (3, 8, -63), (5, 0, None)]
)
def test_the_change_on_the_year_before(now, before, change):
    assert change_percent(now, before) == change


def test_the_first_half_against_the_whole_previous_year(partnership, officer):
    for _ in range(3):
        _referral(partnership, dt.date(2013, 10, 1))
    for day in (
        dt.date(2014, 5, 1),
        dt.date(2014, 6, 1),
        dt.date(2014, 7, 1),
        dt.date(2014, 7, 2),
        dt.date(2015, 1, 5),
    ):
        _referral(partnership, day)
    figures = figures_for_year(user=officer, partnership=partnership, year=YEAR)
    assert (figures.first_half.now.value, figures.first_half.before.value, figures.first_half.change.text) == (
        4,
        3,
        "+33%",
    )
    assert figures.referrals.change.text == "+67%"
