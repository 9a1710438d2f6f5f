"""The clocks of a serious incident through its life, a review's publication clock, the reviews
app's clock source (only for those who may see, no child named, constant queries) and the clocks
waiting on the home page."""

import datetime as dt

import pytest

from assure.clocks.engine import ClockState
from assure.clocks.registry import clocks_for
from assure.reviews.clocks import (
    NOTIFICATION,
    RAPID_REVIEW,
    clock_source_items,
    incident_clocks,
    incident_readings,
    review_clocks,
)
from assure.reviews.tests.factories import IncidentFactory, ReviewFactory
from assure.reviews.waiting_incidents import CLOCKS, clocks_waiting

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2026, 3, 2)  # aware; the notification is due 5 working days later, Monday 9 March


def notification(incident, today):
    return incident_readings(incident, today)[NOTIFICATION]


def test_the_notification_clock_is_due_five_working_days_after_awareness(partnership):
    incident = IncidentFactory(partnership=partnership, aware_on=MONDAY)
    assert notification(incident, MONDAY).due_on == dt.date(2026, 3, 9)


def test_the_notification_clock_runs_then_turns_amber_then_is_met(partnership):
    incident = IncidentFactory(partnership=partnership, aware_on=MONDAY)
    assert notification(incident, dt.date(2026, 3, 4)).state is ClockState.RUNNING
    assert notification(incident, dt.date(2026, 3, 5)).state is ClockState.AMBER
    incident.notified_on = dt.date(2026, 3, 6)
    assert notification(incident, dt.date(2026, 3, 6)).state is ClockState.MET


def test_an_unmade_notification_is_overdue_after_its_due_date(partnership):
    incident = IncidentFactory(partnership=partnership, aware_on=MONDAY)
    reading = notification(incident, dt.date(2026, 3, 10))
    assert (reading.state, reading.label) == (ClockState.OVERDUE, "1 working day overdue")


def test_a_late_notification_stays_missed_once_made(partnership):
    incident = IncidentFactory(partnership=partnership, aware_on=MONDAY, notified_on=dt.date(2026, 3, 11))
    for today in (dt.date(2026, 3, 11), dt.date(2026, 6, 1)):
        assert notification(incident, today).state is ClockState.MISSED


def test_the_rapid_review_clock_starts_at_the_notification(partnership):
    incident = IncidentFactory(partnership=partnership, aware_on=MONDAY)
    assert incident_readings(incident, MONDAY)[RAPID_REVIEW] is None
    incident.notified_on = dt.date(2026, 3, 5)
    reading = incident_readings(incident, dt.date(2026, 3, 5))[RAPID_REVIEW]
    assert (reading.due_on, reading.state) == (dt.date(2026, 3, 26), ClockState.RUNNING)


def test_the_rapid_review_clock_leaves_out_the_easter_bank_holidays(partnership):
    # Notified on Tuesday 24 March 2026: Good Friday (3 April) and Easter Monday (6 April) are not counted.
    incident = IncidentFactory(partnership=partnership, aware_on=dt.date(2026, 3, 20), notified_on=dt.date(2026, 3, 24))
    assert incident_readings(incident, dt.date(2026, 3, 24))[RAPID_REVIEW].due_on == dt.date(2026, 4, 16)


def test_an_incident_lists_only_its_started_clocks(partnership):
    incident = IncidentFactory(partnership=partnership, aware_on=MONDAY)
    assert [label for label, _ in incident_clocks(incident, MONDAY)] == ["Notification to the national panel"]


def test_a_local_review_has_a_publication_clock_of_six_months(partnership):
    review = ReviewFactory(partnership=partnership, kind="lcspr", decided_on=dt.date(2026, 3, 20))
    [(label, reading)] = review_clocks(review, dt.date(2026, 4, 1))
    assert (reading.due_on, reading.state) == (dt.date(2026, 9, 20), ClockState.RUNNING)


def test_a_learning_review_has_no_clock(partnership):
    assert review_clocks(ReviewFactory(partnership=partnership, kind="learning-review"), dt.date(2026, 4, 1)) == []


# --- the clock source ---------------------------------------------------------------------------


def test_the_source_titles_each_clock_by_reference_and_summary(business_unit, incident):
    titles = [
        clock.title
        for clock in clock_source_items(
            user=business_unit, partnership=incident.partnership, today=dt.date(2026, 3, 10)
        )
    ]
    assert titles == ["SI-001 Serious injury to a baby: notification", "SI-001 Serious injury to a baby: rapid review"]


