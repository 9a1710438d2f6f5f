"""What the people allegations are about have waiting for the designated officer with the grant
on their home page: possible repeat referrals to check, one item a pair, named by the referrals'
references and why they may be the same person, never by name. Reads in a constant number of
queries."""

import datetime as dt

from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem

from .selectors.people import matches_waiting

REPEATS = "lado.repeats"


def _references(person) -> str:
    return ", ".join(referral.reference for referral in person.referrals.all()) or str(person)


def repeats_waiting(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    """Each pair of records that may be the same person, not yet checked by the officer."""
    return [
        WaitingItem(
            kind=REPEATS,
            title=f"Possible repeat referral: {_references(pair.person)} and {_references(pair.other)}",
            url=partnership_url("lado:match_decide", partnership, pk=pair.person.pk, other=pair.other.pk),
            detail=f"{'Exact' if pair.kind == 'exact' else 'Near'} match: {pair.why[0].lower()}{pair.why[1:]}",
        )
        for pair in matches_waiting(user=user, partnership=partnership)
    ]
