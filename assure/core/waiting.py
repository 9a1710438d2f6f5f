"""What waits for a person: the registration point behind each person's home page ("What needs
me").

Every app registers its kinds of waiting item from its ``AppConfig.ready()``; core never imports
a system. A kind's ``items(user=..., partnership=..., today=...)`` returns the items waiting for
that person in that partnership, in a constant number of queries however many records there are,
and only items the person may act on (it applies the app's own permission predicates)::

    register_waiting(
        WaitingKind(
            key="section11.challenges",
            label="Challenges to answer",
            order=20,
            items=challenges_to_answer,
        )
    )

The home page shows every kind's items together, the nearest deadline first (items without a
deadline last). An item naming an ``agency`` with ``returns_overdue=True`` is also counted in the
business unit's "Returns overdue by agency", so data returns and Section 11 returns are seen
together.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class WaitingItem:
    kind: str  # the key of its WaitingKind
    title: str  # what waits, in the domain's words: "Section 11 return: West Mercia Police"
    url: str  # where the person acts on it
    due: dt.date | None = None  # its deadline, if it has one
    due_label: str = "Due"  # what the date is: "Due", "On" (a meeting), "For the meeting on" (papers)
    detail: str = ""  # one line more: "Criterion 4.2 challenged by the moderator"
    agency: str = ""  # the agency it concerns, when it concerns one
    overdue: bool = False
    returns_overdue: bool = False  # counted in "Returns overdue by agency"
    flag: str = ""  # a warning the business unit must see: "No agency lead account to answer it"
    remind_url: str = ""  # where the business unit sends a reminder (POST), when one can be sent
    last_reminded: dt.datetime | None = None


Items = Callable[..., list[WaitingItem]]


@dataclass(frozen=True)
class WaitingKind:
    key: str
    label: str  # the heading of its items: "Challenges to answer"
    order: int
    items: Items


_kinds: dict[str, WaitingKind] = {}


def register_waiting(*kinds: WaitingKind) -> None:
    """Register kinds of waiting item; registering a key again (ready() run twice) replaces it."""
    for kind in kinds:
        _kinds[kind.key] = kind


def waiting_kinds() -> list[WaitingKind]:
    return sorted(_kinds.values(), key=lambda k: (k.order, k.key))


def _sort_key(item: WaitingItem) -> tuple:
    return (item.due is None, item.due or dt.date.max, item.title)


def waiting_for(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    """Everything waiting for this person in this partnership, the nearest deadline first."""
    items: list[WaitingItem] = []
    for kind in waiting_kinds():
        items.extend(kind.items(user=user, partnership=partnership, today=today))
    return sorted(items, key=_sort_key)
