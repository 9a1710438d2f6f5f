"""The registration point of what waits for a person (assure/core/waiting.py)."""

import datetime as dt

import pytest

from assure.core import waiting
from assure.core.waiting import WaitingItem, WaitingKind, waiting_for, waiting_kinds


@pytest.fixture
def only_kinds(monkeypatch):
    monkeypatch.setattr(waiting, "_kinds", {})


def kind_of(key: str, items: list[WaitingItem], order: int = 10) -> WaitingKind:
    return WaitingKind(key=key, label=key, order=order, items=lambda *, user, partnership, today: list(items))


def test_items_of_every_kind_come_together_the_nearest_deadline_first_undated_last(only_kinds):
    waiting.register_waiting(
        kind_of("a", [WaitingItem(kind="a", title="Later", url="/", due=dt.date(2026, 5, 1))]),
        kind_of(
            "b",
            [
                WaitingItem(kind="b", title="Undated", url="/"),
                WaitingItem(kind="b", title="Soon", url="/", due=dt.date(2026, 3, 1)),
            ],
        ),
    )
    titles = [i.title for i in waiting_for(user=None, partnership=None, today=dt.date(2026, 2, 1))]
    assert titles == ["Soon", "Later", "Undated"]


def test_registering_a_key_again_replaces_it(only_kinds):
    waiting.register_waiting(kind_of("a", [], order=10))
    waiting.register_waiting(kind_of("a", [], order=5))
    assert [k.order for k in waiting_kinds()] == [5]


def test_kinds_are_listed_in_their_order(only_kinds):
    waiting.register_waiting(kind_of("late", [], order=20), kind_of("early", [], order=1))
    assert [k.key for k in waiting_kinds()] == ["early", "late"]


def test_the_apps_register_their_kinds():
    keys = {k.key for k in waiting_kinds()}
    assert {"partnerships.agencies_without_lead", "partnerships.meetings"} <= keys
