"""Reads of reports: the reports, sections, blocks and evidence a user may see; a report's
contents numbered as they print; who has contributed; the agency lead's sections to write."""

import hashlib
from dataclasses import dataclass

from django.db.models import QuerySet

from assure.accounts.models import User
from assure.library.selectors import role_definitions
from assure.partnerships.models import Partnership

from ..document import section_numbers
from ..models import Block, Rendering, Report, Section
from ..permissions import contributes_for, may_write_in
from .access import report_scope_q, section_scope_q
from .templates import WRITTEN_BY, section_specs


def reports_visible_to(*, user, partnership: Partnership) -> QuerySet[Report]:
    """The reports the user may read in the partnership (see access.py); none without reports.view."""
    scope = report_scope_q(user=user, partnership=partnership)
    if scope is None:
        return Report.objects.none()
    return Report.objects.filter(scope).select_related("partnership", "meeting", "template__document")


def reports_register_version(*, user, partnership: Partnership) -> str:
    """A key fragment for the register of reports as the user first sees it: a digest of every
    field it shows of every report the user may read, so it changes with the rows themselves and
    can never be stale. One query, the one that reads the rows; what is saved is the rendering."""
    rows = (
        reports_visible_to(user=user, partnership=partnership)
        .order_by("pk")
        .values_list("pk", "kind", "title", "year", "meeting__held_on", "status", "published_at", "edition")
    )
    parts = (partnership.pk, partnership.slug, list(rows))
    return "reports-" + hashlib.sha256(repr(parts).encode()).hexdigest()


def editions_of(*, user, report: Report) -> list[Report]:
    """Every edition of the report the user may read (itself included), the first first: a
    corrected edition is the same year's annual report, or the same meeting's pack, numbered on."""
    return list(
        reports_visible_to(user=user, partnership=report.partnership)
        .filter(kind=report.kind, year=report.year, meeting=report.meeting)
        .order_by("edition")
    )


def renderings_visible_to(*, user, partnership: Partnership) -> QuerySet[Rendering]:
    """The documents generated from the reports the user may read, newest first. Whether the user
    reads the whole report (which a document is) is the outputs pages' to decide."""
    return Rendering.objects.filter(report__in=reports_visible_to(user=user, partnership=partnership)).select_related(
        "report", "report__partnership", "report__meeting", "requested_by"
    )


def sections_visible_to(*, user, partnership: Partnership) -> QuerySet[Section]:
    """The sections the user may read: an agency lead reads of a draft only those asked of their agency."""
    scope = section_scope_q(user=user, partnership=partnership)
    if scope is None:
        return Section.objects.none()
    return Section.objects.filter(scope).select_related(
        "report", "report__partnership", "agency", "requested_from", "priority", "parent"
    )


def blocks_visible_to(*, user, partnership: Partnership) -> QuerySet[Block]:
    return Block.objects.filter(section__in=sections_visible_to(user=user, partnership=partnership)).select_related(
        "section", "section__report"
    )


@dataclass
class ContentsRow:
    """One section of a report as the contents list shows it."""

    section: Section
    number: str
    written_by: str
    overdue: bool
    may_write: bool


def writer_of(section: Section, written_by: str) -> str:
    """Who writes the section, in words: the agency lead asked, or the template's writer."""
    if section.requested_from_id:
        return f"{section.requested_from} ({section.agency})"
    if written_by == "agency" and section.agency_id:
        return f"{section.agency} (not yet asked)"
    return WRITTEN_BY.get(written_by, WRITTEN_BY["business_unit"])


