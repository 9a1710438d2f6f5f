"""Every change to the audit programme: a year's programme added or edited, an audit planned in
it (numbered AU-001, AU-002... in its partnership) on the partnership's framework, changed while
it is planned, and cancelled with a reason."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.references import next_reference
from assure.core.services import model_update
from assure.library.models import LibraryItem
from assure.partnerships.models import Agency, Meeting, Partnership
from assure.plans.models import Priority

from ..models import Audit, Programme
from ..permissions import ensure_can_manage_audits, ensure_may_cancel_audit, ensure_may_edit_audit
from ..selectors.programme import (
    agency_choices,
    audit_tools,
    framework_for,
    framework_of,
    lead_choices,
    priority_choices,
    year_label,
)

REFERENCE_PREFIX = "AU-"
OWNER = "audits"


def _next_reference(partnership: Partnership) -> str:
    return next_reference(
        partnership=partnership,
        records=Audit.objects.filter(partnership=partnership),
        prefix=REFERENCE_PREFIX,
        digits=3,
    )


# --- programmes -------------------------------------------------------------------------------------


def _programme_problems(*, partnership: Partnership, year: int, title: str, pk: int | None = None) -> dict[str, str]:
    problems = {}
    if not 1990 <= year <= 2100:
        problems["year"] = "Enter the year the programme's financial year starts, like 2014."
    elif Programme.objects.filter(partnership=partnership, year=year).exclude(pk=pk).exists():
        problems["year"] = f"There is already a programme for {year_label(year)}: edit that one."
    if not title:
        problems["title"] = "Enter the programme's title."
    return problems


@transaction.atomic
def programme_create(
    *, actor: User, partnership: Partnership, year: int, title: str, description: str = ""
) -> Programme:
    """Add the programme of audits for a financial year (one a year). Needs ``audits.manage``."""
    ensure_can_manage_audits(user=actor, partnership=partnership)
    title, description = title.strip(), description.strip()
    problems = _programme_problems(partnership=partnership, year=year, title=title)
    if problems:
        raise ValidationError(problems)
    programme = Programme(partnership=partnership, year=year, title=title, description=description)
    programme.full_clean()
    programme.save()
    event_record(
        actor=actor,
        verb="audits.programme_added",
        target=programme,
        partnership=partnership,
        summary=f"Audit programme {programme.year_label} added: {programme.title}",
    )
    return programme


@transaction.atomic
def programme_update(*, actor: User, programme: Programme, year: int, title: str, description: str = "") -> list[str]:
    """Change a programme's year, title or description; returns the names of the fields changed."""
    ensure_can_manage_audits(user=actor, partnership=programme.partnership)
    data = {"year": year, "title": title.strip(), "description": description.strip()}
    problems = _programme_problems(partnership=programme.partnership, year=year, title=data["title"], pk=programme.pk)
    if problems:
        raise ValidationError(problems)
    changed = model_update(instance=programme, fields=list(data), data=data)
    if changed:
        event_record(
            actor=actor,
            verb="audits.programme_changed",
            target=programme,
            partnership=programme.partnership,
            summary=f"Audit programme {programme.year_label} changed: {', '.join(changed)}",
            data={"fields": changed},
        )
    return changed


# --- audits ---------------------------------------------------------------------------------------------

PLANNED_FIELDS = (
    "programme",
    "title",
    "theme",
    "priority",
    "tier",
    "term",
    "questionnaire",
    "files_planned",
    "starts_on",
    "ends_on",
    "moderation_meeting",
    "lead",
)


def _audit_problems(*, actor: User, partnership: Partnership, kind: str, values: dict, agencies) -> dict[str, str]:
    """What is wrong with an audit's plan, keyed by field, in the business unit's words."""
    problems: dict[str, str] = {}
    item = framework_for(partnership)
    if item is None:
        return {"tier": "The library holds no audit framework: load one before planning audits."}
    framework = framework_of(item)
    programme: Programme | None = values.get("programme")
    if programme is not None and programme.partnership_id != partnership.pk:
        problems["programme"] = "Choose a programme of this partnership."
    if kind == Audit.Kind.PROGRAMME and programme is None:
        problems["programme"] = "Choose the programme the audit belongs to."
    if not values.get("title"):
        problems["title"] = "Enter the audit's title."
    if not values.get("theme"):
        problems["theme"] = "Enter the audit's theme: what it looks at."
    if framework.tier(values.get("tier") or "") is None:
        problems["tier"] = f"Choose a tier of the {framework.title}."
    term = values.get("term") or ""
    if term and framework.term(term) is None:
        problems["term"] = f"Choose a term of the {framework.title}."
    elif not term and kind == Audit.Kind.PROGRAMME:
        problems["term"] = "Choose the term the audit runs in."
    priority: Priority | None = values.get("priority")
    if (
        priority is not None
        and not priority_choices(user=actor, partnership=partnership).filter(pk=priority.pk).exists()
    ):
        problems["priority"] = "Choose a priority of the partnership's business plan."
    questionnaire: LibraryItem | None = values.get("questionnaire")
    if questionnaire is None or not audit_tools(partnership).filter(pk=questionnaire.pk).exists():
        problems["questionnaire"] = "Choose a case-file audit tool of the library."
    files = values.get("files_planned")
    if files is None or files < 1:
        problems["files_planned"] = "Plan at least one case file."
    starts_on: dt.date | None = values.get("starts_on")
    ends_on: dt.date | None = values.get("ends_on")
    if starts_on is None:
        problems["starts_on"] = "Enter the date the audit starts."
    if ends_on is None:
        problems["ends_on"] = "Enter the date the agencies' answers are due."
    elif starts_on is not None and ends_on < starts_on:
        problems["ends_on"] = "The answers cannot be due before the audit starts."
    meeting: Meeting | None = values.get("moderation_meeting")
    if meeting is not None:
        if meeting.partnership_id != partnership.pk:
            problems["moderation_meeting"] = "Choose a meeting of this partnership."
        elif ends_on is not None and meeting.held_on < ends_on:
            problems["moderation_meeting"] = "The moderation meeting must come after the answers are due."
    lead: User | None = values.get("lead")
    if lead is not None and not lead_choices(user=actor, partnership=partnership).filter(pk=lead.pk).exists():
        problems["lead"] = (
            "Choose a member of this partnership who grades case files (an auditor or the business unit)."
        )
    if agencies is not None:
        allowed = set(agency_choices(user=actor, partnership=partnership).values_list("pk", flat=True))
        if any(agency.pk not in allowed for agency in agencies):
            problems["agencies"] = "Choose agencies of this partnership."
    return problems


