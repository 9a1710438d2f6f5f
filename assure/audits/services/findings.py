"""Every change to an audit's findings: recording a strength or an area for development under its
theme (optionally from one case file), changing, reordering and deleting it, taking it to a
learning event or any other record of Assure, and raising an action from it (the one Action of
the tracker, whose ``source`` is the finding, so the action links back to it)."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max

from assure.accounts.models import User
from assure.actions.models import Action
from assure.actions.services import action_create
from assure.audit.services import event_record
from assure.core.services import model_update
from assure.partnerships.models import Agency

from ..models import Audit, CaseAudit, Finding
from ..permissions import ensure_may_raise_actions_from_findings, ensure_may_record_findings

FIELDS = ("kind", "theme", "text", "case")


def _label(finding: Finding) -> str:
    return f"{finding.get_kind_display()} found by audit {finding.audit.reference}: {finding.theme}"


def _problems(*, audit: Audit, theme: str, text: str, case: CaseAudit | None) -> dict[str, str]:
    problems = {}
    if not theme.strip():
        problems["theme"] = "Enter the theme of the finding, such as the voice of the child."
    if not text.strip():
        problems["text"] = "Enter what the audit found."
    if case is not None and case.audit_id != audit.pk:
        problems["case"] = "Choose a case file of this audit, or none."
    return problems


def _link_fields(link: models.Model | None, link_label: str) -> dict:
    return {
        "link_type": ContentType.objects.get_for_model(link) if link is not None else None,
        "link_id": str(link.pk) if link is not None else "",
        "link_label": (link_label or (str(link) if link is not None else "")).strip()[:200],
    }


@transaction.atomic
def finding_create(
    *,
    actor: User,
    audit: Audit,
    kind: str,
    theme: str,
    text: str,
    case: CaseAudit | None = None,
    link: models.Model | None = None,
    link_label: str = "",
) -> Finding:
    """Record what the audit found, after the audit's other findings. ``link`` is the record it
    was taken to (a learning event, a challenge...), stored with ``link_label``, which names the
    record and never a child."""
    ensure_may_record_findings(user=actor, audit=audit)
    if problems := _problems(audit=audit, theme=theme, text=text, case=case):
        raise ValidationError(problems)
    last = Finding.objects.filter(audit=audit).aggregate(last=Max("position"))["last"] or 0
    finding = Finding(
        audit=audit,
        partnership=audit.partnership,
        case=case,
        kind=kind,
        theme=theme.strip(),
        text=text.strip(),
        position=last + 1,
        created_by=actor,
        **_link_fields(link, link_label),
    )
    finding.full_clean()
    finding.save()
    event_record(
        actor=actor,
        verb="audits.finding_recorded",
        target=audit,
        partnership=audit.partnership,
        summary=f"{_label(finding)}",
        data={"finding": finding.pk, "link": finding.link_label} if finding.link_label else {"finding": finding.pk},
    )
    return finding


@transaction.atomic
def finding_update(
    *,
    actor: User,
    finding: Finding,
    kind: str,
    theme: str,
    text: str,
    case: CaseAudit | None = None,
    link: models.Model | None = None,
    link_label: str = "",
    keep_link: bool = False,
) -> list[str]:
    """Change the finding; with ``keep_link`` the record it was taken to stays as it is (the
    person changing it may not see that record). Returns the fields changed."""
    audit = finding.audit
    ensure_may_record_findings(user=actor, audit=audit)
    if problems := _problems(audit=audit, theme=theme, text=text, case=case):
        raise ValidationError(problems)
    data: dict = {"kind": kind, "theme": theme.strip(), "text": text.strip(), "case": case}
    fields = list(FIELDS)
    if not keep_link:
        data |= _link_fields(link, link_label)
        fields += ["link_type", "link_id", "link_label"]
    changed = model_update(instance=finding, fields=fields, data=data)
    if changed:
        event_record(
            actor=actor,
            verb="audits.finding_changed",
            target=audit,
            partnership=audit.partnership,
            summary=f"Finding changed: {_label(finding)}",
            data={"finding": finding.pk, "fields": changed},
        )
    return changed


def _renumber(audit: Audit) -> list[Finding]:
    findings = list(Finding.objects.filter(audit=audit).order_by("position", "pk"))
    for number, finding in enumerate(findings, start=1):
        if finding.position != number:
            Finding.objects.filter(pk=finding.pk).update(position=number)
            finding.position = number
    return findings


@transaction.atomic
def finding_move(*, actor: User, finding: Finding, direction: str) -> Finding:
    """Move the finding one place up or down among the audit's findings of its kind (strengths
    are listed apart from areas for development)."""
    audit = finding.audit
    ensure_may_record_findings(user=actor, audit=audit)
    if direction not in ("up", "down"):
        raise ValidationError("Choose whether to move the finding up or down.")
    same_kind = [f for f in _renumber(audit) if f.kind == finding.kind]
    index = next(i for i, other in enumerate(same_kind) if other.pk == finding.pk)
    swap = index - 1 if direction == "up" else index + 1
    if not 0 <= swap < len(same_kind):
        return finding
    mine, theirs = same_kind[index].position, same_kind[swap].position
    Finding.objects.filter(pk=finding.pk).update(position=theirs)
    Finding.objects.filter(pk=same_kind[swap].pk).update(position=mine)
    finding.position = theirs
    event_record(
        actor=actor,
        verb="audits.finding_moved",
        target=audit,
        partnership=audit.partnership,
        summary=f"Finding moved {direction}: {_label(finding)}",
        data={"finding": finding.pk},
    )
    return finding


def actions_raised(finding: Finding) -> models.QuerySet[Action]:
    """Every action raised from the finding, whoever may see them (a rule's check, not a page's
    read: pages read actions through the tracker's selector)."""
    return Action.objects.filter(source_type=ContentType.objects.get_for_model(Finding), source_id=str(finding.pk))


@transaction.atomic
def finding_delete(*, actor: User, finding: Finding) -> None:
    """Delete the finding. Refused once an action has been raised from it: the action would lose
    the finding that explains it."""
    audit = finding.audit
    ensure_may_record_findings(user=actor, audit=audit)
    if actions_raised(finding).exists():
        raise ValidationError("An action has been raised from this finding, so it stays on the audit.")
    event_record(
        actor=actor,
        verb="audits.finding_deleted",
        target=audit,
        partnership=audit.partnership,
        summary=f"Finding deleted: {_label(finding)}",
        data={"finding": finding.pk},
    )
    finding.delete()
    _renumber(audit)


def finding_action_raise(
    *,
    actor: User,
    finding: Finding,
    title: str,
    owner_agency: Agency,
    due_on: dt.date,
    description: str = "",
    owner: User | None = None,
    owner_name: str = "",
    rag: str = "",
) -> Action:
    """Raise an action in the tracker from the finding (the finding is its source, so the action
    links back to it). The business unit's; the action's own rules are action_create's."""
    ensure_may_raise_actions_from_findings(user=actor, audit=finding.audit)
    return action_create(
        actor=actor,
        partnership=finding.partnership,
        title=title,
        owner_agency=owner_agency,
        due_on=due_on,
        description=description,
        owner=owner,
        owner_name=owner_name,
        rag=rag,
        source=finding,
        source_label=f"Audit {finding.audit.reference}, {finding.get_kind_display().lower()}: {finding.theme}"[:200],
    )
