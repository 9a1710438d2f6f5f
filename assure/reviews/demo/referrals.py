"""The demo's referrals."""


def load(*, partnerships, agencies, users, today, made: dict) -> None:
    """Nothing yet."""
