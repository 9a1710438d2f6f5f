"""The timeliness rules a register kind may declare, counted on working days and in hours."""

import datetime as dt

from assure.library.schemas_registers import TimelinessRule
from assure.registers.timeliness import moment, rule_met


def _rule(rule: str, **given) -> TimelinessRule:
    return TimelinessRule(code="rule", title="A rule", from_field="start", to_field="end", rule=rule, **given)


BY_NINE = _rule("by-time-next-working-day", time="09:00")


def test_a_friday_evening_incident_is_in_time_at_nine_on_monday():
    friday = dt.datetime(2014, 11, 14, 21, 40)
    assert rule_met(BY_NINE, friday, dt.datetime(2014, 11, 17, 9, 0)) is True


def test_a_friday_evening_incident_is_late_after_nine_on_monday():
    friday = dt.datetime(2014, 11, 14, 21, 40)
    assert rule_met(BY_NINE, friday, dt.datetime(2014, 11, 17, 9, 1)) is False


def test_the_school_told_on_saturday_is_in_time():
    friday = dt.datetime(2014, 11, 14, 21, 40)
    assert rule_met(BY_NINE, friday, dt.datetime(2014, 11, 15, 10, 0)) is True


def test_a_bank_holiday_monday_moves_the_deadline_to_tuesday():
    # Friday 22 May 2015, before the spring bank holiday on Monday 25 May.
    friday = dt.datetime(2015, 5, 22, 20, 0)
    assert rule_met(BY_NINE, friday, dt.datetime(2015, 5, 26, 8, 55)) is True


def test_after_a_bank_holiday_nine_on_tuesday_is_still_the_limit():
    friday = dt.datetime(2015, 5, 22, 20, 0)
    assert rule_met(BY_NINE, friday, dt.datetime(2015, 5, 26, 9, 30)) is False


def test_a_weekday_incident_is_due_by_nine_the_next_morning():
    tuesday = dt.datetime(2014, 11, 11, 23, 0)
    assert rule_met(BY_NINE, tuesday, dt.datetime(2014, 11, 12, 9, 15)) is False


def test_within_hours_is_met_on_the_hour():
    rule = _rule("within-hours", amount=72)
    returned = dt.datetime(2014, 6, 2, 10, 0)
    assert rule_met(rule, returned, returned + dt.timedelta(hours=72)) is True


def test_within_hours_is_missed_a_minute_after():
    rule = _rule("within-hours", amount=72)
    returned = dt.datetime(2014, 6, 2, 10, 0)
    assert rule_met(rule, returned, returned + dt.timedelta(hours=72, minutes=1)) is False


def test_within_working_days_skips_the_weekend():
    rule = _rule("within-working-days", amount=1)
    assert rule_met(rule, dt.date(2014, 11, 14), dt.date(2014, 11, 17)) is True
    assert rule_met(rule, dt.date(2014, 11, 14), dt.date(2014, 11, 18)) is False


def test_within_days_counts_calendar_days():
    rule = _rule("within-days", amount=2)
    assert rule_met(rule, dt.date(2014, 11, 14), dt.date(2014, 11, 16)) is True
    assert rule_met(rule, dt.date(2014, 11, 14), dt.date(2014, 11, 17)) is False


def test_a_missing_value_is_not_counted():
    assert rule_met(BY_NINE, dt.datetime(2014, 11, 14, 21, 40), None) is None
    assert rule_met(BY_NINE, None, dt.datetime(2014, 11, 17, 9, 0)) is None


def test_stored_values_are_read_as_dates_and_times():
    assert moment("2015-03-02T21:40") == dt.datetime(2015, 3, 2, 21, 40)
    assert moment("2015-03-02") == dt.date(2015, 3, 2)
    assert moment("") is None
    assert moment("not a date") is None
