"""The demo's briefings."""


def load(*, partnerships, agencies, users, today, made: dict) -> None:
    """Nothing yet."""
