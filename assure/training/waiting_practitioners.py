"""What practitioners have waiting for the business unit on its home page: each verified
practitioner whose organisation is not one of the partnership's agencies, to place or refuse.
Named by the organisation, not the person. Reads in one query."""

import datetime as dt

from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem

from .selectors.practitioners import practitioners_to_place

TO_PLACE = "training.to_place"


def to_place_waiting(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    return [
        WaitingItem(
            kind=TO_PLACE,
            title=f"Organisation to place: {practitioner.other_organisation}",
            url=partnership_url("training:practitioner_place", partnership, pk=practitioner.pk),
            detail=f"Signed up on {practitioner.created_at:%-d %B %Y}; its bookings count for no agency until placed",
        )
        for practitioner in practitioners_to_place(user=user, partnership=partnership)
    ]


def to_place_phrase(*, user, partnership) -> str | None:
    """The menu's line on the practitioners' part: how many organisations wait to be placed."""
    count = practitioners_to_place(user=user, partnership=partnership).count()
    if not count:
        return None
    return f"{count} organisation{'s' if count != 1 else ''} to place"
