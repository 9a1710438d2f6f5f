"""The demo's serious incidents: whatever the day the demo is loaded, the current rapid review's
clock is amber and the earlier incident of the year is closed, its clocks met."""

import datetime as dt

import pytest

from assure.clocks.engine import ClockState
from assure.demo import region
from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory
from assure.partnerships.years import financial_year_of
from assure.reviews.clocks import NOTIFICATION, RAPID_REVIEW, incident_readings
from assure.reviews.demo import incidents as demo

pytestmark = pytest.mark.django_db

# A Saturday, a bank holiday Monday, the day before Christmas, the first days of a financial year.
DAYS = [dt.date(2026, 12, 5), dt.date(2026, 5, 25), dt.date(2026, 12, 24), dt.date(2027, 4, 2), dt.date(2026, 7, 15)]


def loaded(today):
    from conftest import make_member

    partnership = PartnershipFactory(slug=region.SHROPSHIRE)
    agency = AgencyFactory(name="Shropshire Council Children's Social Care", partnerships=[partnership])
    officer = make_member("business-unit", partnership)
    made: dict = {}
    demo.load(
        partnerships={region.SHROPSHIRE: partnership},
        agencies={demo.LEAD_AGENCY: agency},
        users={(region.SHROPSHIRE, "business-unit"): officer},
        today=today,
        made=made,
    )
    return made["incidents"]


@pytest.mark.parametrize("today", DAYS)
def test_the_current_rapid_review_is_amber_and_its_notification_met(today):
    current = loaded(today)["current"]
    readings = incident_readings(current, today)
    assert readings[NOTIFICATION].state is ClockState.MET
    assert readings[RAPID_REVIEW].state is ClockState.AMBER


@pytest.mark.parametrize("today", DAYS)
def test_the_earlier_incident_is_closed_in_the_past_with_its_clocks_met(today):
    earlier = loaded(today)["earlier"]
    assert earlier.closed_on <= today
    assert {r.state for r in incident_readings(earlier, today).values()} == {ClockState.MET}
    assert (earlier.rapid_review_outcome, earlier.panel_response) == ("no-lcspr", "agrees")


def test_the_earlier_incident_falls_in_the_current_year():
    today = dt.date(2026, 12, 7)
    assert financial_year_of(loaded(today)["earlier"].aware_on) == financial_year_of(today)
