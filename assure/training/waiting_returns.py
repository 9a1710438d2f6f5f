"""What single-agency training returns have waiting, for the home page and the menu. Each reads
in a constant number of queries:

- "Training return to make": the year's return of each agency the lead acts for, not yet
  submitted (late after its due date, counted in "Returns overdue by agency");
- "Training returns not yet made": for the business unit, once the year's return is late, each
  agency that has not submitted it, with a reminder to send and when one was last sent."""

import datetime as dt

from django.utils import timezone

from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.notifications.selectors import last_reminded

from .models import TrainingReturn
from .permissions import can_make_return, can_manage
from .selectors.returns import asked_year, current_agencies, due_on, is_late, lead_agencies

TO_MAKE = "training.return_to_make"
NOT_MADE = "training.returns_not_made"


def _submitted(partnership, year: str) -> dict[int, TrainingReturn]:
    return {
        r.agency_id: r
        for r in TrainingReturn.objects.filter(partnership=partnership, year=year).only("pk", "agency_id", "status")
    }


def returns_to_make(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    if not can_make_return(user=user, partnership=partnership):
        return []
    agencies = list(lead_agencies(user=user, partnership=partnership))
    if not agencies:
        return []
    year = asked_year(today)
    found = _submitted(partnership, year)
    late = is_late(year=year, today=today)
    address = partnership_url("training:return_mine", partnership)
    return [
        WaitingItem(
            kind=TO_MAKE,
            title=f"Single-agency training return {year}: {agency}",
            url=address + (f"?agency={agency.pk}" if len(agencies) > 1 else ""),
            due=due_on(year),
            detail="Your workforce and the staff who completed safeguarding training",
            agency=agency.name,
            overdue=late,
            returns_overdue=late,
        )
        for agency in agencies
        if found.get(agency.pk) is None or found[agency.pk].status != TrainingReturn.Status.SUBMITTED
    ]


def returns_not_made(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    if not can_manage(user=user, partnership=partnership):
        return []
    year = asked_year(today)
    if not is_late(year=year, today=today):
        return []
    found = _submitted(partnership, year)
    waiting = [
        agency
        for agency in current_agencies(partnership)
        if found.get(agency.pk) is None or found[agency.pk].status != TrainingReturn.Status.SUBMITTED
    ]
    if not waiting:
        return []
    reminded = last_reminded(model=TrainingReturn, ids=[found[a.pk].pk for a in waiting if a.pk in found])
    overview = partnership_url("training:returns", partnership) + f"?year={year}"
    return [
        WaitingItem(
            kind=NOT_MADE,
            title=f"Single-agency training return {year}: {agency}",
            url=overview,
            due=due_on(year),
            detail="Not yet returned" if agency.pk not in found else "Started, not yet submitted",
            agency=agency.name,
            overdue=True,
            returns_overdue=True,
            remind_url=partnership_url("training:return_remind", partnership, agency=agency.pk),
            last_reminded=reminded.get(str(found[agency.pk].pk)) if agency.pk in found else None,
        )
        for agency in waiting
    ]


def returns_phrase(*, user, partnership) -> str | None:
    """The menu's line: how many agencies have not made the year's return, once it is late."""
    today = timezone.localdate()
    if not can_manage(user=user, partnership=partnership) or not is_late(year=asked_year(today), today=today):
        return None
    year = asked_year(today)
    made = TrainingReturn.objects.filter(
        partnership=partnership, year=year, status=TrainingReturn.Status.SUBMITTED
    ).values("agency_id")
    count = current_agencies(partnership).exclude(pk__in=made).count()
    return f"{count} return{'s' if count != 1 else ''} overdue" if count else None
