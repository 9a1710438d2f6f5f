"""The jobs Assure runs once a day, from one scheduler entry (``manage.py daily_jobs``; see
docs/deployment.md). Each is a management command of its app, which the app names here in its
AppConfig.ready(), so an installation schedules one command however many apps have daily work."""

_commands: list[str] = []


def register_daily(*commands: str) -> None:
    """Run each of these management commands (no arguments) every day, in the order registered."""
    for command in commands:
        if command not in _commands:
            _commands.append(command)


def daily_commands() -> list[str]:
    return list(_commands)
