"""What data returns have waiting for each person (their items on the home page, registered with
``assure.core.waiting``), and who is asked to act on a return: its agency's leads.

Each function reads in a constant number of queries however many returns there are, and only
the partnership asked about."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import QuerySet

from assure.accounts.models import Membership
from assure.accounts.permissions import agencies_of
from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.library.selectors import role_definitions
from assure.notifications.selectors import last_reminded
from assure.partnerships.models import Partnership

from ..models import DataReturn
from ..permissions import can_moderate_returns, can_remind_returns, can_submit_returns_for_own_agency
from ..pipeline import SUBMIT
from .returns import overdue_q, with_progress

Status = DataReturn.Status

NO_LEAD = "No agency lead account to answer it"


def lead_roles() -> set[str]:
    """The roles whose holders submit their own agency's returns (agency-scoped, with
    ``returns.submit``): the people a request or a reminder about a return goes to."""
    return {
        code
        for code, definition in role_definitions().items()
        if definition.agency_scoped and definition.scope == "partnership" and SUBMIT in definition.permissions
    }


def return_leads(*, returns: Iterable[DataReturn]) -> dict[int, list]:
    """Return id → the active people who submit it: its agency's leads in its round's partnership.
    One query, however many returns. This reads for sending a request, never for showing a page:
    the caller has already decided the returns are its to send about."""
    returns = list(returns)
    if not returns:
        return {}
    memberships = Membership.objects.filter(
        role__in=lead_roles(),
        is_active=True,
        user__is_active=True,
        partnership_id__in={r.round.partnership_id for r in returns},
        agency_id__in={r.agency_id for r in returns},
    ).select_related("user")
    people: dict[tuple[int, int], dict] = defaultdict(dict)
    for membership in memberships.order_by("user__full_name", "user_id"):
        people[(membership.partnership_id, membership.agency_id)][membership.user_id] = membership.user
    return {r.pk: list(people[(r.round.partnership_id, r.agency_id)].values()) for r in returns}


def _open_returns(partnership: Partnership, today: dt.date) -> QuerySet[DataReturn]:
    return with_progress(
        DataReturn.objects.filter(round__partnership=partnership, round__opens_on__lte=today), today
    ).select_related("round", "round__period", "agency")


def _title(data_return: DataReturn) -> str:
    return f"Data return for {data_return.round.period}: {data_return.agency}"


def _detail_of_progress(data_return: DataReturn) -> str:
    asked = data_return.asked
    return f"{data_return.entered} of {asked} figure{'s' if asked != 1 else ''} entered"


def returns_to_submit(*, user, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For an agency lead: their agency's draft returns in rounds that have opened."""
    if not can_submit_returns_for_own_agency(user=user, partnership=partnership):
        return []
    returns = _open_returns(partnership, today).filter(
        status=Status.DRAFT, agency_id__in=agencies_of(user=user, partnership=partnership)
    )
    return [
        WaitingItem(
            kind="performance.returns_to_submit",
            title=_title(r),
            url=partnership_url("performance:return_detail", partnership, pk=r.pk),
            due=r.round.deadline,
            detail=_detail_of_progress(r),
            agency=r.agency.name,
            overdue=r.overdue,
        )
        for r in returns
    ]


def returns_sent_back(*, user, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For an agency lead: their agency's returns sent back for correction, with the reason."""
    if not can_submit_returns_for_own_agency(user=user, partnership=partnership):
        return []
    returns = _open_returns(partnership, today).filter(
        status=Status.RETURNED, agency_id__in=agencies_of(user=user, partnership=partnership)
    )
    return [
        WaitingItem(
            kind="performance.returns_sent_back",
            title=_title(r),
            url=partnership_url("performance:return_detail", partnership, pk=r.pk),
            due=r.round.deadline,
            detail=f"Sent back for correction: {_shortened(r.returned_reason)}",
            agency=r.agency.name,
            overdue=r.overdue,
        )
        for r in returns
    ]


def _shortened(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def returns_overdue(*, user, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: every return past its deadline and not submitted (a return sent
    back and not submitted again counts), with when it was last reminded, the button's address
    for those who may remind, and a flag when the agency has nobody who could answer."""
    if not can_moderate_returns(user=user, partnership=partnership):
        return []
    returns = list(
        DataReturn.objects.filter(overdue_q(today), round__partnership=partnership).select_related(
            "round", "round__period", "agency"
        )
    )
    if not returns:
        return []
    reminded = last_reminded(model=DataReturn, ids=[r.pk for r in returns])
    leads = return_leads(returns=returns)
    may_remind = can_remind_returns(user=user, partnership=partnership)
    return [
        WaitingItem(
            kind="performance.returns_overdue",
            title=_title(r),
            url=partnership_url("performance:return_detail", partnership, pk=r.pk),
            due=r.round.deadline,
            detail="Sent back for correction and not submitted again"
            if r.status == Status.RETURNED
            else "Not submitted",
            agency=r.agency.name,
            overdue=True,
            returns_overdue=True,
            flag="" if leads[r.pk] else NO_LEAD,
            remind_url=partnership_url("performance:return_remind", partnership, pk=r.pk) if may_remind else "",
            last_reminded=reminded.get(str(r.pk)),
        )
        for r in returns
    ]
