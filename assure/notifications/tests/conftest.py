import pytest

from assure.notifications import reminders


@pytest.fixture
def reminder_source():
    """Register a source of reminders for one test under a rule key, and take it away after."""
    registered = []

    def register(rule: str, dues: list) -> None:
        registered.append((rule, reminders._sources.get(rule)))
        reminders.register_reminder_source(rule, lambda *, today: list(dues))

    yield register
    for rule, previous in reversed(registered):
        if previous is None:
            reminders._sources.pop(rule, None)
        else:
            reminders._sources[rule] = previous
