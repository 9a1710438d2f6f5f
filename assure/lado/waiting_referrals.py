"""What referrals have waiting for the designated officer on their home page: the drafts from
employers to accept, and the menu's line about them. Each names the referral's reference and
the employer, never the person, and reads in a constant number of queries."""

import datetime as dt

from assure.core.tables import record_address
from assure.core.waiting import WaitingItem

from .models import Referral
from .selectors.referrals import drafts_to_accept
from .selectors.referrals_base import referrals_visible_to

DRAFTS = "lado.drafts"


def drafts_waiting(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    """The drafts from employers for the officer with the grant to check and accept or decline."""
    drafts = drafts_to_accept(user=user, partnership=partnership)
    if not drafts:
        return []
    address = record_address("lado:referral_detail", partnership=partnership.slug)
    return [
        WaitingItem(
            kind=DRAFTS,
            title=f"Allegation referral {referral.reference}",
            url=address(referral.pk),
            due=referral.date_referred,
            due_label="Referred",
            detail=f"From {referral.employer_name}: check it and accept or decline it",
        )
        for referral in drafts
    ]


def referrals_phrase(*, user, partnership) -> str | None:
    """The menu's line on allegations: how many drafts wait to be accepted, or None."""
    count = referrals_visible_to(user=user, partnership=partnership).filter(status=Referral.Status.DRAFT).count()
    if not count:
        return None
    return f"{count} draft{'s' if count != 1 else ''} to accept"
