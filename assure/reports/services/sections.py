"""A section's narrative: asking an agency lead to write it by a date, drafting it, sending it
to the business unit as written, accepting it or sending it back with a reason, and leaving it
out of the report deliberately. Every change of status goes through ``section_move`` and the
pipeline (assure/reports/pipeline.py); every request of a person goes through ``notify``."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.audit.services import event_record
from assure.core.navigation import partnership_url
from assure.notifications.models import Reminder
from assure.notifications.services import notify, reminder_send
from assure.partnerships.models import Agency, PartnershipAgency

from ..models import Section
from ..permissions import can_contribute_for, may_write
from ..pipeline import SECTION_STEPS, step_allowed
from ..waiting import section_reminder_text
from .common import require_draft, require_managed_draft

# Long enough for any section of an annual report, short enough to refuse a pasted document.
BODY_MAX = 20_000
REASON_MAX = 1000

Status = Section.Status

# What each step refused says, in the business unit's words.
REFUSED = {
    "request": "The section has been accepted or left out: it is not asked of anyone now.",
    "accept": "Only a written section can be accepted.",
    "send_back": "Only a written section asked of an agency can be sent back.",
    "omit": "The section is already left out of the report.",
    "include": "The section is not left out of the report.",
    "include_written": "The section is not left out of the report.",
}


def section_path(section: Section) -> str:
    """The section's page inside Assure, where a request about it leads."""
    return partnership_url("reports:section_detail", section.report.partnership, pk=section.pk)


def section_remind(*, section: Section, actor, today: dt.date | None = None) -> Reminder | None:
    """The business unit's "Send a reminder": remind the agency lead a section was asked of that
    it is still to be sent. Once a day at most: None when it was reminded already today (or its
    lead can no longer be reached)."""
    require_managed_draft(actor, section.report)
    if not section.is_with_agency:
        raise ValidationError("Only a section still with its agency can be chased.")
    today = today or timezone.localdate()
    subject, body = section_reminder_text(section, today)
    return reminder_send(
        actor=actor,
        target=section,
        partnership=section.report.partnership,
        recipients=[section.requested_from],
        subject=subject,
        body=body,
        path=section_path(section),
        kind="reports.section_reminder",
        today=today,
    )


def section_move(
    *, section: Section, step: str, actor, fields: dict | None = None, data: dict | None = None
) -> Section:
    """Take one step of the pipeline: refused unless the section's status allows it; sets the
    status and ``fields``, saves them and records the step's event. Callers check who may act."""
    move = SECTION_STEPS[step]
    if not step_allowed(section.status, step):
        raise ValidationError(REFUSED.get(step, "The section cannot take that step now."))
    changes = {"status": move.to_status, **(fields or {})}
    if move.touches:
        changes.update(updated_at=timezone.now(), updated_by=actor)
    for name, value in changes.items():
        setattr(section, name, value)
    section.save(update_fields=list(changes))
    event_record(
        actor=actor,
        verb=move.verb,
        target=section,
        partnership=section.report.partnership,
        summary=f"{move.summary}: {section.title} ({section.report})",
        data=data,
    )
    return section


@transaction.atomic
def section_request(
    *, section: Section, agency: Agency, user: User, due_on: dt.date, actor, today: dt.date | None = None
) -> Section:
    """Ask an agency lead to write the section by a date. The lead must write for that agency
    of the report's partnership; an accepted or omitted section is not asked. The lead is sent the
    request with a link to the section. ``today`` is the day it is asked: the clock's, or the
    demo's own day, so a demo loaded across midnight still holds together."""
    report = section.report
    require_managed_draft(actor, report)
    problems = {}
    if not PartnershipAgency.objects.filter(partnership=report.partnership, agency=agency).exists():
        problems["agency"] = "Choose an agency of the partnership."
    elif not can_contribute_for(user=user, partnership=report.partnership, agency_id=agency.pk):
        problems["user"] = f"Choose an agency lead of {agency}."
    if due_on is None:
        problems["due_on"] = "Enter the date the section is due."
    elif due_on < (today or timezone.localdate()):
        problems["due_on"] = "The due date must be today or later."
    if not step_allowed(section.status, "request"):
        problems["__all__"] = REFUSED["request"]
    if problems:
        raise ValidationError(problems)
    section_move(
        section=section,
        step="request",
        actor=actor,
        fields={"agency": agency, "requested_from": user, "due_on": due_on},
        data={"agency": agency.pk},
    )
    notify(
        recipients=[user],
        partnership=report.partnership,
        kind="reports.section_requested",
        subject=f"Please write “{section.title}” for {report.title}",
        body=(
            f"{report.partnership.name} asks you to write the section “{section.title}” of {report.title} "
            f"for {agency}, by {due_on:%-d %B %Y}. Save a draft as often as you like, then send it to the "
            "business unit."
        ),
        path=section_path(section),
        target=section,
    )
    return section


