"""What the handling of referrals has waiting for the designated officer with the ``lado`` grant,
for their home page; each reads in a constant number of queries, titled by the referral's
reference (never the person):

- "Allegations due soon or overdue": each open allegation past one of its timescales, or whose
  next timescale falls due within its clock's amber days;
- "Employer updates overdue": each update asked of an employer and not answered by its date,
  with a reminder to send and when one was last sent."""

import datetime as dt

from assure.clocks.engine import ClockState
from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.notifications.selectors import last_reminded

from .clocks import next_reading, open_allegation_clocks
from .models import Referral, UpdateRequest
from .permissions import can_manage_cases
from .selectors.handling import referral_page_url
from .selectors.referrals_base import referrals_visible_to

ALLEGATIONS_DUE = "lado.allegations_due"
UPDATES_OVERDUE = "lado.updates_overdue"


def _lower(title: str) -> str:
    return f"{title[:1].lower()}{title[1:]}"


def allegations_due(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    items = []
    for referral, readings, url in open_allegation_clocks(user=user, partnership=partnership, today=today):
        passed = [(scale, reading) for scale, reading in readings if reading.state is ClockState.OVERDUE]
        found = next_reading(readings)
        if passed:
            scale, reading = passed[-1]
            detail = f"Over its timescale: {_lower(scale.title)}, {reading.label}"
            if found and found[1].state is not ClockState.OVERDUE:
                detail += f"; {_lower(found[0].title)}: {found[1].label}"
            due, overdue = reading.due_on, True
        elif found and found[1].state is ClockState.AMBER:
            scale, reading = found
            detail, due, overdue = f"Resolution {_lower(scale.title)}: {reading.label}", reading.due_on, False
        else:
            continue
        items.append(
            WaitingItem(
                kind=ALLEGATIONS_DUE,
                title=f"Allegation {referral.reference}",
                url=url,
                due=due,
                detail=detail,
                overdue=overdue,
            )
        )
    return items


def updates_overdue(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    if not can_manage_cases(user=user, partnership=partnership):
        return []
    updates = list(
        UpdateRequest.objects.filter(
            referral__in=referrals_visible_to(user=user, partnership=partnership).filter(Referral.OPEN),
            answered_at__isnull=True,
            withdrawn_at__isnull=True,
            due_on__lt=today,
        )
        .select_related("referral")
        .order_by("due_on", "pk")
    )
    if not updates:
        return []
    reminded = last_reminded(model=UpdateRequest, ids=[u.pk for u in updates])
    return [
        WaitingItem(
            kind=UPDATES_OVERDUE,
            title=f"Allegation {u.referral.reference}: update from {u.referral.employer_name}",
            url=referral_page_url(partnership, u.referral_id),
            due=u.due_on,
            detail=f"Asked of {u.asked_of_name}",
            overdue=True,
            remind_url=partnership_url("lado:update_remind", partnership, pk=u.pk),
            last_reminded=reminded.get(str(u.pk)),
        )
        for u in updates
    ]
