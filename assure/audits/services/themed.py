"""Themed audits and re-audits: commissioning a themed audit from the record that called for it
(an exception report item, a challenge, an indicator, a review...), an audit's report to the board,
and a re-audit of a theme that follows the first audit so the two can be compared.

A themed audit is planned by ``audit_plan`` (kind themed, outside the programme's terms), so it
has the same rules and the same case files as any audit."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction

from assure.accounts.models import User
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.library.models import LibraryItem
from assure.partnerships.models import Agency, Meeting, Partnership
from assure.plans.models import Priority

from ..models import Audit
from ..permissions import ensure_can_manage_audits, ensure_may_re_audit, ensure_may_report_audit
from ..selectors.programme import audit_tools
from .programme import OWNER, audit_plan


def _source_problems(*, partnership: Partnership, source: models.Model | None) -> dict[str, str]:
    if source is None:
        return {}
    scoped = getattr(source, "trail_partnership_ids", None)
    if source.pk is None or (scoped is not None and partnership.pk not in scoped()):
        return {"source": "Choose a record of this partnership, or nothing."}
    return {}


@transaction.atomic
def themed_audit_commission(
    *,
    actor: User,
    partnership: Partnership,
    title: str,
    question: str,
    theme: str,
    tier: str,
    questionnaire: LibraryItem,
    starts_on: dt.date,
    ends_on: dt.date,
    source: models.Model | None = None,
    source_label: str = "",
    priority: Priority | None = None,
    files_planned: int | None = None,
    agencies: list[Agency] | tuple = (),
    moderation_meeting: Meeting | None = None,
    lead: User | None = None,
) -> Audit:
    """Commission a themed audit: the question it answers and what commissioned it (``source``,
    a record of any part of Assure, kept by content type and id and shown as ``source_label``,
    which names the record and never a child). The business unit's; the plan's own rules are
    ``audit_plan``'s."""
    ensure_can_manage_audits(user=actor, partnership=partnership)
    problems = _source_problems(partnership=partnership, source=source)
    if not question.strip():
        problems["question"] = "Enter the question the themed audit sets out to answer."
    if problems:
        raise ValidationError(problems)
    audit = audit_plan(
        actor=actor,
        partnership=partnership,
        kind=Audit.Kind.THEMED,
        title=title,
        question=question,
        theme=theme,
        tier=tier,
        questionnaire=questionnaire,
        starts_on=starts_on,
        ends_on=ends_on,
        priority=priority,
        files_planned=files_planned,
        agencies=agencies,
        moderation_meeting=moderation_meeting,
        lead=lead,
    )
    if source is not None:
        audit.source_type = ContentType.objects.get_for_model(source)
        audit.source_id = str(source.pk)
        audit.source_label = (source_label or str(source)).strip()[:200]
        audit.save(update_fields=["source_type", "source_id", "source_label"])
    event_record(
        actor=actor,
        verb="audits.themed_audit_commissioned",
        target=audit,
        partnership=partnership,
        summary=f"Themed audit {audit.reference} commissioned"
        + (f" from {audit.source_label}" if audit.source_label else ""),
        data={"source": audit.source_label} if audit.source_label else None,
    )
    return audit


@transaction.atomic
def audit_report(*, actor: User, audit: Audit, summary: str, reported_on: dt.date) -> Audit:
    """Record the audit's report to the board: what it found, in brief, and the day it was
    reported. The audit is then reported, and its findings are final."""
    ensure_may_report_audit(user=actor, audit=audit)
    summary = summary.strip()
    problems = {}
    if not summary:
        problems["summary"] = "Enter what the audit found, in brief, as reported to the board."
    if reported_on is None:
        problems["reported_on"] = "Enter the date the audit was reported to the board."
    elif reported_on < audit.starts_on:
        problems["reported_on"] = "The audit cannot be reported before it started."
    if problems:
        raise ValidationError(problems)
    audit.summary, audit.reported_on, audit.status = summary, reported_on, Audit.Status.REPORTED
    audit.save(update_fields=["summary", "reported_on", "status"])
    event_record(
        actor=actor,
        verb="audits.audit_reported",
        target=audit,
        partnership=audit.partnership,
        summary=f"Audit {audit.reference} reported to the board on {reported_on:%-d %B %Y}",
    )
    records_changed(OWNER, partnership_ids=[audit.partnership_id])
    return audit


def _tool_now(audit: Audit) -> LibraryItem:
    """The audit tool a re-audit uses: the current version of the first audit's tool (so the
    answers compare question by question), or the same version when it is still current."""
    current = audit_tools(audit.partnership).filter(code=audit.questionnaire.code).first()
    return current or audit.questionnaire


@transaction.atomic
def audit_re_audit(
    *, actor: User, audit: Audit, starts_on: dt.date, ends_on: dt.date, title: str = "", lead: User | None = None
) -> Audit:
    """Plan a re-audit of the audit's theme: a new themed audit that ``follows`` it, with the same
    theme, priority, tier, tool (its current version), number of files and agencies, so the two
    can be compared."""
    ensure_may_re_audit(user=actor, audit=audit)
    re_audit = audit_plan(
        actor=actor,
        partnership=audit.partnership,
        kind=Audit.Kind.THEMED,
        title=title.strip() or f"Re-audit: {audit.title}"[:200],
        question=f"Has practice on {audit.theme[:1].lower()}{audit.theme[1:]} changed since audit {audit.reference}?",
        theme=audit.theme,
        tier=audit.tier,
        questionnaire=_tool_now(audit),
        starts_on=starts_on,
        ends_on=ends_on,
        priority=audit.priority,
        files_planned=audit.files_planned,
        agencies=list(audit.agencies.all()),
        lead=lead if lead is not None else audit.lead,
    )
    re_audit.follows = audit
    re_audit.save(update_fields=["follows"])
    event_record(
        actor=actor,
        verb="audits.re_audit_planned",
        target=re_audit,
        partnership=audit.partnership,
        summary=f"Audit {re_audit.reference} planned to re-audit the theme of audit {audit.reference}",
        data={"follows": audit.pk},
    )
    return re_audit