def _checked_body(section: Section, body: str, actor) -> str:
    require_draft(section.report)
    if not may_write(user=actor, section=section):
        raise PermissionDenied("The section is not yours to write, or it has been accepted.")
    body = body.replace("\r\n", "\n").strip()
    if not body:
        raise ValidationError({"body": "Enter the section's text."})
    if len(body) > BODY_MAX:
        raise ValidationError({"body": f"The text must be at most {BODY_MAX:,} characters; it is {len(body):,}."})
    return body


def _save_text(section: Section, body: str, actor, step: str) -> Section:
    body = _checked_body(section, body, actor)
    return section_move(
        section=section,
        step=step,
        actor=actor,
        fields={"body": body, "accepted_at": None, "accepted_by": None},
        data={"characters": len(body)},
    )


@transaction.atomic
def section_draft_save(*, section: Section, body: str, actor) -> Section:
    """Keep the narrative as a draft: its writer goes on with it later, and the business unit
    sees it is being drafted (and does not accept it yet). Who may write it: as ``section_write``."""
    return _save_text(section, body, actor, "draft")


@transaction.atomic
def section_write(*, section: Section, body: str, actor) -> Section:
    """Save the section's narrative as typed (it becomes HTML only through richtext.to_html,
    which never interprets raw HTML) and mark it written: an agency lead's "Send to the business
    unit". The business unit writes any section of a draft that is not left out; an agency lead
    only a section asked of their agency, until it is accepted."""
    return _save_text(section, body, actor, "write")


@transaction.atomic
def section_accept(*, section: Section, actor) -> Section:
    """The business unit accepts a written section as it stands; the agency lead who wrote it is told."""
    require_managed_draft(actor, section.report)
    section_move(
        section=section, step="accept", actor=actor, fields={"accepted_at": timezone.now(), "accepted_by": actor}
    )
    if section.requested_from_id:
        report = section.report
        notify(
            recipients=[section.requested_from],
            partnership=report.partnership,
            kind="reports.section_accepted",
            subject=f"“{section.title}” accepted for {report.title}",
            body=f"The business unit has accepted your section “{section.title}” of {report.title}. Thank you.",
            path=section_path(section),
            target=section,
        )
    return section


@transaction.atomic
def section_return(*, section: Section, reason: str, actor) -> Section:
    """Send a written section back to the agency lead asked for it, saying why; they are told,
    and write it again."""
    require_managed_draft(actor, section.report)
    reason = reason.strip()
    if not step_allowed(section.status, "send_back") or section.requested_from_id is None:
        raise ValidationError(REFUSED["send_back"])
    if not reason:
        raise ValidationError({"reason": "Say what the agency lead should change."})
    section_move(
        section=section,
        step="send_back",
        actor=actor,
        fields={"returned_reason": reason[:REASON_MAX]},
        data={"reason": reason[:REASON_MAX]},
    )
    report = section.report
    notify(
        recipients=[section.requested_from],
        partnership=report.partnership,
        kind="reports.section_returned",
        subject=f"“{section.title}” sent back for changes",
        body=(
            f"The business unit has sent your section “{section.title}” of {report.title} back to you. "
            f"What should change: {section.returned_reason}"
        ),
        path=section_path(section),
        target=section,
    )
    return section


@transaction.atomic
def section_omit(*, section: Section, reason: str, actor) -> Section:
    """Leave the section out of the report on purpose, saying why: publishing then no longer
    waits for it, and the report shows the reason in its place. Only the business unit, on a draft."""
    require_managed_draft(actor, section.report)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why the section is left out of the report."})
    return section_move(
        section=section,
        step="omit",
        actor=actor,
        fields={"omitted_reason": reason[:REASON_MAX], "omitted_at": timezone.now(), "omitted_by": actor},
        data={"reason": reason[:REASON_MAX]},
    )


@transaction.atomic
def section_include(*, section: Section, actor) -> Section:
    """Put a section left out back into the report: written if it holds text (to be accepted
    again), otherwise not started."""
    require_managed_draft(actor, section.report)
    step = "include_written" if section.body.strip() else "include"
    return section_move(
        section=section, step=step, actor=actor, fields={"omitted_reason": "", "omitted_at": None, "omitted_by": None}
    )
