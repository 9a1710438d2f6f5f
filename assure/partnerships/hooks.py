"""What other apps ask to run when something a partnership's figures show has changed (for
example, the performance app moves its cached scorecards on when an agency is renamed). The
partnerships services fire it inside the transaction of the change; apps register in
AppConfig.ready()."""

from collections.abc import Callable

_on_changed: list[Callable[[int], object]] = []


def on_partnership_changed(function: Callable[[int], object]) -> Callable[[int], object]:
    """Register ``function(partnership_id)`` to run, inside the changing transaction, after every
    change to a partnership that other apps' figures may show (its agencies' names, its agencies)."""
    if function not in _on_changed:
        _on_changed.append(function)
    return function


def partnership_changed(partnership_id: int) -> None:
    """Tell every registered app that the partnership has changed."""
    for function in _on_changed:
        function(partnership_id)
