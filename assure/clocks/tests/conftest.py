"""A clock source of test records, registered for one test and taken away after it."""

import datetime as dt

import pytest

from assure.clocks.engine import ClockRule, clock_read
from assure.clocks.registry import ClockSource, OpenClock, register_clock_source, unregister_clock_source
from assure.clocks.workingdays import add_working_days

NOTIFY = ClockRule(
    code="test-notify",
    title="Test notification",
    description="Notified within five working days.",
    starts="the event",
    stops="the notification",
    unit="working-days",
    length=5,
    amber_within=2,
)
LONG = ClockRule(
    code="test-long",
    title="Test long clock",
    description="Done within twenty working days.",
    starts="the event",
    stops="the work was done",
    unit="working-days",
    length=20,
    amber_within=5,
)


def sample_clocks(*, today: dt.date) -> list[OpenClock]:
    """Three clocks read on ``today``: one running, one overdue, one met."""
    return [
        OpenClock(
            reading=clock_read(LONG, started_on=today, stopped_on=None, today=today),
            title="TEST-001 running",
            url="/somewhere/1/",
            source="test",
        ),
        OpenClock(
            reading=clock_read(NOTIFY, started_on=add_working_days(today, -8), stopped_on=None, today=today),
            title="TEST-002 overdue",
            url="/somewhere/2/",
            source="test",
        ),
        OpenClock(
            reading=clock_read(
                NOTIFY, started_on=add_working_days(today, -9), stopped_on=add_working_days(today, -6), today=today
            ),
            title="TEST-003 met",
            url="/somewhere/3/",
            source="test",
        ),
    ]


@pytest.fixture
def clock_source():
    """A registered source of the three test clocks; the calls it was given are kept in ``calls``."""
    calls: list[dict] = []

    def items(*, user, partnership, today):
        calls.append({"user": user, "partnership": partnership, "today": today})
        return sample_clocks(today=today)

    source = ClockSource(key="test", label="Test records", items=items)
    register_clock_source(source)
    yield calls
    unregister_clock_source("test")
