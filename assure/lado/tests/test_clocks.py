"""The clocks of a referral: one working day from the employer knowing to the referral (weekends
and bank holidays left out), the resolution timescales of an allegation (one month, three months,
twelve months; one week only for unfounded or malicious ones), the band a closed one falls in, and
the clock source that lists each open allegation's next timescale for the officer only."""

import datetime as dt

import pytest
from django.urls import reverse

from assure.clocks.engine import ClockState
from assure.clocks.registry import clocks_for
from assure.lado.clocks import (
    LONGER,
    clock_source_items,
    referral_reading,
    resolution_readings,
    timescale_band,
)
from assure.lado.models import Referral
from assure.lado.tests.factories import ReferralFactory
from assure.library.selectors import current_item

pytestmark = pytest.mark.django_db

TODAY = dt.date(2014, 12, 1)
REFERRED = dt.date(2014, 6, 3)


def _closed(partnership, *, closed_on, outcome="unsubstantiated", category="physical"):
    return ReferralFactory(
        partnership=partnership,
        status=Referral.Status.CLOSED,
        category=category,
        date_referred=REFERRED,
        closed_on=closed_on,
        outcome=current_item(kind="allegation-outcome", code=outcome),
    )


# --- the referral within one working day ------------------------------------------------------------


def test_a_referral_the_next_working_day_is_on_time(partnership):
    referral = ReferralFactory(partnership=partnership, date_known=dt.date(2014, 6, 2), date_referred=REFERRED)
    assert referral_reading(referral, TODAY).state is ClockState.MET


def test_a_referral_on_the_monday_after_a_friday_is_on_time(partnership):
    referral = ReferralFactory(
        partnership=partnership, date_known=dt.date(2014, 6, 6), date_referred=dt.date(2014, 6, 9)
    )
    assert referral_reading(referral, TODAY).state is ClockState.MET


def test_a_referral_two_working_days_on_is_late(partnership):
    referral = ReferralFactory(
        partnership=partnership, date_known=dt.date(2014, 6, 6), date_referred=dt.date(2014, 6, 10)
    )
    reading = referral_reading(referral, TODAY)
    assert reading.state is ClockState.MISSED and reading.left == -1


def test_a_bank_holiday_does_not_count_as_a_working_day(partnership):
    # Friday 22 August 2014, then the summer bank holiday on Monday 25 August.
    referral = ReferralFactory(
        partnership=partnership, date_known=dt.date(2014, 8, 22), date_referred=dt.date(2014, 8, 26)
    )
    assert referral_reading(referral, TODAY).state is ClockState.MET


def test_the_working_day_after_a_bank_holiday_weekend_is_the_last(partnership):
    referral = ReferralFactory(
        partnership=partnership, date_known=dt.date(2014, 8, 22), date_referred=dt.date(2014, 8, 27)
    )
    assert referral_reading(referral, TODAY).state is ClockState.MISSED


# --- resolution -----------------------------------------------------------------------------------


def test_an_open_allegation_runs_on_a_month_three_months_and_a_year(partnership):
    referral = ReferralFactory(partnership=partnership, date_referred=REFERRED)
    readings = {scale.code: reading for scale, reading in resolution_readings(referral, dt.date(2014, 6, 10))}
    assert set(readings) == {"month", "quarter", "year"}
    assert readings["month"].due_on == dt.date(2014, 7, 3)
    assert readings["quarter"].due_on == dt.date(2014, 9, 3)
    assert readings["year"].due_on == dt.date(2015, 6, 3)


def test_an_open_allegation_past_a_month_is_overdue_against_it(partnership):
    referral = ReferralFactory(partnership=partnership, date_referred=REFERRED)
    readings = {scale.code: reading for scale, reading in resolution_readings(referral, dt.date(2014, 7, 10))}
    assert readings["month"].state is ClockState.OVERDUE
    assert readings["quarter"].state is ClockState.RUNNING


def test_the_week_applies_to_an_unfounded_allegation(partnership):
    referral = _closed(partnership, closed_on=dt.date(2014, 6, 9), outcome="unfounded")
    readings = {scale.code: reading for scale, reading in resolution_readings(referral, TODAY)}
    assert readings["week"].state is ClockState.MET


def test_the_week_applies_to_a_malicious_allegation(partnership):
    referral = _closed(partnership, closed_on=dt.date(2014, 6, 20), outcome="malicious")
    readings = {scale.code: reading for scale, reading in resolution_readings(referral, TODAY)}
    assert readings["week"].state is ClockState.MISSED


def test_the_week_does_not_apply_to_other_outcomes(partnership):
    referral = _closed(partnership, closed_on=dt.date(2014, 6, 9), outcome="unsubstantiated")
    assert "week" not in {scale.code for scale, _ in resolution_readings(referral, TODAY)}


