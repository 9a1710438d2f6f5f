"""Every change to an action: raising it (from the tracker or from any other part of Assure),
editing it, moving it along its pipeline, proposing and deciding its cancellation, recording
progress on it and reminding its owner. Every request it makes of a person goes through
``notify`` with a link to the action."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from assure.accounts.models import Membership, User
from assure.audit.services import event_record
from assure.core.navigation import partnership_url
from assure.core.references import next_reference
from assure.notifications.models import Reminder
from assure.notifications.services import notify, reminder_send
from assure.partnerships.models import Agency, Partnership, PartnershipAgency
from assure.partnerships.registers import ACTIONS, registers_changed

from .models import Action, ActionUpdate, CancellationProposal
from .permissions import (
    can_manage_actions,
    ensure_may_decide_cancellation,
    ensure_may_propose_cancelling,
    may_take_step,
    may_update_action,
)
from .pipeline import PROPOSALS, step_to
from .selectors import action_agency_leads, action_managers, action_people_to_ask

REFERENCE_PREFIX = "A-"


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = _Unchanged()
"""Default of ``action_update``'s fields: leave this one as it is."""


def _next_reference(partnership: Partnership) -> str:
    return next_reference(
        partnership=partnership,
        records=Action.objects.filter(partnership=partnership),
        prefix=REFERENCE_PREFIX,
        digits=4,
    )


def _owner_problems(*, partnership: Partnership, owner_agency: Agency | None, owner: User | None) -> dict[str, str]:
    """What is wrong with an action's owners; agency and owner are checked only when given."""
    problems = {}
    if (
        owner_agency is not None
        and not PartnershipAgency.objects.filter(
            partnership=partnership, agency=owner_agency, agency__is_active=True
        ).exists()
    ):
        problems["owner_agency"] = "Choose an agency of this partnership."
    if (
        owner is not None
        and not Membership.objects.filter(user=owner, partnership=partnership, is_active=True).exists()
    ):
        problems["owner"] = "Choose a member of this partnership."
    return problems


def _both_owners_problem(*, owner: User | None, owner_name: str) -> dict[str, str]:
    if owner is not None and owner_name:
        return {"owner_name": "Give either a member as the owner or an owner's name, not both."}
    return {}


def _source_problems(*, partnership: Partnership, source: models.Model | None) -> dict[str, str]:
    if source is None:
        return {}
    if source.pk is None:
        return {"source": "The record that raised the action must be saved first."}
    # Every record of Assure says which partnerships it belongs to (the trail uses the same).
    scoped = getattr(source, "trail_partnership_ids", None)
    if scoped is not None and partnership.pk not in scoped():
        return {"source": "The record that raised the action belongs to another partnership."}
    return {}


@transaction.atomic
def action_create(
    *,
    actor: User,
    partnership: Partnership,
    title: str,
    owner_agency: Agency,
    due_on: dt.date,
    description: str = "",
    owner: User | None = None,
    owner_name: str = "",
    rag: str = "",
    source: models.Model | None = None,
    source_label: str = "",
) -> Action:
    """Raise an action in the partnership's tracker, numbered with the partnership's next
    reference (A-0001, A-0002...). ``source`` is the record that raised it (a return, an
    exception, a review...), stored by content type and id and shown as ``source_label``.

    The caller decides who may raise an action from its own records; the tracker's own form
    needs ``actions.manage``. Everyone who may see actions reads ``source_label``: name the
    record, never a child. Raises ValidationError (keyed by field) when the owner is not of
    this partnership, the due date has passed or the source belongs elsewhere."""
    title, owner_name = title.strip(), owner_name.strip()
    problems = _owner_problems(partnership=partnership, owner_agency=owner_agency, owner=owner)
    problems |= _both_owners_problem(owner=owner, owner_name=owner_name)
    problems |= _source_problems(partnership=partnership, source=source)
    if due_on < timezone.localdate():
        problems["due_on"] = "The due date of a new action must be today or in the future."
    if problems:
        raise ValidationError(problems)
    action = Action(
        partnership=partnership,
        reference=_next_reference(partnership),
        title=title,
        description=description.strip(),
        owner_agency=owner_agency,
        owner=owner,
        owner_name=owner_name,
        due_on=due_on,
        rag=rag,
        source_type=ContentType.objects.get_for_model(source) if source is not None else None,
        source_id=str(source.pk) if source is not None else "",
        source_label=(source_label or (str(source) if source is not None else "")).strip()[:200],
        created_by=actor,
    )
    action.full_clean()
    action.save()
    registers_changed(partnership_ids=[partnership.pk], registers=[ACTIONS])
    event_record(
        actor=actor,
        verb="action.created",
        target=action,
        partnership=partnership,
        summary=f"Action {action.reference} raised for {owner_agency}: {action.title}",
        data={"source": action.source_label} if action.source_label else None,
    )
    _tell_owner(actor=actor, action=action)
    return action


