"""What meetings' business leaves waiting on the home page (assure/core/waiting.py): the papers to
read before the next meeting of each body a person attends, and, for the business unit, the
minutes of each body's last meeting still to approve."""

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q

from assure.accounts.permissions import agencies_of
from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.partnerships.models import Meeting
from assure.partnerships.permissions import can_attend_meetings

from .models import AgendaItem, MeetingMinutes
from .permissions import can_manage_agendas, can_view_agendas

PAPERS_TO_READ = "governance.papers_to_read"
MINUTES_TO_APPROVE = "governance.minutes_to_approve"


def _day(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def papers_to_read(*, user, partnership, today: dt.date, limit: int = 50) -> list[WaitingItem]:
    """The published agenda of the next meeting of each body the person attends (the rule of
    the partnership's "meetings" kind: the board's for a role that sits at it, a subgroup's for
    those whose agency is expected there), when it carries papers. One query."""
    if not can_view_agendas(user=user, partnership=partnership):
        return []
    attends = Q(pk__in=[])
    if can_attend_meetings(user=user, partnership=partnership):
        attends |= Q(subgroup__isnull=True)
    if agencies := agencies_of(user=user, partnership=partnership):
        attends |= Q(subgroup__is_active=True, subgroup__agencies__in=agencies)
    with_paper = Q(agenda_items__paper_label__gt="") | ~Q(agenda_items__paper_file="")
    meetings = (
        Meeting.objects.filter(
            attends,
            partnership=partnership,
            held_on__gte=today,
            minutes_record__agenda_published_at__isnull=False,
        )
        .select_related("subgroup")
        .annotate(papers=Count("agenda_items", filter=with_paper, distinct=True))
        .order_by("held_on", "pk")[:limit]
    )
    items, bodies = [], set()
    for meeting in meetings:
        if meeting.subgroup_id in bodies:
            continue
        bodies.add(meeting.subgroup_id)
        if not meeting.papers:
            continue
        items.append(
            WaitingItem(
                kind=PAPERS_TO_READ,
                title=f"Papers for the {meeting.body_name.lower()} meeting, {_day(meeting.held_on)}",
                url=partnership_url("governance:agenda", partnership, meeting=meeting.pk),
                due=meeting.held_on,
                due_label="For the meeting on",
                detail=f"{meeting.papers} paper{'s' if meeting.papers != 1 else ''} on the agenda",
            )
        )
    return items


def minutes_to_approve(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: the minutes of each body's last meeting held, with an agenda,
    not yet approved, to take to the next meeting. Two queries."""
    if not can_manage_agendas(user=user, partnership=partnership):
        return []
    held = (
        Meeting.objects.filter(partnership=partnership, held_on__lt=today)
        .filter(Q(subgroup__isnull=True) | Q(subgroup__is_active=True))
        .order_by("-held_on", "-pk")
        .values_list("pk", "subgroup_id")
    )
    last_of_body: dict[int | None, int] = {}
    for pk, subgroup_id in held:
        last_of_body.setdefault(subgroup_id, pk)
    approved = MeetingMinutes.objects.filter(meeting=OuterRef("pk"), status=MeetingMinutes.Status.APPROVED)
    meetings = (
        Meeting.objects.filter(pk__in=last_of_body.values())
        .filter(Exists(AgendaItem.objects.filter(meeting=OuterRef("pk"))), ~Exists(approved))
        .select_related("subgroup")
        .order_by("-held_on", "-pk")
    )
    return [
        WaitingItem(
            kind=MINUTES_TO_APPROVE,
            title=f"Minutes of the {meeting.body_name.lower()} meeting, {_day(meeting.held_on)}",
            url=partnership_url("governance:minutes", partnership, meeting=meeting.pk),
            detail="Draft minutes, to be approved at the next meeting",
        )
        for meeting in meetings
    ]