def test_open_clocks_of_the_partnership_come_from_the_source(business_unit, incident):
    clocks = clocks_for(user=business_unit, partnership=incident.partnership, today=dt.date(2026, 3, 10))
    assert [clock.title for clock in clocks] == ["SI-001 Serious injury to a baby: rapid review"]
    assert clocks[0].url.endswith(f"/incidents/{incident.pk}/")


def test_a_closed_incident_leaves_no_clock_open(business_unit, partnership):
    IncidentFactory(partnership=partnership, aware_on=MONDAY, closed_on=dt.date(2026, 3, 4))
    assert clocks_for(user=business_unit, partnership=partnership, today=dt.date(2026, 3, 10)) == []


def test_a_local_reviews_publication_clock_is_listed(business_unit, partnership):
    ReviewFactory(
        partnership=partnership, reference="RV-004", kind="lcspr", title="A baby's injuries", decided_on=MONDAY
    )
    [clock] = clocks_for(user=business_unit, partnership=partnership, today=dt.date(2026, 4, 1))
    assert clock.title == "RV-004 A baby's injuries: publication"


@pytest.mark.parametrize("persona", ["agency_lead", "viewer", "panel_member", "outsider"], indirect=True)
def test_only_those_who_read_reviews_see_their_clocks(persona, incident):
    assert clock_source_items(user=persona, partnership=incident.partnership, today=dt.date(2026, 3, 10)) == []


@pytest.mark.parametrize("persona", ["board_member", "chair", "auditor"], indirect=True)
def test_the_board_and_reviewers_see_the_clocks(persona, incident):
    assert clock_source_items(user=persona, partnership=incident.partnership, today=dt.date(2026, 3, 10))


def test_the_source_reads_in_the_same_queries_however_many_records(
    business_unit, partnership, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    IncidentFactory(partnership=partnership, aware_on=MONDAY)
    ReviewFactory(partnership=partnership, kind="lcspr", decided_on=MONDAY)
    clock_source_items(user=business_unit, partnership=partnership, today=MONDAY)  # warms the permission cache
    with CaptureQueriesContext(connection) as few:
        clock_source_items(user=business_unit, partnership=partnership, today=MONDAY)
    for _ in range(5):
        IncidentFactory(partnership=partnership, aware_on=MONDAY, notified_on=dt.date(2026, 3, 4))
        ReviewFactory(partnership=partnership, kind="lcspr", decided_on=MONDAY)
    with django_assert_max_num_queries(len(few)):
        clock_source_items(user=business_unit, partnership=partnership, today=MONDAY)


# --- what waits -------------------------------------------------------------------------------------


def test_amber_and_overdue_clocks_wait_for_the_business_unit(business_unit, partnership):
    IncidentFactory(partnership=partnership, reference="SI-001", aware_on=MONDAY)  # amber on 5 March
    IncidentFactory(partnership=partnership, reference="SI-002", aware_on=dt.date(2026, 2, 23))  # overdue
    IncidentFactory(partnership=partnership, reference="SI-003", aware_on=dt.date(2026, 3, 4))  # running
    items = clocks_waiting(user=business_unit, partnership=partnership, today=dt.date(2026, 3, 5))
    assert [(item.title[:6], item.due, item.overdue) for item in items] == [
        ("SI-001", dt.date(2026, 3, 9), False),
        ("SI-002", dt.date(2026, 3, 2), True),
    ]
    assert {item.kind for item in items} == {CLOCKS}


def test_the_chair_is_told_of_clocks_overdue(chair, partnership):
    IncidentFactory(partnership=partnership, aware_on=dt.date(2026, 2, 23))
    assert clocks_waiting(user=chair, partnership=partnership, today=dt.date(2026, 3, 5))


@pytest.mark.parametrize("persona", ["board_member", "auditor", "agency_lead"], indirect=True)
def test_clocks_do_not_wait_for_those_who_do_not_act_on_them(persona, partnership):
    IncidentFactory(partnership=partnership, aware_on=dt.date(2026, 2, 23))
    assert clocks_waiting(user=persona, partnership=partnership, today=dt.date(2026, 3, 5)) == []


def test_what_waits_reads_in_the_same_queries_however_many_clocks(
    business_unit, partnership, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    IncidentFactory(partnership=partnership, aware_on=dt.date(2026, 2, 23))
    clocks_waiting(user=business_unit, partnership=partnership, today=MONDAY)
    with CaptureQueriesContext(connection) as few:
        clocks_waiting(user=business_unit, partnership=partnership, today=MONDAY)
    for _ in range(6):
        IncidentFactory(partnership=partnership, aware_on=dt.date(2026, 2, 23))
    with django_assert_max_num_queries(len(few)):
        assert len(clocks_waiting(user=business_unit, partnership=partnership, today=MONDAY)) == 7
