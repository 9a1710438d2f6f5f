"""The demo's incidents."""


def load(*, partnerships, agencies, users, today, made: dict) -> None:
    """Nothing yet."""
