"""Every change to the risk register: adding a risk (numbered R-01, R-02... in its partnership)
on the partnership's risk matrix, editing it, recording a review (which keeps the score, so the
trend shows, and moves the next review on), closing and reopening it with a reason, raising a
mitigating action through the action tracker and reminding the owner to review it."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.actions.models import Action
from assure.actions.services import action_create
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.navigation import partnership_url
from assure.core.references import next_reference
from assure.core.services import model_update
from assure.notifications.models import Reminder
from assure.notifications.services import reminder_send
from assure.partnerships.models import Agency, Partnership

from ..models import Risk, RiskReview
from ..permissions import (
    can_manage_risks,
    ensure_may_edit_risk,
    ensure_may_remind_risk_owner,
    ensure_may_reopen_risk,
    ensure_may_review_risk,
)
from ..risk_matrix import RiskMatrix, matrix_of
from ..selectors.risks import matrix_for, risk_agency_choices, risk_owner_choices

REFERENCE_PREFIX = "R-"
OWNER = "governance"
SCORED = ("inherent", "current", "target")


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = _Unchanged()
"""Default of ``risk_update``'s fields: leave this one as it is."""


def risk_path(risk: Risk) -> str:
    """The risk's address inside Assure, which every e-mail about it links to."""
    return partnership_url("governance:risk_detail", risk.partnership, pk=risk.pk)


def _next_reference(partnership: Partnership) -> str:
    return next_reference(
        partnership=partnership,
        records=Risk.objects.filter(partnership=partnership),
        prefix=REFERENCE_PREFIX,
        digits=2,
    )


def _score_problems(matrix: RiskMatrix, scores: dict[str, int | None]) -> dict[str, str]:
    """Each likelihood and impact given, checked against the matrix's scales, keyed by field."""
    problems = {}
    for which in SCORED:
        likelihood, impact = f"{which}_likelihood", f"{which}_impact"
        if likelihood not in scores and impact not in scores:
            continue
        found = matrix.scale_problem(likelihood=scores.get(likelihood), impact=scores.get(impact))
        problems |= {f"{which}_{key}": text for key, text in found.items() if f"{which}_{key}" in scores}
    return problems


def _target_problem(*, target: int, inherent: int) -> dict[str, str]:
    if target > inherent:
        return {
            "target_likelihood": f"The target score ({target}) cannot be above the inherent score ({inherent}): "
            "the target is where the controls and actions should bring the risk."
        }
    return {}


def _owner_problems(*, actor: User, partnership: Partnership, owner, owner_name: str, owner_agency) -> dict[str, str]:
    problems = {}
    if owner is not None and owner_name:
        problems["owner_name"] = "Give either a member as the owner or an owner's name, not both."
    if owner is None and not owner_name:
        problems["owner"] = "Choose the risk's owner, or give the owner's name if they have no account."
    if owner is not None and not risk_owner_choices(user=actor, partnership=partnership).filter(pk=owner.pk).exists():
        problems["owner"] = "Choose a member of this partnership who may read the risk register."
    if (
        owner_agency is not None
        and not risk_agency_choices(user=actor, partnership=partnership).filter(pk=owner_agency.pk).exists()
    ):
        problems["owner_agency"] = "Choose an agency of this partnership."
    return problems


@transaction.atomic
def risk_create(
    *,
    actor: User,
    partnership: Partnership,
    title: str,
    cause: str,
    consequence: str,
    inherent_likelihood: int,
    inherent_impact: int,
    current_likelihood: int,
    current_impact: int,
    target_likelihood: int,
    target_impact: int,
    next_review_on: dt.date,
    owner: User | None = None,
    owner_name: str = "",
    owner_agency: Agency | None = None,
    controls: str = "",
) -> Risk:
    """Add a risk to the partnership's register, scored on the partnership's risk matrix (its
    own, or Assure's), which the risk keeps. Needs ``risks.manage``. Raises ValidationError
    keyed by field for a score off the matrix's scales, a target above the inherent score, an
    owner not of the partnership or a review date already past."""
    if not can_manage_risks(user=actor, partnership=partnership):
        raise PermissionDenied("Only the business unit may add a risk to the register.")
    item = matrix_for(partnership)
    if item is None:
        raise ValidationError("The library holds no risk matrix: load one before adding risks.")
    matrix = matrix_of(item)
    scores = {
        "inherent_likelihood": inherent_likelihood,
        "inherent_impact": inherent_impact,
        "current_likelihood": current_likelihood,
        "current_impact": current_impact,
        "target_likelihood": target_likelihood,
        "target_impact": target_impact,
    }
    owner_name = owner_name.strip()
    problems = _score_problems(matrix, scores)
    problems |= _owner_problems(
        actor=actor, partnership=partnership, owner=owner, owner_name=owner_name, owner_agency=owner_agency
    )
    if next_review_on < timezone.localdate():
        problems["next_review_on"] = "The next review must be today or later."
    risk = Risk(
        partnership=partnership,
        title=title.strip(),
        cause=cause.strip(),
        consequence=consequence.strip(),
        owner=owner,
        owner_name=owner_name,
        owner_agency=owner_agency,
        matrix=item,
        controls=controls.strip(),
        next_review_on=next_review_on,
        created_by=actor,
        **scores,
    )
    if not problems:
        problems |= _target_problem(target=risk.target_score, inherent=risk.inherent_score)
    if problems:
        raise ValidationError(problems)
    risk.reference = _next_reference(partnership)
    risk.full_clean()
    risk.save()
    band = matrix.band(risk.current_score)
    event_record(
        actor=actor,
        verb="governance.risk_added",
        target=risk,
        partnership=partnership,
        summary=f"Risk {risk.reference} added to the register: {risk.title}",
        data={"current_score": risk.current_score, "level": band.label if band else ""},
    )
    records_changed(OWNER, partnership_ids=[partnership.pk])
    return risk