def test_the_week_does_not_apply_while_open(partnership):
    referral = ReferralFactory(partnership=partnership, date_referred=REFERRED)
    assert "week" not in {scale.code for scale, _ in resolution_readings(referral, TODAY)}


def test_a_low_level_concern_runs_on_no_timescale(partnership):
    referral = ReferralFactory(partnership=partnership, category="low-level-concern")
    assert resolution_readings(referral, TODAY) == []


def test_a_draft_runs_on_no_timescale(partnership):
    referral = ReferralFactory(partnership=partnership, status=Referral.Status.DRAFT)
    assert resolution_readings(referral, TODAY) == []


@pytest.mark.parametrize(
    ("closed_on", "band"),
    [
        (dt.date(2014, 6, 9), "week"),
        (dt.date(2014, 7, 3), "month"),
        (dt.date(2014, 7, 4), "quarter"),
        (dt.date(2014, 9, 3), "quarter"),
        (dt.date(2015, 6, 3), "year"),
        (dt.date(2015, 6, 4), LONGER),
    ],
)
def test_a_closed_allegation_falls_in_the_shortest_timescale_it_met(partnership, closed_on, band):
    assert timescale_band(_closed(partnership, closed_on=closed_on)) == band


def test_an_open_allegation_has_no_band(partnership):
    assert timescale_band(ReferralFactory(partnership=partnership)) is None


def test_a_closed_low_level_concern_has_no_band(partnership):
    referral = _closed(partnership, closed_on=dt.date(2014, 6, 9), outcome="unfounded", category="low-level-concern")
    assert timescale_band(referral) is None


# --- the clock source -----------------------------------------------------------------------------


def test_the_source_gives_each_open_allegation_its_next_timescale(partnership, officer):
    referral = ReferralFactory(partnership=partnership, date_referred=REFERRED)
    [clock] = clock_source_items(user=officer, partnership=partnership, today=dt.date(2014, 7, 10))
    assert clock.reading.rule.code == "allegation-resolution-quarter"
    assert clock.title == f"{referral.reference}: resolution within three months"


def test_the_source_titles_a_clock_by_reference_only(partnership, officer):
    referral = ReferralFactory(partnership=partnership, date_referred=REFERRED)
    [clock] = clock_source_items(user=officer, partnership=partnership, today=dt.date(2014, 6, 10))
    assert referral.person.given_names not in clock.title and referral.person.family_name not in clock.title


def test_past_every_timescale_the_source_gives_the_year_overdue(partnership, officer):
    ReferralFactory(partnership=partnership, date_referred=REFERRED)
    [clock] = clock_source_items(user=officer, partnership=partnership, today=dt.date(2015, 7, 1))
    assert clock.reading.rule.code == "allegation-resolution-year" and clock.reading.state is ClockState.OVERDUE


def test_the_source_leaves_out_closed_referrals_and_low_level_concerns(partnership, officer):
    _closed(partnership, closed_on=dt.date(2014, 6, 9))
    ReferralFactory(partnership=partnership, category="low-level-concern")
    assert clock_source_items(user=officer, partnership=partnership, today=TODAY) == []


def test_the_source_gives_nothing_without_the_grant(partnership, designated_officer):
    ReferralFactory(partnership=partnership, date_referred=REFERRED)
    assert clock_source_items(user=designated_officer, partnership=partnership, today=TODAY) == []


def test_the_source_gives_nothing_to_the_business_unit(partnership, business_unit):
    ReferralFactory(partnership=partnership, date_referred=REFERRED)
    assert clock_source_items(user=business_unit, partnership=partnership, today=TODAY) == []


def test_the_source_is_registered_for_the_clocks_page(partnership, officer):
    ReferralFactory(partnership=partnership, date_referred=REFERRED)
    assert [c.source for c in clocks_for(user=officer, partnership=partnership, today=TODAY)] == ["lado"]


def test_the_source_reads_in_a_constant_number_of_queries(partnership, officer, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ReferralFactory(partnership=partnership, date_referred=REFERRED)
    clock_source_items(user=officer, partnership=partnership, today=TODAY)  # the grant, read once per person
    with CaptureQueriesContext(connection) as one:
        clock_source_items(user=officer, partnership=partnership, today=TODAY)
    for _ in range(7):
        ReferralFactory(partnership=partnership, date_referred=REFERRED)
    with django_assert_num_queries(len(one)):
        assert len(clock_source_items(user=officer, partnership=partnership, today=TODAY)) == 8


def test_the_statutory_clocks_page_lists_the_allegation(client, partnership, officer):
    referral = ReferralFactory(partnership=partnership, date_referred=dt.date.today() - dt.timedelta(days=3))
    client.force_login(officer)
    page = client.get(reverse("clocks:open", kwargs={"partnership": partnership.slug}))
    assert page.status_code == 200 and f"{referral.reference}: resolution within one month" in page.content.decode()
