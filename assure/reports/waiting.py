"""What reports ask of people, for their home page and the scheduled reminders: the sections an
agency lead has to write, the sections written and waiting for the business unit to accept, and
every section still with an agency for the daily reminders. Each is one query however many
sections there are."""

import datetime as dt

from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.notifications.reminders import ReminderDue
from assure.notifications.selectors import last_reminded
from assure.partnerships.permissions import can_attend_meetings

from .models import Report, Section
from .permissions import can_manage, can_view, contributes_for


def _section_url(section: Section, partnership) -> str:
    return partnership_url("reports:section_detail", partnership, pk=section.pk)


def sections_to_write(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    """For an agency lead: the sections of the partnership's draft reports asked of their
    agencies and not yet sent to the business unit, with their due dates."""
    agencies = contributes_for(user=user, partnership=partnership)
    if not agencies:
        return []
    sections = (
        Section.objects.filter(Section.with_agency_q(), report__partnership=partnership, agency_id__in=agencies)
        .filter(report__status=Report.Status.DRAFT)
        .select_related("report", "agency")
        .order_by("due_on", "report_id", "position")
    )
    items = []
    for section in sections:
        detail = section.report.title
        if section.status == Section.Status.DRAFTING:
            detail += ": your draft is saved, not yet sent"
        elif section.returned_reason:
            detail += f": sent back: {section.returned_reason}"
        items.append(
            WaitingItem(
                kind="reports.sections_to_write",
                title=f"Report section to write: {section.title}",
                url=_section_url(section, partnership),
                due=section.due_on,
                detail=detail,
                agency=section.agency.name if section.agency else "",
                overdue=section.due_on is not None and section.due_on < today,
            )
        )
    return items


def sections_to_accept(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: the sections of the partnership's draft reports written and
    waiting to be accepted or sent back."""
    if not can_manage(user=user, partnership=partnership):
        return []
    sections = (
        Section.objects.filter(
            report__partnership=partnership, report__status=Report.Status.DRAFT, status=Section.Status.WRITTEN
        )
        .select_related("report", "agency", "requested_from", "updated_by")
        .order_by("report_id", "position")
    )
    return [
        WaitingItem(
            kind="reports.sections_to_accept",
            title=f"Report section to accept: {section.title}",
            url=_section_url(section, partnership),
            detail=f"{section.report.title}, written by {_writer(section)}",
            agency=section.agency.name if section.requested_from_id and section.agency else "",
        )
        for section in sections
    ]


def _writer(section: Section) -> str:
    return str(section.requested_from or section.updated_by or "the business unit")


def report_section_reminders_due(*, today: dt.date) -> list[ReminderDue]:
    """Every section of a draft report, in every partnership, asked of an agency lead with a due
    date and not yet sent to the business unit: the daily job reminds the lead by the
    ``report-section`` rule."""
    sections = (
        Section.objects.filter(Section.with_agency_q(), report__status=Report.Status.DRAFT, due_on__isnull=False)
        .select_related("report__partnership", "requested_from", "agency")
        .order_by("pk")
    )
    due = []
    for section in sections:
        subject, body = section_reminder_text(section, today)
        due.append(
            ReminderDue(
                target=section,
                partnership=section.report.partnership,
                recipients=[section.requested_from],
                deadline=section.due_on,
                subject=subject,
                body=body,
                path=_section_url(section, section.report.partnership),
                kind="reports.section_reminder",
            )
        )
    return due


def section_reminder_text(section: Section, today: dt.date) -> tuple[str, str]:
    """The subject and body of a reminder about a section still with its agency."""
    report = section.report
    when = "was due" if section.due_on and section.due_on < today else "is due"
    due = f" {when} on {section.due_on:%-d %B %Y} and" if section.due_on else ""
    return (
        f"Reminder: “{section.title}” for {report.title}",
        f"The section “{section.title}” of {report.title}, asked of {section.agency},{due} "
        "has not been sent to the business unit yet.",
    )


def sections_overdue(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: the sections of the partnership's draft reports asked of an agency
    and past their due date, each with a "Send a reminder" button. Two queries."""
    if not can_manage(user=user, partnership=partnership):
        return []
    sections = list(
        Section.objects.filter(
            Section.with_agency_q(),
            report__partnership=partnership,
            report__status=Report.Status.DRAFT,
            due_on__lt=today,
        )
        .select_related("report", "agency", "requested_from")
        .order_by("due_on", "pk")
    )
    reminded = last_reminded(model=Section, ids=[section.pk for section in sections])
    return [
        WaitingItem(
            kind="reports.sections_overdue",
            title=f"Report section overdue: {section.title}",
            url=_section_url(section, partnership),
            due=section.due_on,
            detail=f"{section.report.title}, asked of {section.requested_from}",
            agency=section.agency.name if section.agency else "",
            overdue=True,
            remind_url=partnership_url("reports:section_remind", partnership, pk=section.pk),
            last_reminded=reminded.get(str(section.pk)),
        )
        for section in sections
    ]


def board_papers(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    """For those who sit at the board: the published board packs of its meetings still to come,
    to read before the meeting. One query."""
    if not (can_attend_meetings(user=user, partnership=partnership) and can_view(user=user, partnership=partnership)):
        return []
    packs = (
        Report.objects.filter(
            partnership=partnership,
            kind=Report.Kind.BOARD_PACK,
            status=Report.Status.PUBLISHED,
            correction__isnull=True,  # the latest edition only
            meeting__held_on__gte=today,
        )
        .select_related("meeting")
        .order_by("meeting__held_on", "pk")
    )
    return [
        WaitingItem(
            kind="reports.board_papers",
            title=f"Papers to read: {pack.title}",
            url=partnership_url("reports:report_detail", partnership, pk=pack.pk),
            due=pack.meeting.held_on,
            due_label="For the meeting on",
            detail=f"For the meeting on {pack.meeting.held_on:%A} {pack.meeting.held_on.day} "
            f"{pack.meeting.held_on:%B %Y}",
        )
        for pack in packs
    ]
