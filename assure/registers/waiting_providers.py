"""What private providers have waiting: for the business unit, each provider who has confirmed
their e-mail and waits for its check (named by the organisation, not the person); for a provider,
their draft notifications whose CSE risk assessment is not yet submitted (named by number, never
by the child). Each reads in one query."""

import datetime as dt

from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem

from .selectors.providers import drafts_to_finish, providers_to_verify

TO_VERIFY = "registers.providers_to_verify"
DRAFTS = "registers.notifications_to_finish"


def to_verify_waiting(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    return [
        WaitingItem(
            kind=TO_VERIFY,
            title=f"Provider to verify: {provider.organisation}",
            url=partnership_url("registers:provider_review", partnership, pk=provider.pk),
            detail=f"Signed up on {provider.created_at:%-d %B %Y}; cannot notify placements until verified",
        )
        for provider in providers_to_verify(user=user, partnership=partnership)
    ]


def to_verify_phrase(*, user, partnership) -> str | None:
    """The menu's line on the providers' part: how many wait for the business unit's check."""
    count = providers_to_verify(user=user, partnership=partnership).count()
    if not count:
        return None
    return f"{count} provider{'s' if count != 1 else ''} to verify"


def drafts_waiting(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    return [
        WaitingItem(
            kind=DRAFTS,
            title=f"Placement notification {entry.number}: the CSE risk assessment to finish",
            url=partnership_url("registers:notification_answers", partnership, pk=entry.pk),
            detail=f"Started on {entry.recorded_at:%-d %B %Y}; not sent until the risk assessment is submitted",
        )
        for entry in drafts_to_finish(user=user, partnership=partnership)
    ]


def drafts_phrase(*, user, partnership) -> str | None:
    count = drafts_to_finish(user=user, partnership=partnership).count()
    if not count:
        return None
    return f"{count} draft{'s' if count != 1 else ''} to finish"