def action_path(action: Action) -> str:
    """The action's address inside Assure, which every e-mail about it links to."""
    return partnership_url("actions:detail", action.partnership, pk=action.pk)


def _tell_owner(*, actor: User, action: Action) -> None:
    """Ask the action's named owner to take it on (not when they gave it to themselves)."""
    if action.owner is None or action.owner_id == actor.pk:
        return
    notify(
        recipients=[action.owner],
        partnership=action.partnership,
        kind="actions.assigned",
        subject=f"Action {action.reference} is yours: {action.title}",
        body=(
            f"{actor} has made you the owner of action {action.reference} for {action.owner_agency}:\n\n"
            f"{action.title}\n\nIt is due on {action.due_on:%-d %B %Y}. Record progress on it in Assure as the "
            "work goes on."
        ),
        path=action_path(action),
        target=action,
    )


@transaction.atomic
def action_update(
    *,
    actor: User,
    action: Action,
    title=UNCHANGED,
    description=UNCHANGED,
    owner_agency=UNCHANGED,
    owner=UNCHANGED,
    owner_name=UNCHANGED,
    due_on=UNCHANGED,
    rag=UNCHANGED,
) -> Action:
    """Edit an action's details (not its status: that is ``action_transition``). Needs
    ``actions.manage``. Only the fields passed change; nothing is recorded when nothing did."""
    if not can_manage_actions(user=actor, partnership=action.partnership):
        raise PermissionDenied
    given = {
        "title": title.strip() if isinstance(title, str) else title,
        "description": description.strip() if isinstance(description, str) else description,
        "owner_agency": owner_agency,
        "owner": owner,
        "owner_name": owner_name.strip() if isinstance(owner_name, str) else owner_name,
        "due_on": due_on,
        "rag": rag,
    }
    changed = {
        name: value for name, value in given.items() if value is not UNCHANGED and getattr(action, name) != value
    }
    if not changed:
        return action
    for name, value in changed.items():
        setattr(action, name, value)
    problems = _owner_problems(
        partnership=action.partnership,
        owner_agency=action.owner_agency if "owner_agency" in changed else None,
        owner=action.owner if "owner" in changed else None,
    )
    problems |= _both_owners_problem(owner=action.owner, owner_name=action.owner_name)
    try:
        if problems:
            raise ValidationError(problems)
        action.full_clean()
    except ValidationError:
        # Leave the caller's copy as it is saved, so a form shown again describes the real action.
        action.refresh_from_db(fields=list(changed))
        raise
    action.save(update_fields=list(changed))
    registers_changed(partnership_ids=[action.partnership_id], registers=[ACTIONS])
    labels = [str(Action._meta.get_field(name).verbose_name) for name in changed]
    event_record(
        actor=actor,
        verb="action.updated",
        target=action,
        partnership=action.partnership,
        summary=f"Action {action.reference} edited: {', '.join(labels)}",
        data={"fields": list(changed)},
    )
    if "owner" in changed:
        _tell_owner(actor=actor, action=action)
    return action


@transaction.atomic
def action_transition(*, actor: User, action: Action, to_status: str, reason: str = "") -> Action:
    """Move an action to ``to_status`` if its pipeline allows that from where it is now.
    Completing sets ``completed_on`` to today; leaving "completed" clears it. Cancelling,
    reopening and restoring need a reason, which is kept with the action's updates (and a
    cancellation's on the action itself, as ``cancellation_reason``). Needs ``actions.update``
    (an agency lead: only on their agency's actions) and the step's own permission: only the
    business unit cancels or restores (an agency lead proposes cancelling instead). Moving an
    action on from "not started" or "in progress" settles a proposal to cancel it that was still
    waiting: accepted when it is cancelled, declined when it is completed."""
    if not may_update_action(user=actor, action=action):
        raise PermissionDenied
    # Re-read under lock so two people cannot move the same action from the same status at once.
    current = Action.objects.select_for_update().get(pk=action.pk)
    step = step_to(current.status, to_status)
    if step is None:
        raise ValidationError(
            {"to_status": f"An action that is {current.get_status_display().lower()} cannot be moved to that status."}
        )
    if not may_take_step(user=actor, action=current, step=step):
        raise PermissionDenied(f"Only the business unit may {step.label.lower()}.")
    reason = reason.strip()
    if step.needs_reason and not reason:
        raise ValidationError({"reason": f"Give a reason for this change ({step.label.lower()})."})
    old_status = current.status
    current.status = step.to_status
    current.completed_on = timezone.localdate() if step.to_status == Action.Status.COMPLETED else None
    current.cancellation_reason = reason if step.to_status == Action.Status.CANCELLED else ""
    current.save(update_fields=["status", "completed_on", "cancellation_reason"])
    registers_changed(partnership_ids=[current.partnership_id], registers=[ACTIONS])
    action.status, action.completed_on = current.status, current.completed_on
    action.cancellation_reason = current.cancellation_reason
    ActionUpdate.objects.create(
        action=action,
        kind=ActionUpdate.Kind.STATUS,
        text=f"{step.done}." + (f" Reason: {reason}" if reason else ""),
        author=actor,
    )
    event_record(
        actor=actor,
        verb=step.verb,
        target=action,
        partnership=action.partnership,
        summary=f"Action {action.reference} {step.done.lower()}",
        data={"from": old_status, "to": step.to_status, "reason": reason},
    )
    if step.to_status in Action.CLOSED:
        _settle_proposals(actor=actor, action=action, step_done=step.done, to_status=step.to_status)
    return action


