"""The demo's reviews."""


def load(*, partnerships, agencies, users, today, made: dict) -> None:
    """Nothing yet."""
