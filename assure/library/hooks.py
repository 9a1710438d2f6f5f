"""What other apps ask to run after the library is loaded (for example, the performance app
keeps an Indicator for every indicator of the library). Apps register in AppConfig.ready()."""

from collections.abc import Callable

_after_load: list[Callable[[], object]] = []


def after_load(function: Callable[[], object]) -> Callable[[], object]:
    """Register ``function`` to run, inside the loading transaction, after every library load."""
    if function not in _after_load:
        _after_load.append(function)
    return function


def run_after_load() -> None:
    for function in _after_load:
        function()
