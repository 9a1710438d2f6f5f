"""What hangs under a priority of the business plan in other apps.

Every system hangs its work under the plan's priorities (the scorecard its lines, later systems
their own records), but the plan, being tenant core, cannot import them. An app whose records
point at a priority registers, from its ``AppConfig.ready()``, a function saying how many of its
records each priority holds; the plan refuses to delete a priority while any app still holds
records under it, and its confirmation page names them::

    register_priority_holder(lambda priority_ids: {pk: "2 indicators on the scorecard", ...})
"""

from collections.abc import Callable, Iterable

PriorityHolder = Callable[[Iterable[int]], dict[int, str]]
_holders: list[PriorityHolder] = []


def register_priority_holder(function: PriorityHolder) -> PriorityHolder:
    """Register ``function(priority_ids)`` giving, for each priority holding records of the app,
    a phrase naming them ("3 indicators on the scorecard"); priorities holding none are left out."""
    if function not in _holders:
        _holders.append(function)
    return function


def priority_holdings(priority_ids: Iterable[int]) -> dict[int, list[str]]:
    """For each of the priorities, the phrases of every app holding records under it."""
    ids = list(priority_ids)
    held: dict[int, list[str]] = {}
    for function in _holders:
        for pk, phrase in function(ids).items():
            held.setdefault(pk, []).append(phrase)
    return held