EDITABLE = (
    "title",
    "cause",
    "consequence",
    "owner",
    "owner_name",
    "owner_agency",
    "inherent_likelihood",
    "inherent_impact",
    "target_likelihood",
    "target_impact",
    "controls",
    "next_review_on",
)


@transaction.atomic
def risk_update(*, actor: User, risk: Risk, **changes) -> list[str]:
    """Change a risk's details (its current score moves only by a review). Needs
    ``risks.manage`` and an open risk. Only the fields passed change; returns the names of those
    that did, and records nothing when none did."""
    ensure_may_edit_risk(user=actor, risk=risk)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(f"risk_update cannot set {', '.join(sorted(unknown))}")
    data = {
        name: value.strip() if isinstance(value, str) else value
        for name, value in changes.items()
        if value is not UNCHANGED
    }
    matrix = matrix_of(risk.matrix)
    problems = _score_problems(matrix, {k: v for k, v in data.items() if k.endswith(("_likelihood", "_impact"))})
    owner = data.get("owner", risk.owner)
    owner_name = data.get("owner_name", risk.owner_name)
    if {"owner", "owner_name", "owner_agency"} & set(data):
        problems |= _owner_problems(
            actor=actor,
            partnership=risk.partnership,
            owner=owner,
            owner_name=owner_name,
            owner_agency=data.get("owner_agency", risk.owner_agency),
        )
    new_review = data.get("next_review_on", risk.next_review_on)
    if new_review != risk.next_review_on and new_review < timezone.localdate():
        problems["next_review_on"] = "The next review must be today or later."
    if not problems:

        def now(name: str) -> int:
            return data.get(name, getattr(risk, name))

        problems |= _target_problem(
            target=now("target_likelihood") * now("target_impact"),
            inherent=now("inherent_likelihood") * now("inherent_impact"),
        )
    if problems:
        raise ValidationError(problems)
    changed = model_update(instance=risk, fields=list(EDITABLE), data=data)
    if changed:
        event_record(
            actor=actor,
            verb="governance.risk_changed",
            target=risk,
            partnership=risk.partnership,
            summary=f"Risk {risk.reference} changed: {', '.join(name.replace('_', ' ') for name in changed)}",
            data={"fields": changed},
        )
        records_changed(OWNER, partnership_ids=[risk.partnership_id])
    return changed


@transaction.atomic
def risk_review(
    *,
    actor: User,
    risk: Risk,
    likelihood: int,
    impact: int,
    next_review_on: dt.date,
    note: str = "",
    reviewed_on: dt.date | None = None,
) -> RiskReview:
    """Record a review of an open risk: its likelihood and impact now (on the matrix it is scored
    on), kept as a review so the trend shows, and the day of its next review. The business unit
    or the risk's owner. The risk's current score becomes the review's."""
    ensure_may_review_risk(user=actor, risk=risk)
    today = timezone.localdate()
    reviewed_on = reviewed_on or today
    matrix = matrix_of(risk.matrix)
    problems = matrix.scale_problem(likelihood=likelihood, impact=impact)
    if reviewed_on > today:
        problems["reviewed_on"] = "The review cannot be dated in the future."
    if next_review_on <= reviewed_on:
        problems["next_review_on"] = "The next review must come after this one."
    if problems:
        raise ValidationError(problems)
    previous = risk.current_score
    review = RiskReview(
        risk=risk, reviewed_on=reviewed_on, reviewed_by=actor, likelihood=likelihood, impact=impact, note=note.strip()
    )
    review.full_clean()
    review.save()
    model_update(
        instance=risk,
        fields=["current_likelihood", "current_impact", "next_review_on"],
        data={"current_likelihood": likelihood, "current_impact": impact, "next_review_on": next_review_on},
    )
    band = matrix.band(review.score)
    event_record(
        actor=actor,
        verb="governance.risk_reviewed",
        target=risk,
        partnership=risk.partnership,
        summary=f"Risk {risk.reference} reviewed: score {review.score} ({band.label if band else 'no band'}), "
        f"was {previous}",
        data={"score": review.score, "previous": previous, "next_review_on": next_review_on.isoformat()},
    )
    records_changed(OWNER, partnership_ids=[risk.partnership_id])
    return review


