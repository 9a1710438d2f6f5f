"""The person a referral is about and their repeat matches, for the referral's page."""


def person_for_referral_page(*, user, partnership, referral) -> dict:
    return {}
