"""Reads of partnerships themselves: which ones a person belongs to, and one's overview."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from ..models import Meeting, Partnership
from ..permissions import can_manage, can_view


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
    return Overview(
        agencies=links.count(),
        board_agencies=links.filter(on_board=True).count(),
        subgroups=partnership.subgroups.filter(is_active=True).count(),
        meetings=partnership.meetings.count(),
        next_meetings=next_meetings,
    )
