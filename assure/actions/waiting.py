"""What waits for a person in the action tracker, for their home page, and the actions the daily
reminders job may chase. Each function reads in a constant number of queries, however many
actions there are."""

import datetime as dt

from django.db.models import Q

from assure.accounts.models import User
from assure.accounts.permissions import agencies_of, is_agency_scoped
from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.notifications.reminders import ReminderDue
from assure.notifications.selectors import last_reminded
from assure.partnerships.models import Partnership

from .models import Action, CancellationProposal
from .permissions import can_manage_actions, can_view_actions
from .selectors import action_agency_leads, action_people_to_ask, actions_visible_to
from .services import action_path, reminder_text


def _item(kind: str, action: Action, today: dt.date, **more) -> WaitingItem:
    return WaitingItem(
        kind=kind,
        title=f"Action {action.reference}: {action.title}",
        url=action_path(action),
        due=action.due_on,
        agency=action.owner_agency.name,
        overdue=action.is_overdue_on(today),
        **more,
    )


def actions_owned(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """The actions still to be done that the person owns: by name, or (for an agency lead) their
    agency's actions no member owns by name."""
    if not can_view_actions(user=user, partnership=partnership):
        return []
    mine = Q(owner=user)
    if is_agency_scoped(user=user, partnership=partnership):
        mine |= Q(owner__isnull=True, owner_agency_id__in=agencies_of(user=user, partnership=partnership))
    actions = actions_visible_to(user=user, partnership=partnership).filter(mine, status__in=Action.OPEN_STATUSES)
    return [
        _item("actions.owned", action, today, detail=f"{action.get_status_display()}; owned by {action.owner_agency}")
        for action in actions.order_by("due_on", "pk")
    ]


def actions_overdue(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: every overdue action of the partnership (but those they own by
    name, listed as their own), with a reminder to send and when one was last sent, flagged
    when nobody with an account could be reminded."""
    if not can_manage_actions(user=user, partnership=partnership):
        return []
    actions = list(
        actions_visible_to(user=user, partnership=partnership)
        .filter(Action.overdue_q(today))
        .exclude(owner=user)
        .order_by("due_on", "pk")
    )
    if not actions:
        return []
    leads = action_agency_leads(partnership_ids=[partnership.pk])
    reminded = last_reminded(model=Action, ids=[action.pk for action in actions])
    items = []
    for action in actions:
        who = action_people_to_ask(action, leads)
        items.append(
            _item(
                "actions.overdue",
                action,
                today,
                detail=f"Owner: {action.owner_display or action.owner_agency}",
                flag="" if who else "Nobody with an account to remind: name an owner or give the agency a lead",
                remind_url=partnership_url("actions:remind", partnership, pk=action.pk) if who else "",
                last_reminded=reminded.get(str(action.pk)),
            )
        )
    return items


def cancellation_proposals(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: proposals to cancel an action that wait for their decision."""
    if not can_manage_actions(user=user, partnership=partnership):
        return []
    proposals = (
        CancellationProposal.objects.filter(
            action__partnership=partnership,
            action__status__in=Action.OPEN_STATUSES,
            outcome=CancellationProposal.Outcome.PENDING,
        )
        .select_related("action__partnership", "action__owner_agency", "proposed_by")
        .order_by("proposed_at", "pk")
    )
    return [
        WaitingItem(
            kind="actions.cancellation_proposals",
            title=f"Proposal to cancel action {proposal.action.reference}: {proposal.action.title}",
            url=partnership_url("actions:cancellation_decide", partnership, pk=proposal.action_id),
            detail=f"Proposed by {proposal.proposed_by} on {proposal.proposed_at:%-d %B %Y}",
            agency=proposal.action.owner_agency.name,
        )
        for proposal in proposals
    ]


def actions_reminders_due(*, today: dt.date) -> list[ReminderDue]:
    """Every action still to be done, in every partnership, with who to remind (its owner, or
    its agency's leads) and its due date: the daily job applies the library's "action" rule."""
    actions = list(
        Action.objects.filter(status__in=Action.OPEN_STATUSES)
        .select_related("partnership", "owner", "owner_agency")
        .order_by("due_on", "pk")
    )
    leads = action_agency_leads(partnership_ids={action.partnership_id for action in actions})
    due = []
    for action in actions:
        subject, body = reminder_text(action, today)
        due.append(
            ReminderDue(
                target=action,
                partnership=action.partnership,
                recipients=action_people_to_ask(action, leads),
                deadline=action.due_on,
                subject=subject,
                body=body,
                path=action_path(action),
                kind="actions.reminder",
            )
        )
    return due
