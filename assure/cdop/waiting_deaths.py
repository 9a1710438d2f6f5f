"""What child deaths have waiting for the child death review manager on their home page: agencies'
notifications to confirm, possible duplicates to check and deaths another panel passed to theirs.
Each names the death's reference only, never the child, and reads in a constant number of
queries."""

import datetime as dt

from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem

from .models import ChildDeath
from .permissions import can_manage_cases, can_read_cases
from .selectors.deaths import drafts_to_confirm, duplicate_groups, received_to_take_on
from .selectors.panels import deaths_visible_to, panels_of

DRAFTS = "cdop.drafts"
DUPLICATES = "cdop.duplicates"
RECEIVED = "cdop.received"


def drafts_waiting(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    """Notifications from agencies for the manager to check and confirm."""
    return [
        WaitingItem(
            kind=DRAFTS,
            title=f"Child death notification {death.reference}",
            url=partnership_url("cdop:death_detail", partnership, pk=death.pk),
            due=death.notified_on,
            due_label="Notified",
            detail="From an agency: check it for duplicates and confirm it",
        )
        for death in drafts_to_confirm(user=user, partnership=partnership)
    ]


def duplicates_waiting(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    """Deaths of the manager's panels that may duplicate another, the newer of each pair."""
    if not can_manage_cases(user=user, partnership=partnership):
        return []
    panel_ids = panels_of(partnership=partnership).values("pk")
    deaths = deaths_visible_to(user=user, partnership=partnership).filter(panel_id__in=panel_ids)
    groups = duplicate_groups(deaths)
    if not groups:
        return []
    references = dict(ChildDeath.objects.filter(pk__in=groups).values_list("pk", "reference"))
    return [
        WaitingItem(
            kind=DUPLICATES,
            title=f"Possible duplicate child death {references[pk]}",
            url=partnership_url("cdop:death_detail", partnership, pk=pk),
            detail="Same date of death, date of birth and sex as "
            + ", ".join(references[other] for other in others if other in references),
        )
        for pk, others in sorted(groups.items())
        # One item a pair: the newer death, which is usually the one notified twice.
        if any(other < pk for other in others)
    ]


def received_waiting(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    """Deaths another panel of the installation passed to the manager's panel."""
    return [
        WaitingItem(
            kind=RECEIVED,
            title=f"Child death {death.reference} from {death.recorded_by}",
            url=partnership_url("cdop:death_detail", partnership, pk=death.pk),
            due=death.passed_on_on,
            due_label="Passed on",
            detail="The child lived in your panel's area: take the death on to review it",
        )
        for death in received_to_take_on(user=user, partnership=partnership)
    ]


def deaths_phrase(*, user, partnership) -> str | None:
    """The menu's line on child deaths: how many await the panel, or None."""
    if not can_read_cases(user=user, partnership=partnership):
        return None
    count = deaths_visible_to(user=user, partnership=partnership).filter(ChildDeath.OPEN).count()
    if not count:
        return None
    return f"{count} child death{'s' if count != 1 else ''} awaiting the panel"
