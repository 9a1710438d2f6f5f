"""Reads of meetings' business: agendas, their items and papers, the minutes and their approval.
Every read takes the person asking and gives only what they may see."""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from assure.accounts.models import Membership, User
from assure.actions.models import Action
from assure.actions.selectors import actions_visible_to
from assure.core.links import linkable_kinds, linked_url
from assure.library.selectors import role_definitions
from assure.partnerships.models import Meeting, Partnership

from ..models import AgendaItem, MeetingMinutes
from ..permissions import can_manage_agendas, can_view_agendas, may_read_paper

PAPER = "paper"
AGENDAS_VIEW = "agendas.view"
MEETINGS_ATTEND = "meetings.attend"


def agenda_meeting_for(*, user, partnership: Partnership, pk: int) -> Meeting | None:
    """A meeting of the partnership whose agenda the person may read, or None (not told apart
    from a meeting that does not exist)."""
    if not can_view_agendas(user=user, partnership=partnership):
        return None
    return Meeting.objects.filter(partnership=partnership, pk=pk).select_related("subgroup", "partnership").first()


def agenda_items_of(*, user, meeting: Meeting) -> QuerySet[AgendaItem]:
    """A meeting's agenda items in order, with their presenters' agencies."""
    if not can_view_agendas(user=user, partnership=meeting.partnership):
        return AgendaItem.objects.none()
    return (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("presenter_agency", "paper_type", "meeting", "meeting__partnership")
        .order_by("position", "pk")
    )


def agenda_item_for(*, user, partnership: Partnership, pk: int) -> AgendaItem | None:
    """One agenda item of the partnership's meetings, or None when the person may not read it."""
    if not can_view_agendas(user=user, partnership=partnership):
        return None
    return (
        AgendaItem.objects.filter(meeting__partnership=partnership, pk=pk)
        .select_related("meeting", "meeting__subgroup", "meeting__partnership", "presenter_agency", "paper_type")
        .first()
    )


def minutes_of(*, user, meeting: Meeting) -> MeetingMinutes | None:
    """Where the meeting's minutes stand (and whether its agenda is published); None when
    nothing has been recorded yet or the person may not read agendas."""
    if not can_view_agendas(user=user, partnership=meeting.partnership):
        return None
    return MeetingMinutes.objects.filter(meeting=meeting).select_related("approved_at_meeting").first()


def _same_body(meeting: Meeting) -> Q:
    return Q(partnership_id=meeting.partnership_id, subgroup_id=meeting.subgroup_id)


def previous_meeting(*, user, meeting: Meeting) -> Meeting | None:
    """The meeting of the same body (the board, or the same subgroup) just before this one."""
    if not can_view_agendas(user=user, partnership=meeting.partnership):
        return None
    earlier = Meeting.objects.filter(_same_body(meeting)).filter(
        Q(held_on__lt=meeting.held_on) | Q(held_on=meeting.held_on, pk__lt=meeting.pk)
    )
    return earlier.select_related("subgroup").order_by("-held_on", "-pk").first()


def next_meeting(*, user, meeting: Meeting) -> Meeting | None:
    """The meeting of the same body just after this one: where its minutes are approved."""
    if not can_view_agendas(user=user, partnership=meeting.partnership):
        return None
    later = Meeting.objects.filter(_same_body(meeting)).filter(
        Q(held_on__gt=meeting.held_on) | Q(held_on=meeting.held_on, pk__gt=meeting.pk)
    )
    return later.select_related("subgroup").order_by("held_on", "pk").first()


# --- the agenda as a page shows it -----------------------------------------------------------


@dataclass(frozen=True)
class AgendaLine:
    """One item of an agenda, with what this reader may open of its paper and the actions it
    raised that they may see."""

    item: AgendaItem
    paper_url: str  # the linked record's page, "" when there is none or the reader may not open it
    may_read_paper: bool
    actions: list[Action]


def agenda_lines(*, user, meeting: Meeting) -> list[AgendaLine]:
    items = list(agenda_items_of(user=user, meeting=meeting))
    raised = actions_raised(user=user, partnership=meeting.partnership, items=items)
    lines = []
    for item in items:
        readable = may_read_paper(user=user, item=item)
        url = ""
        if readable and item.paper_type_id:
            url = linked_url(
                user=user, partnership=meeting.partnership, content_type=item.paper_type, object_id=item.paper_id
            )
        lines.append(AgendaLine(item=item, paper_url=url, may_read_paper=readable, actions=raised.get(item.pk, [])))
    return lines


