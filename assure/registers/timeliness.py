"""Whether an entry met one of its kind's timeliness rules (``TimelinessRule`` of the library's
``register-kind``): how soon something must follow something else, on the entry's own fields.

- ``by-time-next-working-day``: met when the second moment is no later than the rule's time (say
  09:00) on the first working day after the first moment's date. An incident on a Friday evening is
  met by 09:00 on Monday; before a bank holiday Monday, by 09:00 on Tuesday. A school is told on
  the next school morning: school holidays are not known to Assure.
- ``within-hours``: met when the second moment is no more than ``amount`` hours after the first.
- ``within-working-days``: met when the second date is no later than ``amount`` working days after
  the first (England and Wales bank holidays left out).
- ``within-days``: the same in calendar days.

A rule whose either value is missing is not counted at all (None), rather than counted as missed:
a return interview not yet offered is not late until it is recorded.

Values are dates, or naive local date-and-times as an entry's ``values`` hold them
("2015-03-02T21:40"); ``moment`` reads either from the stored text. Everything here is pure."""

import datetime as dt

from assure.clocks.workingdays import add_working_days
from assure.library.schemas_registers import TimelinessRule

When = dt.date | dt.datetime


def moment(value) -> When | None:
    """A stored date ("2015-03-02") or date-and-time ("2015-03-02T21:40:00") as a date or a naive
    datetime; None when there is none or it cannot be read."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    try:
        if "T" in text or " " in text:
            return dt.datetime.fromisoformat(text).replace(tzinfo=None)
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _day(value: When) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _at(value: When) -> dt.datetime:
    """A date is taken as its midnight when hours are compared."""
    return value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())


def rule_met(rule: TimelinessRule, start: When | None, end: When | None) -> bool | None:
    """Whether ``end`` came soon enough after ``start`` by ``rule``; None when either is missing."""
    if start is None or end is None:
        return None
    if rule.rule == "by-time-next-working-day":
        hour, minute = (int(part) for part in rule.time.split(":"))
        due_day = add_working_days(_day(start), 1)
        if not isinstance(end, dt.datetime):
            return end <= due_day
        return end <= dt.datetime.combine(due_day, dt.time(hour, minute))
    amount = rule.amount or 0
    if rule.rule == "within-hours":
        return _at(end) - _at(start) <= dt.timedelta(hours=amount)
    if rule.rule == "within-working-days":
        return _day(end) <= add_working_days(_day(start), amount)
    return (_day(end) - _day(start)).days <= amount