def report_contents(*, user, report: Report) -> list[ContentsRow]:
    """The report's sections the user may read, numbered as the report prints them (numbers are
    those of the whole report even where an agency lead sees only their own sections)."""
    every = list(report.sections.select_related("agency", "requested_from", "priority").order_by("position"))
    numbers = section_numbers(every)
    visible = set(
        sections_visible_to(user=user, partnership=report.partnership)
        .filter(report=report)
        .values_list("pk", flat=True)
    )
    specs = section_specs(report.template)
    writes = may_write_in(user=user, report=report)
    rows = []
    for section in every:
        if section.pk not in visible:
            continue
        spec = specs.get(section.key)
        rows.append(
            ContentsRow(
                section=section,
                number=numbers[section.pk],
                written_by=writer_of(section, spec.written_by if spec else "business_unit"),
                overdue=section.is_overdue,
                may_write=writes(section),
            )
        )
    return rows


@dataclass
class PublishBlocker:
    """A section that holds up publishing, and why, in words."""

    row: ContentsRow
    reason: str


def _blocking_reason(section: Section) -> str:
    if section.is_omitted:
        return ""
    if section.status != Section.Status.ACCEPTED:
        waiting = {
            Section.Status.NOT_STARTED: "not written yet",
            Section.Status.REQUESTED: f"asked of {section.agency}, not written yet",
            Section.Status.DRAFTING: f"being drafted by {section.requested_from or 'the business unit'}",
            Section.Status.WRITTEN: "written, waiting to be accepted",
        }
        return f"Not accepted: {waiting.get(section.status, section.get_status_display().lower())}."
    if section.holds_template_wording:
        return "Still holds the template's guidance: replace it with what the section should say."
    return ""


def publish_blockers(*, rows: list[ContentsRow]) -> list[PublishBlocker]:
    """Of a report's contents (``report_contents`` for the business unit, who reads every
    section), the sections that hold up publishing: every section is accepted and written in
    its own words, or deliberately left out."""
    blockers = []
    for row in rows:
        reason = _blocking_reason(row.section)
        if reason:
            blockers.append(PublishBlocker(row=row, reason=reason))
    return blockers


def section_number(section: Section) -> str:
    return section_numbers(list(section.report.sections.order_by("position")))[section.pk]


@dataclass
class Contributions:
    """The sections asked of agencies: who has written theirs, who is overdue."""

    rows: list[ContentsRow]
    asked: int
    drafting: int
    written: int
    accepted: int
    overdue: int


def contributions(*, rows: list[ContentsRow]) -> Contributions:
    """Of the report's contents (``report_contents``), the sections asked of agencies."""
    rows = [row for row in rows if row.section.requested_from_id]
    return Contributions(
        rows=rows,
        asked=len(rows),
        drafting=sum(row.section.status == Section.Status.DRAFTING for row in rows),
        written=sum(row.section.status == Section.Status.WRITTEN for row in rows),
        accepted=sum(row.section.status == Section.Status.ACCEPTED for row in rows),
        overdue=sum(row.overdue for row in rows),
    )


def sections_to_write(*, user, partnership: Partnership) -> QuerySet[Section]:
    """The agency lead's sections of draft reports asked of their agencies, soonest due first."""
    agencies = contributes_for(user=user, partnership=partnership)
    return (
        sections_visible_to(user=user, partnership=partnership)
        .filter(report__status=Report.Status.DRAFT, agency_id__in=agencies, requested_from__isnull=False)
        .order_by("due_on", "report", "position")
    )


def last_return_reason(section: Section) -> str:
    """Why the business unit last sent the section back, while it waits to be written again."""
    if not section.is_with_agency:
        return ""
    return section.returned_reason


# Choices offered on the pages.


def agency_leads(*, partnership: Partnership) -> QuerySet[User]:
    """People who write sections for an agency of the partnership: active members holding a
    role that grants reports.contribute."""
    roles = [code for code, definition in role_definitions().items() if "reports.contribute" in definition.permissions]
    return (
        User.objects.filter(
            memberships__partnership=partnership,
            memberships__is_active=True,
            memberships__role__in=roles,
            is_active=True,
        )
        .distinct()
        .order_by("full_name", "email")
    )
