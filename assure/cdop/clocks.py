"""The statutory clocks of a child's death, read from the dates the death keeps: its notification
to the panel within a day of the death (``child-death-notification``) and the panel's review within
six months of it (``child-death-review-completion``), the lengths being library data read by
``assure/clocks``.

The review clock does not count the days the review was paused while legal processes ran (an
inquest, a criminal investigation): its start is moved on by the days of earlier pauses and, while
paused, by the days of the current pause, so a paused clock stands still.

``clock_source_items`` is cdop's source for the list of open clocks: a person who may read the
panel's cases sees each open death's review clock, titled by the death's reference only."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from django.urls import NoReverseMatch

from assure.clocks.engine import DAYS, ClockReading, ClockRule, ClockState, clock_read, clock_rule
from assure.clocks.registry import OpenClock
from assure.core.navigation import partnership_url

from .models import ChildDeath
from .permissions import can_read_cases

SOURCE = "cdop"
NOTIFICATION = "child-death-notification"
COMPLETION = "child-death-review-completion"
ALERTS = (ClockState.AMBER, ClockState.OVERDUE)


def rule_of(code: str) -> ClockRule | None:
    try:
        return clock_rule(code)
    except LookupError:
        return None


def days_paused_by(death: ChildDeath, today: dt.date) -> int:
    """Every day the review has been paused: earlier pauses and, while paused, the current one."""
    days = death.days_paused
    if death.status == ChildDeath.Status.PAUSED and death.paused_on:
        days += max((today - death.paused_on).days, 0)
    return days


def notification_reading(death: ChildDeath, today: dt.date, rule: ClockRule | None = None) -> ClockReading | None:
    rule = rule or rule_of(NOTIFICATION)
    if rule is None:
        return None
    return clock_read(rule, started_on=death.date_of_death, stopped_on=death.notified_on, today=today)


def completion_reading(death: ChildDeath, today: dt.date, rule: ClockRule | None = None) -> ClockReading | None:
    """The review clock from the death, its start moved on by the days paused."""
    rule = rule or rule_of(COMPLETION)
    if rule is None:
        return None
    # The clock's length in days from this death (six months are 181 to 184 days), so that moving
    # its start on by the days paused moves its due date on by exactly as many days.
    in_days = replace(rule, unit=DAYS, length=(rule.due_on(death.date_of_death) - death.date_of_death).days)
    started_on = death.date_of_death + dt.timedelta(days=days_paused_by(death, today))
    return clock_read(in_days, started_on=started_on, stopped_on=death.reviewed_on, today=today)


def _death_url(partnership):
    try:
        partnership_url("cdop:death_detail", partnership, pk=1)
    except NoReverseMatch:  # the death's page is not there (yet): the clock is listed without a link
        return lambda pk: ""
    return lambda pk: partnership_url("cdop:death_detail", partnership, pk=pk)


def open_deaths(*, user, partnership):
    """The open deaths the panels of the partnership review, for someone who may read cases."""
    from .selectors.panels import deaths_visible_to, panels_of

    panel_ids = list(panels_of(partnership=partnership).values_list("pk", flat=True))
    return (
        deaths_visible_to(user=user, partnership=partnership)
        .filter(ChildDeath.OPEN, panel_id__in=panel_ids)
        .select_related(None)
        .only("pk", "reference", "status", "date_of_death", "days_paused", "paused_on", "reviewed_on", "panel_id")
    )


def _death_clocks(*, user, partnership, today: dt.date) -> list[tuple[ChildDeath, OpenClock]]:
    if not can_read_cases(user=user, partnership=partnership):
        return []
    rule = rule_of(COMPLETION)
    if rule is None:
        return []
    url = _death_url(partnership)
    return [
        (
            death,
            OpenClock(
                reading=completion_reading(death, today, rule),
                title=f"{death.reference}: panel review",
                url=url(death.pk),
                source=SOURCE,
            ),
        )
        for death in open_deaths(user=user, partnership=partnership)
    ]


def clock_source_items(*, user, partnership, today: dt.date) -> list[OpenClock]:
    """Each open death's review clock, titled by its reference (never the child)."""
    return [clock for _death, clock in _death_clocks(user=user, partnership=partnership, today=today)]


def review_alerts(*, user, partnership, today: dt.date) -> list[OpenClock]:
    """The review clocks due soon or overdue, but those of paused reviews, whose clocks stand
    still: nothing is to be done until they resume."""
    return [
        clock
        for death, clock in _death_clocks(user=user, partnership=partnership, today=today)
        if death.status != ChildDeath.Status.PAUSED and clock.reading.state in ALERTS
    ]
