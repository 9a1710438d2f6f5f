"""Statutory clocks: a deadline counted from the day an event happened, read on a given day.

A clock's length is library data (kind ``statutory-clock``, ``library/assure/statutory-clocks.yaml``),
counted in working days (weekends and England and Wales bank holidays left out), calendar days or
calendar months. Reading a clock gives its due date, its state and what is left:

- running: open, with more than ``amber_within`` units left;
- amber: open, ``amber_within`` units or fewer left (the due day itself included);
- overdue: open, past its due date;
- met: stopped on or before its due date;
- missed: stopped after its due date. A missed clock stays missed.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from assure.library.schemas import StatutoryClockItem  # (schemas first: it imports schemas_reviews)
from assure.library.selectors import current_item

from .workingdays import add_working_days, working_days_between

KIND = "statutory-clock"
WORKING_DAYS = "working-days"
DAYS = "days"
MONTHS = "months"


class ClockState(StrEnum):
    RUNNING = "running"
    AMBER = "amber"
    OVERDUE = "overdue"
    MET = "met"
    MISSED = "missed"

    @property
    def label(self) -> str:
        """The state in words, as its tag says it."""
        return {
            ClockState.RUNNING: "Running",
            ClockState.AMBER: "Due soon",
            ClockState.OVERDUE: "Overdue",
            ClockState.MET: "Met",
            ClockState.MISSED: "Missed",
        }[self]

    @property
    def colour(self) -> str:
        return {
            ClockState.RUNNING: "green",
            ClockState.AMBER: "yellow",
            ClockState.OVERDUE: "red",
            ClockState.MET: "green",
            ClockState.MISSED: "red",
        }[self]


@dataclass(frozen=True)
class ClockRule:
    """One statutory clock of the library: how long it runs and when it turns amber."""

    code: str
    title: str
    description: str
    starts: str
    stops: str
    unit: str
    length: int
    amber_within: int

    @classmethod
    def from_item(cls, item: StatutoryClockItem) -> "ClockRule":
        return cls(
            code=item.code,
            title=item.title,
            description=item.description,
            starts=item.starts,
            stops=item.stops,
            unit=item.unit,
            length=item.length,
            amber_within=item.amber_within,
        )

    @property
    def counts_working_days(self) -> bool:
        return self.unit == WORKING_DAYS

    def due_on(self, started_on: dt.date) -> dt.date:
        """The day the clock is due, counted from the day its starting event happened (that day
        itself is never counted). A months clock falls on the same day of the month, or on the
        month's last day when it has no such day (31 August + 6 months = 28 or 29 February)."""
        if self.unit == WORKING_DAYS:
            return add_working_days(started_on, self.length)
        if self.unit == DAYS:
            return started_on + dt.timedelta(days=self.length)
        if self.unit == MONTHS:
            return started_on + relativedelta(months=self.length)
        raise ValueError(f"statutory clock {self.code}: unknown unit {self.unit!r}")

    def units_between(self, start: dt.date, end: dt.date) -> int:
        """The clock's units (working days, or calendar days for days and months clocks) from
        ``start`` to ``end``; negative when ``end`` is before ``start``."""
        if self.counts_working_days:
            return working_days_between(start, end)
        return (end - start).days


def clock_rule(code: str) -> ClockRule:
    """The statutory clock of that code, from the newest library version. LookupError when the
    library has none."""
    item = current_item(kind=KIND, code=code)
    if item is None:
        raise LookupError(f"no statutory clock {code!r} in the library")
    return ClockRule.from_item(StatutoryClockItem.model_validate(item.data))


def _format_day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class ClockReading:
    """A clock read on a day: when it is due, whether it has stopped, its state and what is left
    (negative when overdue or late)."""

    rule: ClockRule
    started_on: dt.date
    due_on: dt.date
    stopped_on: dt.date | None
    state: ClockState
    left: int

    @property
    def is_open(self) -> bool:
        return self.stopped_on is None

    def _amount(self, count: int) -> str:
        noun = "working day" if self.rule.counts_working_days else "day"
        return f"{count} {noun}{'' if count == 1 else 's'}"

    @property
    def label(self) -> str:
        """What the state means in plain English: "3 working days left", "Due today",
        "2 working days overdue", "Met on 5 May 2026", "Missed by 2 working days"."""
        if self.state is ClockState.MET:
            return f"Met on {_format_day(self.stopped_on)}"
        if self.state is ClockState.MISSED:
            return f"Missed by {self._amount(-self.left)}" if self.left < 0 else "Missed"
        if self.state is ClockState.OVERDUE:
            return f"{self._amount(-self.left)} overdue" if self.left < 0 else "Overdue"
        if self.left == 0:
            return "Due today"
        return f"{self._amount(self.left)} left"

    @property
    def tag_class(self) -> str:
        """The GOV.UK tag modifier class: green (running, met), yellow (amber), red (overdue,
        missed)."""
        return f"govuk-tag--{self.state.colour}"

    @property
    def due_label(self) -> str:
        return f"Due {_format_day(self.due_on)}"


def clock_read(
    rule: ClockRule, *, started_on: dt.date | None, stopped_on: dt.date | None, today: dt.date
) -> ClockReading | None:
    """Read ``rule`` started on ``started_on`` (None: not started, no reading) and stopped on
    ``stopped_on`` (None: still open) as it stands on ``today``."""
    if started_on is None:
        return None
    due = rule.due_on(started_on)
    if stopped_on is not None:
        left = rule.units_between(stopped_on, due)
        state = ClockState.MET if stopped_on <= due else ClockState.MISSED
    else:
        left = rule.units_between(today, due)
        if today > due:
            state = ClockState.OVERDUE
        elif left <= rule.amber_within:
            state = ClockState.AMBER
        else:
            state = ClockState.RUNNING
    return ClockReading(rule=rule, started_on=started_on, due_on=due, stopped_on=stopped_on, state=state, left=left)
