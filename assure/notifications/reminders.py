"""Scheduled reminders: the registration point through which each app offers the records whose
deadline may call for a reminder, and the library's rules that say when one is sent.

An app registers a source from its ``AppConfig.ready()``::

    register_reminder_source("section11-return", section11_reminders_due)

``section11_reminders_due(*, today)`` returns a ``ReminderDue`` for every record still waiting
(across all partnerships), in a constant number of queries. The daily job applies the rule of
the same key in the library's reminder rules and sends each reminder due through
``reminder_send`` (never twice a day for one record)."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models


@dataclass(frozen=True)
class ReminderDue:
    target: models.Model
    partnership: object
    recipients: list = field(default_factory=list)
    deadline: dt.date | None = None
    subject: str = ""
    body: str = ""
    path: str = ""
    kind: str = ""
    # The record's own setting, where it has one (a Section 11 cycle's reminder days before its
    # deadline); otherwise the library rule's.
    before_days: tuple[int, ...] | None = None
    # People without an account, written to at these addresses (an employer's case manager).
    addresses: tuple[str, ...] = ()


Source = Callable[..., list[ReminderDue]]

_sources: dict[str, Source] = {}


def register_reminder_source(rule: str, source: Source) -> None:
    """``rule`` names a rule of the library's reminder rules (library/assure/reminder-rules.yaml)."""
    _sources[rule] = source


def reminder_sources() -> dict[str, Source]:
    return dict(_sources)


@dataclass(frozen=True)
class Rule:
    """A reminder rule of the library: the days before a deadline on which to remind, and how
    often once it has passed."""

    key: str
    before_deadline_days: tuple[int, ...]
    overdue_every_days: int | None


def reminder_rules() -> dict[str, Rule]:
    """The current reminder rules of the library by key (the digest item is not a rule). Library
    content is shared by every partnership, so this read needs no user."""
    from assure.library.selectors import current_items

    return {
        item.code: Rule(
            key=item.code,
            before_deadline_days=tuple(item.data.get("before_deadline_days") or ()),
            overdue_every_days=item.data.get("overdue_every_days"),
        )
        for item in current_items(kind="reminder-rule")
        if not item.data.get("digest")
    }


def digest_weekday() -> int:
    """The day of the week the weekly digest goes out (Monday is 0), from the library's digest
    item; Monday when the library has none."""
    from assure.library.selectors import current_item

    item = current_item(kind="reminder-rule", code="digest")
    weekday = ((item.data.get("digest") or {}).get("weekday") if item else None) or "monday"
    return WEEKDAYS.index(weekday)


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def is_due(*, deadline: dt.date | None, today: dt.date, before_days, overdue_every_days: int | None) -> bool:
    """Whether a record with this deadline is reminded today: on each of ``before_days`` days
    before it; once it has passed, on the first day overdue and then every
    ``overdue_every_days`` days."""
    if deadline is None:
        return False
    days_left = (deadline - today).days
    if days_left > 0:
        return days_left in set(before_days or ())
    days_overdue = -days_left
    if days_overdue == 0 or not overdue_every_days:
        return False
    return days_overdue == 1 or days_overdue % overdue_every_days == 0


@dataclass
class RemindersRun:
    reminded: list = field(default_factory=list)  # the Reminder records made today
    already: int = 0  # due, but reminded already today (or nobody to remind)
    unknown_rules: list = field(default_factory=list)  # sources whose key the library lacks


def scheduled_reminders_send(*, today: dt.date) -> RemindersRun:
    """Ask every registered source for what still waits and send the reminders its rule says are
    due today, each through ``reminder_send`` (so never twice in a day for one record)."""
    from .services import reminder_send

    rules = reminder_rules()
    run = RemindersRun()
    for key, source in reminder_sources().items():
        rule = rules.get(key)
        if rule is None:
            run.unknown_rules.append(key)
        for due in source(today=today):
            before = due.before_days if due.before_days is not None else (rule.before_deadline_days if rule else ())
            every = rule.overdue_every_days if rule else None
            if not is_due(deadline=due.deadline, today=today, before_days=before, overdue_every_days=every):
                continue
            reminder = reminder_send(
                actor=None,
                target=due.target,
                partnership=due.partnership,
                recipients=due.recipients,
                subject=due.subject,
                body=due.body,
                path=due.path,
                kind=due.kind,
                today=today,
                addresses=due.addresses,
            )
            if reminder is None:
                run.already += 1
            else:
                run.reminded.append(reminder)
    return run