def _settle_proposals(*, actor: User, action: Action, step_done: str, to_status: str) -> None:
    accepted = to_status == Action.Status.CANCELLED
    CancellationProposal.objects.filter(action=action, outcome=CancellationProposal.Outcome.PENDING).update(
        outcome=CancellationProposal.Outcome.ACCEPTED if accepted else CancellationProposal.Outcome.DECLINED,
        decided_by=actor,
        decided_at=timezone.now(),
        decision_note="" if accepted else f"The action was {step_done.lower()} instead.",
    )
    action.__dict__.pop("pending_cancellation", None)


@transaction.atomic
def action_cancellation_propose(*, actor: User, action: Action, reason: str) -> CancellationProposal:
    """Propose that the business unit cancel the action, with the reason: for someone who works
    on it but may not cancel it (an agency lead, on their agency's action), while it is still to
    be done and no other proposal waits. The business unit is asked by e-mail to decide."""
    ensure_may_propose_cancelling(user=actor, action=action)
    proposal_kind = PROPOSALS[Action.Status.CANCELLED]
    reason = reason.strip()
    if proposal_kind.needs_reason and not reason:
        raise ValidationError({"reason": "Give the reason the action should be cancelled."})
    proposal = CancellationProposal(action=action, reason=reason, proposed_by=actor)
    proposal.full_clean()
    proposal.save()
    action.__dict__.pop("pending_cancellation", None)
    ActionUpdate.objects.create(
        action=action, kind=ActionUpdate.Kind.STATUS, text=f"Cancellation proposed. Reason: {reason}", author=actor
    )
    registers_changed(partnership_ids=[action.partnership_id], registers=[ACTIONS])
    event_record(
        actor=actor,
        verb=proposal_kind.verb,
        target=action,
        partnership=action.partnership,
        summary=f"Cancelling action {action.reference} proposed",
        data={"reason": reason},
    )
    notify(
        recipients=action_managers(partnership=action.partnership),
        partnership=action.partnership,
        kind="actions.cancellation_proposed",
        subject=f"Decide: cancel action {action.reference}?",
        body=(
            f"{actor} ({action.owner_agency}) proposes cancelling action {action.reference}:\n\n{action.title}\n\n"
            f"Their reason: {reason}\n\nAccept the proposal to cancel the action, or decline it with a note."
        ),
        path=partnership_url("actions:cancellation_decide", action.partnership, pk=action.pk),
        target=action,
    )
    return proposal


