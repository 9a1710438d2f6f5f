"""Where open clocks come from. Each app that runs statutory clocks registers a source in its
``AppConfig.ready()``; the clocks page and anyone else asks ``clocks_for``. A source decides what
the person may see (its own permissions) and titles each clock by its record's reference, never
by a child's name."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .engine import ClockReading


@dataclass(frozen=True)
class OpenClock:
    """One clock of one record: its reading, the record's title (a reference, never a child's
    name), the record's address and the source's key."""

    reading: ClockReading
    title: str
    url: str
    source: str


@dataclass(frozen=True)
class ClockSource:
    """An app's clocks: ``items(*, user, partnership, today)`` returns the clocks of its records
    that ``user`` may see in ``partnership`` (open and stopped; the caller keeps the open ones)."""

    key: str
    label: str
    items: Callable[..., list[OpenClock]]


_sources: dict[str, ClockSource] = {}


def register_clock_source(source: ClockSource) -> None:
    """Add (or replace, by key) a source of clocks."""
    _sources[source.key] = source


def unregister_clock_source(key: str) -> None:
    """Take a source away (tests register their own and take it away after)."""
    _sources.pop(key, None)


def clock_sources() -> list[ClockSource]:
    return list(_sources.values())


def clocks_for(*, user, partnership, today: dt.date, open_only: bool = True) -> list[OpenClock]:
    """Every clock ``user`` may see in ``partnership`` from every source, nearest due first; only
    the open ones unless ``open_only`` is False."""
    found: list[OpenClock] = []
    for source in clock_sources():
        for clock in source.items(user=user, partnership=partnership, today=today):
            if open_only and not clock.reading.is_open:
                continue
            found.append(clock)
    return sorted(found, key=lambda clock: (clock.reading.due_on, clock.title))


def clocks_waiting(*, user, partnership) -> str | None:
    """What waits among the clocks, for the menu's landing page: "2 overdue, 1 due soon", or
    None when every clock is running with time to spare."""
    from django.utils import timezone

    from .engine import ClockState

    found = clocks_for(user=user, partnership=partnership, today=timezone.localdate())
    overdue = sum(1 for clock in found if clock.reading.state is ClockState.OVERDUE)
    soon = sum(1 for clock in found if clock.reading.state is ClockState.AMBER)
    said = [f"{overdue} overdue"] * bool(overdue) + [f"{soon} due soon"] * bool(soon)
    return ", ".join(said) or None
