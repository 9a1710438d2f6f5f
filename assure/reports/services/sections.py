"""A section's narrative: asking an agency lead to write it by a date, writing it, accepting it
or sending it back with a reason."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.audit.services import event_record
from assure.partnerships.models import Agency, PartnershipAgency

from ..models import Section
from ..permissions import can_contribute_for, may_write
from .common import require_draft, require_managed_draft

# Long enough for any section of an annual report, short enough to refuse a pasted document.
BODY_MAX = 20_000

Status = Section.Status


def _record(actor, verb: str, section: Section, summary: str, data: dict | None = None) -> None:
    event_record(
        actor=actor,
        verb=verb,
        target=section,
        partnership=section.report.partnership,
        summary=f"{summary}: {section.title} ({section.report})",
        data=data,
    )


@transaction.atomic
def section_request(*, section: Section, agency: Agency, user: User, due_on: dt.date, actor) -> Section:
    """Ask an agency lead to write the section by a date. The lead must write for that agency
    of the report's partnership; an accepted section is not asked again. The lead is e-mailed."""
    report = section.report
    require_managed_draft(actor, report)
    problems = {}
    if not PartnershipAgency.objects.filter(partnership=report.partnership, agency=agency).exists():
        problems["agency"] = "Choose an agency of the partnership."
    elif not can_contribute_for(user=user, partnership=report.partnership, agency_id=agency.pk):
        problems["user"] = f"Choose an agency lead of {agency}."
    if due_on is None:
        problems["due_on"] = "Enter the date the section is due."
    elif due_on < timezone.localdate():
        problems["due_on"] = "The due date must be today or later."
    if section.status == Status.ACCEPTED:
        problems["__all__"] = "The section has been accepted: it is not asked of anyone again."
    if problems:
        raise ValidationError(problems)
    section.agency, section.requested_from, section.due_on = agency, user, due_on
    section.status = Status.REQUESTED
    section.updated_at, section.updated_by = timezone.now(), actor
    section.save(update_fields=["agency", "requested_from", "due_on", "status", "updated_at", "updated_by"])
    _record(actor, "reports.section_requested", section, "Section asked of an agency", {"agency": agency.pk})
    address, subject = user.email, f"Please write “{section.title}” for {report.title}"
    body = (
        f"{report.partnership.name} asks you to write the section “{section.title}” of {report.title} "
        f"for {agency}, by {due_on:%-d %B %Y}. Sign in to Assure and open “My sections to write”."
    )
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address]))
    return section


@transaction.atomic
def section_write(*, section: Section, body: str, actor) -> Section:
    """Save the section's narrative as typed (it becomes HTML only through richtext.to_html,
    which never interprets raw HTML). The business unit writes any section of a draft; an agency
    lead only a section asked of their agency, until it is accepted. The section is then written."""
    require_draft(section.report)
    if not may_write(user=actor, section=section):
        raise PermissionDenied("The section is not yours to write, or it has been accepted.")
    body = body.replace("\r\n", "\n").strip()
    if not body:
        raise ValidationError({"body": "Enter the section's text."})
    if len(body) > BODY_MAX:
        raise ValidationError({"body": f"The text must be at most {BODY_MAX:,} characters; it is {len(body):,}."})
    section.body = body
    section.status = Status.WRITTEN
    section.accepted_at = section.accepted_by = None
    section.updated_at, section.updated_by = timezone.now(), actor
    section.save(update_fields=["body", "status", "accepted_at", "accepted_by", "updated_at", "updated_by"])
    _record(actor, "reports.section_written", section, "Section written", {"characters": len(body)})
    return section


@transaction.atomic
def section_accept(*, section: Section, actor) -> Section:
    """The business unit accepts a written section as it stands."""
    require_managed_draft(actor, section.report)
    if section.status != Status.WRITTEN:
        raise ValidationError("Only a written section can be accepted.")
    section.status = Status.ACCEPTED
    section.accepted_at, section.accepted_by = timezone.now(), actor
    section.save(update_fields=["status", "accepted_at", "accepted_by"])
    _record(actor, "reports.section_accepted", section, "Section accepted")
    return section


@transaction.atomic
def section_return(*, section: Section, reason: str, actor) -> Section:
    """Send a written section back to the agency lead asked for it, saying why; they write it again."""
    require_managed_draft(actor, section.report)
    reason = reason.strip()
    if section.status != Status.WRITTEN or section.requested_from_id is None:
        raise ValidationError("Only a written section asked of an agency can be sent back.")
    if not reason:
        raise ValidationError({"reason": "Say what the agency lead should change."})
    section.status = Status.REQUESTED
    section.returned_reason = reason[:1000]
    section.updated_at, section.updated_by = timezone.now(), actor
    section.save(update_fields=["status", "returned_reason", "updated_at", "updated_by"])
    _record(actor, "reports.section_returned", section, "Section sent back", {"reason": section.returned_reason})
    return section