@transaction.atomic
def action_cancellation_decide(*, actor: User, action: Action, accept: bool, note: str = "") -> CancellationProposal:
    """Decide the proposal to cancel the action that waits: accepting cancels the action with
    the proposer's reason (through the pipeline); declining needs a note saying why, and the
    action carries on. Needs the right to cancel it (the business unit). The proposer is told."""
    ensure_may_decide_cancellation(user=actor, action=action)
    proposal_kind = PROPOSALS[Action.Status.CANCELLED]
    proposal = CancellationProposal.objects.select_for_update().get(pk=action.pending_cancellation.pk)
    note = note.strip()
    if not accept and proposal_kind.decline_needs_note and not note:
        raise ValidationError({"note": "Say why the action should carry on."})
    if accept:
        action_transition(actor=actor, action=action, to_status=proposal_kind.step.to_status, reason=proposal.reason)
        proposal.refresh_from_db()
        proposal.decision_note = note
        proposal.save(update_fields=["decision_note"])
    else:
        proposal.outcome = CancellationProposal.Outcome.DECLINED
        proposal.decided_by, proposal.decided_at, proposal.decision_note = actor, timezone.now(), note
        proposal.save(update_fields=["outcome", "decided_by", "decided_at", "decision_note"])
        action.__dict__.pop("pending_cancellation", None)
        ActionUpdate.objects.create(
            action=action,
            kind=ActionUpdate.Kind.STATUS,
            text=f"Proposal to cancel declined. Note: {note}",
            author=actor,
        )
        registers_changed(partnership_ids=[action.partnership_id], registers=[ACTIONS])
    event_record(
        actor=actor,
        verb=proposal_kind.accepted_verb if accept else proposal_kind.declined_verb,
        target=action,
        partnership=action.partnership,
        summary=f"Proposal to cancel action {action.reference} {'accepted' if accept else 'declined'}",
        data={"reason": proposal.reason, "note": note},
    )
    notify(
        recipients=[proposal.proposed_by] if proposal.proposed_by_id != actor.pk else [],
        partnership=action.partnership,
        kind="actions.cancellation_decided",
        subject=f"Action {action.reference}: cancelling {'agreed' if accept else 'declined'}",
        body=(
            f"{actor} has {'accepted' if accept else 'declined'} your proposal to cancel action "
            f"{action.reference}:\n\n{action.title}"
            + ("\n\nThe action is cancelled." if accept else f"\n\nTheir note: {note}\n\nThe action carries on.")
        ),
        path=action_path(action),
        target=action,
    )
    return proposal


@transaction.atomic
def action_progress_add(
    *, actor: User, action: Action, kind: str, text: str, recorded_on: dt.date | None = None
) -> ActionUpdate:
    """Record a dated progress update or evidence note on an action (dated today unless said).
    The date cannot be in the future. Needs ``actions.update`` (an agency lead: only on their
    agency's actions)."""
    if not may_update_action(user=actor, action=action):
        raise PermissionDenied
    recorded_on = recorded_on or timezone.localdate()
    problems = {}
    if kind not in (ActionUpdate.Kind.PROGRESS, ActionUpdate.Kind.EVIDENCE):
        problems["kind"] = "Choose a progress update or evidence."
    if not text.strip():
        problems["text"] = "Enter the update."
    if recorded_on > timezone.localdate():
        problems["recorded_on"] = "The date of an update cannot be in the future."
    if problems:
        raise ValidationError(problems)
    update = ActionUpdate(action=action, kind=kind, text=text.strip(), recorded_on=recorded_on, author=actor)
    update.full_clean()
    update.save()
    event_record(
        actor=actor,
        verb="action.evidence_added" if kind == ActionUpdate.Kind.EVIDENCE else "action.progress_added",
        target=action,
        partnership=action.partnership,
        summary=f"{update.get_kind_display()} added to action {action.reference}",
    )
    return update


def reminder_text(action: Action, today: dt.date) -> tuple[str, str]:
    if action.is_overdue_on(today):
        subject = f"Overdue: action {action.reference}, due {action.due_on:%-d %B %Y}"
    else:
        subject = f"Reminder: action {action.reference} is due on {action.due_on:%-d %B %Y}"
    body = (
        f"Action {action.reference} for {action.owner_agency} is still {action.get_status_display().lower()}:\n\n"
        f"{action.title}\n\nIt was due on {action.due_on:%-d %B %Y}."
        if action.is_overdue_on(today)
        else f"Action {action.reference} for {action.owner_agency} is due on {action.due_on:%-d %B %Y}:\n\n"
        f"{action.title}"
    )
    return subject, body + "\n\nRecord progress on it, or mark it completed, in Assure."


def action_remind(*, actor: User, action: Action, today: dt.date | None = None) -> Reminder | None:
    """The business unit's "Send a reminder": remind the action's owner (or, when no member owns
    it by name, its agency's leads) of an action still to be done. Once a day at most: returns
    None when it was reminded already today or nobody could be reminded. Needs ``actions.manage``."""
    if not can_manage_actions(user=actor, partnership=action.partnership):
        raise PermissionDenied
    if action.status not in Action.OPEN_STATUSES:
        raise ValidationError("Only an action still to be done can be chased.")
    today = today or timezone.localdate()
    leads = action_agency_leads(partnership_ids=[action.partnership_id])
    subject, body = reminder_text(action, today)
    return reminder_send(
        actor=actor,
        target=action,
        partnership=action.partnership,
        recipients=action_people_to_ask(action, leads),
        subject=subject,
        body=body,
        path=action_path(action),
        kind="actions.reminder",
        today=today,
    )
