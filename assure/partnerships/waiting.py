"""What waits for a person in the partnership's own registers, for their home page
(assure/core/waiting.py): the next meetings they attend, and, for the business unit, the agencies
nobody could answer for."""

import datetime as dt

from django.db.models import Exists, OuterRef, Q

from assure.accounts.models import Membership
from assure.accounts.permissions import agencies_of, can_manage_members
from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.library.selectors import role_definitions

from .models import Meeting, PartnershipAgency
from .permissions import can_attend_meetings

AGENCIES_WITHOUT_LEAD = "partnerships.agencies_without_lead"
MEETINGS = "partnerships.meetings"
NO_LEAD_FLAG = "Nobody at {agency} can answer Assure's requests: invite an agency lead"


def answering_roles() -> set[str]:
    """The roles that act for an agency (the agency lead's): a person holding one can answer
    what Assure asks of that agency. Library content: no user needed."""
    return {code for code, role in role_definitions().items() if role.agency_scoped and role.scope == "partnership"}


def agencies_without_lead(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    """For those who invite members: the partnership's current agencies with no active person
    who acts for them, so that nobody could answer a return or a challenge. One query."""
    if not can_manage_members(user=user, partnership=partnership):
        return []
    answerer = Membership.objects.filter(
        partnership=partnership,
        agency_id=OuterRef("agency_id"),
        is_active=True,
        user__is_active=True,
        role__in=answering_roles(),
    )
    links = (
        PartnershipAgency.objects.filter(partnership=partnership, left_on__isnull=True, agency__is_active=True)
        .filter(~Exists(answerer))
        .select_related("agency")
        .order_by("agency__name")
    )
    invite = partnership_url("accounts:member_add", partnership)
    return [
        WaitingItem(
            kind=AGENCIES_WITHOUT_LEAD,
            title=f"{link.agency.name} has no agency lead",
            url=invite,
            detail="Returns, Section 11 self-assessments and challenges for this agency reach nobody.",
            agency=link.agency.name,
            flag=NO_LEAD_FLAG.format(agency=link.agency.name),
        )
        for link in links
    ]


def meetings_to_attend(*, user, partnership, today: dt.date, limit: int = 50) -> list[WaitingItem]:
    """The next meeting of each body the person attends: the board's, for those whose role sits
    at it; a subgroup's, for those whose agency is expected at it. One query."""
    attends = Q(pk__in=[])
    if can_attend_meetings(user=user, partnership=partnership):
        attends |= Q(subgroup__isnull=True)
    if agencies := agencies_of(user=user, partnership=partnership):
        attends |= Q(subgroup__is_active=True, subgroup__agencies__in=agencies)
    meetings = (
        Meeting.objects.filter(attends, partnership=partnership, held_on__gte=today)
        .select_related("subgroup")
        .distinct()
        .order_by("held_on", "pk")[:limit]
    )
    items, bodies = [], set()
    for meeting in meetings:
        if meeting.subgroup_id in bodies:
            continue
        bodies.add(meeting.subgroup_id)
        held_on = meeting.held_on
        items.append(
            WaitingItem(
                kind=MEETINGS,
                title=f"{meeting.body_name} meeting, {held_on:%A} {held_on.day} {held_on:%B %Y}",
                url=partnership_url("partnerships:meeting_detail", partnership, pk=meeting.pk),
                due=meeting.held_on,
                due_label="On",
                detail=" · ".join(part for part in (meeting.title, meeting.location) if part),
            )
        )
    return items
