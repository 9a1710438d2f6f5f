"""Reads of partnerships themselves: which ones a person belongs to, one's overview and its first
steps, and the operator's list of every partnership."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from assure.accounts.permissions import has_permission

from ..hooks import first_steps
from ..models import Meeting, Partnership
from ..permissions import can_create_partnership, can_manage, can_view


def partnerships_of(*, user) -> QuerySet[Partnership]:
    """The active partnerships in which the user holds an active membership."""
    if not getattr(user, "is_authenticated", False):
        return Partnership.objects.none()
    return (
        Partnership.objects.filter(is_active=True, memberships__user=user, memberships__is_active=True)
        .distinct()
        .order_by("name")
    )


def partnership_for_member(*, user, slug: str) -> Partnership | None:
    """The partnership with this slug if the user is a member of it, else None."""
    return partnerships_of(user=user).filter(slug=slug).first()


def managed_partnerships(*, user) -> list[Partnership]:
    """The user's partnerships in which they may manage agencies, subgroups and meetings."""
    return [p for p in partnerships_of(user=user) if can_manage(user=user, partnership=p)]


@dataclass(frozen=True)
class Overview:
    agencies: int
    board_agencies: int
    subgroups: int
    meetings: int
    next_meetings: list[Meeting]


def partnership_overview(*, user, partnership: Partnership, upcoming: int = 5) -> Overview | None:
    """The figures on a partnership's home page: how many current agencies (and of them on the
    board), active subgroups and meetings it has, and its next few meetings."""
    if not can_view(user=user, partnership=partnership):
        return None
    links = partnership.agency_links.filter(left_on__isnull=True)
    next_meetings = list(
        Meeting.objects.filter(partnership=partnership, held_on__gte=timezone.localdate())
        .select_related("subgroup")
        .order_by("held_on", "pk")[:upcoming]
    )
    counted = links.aggregate(agencies=Count("pk"), board=Count("pk", filter=Q(on_board=True)))
    return Overview(
        agencies=counted["agencies"],
        board_agencies=counted["board"],
        subgroups=partnership.subgroups.filter(is_active=True).count(),
        meetings=partnership.meetings.count(),
        next_meetings=next_meetings,
    )


def partnerships_for_operator(*, user) -> QuerySet[Partnership]:
    """Every partnership of the installation, for its operator: the names and the local authority
    only (the operator's pages show nothing else), whether or not the operator is a member."""
    if not can_create_partnership(user=user):
        return Partnership.objects.none()
    return Partnership.objects.only("name", "short_name", "slug", "la_name", "ons_code", "is_active").order_by("name")


def partnership_for_operator(*, user, slug: str) -> Partnership | None:
    return partnerships_for_operator(user=user).filter(slug=slug).first()


@dataclass(frozen=True)
class FirstStepLine:
    label: str
    hint: str
    done: bool
    url: str


def first_steps_of(*, user, partnership: Partnership) -> list[FirstStepLine]:
    """The checklist a new partnership's overview shows its business unit: each first step
    (adding agencies, inviting people, the statistics and the scorecard, which other apps
    register), ticked when taken. Empty once every step is done, and for anyone who cannot
    manage the partnership."""
    if not can_manage(user=user, partnership=partnership):
        return []
    # First steps are taken once: when a partnership has taken them all, the overview stops asking
    # (one cache read instead of a query a step on every visit to the overview).
    done_key = f"partnerships:first-steps-done:{partnership.pk}"
    if cache.get(done_key):
        return []
    lines = []
    for step in first_steps():
        may_take = step.url_name and (
            not step.permission or has_permission(user=user, permission=step.permission, partnership=partnership)
        )
        lines.append(
            FirstStepLine(
                label=step.label,
                hint=step.hint,
                done=bool(step.is_done(partnership)),
                url=reverse(step.url_name, kwargs={"partnership": partnership.slug}) if may_take else "",
            )
        )
    if all(line.done for line in lines):
        cache.set(done_key, True, timeout=None)
        return []
    return lines
