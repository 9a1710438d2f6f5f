"""The handling of a referral and its clocks, for the referral's page."""


def handling_for_referral_page(*, user, partnership, referral, today) -> dict:
    return {}
