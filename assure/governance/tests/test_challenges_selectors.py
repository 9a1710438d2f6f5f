"""Reads of the challenge log: who sees which challenges, the age bands, time to respond, open
challenges by agency and the year's summary; and the figures the core dataset counts from it."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.governance.computations_challenges import challenges_raised, challenges_resolved
from assure.governance.models import Challenge
from assure.governance.selectors.challenges import (
    age_band,
    age_band_q,
    challenge_summary,
    challenges_visible_to,
    open_by_agency,
)
from assure.partnerships.tests.factories import AgencyFactory

from .factories import ChallengeFactory

pytestmark = pytest.mark.django_db


def _today() -> dt.date:
    return timezone.localdate()


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


@pytest.fixture
def to_own(partnership, agency, board_member):
    return ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member)


@pytest.fixture
def to_other(partnership, other_agency, business_unit):
    return ChallengeFactory(partnership=partnership, agency=other_agency, raised_by=business_unit)


def test_the_business_unit_sees_every_challenge_of_the_partnership(business_unit, partnership, to_own, to_other):
    assert set(challenges_visible_to(user=business_unit, partnership=partnership)) == {to_own, to_other}


def test_an_agency_lead_sees_only_challenges_to_their_agency(agency_lead, partnership, to_own, to_other):
    assert list(challenges_visible_to(user=agency_lead, partnership=partnership)) == [to_own]


def test_an_agency_lead_sees_challenges_raised_by_their_agency(
    agency_lead, partnership, agency, other_agency, board_member
):
    raised = ChallengeFactory(
        partnership=partnership, agency=other_agency, raised_by=board_member, raised_by_agency=agency
    )
    assert list(challenges_visible_to(user=agency_lead, partnership=partnership)) == [raised]


def test_a_viewer_sees_no_challenge(viewer, partnership, to_own):
    assert not challenges_visible_to(user=viewer, partnership=partnership).exists()


def test_a_member_of_another_partnership_sees_none(outsider, partnership, to_own):
    assert not challenges_visible_to(user=outsider, partnership=partnership).exists()


def test_the_age_bands_divide_challenges_by_when_they_were_raised(partnership, agency, board_member):
    old = ChallengeFactory(
        partnership=partnership, agency=agency, raised_by=board_member, raised_on=_today() - dt.timedelta(days=100)
    )
    ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member, raised_on=_today())
    band = age_band("over-12-weeks")
    assert list(Challenge.objects.filter(age_band_q(band, _today()))) == [old]


def test_time_to_respond_counts_days_from_raising_to_the_response(to_own):
    to_own.responded_at = _at(to_own.raised_on + dt.timedelta(days=12))
    assert to_own.days_to_respond == 12


def test_open_challenges_are_counted_by_agency_with_those_overdue(business_unit, partnership, agency, board_member):
    ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member)
    ChallengeFactory(
        partnership=partnership, agency=agency, raised_by=board_member, response_due_on=_today() - dt.timedelta(days=1)
    )
    ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member, status=Challenge.Status.CLOSED)
    [row] = open_by_agency(user=business_unit, partnership=partnership)
    assert (row.agency, row.open, row.overdue) == (agency.name, 2, 1)


def test_the_years_summary_counts_raised_and_resolved_with_a_sample_of_impact(
    business_unit, partnership, agency, board_member
):
    day = dt.date(2014, 6, 2)
    ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member, raised_on=day)
    ChallengeFactory(
        partnership=partnership,
        agency=agency,
        raised_by=board_member,
        raised_on=day,
        responded_at=_at(day + dt.timedelta(days=10)),
        status=Challenge.Status.CLOSED,
        closed_at=_at(dt.date(2014, 9, 1)),
        satisfied="yes",
        impact="GPs now send reports.",
    )
    summary = challenge_summary(user=business_unit, partnership=partnership, year="2014-15", today=dt.date(2015, 6, 1))
    assert (summary.raised, summary.resolved, summary.median_days_to_respond) == (2, 1, 10)
    assert [sample.impact for sample in summary.impact] == ["GPs now send reports."]


def test_challenges_raised_are_counted_per_financial_year(partnership, agency, board_member):
    for day in (dt.date(2014, 4, 1), dt.date(2015, 3, 31), dt.date(2015, 4, 1)):
        ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member, raised_on=day)
    figures = {figure.year: figure.numerator for figure in challenges_raised(partnership=partnership)}
    assert figures == {"2014-15": 2, "2015-16": 1}


def test_challenges_resolved_count_only_closed_ones_by_the_day_they_closed(partnership, agency, board_member):
    ChallengeFactory(
        partnership=partnership,
        agency=agency,
        raised_by=board_member,
        raised_on=dt.date(2014, 5, 1),
        status=Challenge.Status.CLOSED,
        closed_at=_at(dt.date(2015, 5, 1)),
    )
    ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member, raised_on=dt.date(2014, 5, 1))
    figures = {figure.year: figure.numerator for figure in challenges_resolved(partnership=partnership)}
    assert figures == {"2015-16": 1}


def test_the_figures_count_only_the_partnerships_own_challenges(partnership, other_partnership, outsider):
    foreign = AgencyFactory(partnerships=[other_partnership])
    ChallengeFactory(partnership=other_partnership, agency=foreign, raised_by=outsider)
    assert challenges_raised(partnership=partnership) == []


def test_open_challenges_of_a_past_year_leave_out_those_raised_since(business_unit, partnership, agency, board_member):
    ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member, raised_on=dt.date(2014, 5, 1))
    ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member, raised_on=_today())
    [row] = open_by_agency(user=business_unit, partnership=partnership, today=dt.date(2015, 3, 31))
    assert (row.open, row.overdue) == (1, 0)
