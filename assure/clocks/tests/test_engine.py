"""Statutory clocks read on a day: each clock of the library's due date from a known start, and
the states a clock goes through (running, amber, overdue; met or missed once stopped)."""

import datetime as dt

import pytest
from django.template import Context, Template

from assure.clocks.engine import ClockRule, ClockState, clock_read, clock_rule

D = dt.date


def rule(**fields) -> ClockRule:
    given = {
        "code": "test-clock",
        "title": "Test clock",
        "description": "A clock of five working days.",
        "starts": "the start",
        "stops": "the stop",
        "unit": "working-days",
        "length": 5,
        "amber_within": 2,
        **fields,
    }
    return ClockRule(**given)


# --- each clock of library/assure/statutory-clocks.yaml -----------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code, started, due",
    [
        ("serious-incident-notification", D(2026, 6, 10), D(2026, 6, 17)),
        ("rapid-review", D(2026, 6, 1), D(2026, 6, 22)),
        ("lcspr-publication", D(2026, 1, 15), D(2026, 7, 15)),
        # Over Christmas: 25, 26 December and 1 January are not counted.
        ("initial-child-protection-conference", D(2025, 12, 18), D(2026, 1, 13)),
        # Over Easter (3 and 6 April 2026) and the early May bank holiday (4 May).
        ("single-assessment", D(2026, 3, 2), D(2026, 5, 7)),
        ("allegation-referral", D(2026, 5, 8), D(2026, 5, 11)),
    ],
)
def test_each_library_clock_falls_due_on_its_day(code, started, due):
    assert clock_rule(code).due_on(started) == due


@pytest.mark.django_db
def test_a_clock_rule_carries_the_library_item():
    found = clock_rule("serious-incident-notification")
    assert (found.unit, found.length, found.amber_within) == ("working-days", 5, 2)


@pytest.mark.django_db
def test_an_unknown_clock_is_a_lookup_error():
    with pytest.raises(LookupError):
        clock_rule("no-such-clock")


# --- due dates by unit --------------------------------------------------------------------------


def test_a_days_clock_counts_calendar_days():
    assert rule(unit="days", length=10).due_on(D(2025, 12, 20)) == D(2025, 12, 30)


def test_a_months_clock_falls_on_the_same_day_of_the_month():
    assert rule(unit="months", length=6).due_on(D(2026, 3, 10)) == D(2026, 9, 10)


def test_a_months_clock_from_31_august_falls_on_28_february():
    assert rule(unit="months", length=6).due_on(D(2025, 8, 31)) == D(2026, 2, 28)


def test_a_months_clock_from_31_august_falls_on_29_february_in_a_leap_year():
    assert rule(unit="months", length=6).due_on(D(2023, 8, 31)) == D(2024, 2, 29)


# --- states: a five working day clock started Wednesday 10 June 2026, due Wednesday 17 June -----

STARTED = D(2026, 6, 10)
DUE = D(2026, 6, 17)


def read(*, today, stopped=None, started=STARTED, **fields):
    return clock_read(rule(**fields), started_on=started, stopped_on=stopped, today=today)


def test_a_clock_not_started_has_no_reading():
    assert read(started=None, today=DUE) is None


def test_the_reading_carries_the_due_date():
    assert read(today=D(2026, 6, 11)).due_on == DUE


def test_a_clock_with_more_than_amber_within_left_is_running():
    reading = read(today=D(2026, 6, 11))
    assert (reading.state, reading.left) == (ClockState.RUNNING, 4)


def test_a_running_clock_says_what_is_left():
    assert read(today=D(2026, 6, 11)).label == "4 working days left"


def test_a_clock_turns_amber_at_amber_within():
    reading = read(today=D(2026, 6, 15))
    assert (reading.state, reading.label) == (ClockState.AMBER, "2 working days left")


def test_one_working_day_left_is_singular():
    assert read(today=D(2026, 6, 16)).label == "1 working day left"


def test_a_clock_on_its_due_day_is_amber_and_due_today():
    reading = read(today=DUE)
    assert (reading.state, reading.label) == (ClockState.AMBER, "Due today")


def test_a_clock_with_no_amber_warning_is_amber_on_its_due_day():
    assert read(today=D(2026, 6, 11), started=D(2026, 6, 10), length=1, amber_within=0).state == ClockState.AMBER


def test_an_open_clock_past_its_due_date_is_overdue():
    reading = read(today=D(2026, 6, 18))
    assert (reading.state, reading.left, reading.label) == (ClockState.OVERDUE, -1, "1 working day overdue")


def test_overdue_counts_working_days_over_a_weekend():
    assert read(today=D(2026, 6, 22)).label == "3 working days overdue"


def test_a_clock_stopped_on_its_due_day_is_met():
    reading = read(today=D(2026, 7, 1), stopped=DUE)
    assert (reading.state, reading.label) == (ClockState.MET, "Met on 17 June 2026")


def test_a_clock_stopped_early_is_met():
    assert read(today=D(2026, 6, 12), stopped=D(2026, 6, 11)).state == ClockState.MET


def test_a_clock_stopped_the_day_after_it_was_due_is_missed():
    reading = read(today=D(2026, 6, 18), stopped=D(2026, 6, 18))
    assert (reading.state, reading.label) == (ClockState.MISSED, "Missed by 1 working day")


def test_a_missed_clock_stays_missed():
    reading = read(today=D(2027, 1, 4), stopped=D(2026, 6, 19))
    assert (reading.state, reading.label) == (ClockState.MISSED, "Missed by 2 working days")


def test_a_stopped_clock_is_not_open():
    assert not read(today=DUE, stopped=DUE).is_open


def test_an_open_clock_is_open():
    assert read(today=DUE).is_open


def test_a_months_clock_counts_calendar_days_left():
    reading = read(unit="months", length=6, amber_within=28, started=D(2026, 1, 15), today=D(2026, 7, 1))
    assert (reading.state, reading.label) == (ClockState.AMBER, "14 days left")


@pytest.mark.parametrize(
    "today, stopped, tag",
    [
        (D(2026, 6, 11), None, "govuk-tag--green"),
        (D(2026, 6, 16), None, "govuk-tag--yellow"),
        (D(2026, 6, 18), None, "govuk-tag--red"),
        (D(2026, 6, 18), DUE, "govuk-tag--green"),
        (D(2026, 6, 18), D(2026, 6, 18), "govuk-tag--red"),
    ],
    ids=["running", "amber", "overdue", "met", "missed"],
)
def test_each_state_has_its_tag_colour(today, stopped, tag):
    assert read(today=today, stopped=stopped).tag_class == tag


# --- the template tag ---------------------------------------------------------------------------


def draw(reading) -> str:
    return Template("{% load clocks %}{% clock reading %}").render(Context({"reading": reading}))


def test_the_clock_tag_shows_the_due_date():
    assert "Due 17 June 2026" in draw(read(today=D(2026, 6, 18)))


def test_the_clock_tag_says_the_state_in_words():
    assert '<strong class="govuk-tag govuk-tag--red">Overdue</strong>' in draw(read(today=D(2026, 6, 18)))


def test_the_clock_tag_shows_what_is_left():
    assert "1 working day overdue" in draw(read(today=D(2026, 6, 18)))


def test_the_clock_tag_draws_nothing_for_a_clock_not_started():
    assert draw(None).strip() == ""