def _clean(values: dict) -> dict:
    return {name: value.strip() if isinstance(value, str) else value for name, value in values.items()}


@transaction.atomic
def audit_plan(
    *,
    actor: User,
    partnership: Partnership,
    title: str,
    theme: str,
    tier: str,
    questionnaire: LibraryItem,
    starts_on: dt.date,
    ends_on: dt.date,
    programme: Programme | None = None,
    term: str = "",
    kind: str = Audit.Kind.PROGRAMME,
    priority: Priority | None = None,
    files_planned: int | None = None,
    agencies: list[Agency] | tuple = (),
    moderation_meeting: Meeting | None = None,
    lead: User | None = None,
    question: str = "",
) -> Audit:
    """Plan an audit: a term's audit of the programme, or (``kind`` themed) one outside the terms.
    Needs ``audits.manage``. The number of files defaults to the framework's files per term.
    Raises ValidationError keyed by field for a tier or term not of the framework, a tool not of
    purpose case-audit, dates the wrong way round, a moderation meeting before the answers are
    due, or a priority, agency, meeting or lead not of the partnership."""
    ensure_can_manage_audits(user=actor, partnership=partnership)
    if files_planned is None:
        item = framework_for(partnership)
        files_planned = framework_of(item).files_per_term if item else 10
    values = _clean(
        {
            "programme": programme,
            "title": title,
            "theme": theme,
            "priority": priority,
            "tier": tier,
            "term": term or "",
            "questionnaire": questionnaire,
            "files_planned": files_planned,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "moderation_meeting": moderation_meeting,
            "lead": lead,
        }
    )
    agencies = list(agencies)
    problems = _audit_problems(actor=actor, partnership=partnership, kind=kind, values=values, agencies=agencies)
    if problems:
        raise ValidationError(problems)
    audit = Audit(
        partnership=partnership,
        kind=kind,
        question=question.strip(),
        created_by=actor,
        reference=_next_reference(partnership),
        **values,
    )
    audit.full_clean()
    audit.save()
    audit.agencies.set(agencies)
    event_record(
        actor=actor,
        verb="audits.audit_planned",
        target=audit,
        partnership=partnership,
        summary=f"Audit {audit.reference} planned: {audit.title}",
        data={"agencies": [agency.pk for agency in agencies], "files_planned": audit.files_planned},
    )
    return audit


@transaction.atomic
def audit_update(*, actor: User, audit: Audit, agencies: list[Agency] | None = None, **changes) -> list[str]:
    """Change a planned audit's plan; only the fields passed change (and its agencies, when
    given). Returns the names of the fields that changed; records nothing when none did."""
    ensure_may_edit_audit(user=actor, audit=audit)
    unknown = set(changes) - set(PLANNED_FIELDS) - {"question"}
    if unknown:
        raise TypeError(f"audit_update cannot set {', '.join(sorted(unknown))}")
    data = _clean(changes)
    values = {name: data.get(name, getattr(audit, name)) for name in PLANNED_FIELDS}
    problems = _audit_problems(
        actor=actor, partnership=audit.partnership, kind=audit.kind, values=values, agencies=agencies
    )
    if problems:
        raise ValidationError(problems)
    changed = model_update(instance=audit, fields=[*PLANNED_FIELDS, "question"], data=data)
    if agencies is not None:
        before = set(audit.agencies.values_list("pk", flat=True))
        after = {agency.pk for agency in agencies}
        if before != after:
            audit.agencies.set(agencies)
            changed.append("agencies")
    if changed:
        event_record(
            actor=actor,
            verb="audits.audit_changed",
            target=audit,
            partnership=audit.partnership,
            summary=f"Audit {audit.reference} changed: {', '.join(name.replace('_', ' ') for name in changed)}",
            data={"fields": changed},
        )
    return changed


@transaction.atomic
def audit_cancel(*, actor: User, audit: Audit, reason: str) -> Audit:
    """Cancel an audit before it is reported, with the reason, kept on the audit."""
    ensure_may_cancel_audit(user=actor, audit=audit)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why the audit is cancelled."})
    previous = audit.status
    audit.status = Audit.Status.CANCELLED
    audit.cancel_reason = reason
    audit.save(update_fields=["status", "cancel_reason"])
    event_record(
        actor=actor,
        verb="audits.audit_cancelled",
        target=audit,
        partnership=audit.partnership,
        summary=f"Audit {audit.reference} cancelled",
        data={"reason": reason, "was": previous, "on": timezone.localdate().isoformat()},
    )
    records_changed(OWNER, partnership_ids=[audit.partnership_id])
    return audit
