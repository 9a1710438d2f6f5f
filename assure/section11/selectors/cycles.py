"""Reads of cycles: the cycles a partnership takes part in, what the business unit may open one
with, and completion tracking (counts, the register of returns, the overdue list)."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import BooleanField, Case, Q, QuerySet, Value, When
from django.utils import timezone

from assure.accounts.models import Membership
from assure.accounts.permissions import is_agency_scoped
from assure.library.models import LibraryItem
from assure.library.selectors import current_items
from assure.partnerships.models import Agency, Partnership

from ..framework import framework_of
from ..models import Cycle, Return
from ..permissions import can_manage, can_view
from .access import return_scope_q

Status = Return.Status


def cycles_visible_to(*, user, partnership: Partnership) -> QuerySet[Cycle]:
    """The cycles the partnership takes part in, newest deadline first; none without section11.view."""
    if not can_view(user=user, partnership=partnership):
        return Cycle.objects.none()
    return Cycle.objects.filter(partnerships=partnership).select_related("framework__document", "lead_partnership")


def framework_choices() -> QuerySet[LibraryItem]:
    """The current version of every framework of the library."""
    return current_items(kind="section11-framework")


def partnerships_to_open_with(*, user, partnership: Partnership) -> list[Partnership]:
    """The partnership itself and every other one where the same user is business unit: a
    region's cycle is opened by one person who runs it for several partnerships."""
    return [partnership, *other_partnerships_to_open_with(user=user, partnership=partnership)]


def other_partnerships_to_open_with(*, user, partnership: Partnership) -> QuerySet[Partnership]:
    """The other partnerships a cycle opened here may include (see ``partnerships_to_open_with``),
    by name: the choices of the form that opens one."""
    ids = Membership.objects.filter(user=user, is_active=True).values_list("partnership_id", flat=True)
    others = Partnership.objects.filter(pk__in=ids, is_active=True).exclude(pk=partnership.pk).order_by("name")
    return others.filter(pk__in=[p.pk for p in others if can_manage(user=user, partnership=p)])


def active_agencies(partnerships) -> QuerySet[Agency]:
    """Active agencies that belong to any of the partnerships today."""
    today = timezone.localdate()
    return (
        Agency.objects.filter(is_active=True, partnership_links__partnership__in=partnerships)
        .filter(Q(partnership_links__left_on__isnull=True) | Q(partnership_links__left_on__gte=today))
        .select_related("agency_type")
        .distinct()
        .order_by("name")
    )


def agencies_answering(*, framework: LibraryItem, partnerships) -> list[Agency]:
    """The agencies a cycle asks by default: every active agency of the partnerships whose type
    the framework applies to (an agency in several of them once)."""
    read = framework_of(framework)
    return [a for a in active_agencies(partnerships) if read.answered_by(a.agency_type.code)]


def previous_cycle_choices(*, user, partnership: Partnership) -> QuerySet[Cycle]:
    return cycles_visible_to(user=user, partnership=partnership)


def with_overdue(returns: QuerySet[Return]) -> QuerySet[Return]:
    flag = Case(When(Return.overdue_q(), then=Value(True)), default=Value(False), output_field=BooleanField())
    return returns.annotate(overdue=flag)


def section11_waiting(*, user, partnership: Partnership) -> str | None:
    """What Section 11 has waiting, as the menu says it: the returns of the partnership's agencies
    in its open cycles that are past their deadline and not handed in (an agency lead's own
    agency's), counted the way completion tracking counts them."""
    if not can_view(user=user, partnership=partnership):
        return None
    returns = Return.objects.filter(
        Return.overdue_q(),
        cycle__partnerships=partnership,
        cycle__status=Cycle.Status.OPEN,
        agency__partnership_links__partnership=partnership,
    )
    if is_agency_scoped(user=user, partnership=partnership):
        returns = returns.filter(return_scope_q(user=user, partnership=partnership))
    overdue = returns.values("pk").distinct().count()
    if not overdue:
        return None
    return f"{overdue} return{'s' if overdue != 1 else ''} overdue"


def tracked_returns(*, user, partnership: Partnership, cycle: Cycle) -> QuerySet[Return]:
    """The cycle's returns of the partnership's agencies, for completion tracking: every one of
    them (only their status shows), or an agency lead's own agency's. Whether a row links to the
    return is decided by ``returns_visible_to``."""
    if not can_view(user=user, partnership=partnership) or not cycle.partnerships.filter(pk=partnership.pk).exists():
        return Return.objects.none()
    returns = Return.objects.filter(cycle=cycle, agency__partnership_links__partnership=partnership)
    if is_agency_scoped(user=user, partnership=partnership):
        returns = returns.filter(return_scope_q(user=user, partnership=partnership))
    return with_overdue(returns.select_related("agency", "agency__agency_type", "cycle").distinct())


@dataclass(frozen=True)
class Completion:
    total: int
    not_started: int
    in_progress: int
    submitted: int
    under_challenge: int
    accepted: int
    overdue: int

    @property
    def rows(self) -> list[tuple[str, int, str]]:
        return [
            ("Not started", self.not_started, Status.NOT_STARTED),
            ("In progress", self.in_progress, Status.IN_PROGRESS),
            ("Submitted", self.submitted, Status.SUBMITTED),
            ("Under challenge", self.under_challenge, Status.UNDER_CHALLENGE),
            ("Accepted", self.accepted, Status.ACCEPTED),
            ("Overdue", self.overdue, "overdue"),
        ]


def completion_of(returns: list[Return]) -> Completion:
    """How many of the returns (read through ``tracked_returns``) are in each state (overdue:
    not submitted by the deadline, counted besides its status)."""
    counts = Counter(r.status for r in returns)
    return Completion(
        total=len(returns),
        not_started=counts[Status.NOT_STARTED],
        in_progress=counts[Status.IN_PROGRESS],
        submitted=counts[Status.SUBMITTED],
        under_challenge=counts[Status.UNDER_CHALLENGE],
        accepted=counts[Status.ACCEPTED],
        overdue=sum(1 for r in returns if r.overdue),
    )


def cycle_completion(*, user, partnership: Partnership, cycle: Cycle) -> Completion:
    """How many of the partnership's returns in the cycle are in each state (see ``completion_of``)."""
    return completion_of(list(tracked_returns(user=user, partnership=partnership, cycle=cycle)))
