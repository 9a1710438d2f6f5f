"""The demo's figures (Shropshire, 2013-14 and 2014-15) as the figures count them: the seed's rise
of 36% in the first six months on the whole previous year, joint evaluation meetings more than
doubled, more police investigations and suspensions, and too few referrals from health and faith
organisations; as the officer sees them and as the business unit and the annual report do."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.db import transaction

from assure.demo import region
from assure.lado.demo import lado_demo_load
from assure.lado.selectors.figures import SECTOR, figures_for_year
from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory
from assure.reports.blocks import compute_block
from conftest import make_member

pytestmark = pytest.mark.django_db
YEAR = "2014-15"
AGENCY_KEYS = ("shropshire-community-health", "sath", "shropshire-csc", "police")


@pytest.fixture(scope="module")
def shropshire(django_db_setup, django_db_blocker):
    """The allegations demo loaded once for the module on a partnership made for it (quicker than
    the whole region), rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        partnership = PartnershipFactory(name="Shropshire Safeguarding Children Board", slug=region.SHROPSHIRE)
        agencies = {key: AgencyFactory(name=key, partnerships=[partnership]) for key in AGENCY_KEYS}
        officer = make_member("designated-officer", partnership)
        users = {
            (region.SHROPSHIRE, "designated-officer"): officer,
            (region.SHROPSHIRE, "agency-lead"): make_member(
                "agency-lead", partnership, agency=agencies["shropshire-community-health"]
            ),
        }
        lado_demo_load(
            partnerships={region.SHROPSHIRE: partnership}, agencies=agencies, users=users, today=dt.date(2026, 12, 7)
        )
        business_unit = make_member("business-unit", partnership, email="bu@shropshire.example.org")
        yield SimpleNamespace(partnership=partnership, officer=officer, business_unit=business_unit)
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def as_officer(shropshire):
    return figures_for_year(user=shropshire.officer, partnership=shropshire.partnership, year=YEAR)


@pytest.fixture(scope="module")
def as_business_unit(shropshire):
    return figures_for_year(user=shropshire.business_unit, partnership=shropshire.partnership, year=YEAR)


def _values(measure) -> tuple:
    return measure.before.value, measure.now.value


def test_the_officer_sees_50_then_125_referrals(as_officer):
    assert as_officer.unsuppressed and _values(as_officer.referrals) == (50, 125)


def test_the_first_six_months_saw_36_percent_more_than_the_whole_previous_year(as_officer):
    first = as_officer.first_half
    assert (first.before.value, first.now.value, first.change.text) == (50, 68, "+36%")
    assert [row.shown.value for row in as_officer.halves.rows] == [68, 57]


def test_joint_evaluation_meetings_more_than_doubled(as_officer):
    meetings = as_officer.measure("joint_evaluations")
    assert _values(meetings) == (14, 31) and meetings.now.value > 2 * meetings.before.value


def test_police_investigations_suspensions_and_barring_referrals_rose(as_officer):
    assert _values(as_officer.measure("police")) == (9, 16)
    assert _values(as_officer.measure("suspensions")) == (7, 13)
    assert _values(as_officer.measure("dbs")) == (3, 5)


def test_low_level_concerns_are_counted_apart(as_officer):
    assert as_officer.measure("low_level_concerns").now.value == 8


def test_the_sectors_of_2014_15(as_officer):
    sectors = {row.code: row.shown.value for row in as_officer.table(SECTOR).rows}
    assert sectors == {
        "education": 48,
        "early-years": 14,
        "health": 3,
        "social-care": 15,
        "police": 3,
        "faith": 1,
        "voluntary": 8,
        "sport": 7,
        "private-care": 18,
        "transport": 6,
        "other": 2,
    }


def test_health_and_faith_are_below_the_partnerships_expectation(as_officer, as_business_unit):
    assert [row.code for row in as_officer.below_expectation] == ["health", "faith"]
    assert [row.code for row in as_business_unit.below_expectation] == ["health", "faith"]


def test_the_business_unit_sees_the_comparisons_but_not_small_counts(as_business_unit):
    assert not as_business_unit.unsuppressed
    assert as_business_unit.first_half.change.text == "+36%"
    assert as_business_unit.measure("dbs").now.text == "fewer than 6"


def test_the_annual_reports_block_gives_the_seeds_comparisons(shropshire):
    data, problem = compute_block(
        kind="allegations-referrals",
        report=SimpleNamespace(partnership=shropshire.partnership, year=YEAR, pk=1),
        section=None,
        params={},
        today=dt.date(2015, 10, 1),
    )
    text = " ".join(data.paragraphs)
    assert problem == ""
    assert (
        "The first six months of 2014-15 (68 referrals) saw 36% more referrals than the whole of 2013-14 (50)" in text
    )
    assert "Joint evaluation meetings rose from 14 in 2013-14 to 31 (+121%), more than double." in text
    assert "Police investigations rose from 9 in 2013-14 to 16" in text
    assert "Suspensions rose from 7 in 2013-14 to 13" in text
