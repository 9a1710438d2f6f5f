"""The demo's recommendations."""


def load(*, partnerships, agencies, users, today, made: dict) -> None:
    """Nothing yet."""
