"""What Section 11 has waiting for a person, for their home page (``assure.core.waiting``).

- an agency lead: their agency's return to complete (due by the cycle's deadline) and each
  challenge to answer, naming the criterion;
- a moderator: each challenge answered and awaiting review;
- the business unit: each return overdue, to chase (counted in "Returns overdue by agency").

Each kind reads the partnership's own returns only (a cycle may include other partnerships, and
an agency may belong to several), the way ``returns_visible_to`` scopes them, in a constant
number of queries however many there are."""

import datetime as dt

from django.db.models import QuerySet
from django.utils.text import Truncator

from assure.accounts.permissions import is_agency_scoped
from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem, WaitingKind
from assure.notifications.selectors import last_reminded
from assure.partnerships.models import Partnership

from .framework import framework_of
from .models import Cycle, Response, Return
from .permissions import can_complete_for, can_manage, can_moderate
from .selectors.access import return_scope_q
from .selectors.recipients import return_leads


def _open_returns(*, user, partnership: Partnership) -> QuerySet[Return]:
    """The returns of the partnership's agencies the user may read, in its open cycles."""
    scope = return_scope_q(user=user, partnership=partnership)
    if scope is None:
        return Return.objects.none()
    ids = Return.objects.filter(scope, cycle__status=Cycle.Status.OPEN).values("pk")
    return Return.objects.filter(pk__in=ids).select_related("cycle", "agency")


def _criterion_title(response: Response) -> str:
    criterion = framework_of(response.return_record.cycle.framework).criterion(response.criterion)
    text = Truncator(criterion.text).words(8) if criterion else ""
    return f"{response.criterion} {text}".strip()


def _return_url(partnership: Partnership, return_record: Return, anchor: str = "") -> str:
    url = partnership_url("section11:return_detail", partnership, pk=return_record.pk)
    return f"{url}#{anchor}" if anchor else url


def returns_to_complete(*, user, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """An agency lead's returns not handed in yet, in the partnership's open cycles."""
    if not is_agency_scoped(user=user, partnership=partnership):
        return []
    returns = _open_returns(user=user, partnership=partnership).filter(status__in=Return.EDITABLE)
    return [
        WaitingItem(
            kind="section11.returns",
            title=f"Complete the Section 11 return of {r.agency}",
            url=_return_url(partnership, r),
            due=r.cycle.deadline,
            detail=f"{r.cycle.title}: {r.get_status_display().lower()}",
            agency=r.agency.name,
            overdue=r.cycle.deadline < today,
        )
        for r in returns.order_by("cycle__deadline", "pk")
        if can_complete_for(user=user, partnership=partnership, agency_id=r.agency_id)
    ]


def _responses(*, user, partnership: Partnership, moderation: str) -> QuerySet[Response]:
    returns = _open_returns(user=user, partnership=partnership).filter(status=Return.Status.UNDER_CHALLENGE)
    return (
        Response.objects.filter(return_record__in=returns.values("pk"), moderation=moderation)
        .select_related("return_record__cycle__framework__document", "return_record__agency")
        .order_by("return_record__cycle__deadline", "return_record_id", "pk")
    )


def challenges_to_answer(*, user, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """Each criterion a moderator challenged on the agency lead's returns, not yet answered."""
    if not is_agency_scoped(user=user, partnership=partnership):
        return []
    responses = _responses(user=user, partnership=partnership, moderation=Response.Moderation.CHALLENGED)
    return [
        WaitingItem(
            kind="section11.challenges",
            title=f"Answer the challenge on {_criterion_title(r)}",
            url=_return_url(partnership, r.return_record, f"criterion-{r.criterion}"),
            due=r.return_record.cycle.deadline,
            detail=f"{r.return_record.agency}: {r.return_record.cycle.title}",
            agency=r.return_record.agency.name,
            overdue=r.return_record.cycle.deadline < today,
        )
        for r in responses
        if can_complete_for(user=user, partnership=partnership, agency_id=r.return_record.agency_id)
    ]


def answers_to_review(*, user, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """Each challenge an agency has answered, awaiting a moderator's review."""
    if not can_moderate(user=user, partnership=partnership):
        return []
    responses = _responses(user=user, partnership=partnership, moderation=Response.Moderation.ANSWERED)
    return [
        WaitingItem(
            kind="section11.answers",
            title=f"Review the answer on {_criterion_title(r)}",
            url=partnership_url("section11:response_moderate", partnership, pk=r.pk),
            detail=f"{r.return_record.agency}: {r.return_record.cycle.title}",
            agency=r.return_record.agency.name,
        )
        for r in responses
    ]


def returns_overdue(*, user, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: each return of the partnership's agencies past its cycle's deadline
    and not handed in, to chase; flagged when the agency has nobody who could answer it."""
    if not can_manage(user=user, partnership=partnership):
        return []
    returns = list(
        _open_returns(user=user, partnership=partnership)
        .filter(Return.overdue_q(today))
        .order_by("cycle__deadline", "agency__name", "pk")
    )
    if not returns:
        return []
    reminded = last_reminded(model=Return, ids=[r.pk for r in returns])
    leads = return_leads(returns, partnerships=[partnership])
    return [
        WaitingItem(
            kind="section11.overdue",
            title=f"Section 11 return of {r.agency}",
            url=_return_url(partnership, r),
            due=r.cycle.deadline,
            detail=f"{r.cycle.title}: {r.get_status_display().lower()}",
            agency=r.agency.name,
            overdue=True,
            returns_overdue=True,
            flag="" if leads.get(r.pk) else f"Nobody at {r.agency} can answer it: invite an agency lead.",
            remind_url=partnership_url("section11:return_remind", partnership, pk=r.pk),
            last_reminded=reminded.get(str(r.pk)),
        )
        for r in returns
    ]


WAITING_KINDS = (
    WaitingKind(key="section11.returns", label="Section 11 returns to complete", order=20, items=returns_to_complete),
    WaitingKind(key="section11.challenges", label="Challenges to answer", order=21, items=challenges_to_answer),
    WaitingKind(key="section11.answers", label="Challenge answers to review", order=22, items=answers_to_review),
    WaitingKind(key="section11.overdue", label="Section 11 returns overdue", order=23, items=returns_overdue),
)
