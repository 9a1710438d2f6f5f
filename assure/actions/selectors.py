"""Reads of actions. Every function takes the requesting user: someone without ``actions.view``
sees none, and an agency lead sees only the actions their agency owns."""

import datetime as dt
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from assure.accounts.models import User
from assure.accounts.permissions import agencies_of, is_agency_scoped
from assure.accounts.recipients import agency_people_with, roles_granting
from assure.partnerships.models import Agency, Partnership
from assure.partnerships.years import financial_year_bounds, financial_year_of

from .models import Action, ActionUpdate
from .permissions import can_view_actions

OPEN_STATUSES = Action.OPEN_STATUSES


def actions_visible_to(
    *,
    user: User,
    partnership: Partnership,
    status: str | None = None,
    owner_agency: Agency | None = None,
    overdue: bool = False,
    source=None,
) -> QuerySet[Action]:
    """The partnership's actions the user may see (their agency's only, for an agency lead),
    optionally only those in a status, of an owner agency, overdue, or raised from ``source``
    (any record: later apps list the actions their record raised)."""
    if not can_view_actions(user=user, partnership=partnership):
        return Action.objects.none()
    qs = Action.objects.filter(partnership=partnership).select_related("partnership", "owner_agency", "owner")
    if is_agency_scoped(user=user, partnership=partnership):
        qs = qs.filter(owner_agency_id__in=agencies_of(user=user, partnership=partnership))
    if status:
        qs = qs.filter(status=status)
    if owner_agency is not None:
        qs = qs.filter(owner_agency=owner_agency)
    if overdue:
        qs = qs.filter(Action.overdue_q())
    if source is not None:
        qs = qs.filter(source_type=ContentType.objects.get_for_model(source), source_id=str(source.pk))
    return qs


@dataclass(frozen=True)
class ActionSummary:
    open: int
    overdue: int
    completed_this_year: int
    year_start: dt.date


def action_summary(*, user: User, partnership: Partnership) -> ActionSummary:
    """Counts for the top of the tracker, over the actions the user may see: still open
    (not started or in progress), overdue, and completed since the financial year (April to
    March, as partnerships report) began."""
    today = timezone.localdate()
    year_start, _ = financial_year_bounds(financial_year_of(today))
    counts = actions_visible_to(user=user, partnership=partnership).aggregate(
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("pk", filter=Action.overdue_q(today)),
        completed=Count("pk", filter=Q(status=Action.Status.COMPLETED, completed_on__gte=year_start)),
    )
    return ActionSummary(
        open=counts["open"], overdue=counts["overdue"], completed_this_year=counts["completed"], year_start=year_start
    )


def actions_scope(*, user: User, partnership: Partnership) -> str:
    """Which of the partnership's actions the user sees, in a word a cache key can hold: "all",
    or the agencies of an agency lead ("agencies-3-8"). People with the same scope see the same
    tracker."""
    if not can_view_actions(user=user, partnership=partnership):
        return "none"
    if is_agency_scoped(user=user, partnership=partnership):
        return "agencies-" + "-".join(str(pk) for pk in sorted(agencies_of(user=user, partnership=partnership)))
    return "all"


def actions_waiting(*, user: User, partnership: Partnership) -> str | None:
    """What the tracker has waiting for the user, as the menu says it: the overdue actions they
    may see, if any."""
    overdue = actions_visible_to(user=user, partnership=partnership, overdue=True).count()
    if not overdue:
        return None
    return f"{overdue} action{'s' if overdue != 1 else ''} overdue"


def actions_due(*, user: User, partnership: Partnership, before: dt.date) -> QuerySet[Action]:
    """Actions still to be done that fall due before ``before`` (overdue ones included), soonest
    first: what a board pack lists ahead of a meeting."""
    return (
        actions_visible_to(user=user, partnership=partnership)
        .filter(status__in=OPEN_STATUSES, due_on__lt=before)
        .order_by("due_on", "reference")
    )


def action_updates(*, user: User, action: Action) -> QuerySet[ActionUpdate]:
    """The action's progress updates, evidence notes and status changes, newest first."""
    if not actions_visible_to(user=user, partnership=action.partnership).filter(pk=action.pk).exists():
        return ActionUpdate.objects.none()
    return action.updates.select_related("author").order_by("-recorded_on", "-created_at", "-pk")


def action_history(*, user: User, action: Action) -> QuerySet[LogEntry]:
    """The field history of the action itself (who changed what, when), newest first."""
    if not actions_visible_to(user=user, partnership=action.partnership).filter(pk=action.pk).exists():
        return LogEntry.objects.none()
    return LogEntry.objects.get_for_object(action).select_related("actor").order_by("-timestamp", "-pk")


def action_agency_choices(*, user: User, partnership: Partnership) -> QuerySet[Agency]:
    """Agencies an action of this partnership can be given to (for an agency lead, theirs)."""
    qs = Agency.objects.filter(partnership_links__partnership=partnership, is_active=True).order_by("name")
    if not can_view_actions(user=user, partnership=partnership):
        return qs.none()
    if is_agency_scoped(user=user, partnership=partnership):
        qs = qs.filter(pk__in=agencies_of(user=user, partnership=partnership))
    return qs.distinct()


def action_owner_choices(*, user: User, partnership: Partnership) -> QuerySet[User]:
    """People who can own an action of this partnership: its active members."""
    if not can_view_actions(user=user, partnership=partnership):
        return User.objects.none()
    return (
        User.objects.filter(memberships__partnership=partnership, memberships__is_active=True, is_active=True)
        .distinct()
        .order_by("full_name")
    )


# --- who is asked about actions ------------------------------------------------------------------
# Requests go to people for the partnership's sake, whoever caused them: these read no user.


def action_managers(*, partnership: Partnership) -> list[User]:
    """The people who decide about the partnership's actions (the business unit: ``actions.manage``),
    to be asked when an agency proposes cancelling one. Reads no user: it addresses a request."""
    return list(
        User.objects.filter(
            memberships__partnership=partnership,
            memberships__is_active=True,
            memberships__role__in=roles_granting("actions.manage"),
            is_active=True,
        )
        .distinct()
        .order_by("full_name", "pk")
    )


def action_agency_leads(*, partnership_ids) -> dict[tuple[int, int], list[User]]:
    """The people who work on actions for an agency (agency-scoped roles with ``actions.update``),
    by (partnership id, agency id), for every partnership given, in one query: who is reminded of
    an action no member owns by name. Reads no user: it addresses a request."""
    return agency_people_with(permission="actions.update", partnership_ids=partnership_ids)


def action_people_to_ask(action: Action, leads: dict[tuple[int, int], list[User]]) -> list[User]:
    """Who an action's requests go to: its owner if they are a member, otherwise the leads of the
    agency that owns it (from ``action_agency_leads``)."""
    if action.owner_id:
        return [action.owner]
    return leads.get((action.partnership_id, action.owner_agency_id), [])