def _reason(reason: str, what: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": f"Say why the risk is {what}."})
    return reason


@transaction.atomic
def risk_close(*, actor: User, risk: Risk, reason: str) -> Risk:
    """Close a risk that no longer threatens the board's work, with the reason, kept on the risk."""
    ensure_may_edit_risk(user=actor, risk=risk)
    reason = _reason(reason, "closed")
    risk.status = Risk.Status.CLOSED
    risk.closed_reason, risk.closed_at, risk.closed_by = reason, timezone.now(), actor
    risk.save(update_fields=["status", "closed_reason", "closed_at", "closed_by"])
    event_record(
        actor=actor,
        verb="governance.risk_closed",
        target=risk,
        partnership=risk.partnership,
        summary=f"Risk {risk.reference} closed",
        data={"reason": reason},
    )
    records_changed(OWNER, partnership_ids=[risk.partnership_id])
    return risk


@transaction.atomic
def risk_reopen(*, actor: User, risk: Risk, reason: str, next_review_on: dt.date) -> Risk:
    """Open a closed risk again, with the reason (kept on the risk) and the day of its next review."""
    ensure_may_reopen_risk(user=actor, risk=risk)
    reason = _reason(reason, "opened again")
    if next_review_on < timezone.localdate():
        raise ValidationError({"next_review_on": "The next review must be today or later."})
    risk.status = Risk.Status.OPEN
    risk.reopen_reason, risk.reopened_at, risk.reopened_by = reason, timezone.now(), actor
    risk.next_review_on = next_review_on
    risk.save(update_fields=["status", "reopen_reason", "reopened_at", "reopened_by", "next_review_on"])
    event_record(
        actor=actor,
        verb="governance.risk_reopened",
        target=risk,
        partnership=risk.partnership,
        summary=f"Risk {risk.reference} reopened",
        data={"reason": reason, "closed_reason": risk.closed_reason},
    )
    records_changed(OWNER, partnership_ids=[risk.partnership_id])
    return risk


@transaction.atomic
def risk_action_raise(
    *,
    actor: User,
    risk: Risk,
    title: str,
    owner_agency: Agency,
    due_on: dt.date,
    owner_name: str = "",
    description: str = "",
) -> Action:
    """Raise a mitigating action for an open risk in the partnership's action tracker, with the
    risk as its source."""
    ensure_may_edit_risk(user=actor, risk=risk)
    action = action_create(
        actor=actor,
        partnership=risk.partnership,
        title=title,
        owner_agency=owner_agency,
        owner_name=owner_name,
        due_on=due_on,
        description=description,
        source=risk,
        source_label=f"Risk {risk.reference}: {risk.title}"[:200],
    )
    event_record(
        actor=actor,
        verb="governance.risk_action_raised",
        target=risk,
        partnership=risk.partnership,
        summary=f"Action {action.reference} raised to mitigate risk {risk.reference}",
        data={"action": action.reference},
    )
    return action


def reminder_text(risk: Risk, today: dt.date) -> tuple[str, str]:
    """The subject and body of a reminder to review the risk."""
    when = (
        f"was due on {risk.next_review_on:%-d %B %Y}"
        if risk.next_review_on < today
        else f"is due on {risk.next_review_on:%-d %B %Y}"
    )
    subject = f"Risk {risk.reference} to review: {risk.title}"
    body = (
        f"The review of risk {risk.reference}, {risk.title}, {when}.\n\n"
        "Record its likelihood and impact now, what has changed, and the date of its next review."
    )
    return subject, body


@transaction.atomic
def risk_remind(*, actor: User, risk: Risk, today: dt.date | None = None) -> Reminder | None:
    """The business unit's "Send a reminder": asks the risk's owner to review it, once a day at
    most (None when already reminded today)."""
    ensure_may_remind_risk_owner(user=actor, risk=risk)
    today = today or timezone.localdate()
    subject, body = reminder_text(risk, today)
    return reminder_send(
        actor=actor,
        target=risk,
        partnership=risk.partnership,
        recipients=[risk.owner],
        subject=subject,
        body=body,
        path=risk_path(risk),
        kind="governance.risk_review_reminder",
        today=today,
    )