def actions_raised(*, user, partnership: Partnership, items: list[AgendaItem]) -> dict[int, list[Action]]:
    """Item id → the actions raised from it that the person may see. One query."""
    if not items:
        return {}
    raised = actions_visible_to(user=user, partnership=partnership).filter(
        source_type=ContentType.objects.get_for_model(AgendaItem),
        source_id__in=[str(item.pk) for item in items],
    )
    found: dict[int, list[Action]] = defaultdict(list)
    for action in raised.order_by("reference"):
        found[int(action.source_id)].append(action)
    return found


# --- papers: records of Assure an item may carry -----------------------------------------------


def paper_choices(*, user, partnership: Partnership) -> list[tuple[str, list[tuple[str, str]]]]:
    """The records of Assure the person may give as a paper, grouped by kind (reports and board
    packs, exception reports, the risk register, challenges...): ``(kind label, [(value,
    label)])`` with values ``"<kind key>:<id>"``. Only kinds with records to offer are listed."""
    if not can_manage_agendas(user=user, partnership=partnership):
        return []
    groups = []
    for kind in linkable_kinds(use=PAPER):
        options = [(f"{kind.key}:{pk}", label) for pk, label in kind.choices(user=user, partnership=partnership)]
        if options:
            groups.append((kind.label, options))
    return groups


# --- who attends: the people sent the agenda and asked to read its papers --------------------


def _roles_with(*permissions: str, agency_scoped: bool | None = None) -> set[str]:
    """The partnership roles granting every one of ``permissions``. Library content."""
    return {
        code
        for code, role in role_definitions().items()
        if role.scope == "partnership"
        and set(permissions) <= set(role.permissions)
        and (agency_scoped is None or role.agency_scoped == agency_scoped)
    }


def attendees_of(*, user, meeting: Meeting) -> QuerySet[User]:
    """The people who attend a meeting and may read its agenda, by the rule of the home page's
    meetings: for the board, those whose role sits at it; for a subgroup, those who act for an
    agency expected at it. For the business unit sending them the agenda. One query."""
    partnership = meeting.partnership
    if not can_manage_agendas(user=user, partnership=partnership):
        return User.objects.none()
    if meeting.subgroup_id:
        who = Q(
            role__in=_roles_with(AGENDAS_VIEW, agency_scoped=True),
            agency_id__in=meeting.subgroup.agencies.values("pk"),
        )
    else:
        who = Q(role__in=_roles_with(AGENDAS_VIEW, MEETINGS_ATTEND))
    members = Membership.objects.filter(who, partnership=partnership, is_active=True, user__is_active=True)
    return User.objects.filter(pk__in=members.values("user_id")).order_by("full_name", "pk")


# --- the agenda as the board pack prints it ----------------------------------------------------


@dataclass(frozen=True)
class PackLine:
    number: str
    title: str
    presenter: str
    purpose: str
    paper: str


def agenda_for_pack(*, user, meeting: Meeting) -> list[PackLine]:
    """The agenda's items as a board pack lists them: number, title, presenter, purpose and
    paper (a confidential item's title is kept, its paper named only as restricted)."""
    lines = []
    for number, item in enumerate(agenda_items_of(user=user, meeting=meeting), start=1):
        presenter = ", ".join(
            p for p in (item.presenter, item.presenter_agency.name if item.presenter_agency else "") if p
        )
        if item.confidential:
            paper = "Confidential paper (restricted)" if item.has_paper else ""
        elif item.paper_file:
            paper = f"{item.paper_label or item.paper_file_name} (document)"
        else:
            paper = item.paper_label
        title = f"{item.title} (confidential, part B)" if item.confidential else item.title
        lines.append(PackLine(str(number), title, presenter, item.get_purpose_display(), paper))
    return lines


def agenda_items_in(*, user, partnership: Partnership) -> QuerySet[AgendaItem]:
    """Every item of the partnership's agendas the person may read, newest meeting first."""
    if not can_view_agendas(user=user, partnership=partnership):
        return AgendaItem.objects.none()
    return (
        AgendaItem.objects.filter(meeting__partnership=partnership)
        .select_related("meeting", "meeting__subgroup", "meeting__partnership")
        .order_by("-meeting__held_on", "-meeting_id", "position", "pk")
    )
