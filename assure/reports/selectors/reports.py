"""Reads of reports: the reports, sections, blocks and evidence a user may see; a report's
contents numbered as they print; who has contributed; the agency lead's sections to write."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone

from assure.accounts.models import User
from assure.accounts.permissions import has_permission
from assure.actions.models import Action
from assure.audit.models import Event
from assure.partnerships.models import Agency, Meeting, Partnership
from assure.performance.models import Indicator, ScorecardLine
from assure.section11.models import Cycle

from ..models import Block, Evidence, Report, Section
from .access import contributes_for, may_write, report_scope_q, section_scope_q
from .templates import WRITTEN_BY, section_specs


def reports_visible_to(*, user, partnership: Partnership) -> QuerySet[Report]:
    """The reports the user may read in the partnership (see access.py); none without reports.view."""
    scope = report_scope_q(user, partnership)
    if scope is None:
        return Report.objects.none()
    return Report.objects.filter(scope).select_related("partnership", "meeting", "template__document")


def report_visible_to(*, user, partnership: Partnership, pk: int) -> Report | None:
    """One report if the user may read it, else None."""
    return reports_visible_to(user=user, partnership=partnership).filter(pk=pk).first()


def sections_visible_to(*, user, partnership: Partnership) -> QuerySet[Section]:
    """The sections the user may read: an agency lead reads of a draft only those asked of their agency."""
    scope = section_scope_q(user, partnership)
    if scope is None:
        return Section.objects.none()
    return Section.objects.filter(scope).select_related(
        "report", "report__partnership", "agency", "requested_from", "priority", "parent"
    )


def blocks_visible_to(*, user, partnership: Partnership) -> QuerySet[Block]:
    return Block.objects.filter(section__in=sections_visible_to(user=user, partnership=partnership)).select_related(
        "section", "section__report"
    )


def evidence_visible_to(*, user, partnership: Partnership) -> QuerySet[Evidence]:
    return Evidence.objects.filter(section__in=sections_visible_to(user=user, partnership=partnership)).select_related(
        "section", "section__report", "indicator", "cycle", "action"
    )


@dataclass
class ContentsRow:
    """One section of a report as the contents list shows it."""

    section: Section
    number: str
    depth: int
    written_by: str
    overdue: bool
    may_write: bool


def _numbers(sections: list[Section]) -> dict[int, tuple[str, int]]:
    """Section numbers as printed (1, 1.1, 1.1.1) from parents and positions."""
    numbers: dict[int, tuple[str, int]] = {}
    counters: dict[int | None, int] = {}
    for section in sorted(sections, key=lambda s: s.position):
        counters[section.parent_id] = counters.get(section.parent_id, 0) + 1
        parent = numbers.get(section.parent_id) if section.parent_id else None
        if parent:
            numbers[section.pk] = (f"{parent[0]}.{counters[section.parent_id]}", parent[1] + 1)
        else:
            numbers[section.pk] = (str(counters[section.parent_id]), 0)
    return numbers


def writer_of(section: Section, written_by: str) -> str:
    """Who writes the section, in words: the agency lead asked, or the template's writer."""
    if section.requested_from_id:
        return f"{section.requested_from} ({section.agency})"
    if written_by == "agency" and section.agency_id:
        return f"{section.agency} (not yet asked)"
    return WRITTEN_BY.get(written_by, WRITTEN_BY["business_unit"])


def is_overdue(section: Section, today: dt.date | None = None) -> bool:
    """Asked of an agency, past its due date and not yet written."""
    today = today or timezone.localdate()
    return section.status == Section.Status.REQUESTED and section.due_on is not None and section.due_on < today


def report_contents(*, user, report: Report) -> list[ContentsRow]:
    """The report's sections the user may read, numbered as the report prints them (numbers are
    those of the whole report even where an agency lead sees only their own sections)."""
    every = list(report.sections.select_related("agency", "requested_from", "priority"))
    numbers = _numbers(every)
    visible = set(
        sections_visible_to(user=user, partnership=report.partnership)
        .filter(report=report)
        .values_list("pk", flat=True)
    )
    specs = section_specs(report.template)
    today = timezone.localdate()
    rows = []
    for section in every:
        if section.pk not in visible:
            continue
        spec = specs.get(section.key)
        number, depth = numbers[section.pk]
        rows.append(
            ContentsRow(
                section=section,
                number=number,
                depth=depth,
                written_by=writer_of(section, spec.written_by if spec else "business_unit"),
                overdue=is_overdue(section, today),
                may_write=may_write(user, section),
            )
        )
    return rows


def section_number(section: Section) -> str:
    return _numbers(list(section.report.sections.all()))[section.pk][0]


@dataclass
class Contributions:
    """The sections asked of agencies: who has written theirs, who is overdue."""

    rows: list[ContentsRow]
    asked: int
    written: int
    accepted: int
    overdue: int


def contributions(*, user, report: Report) -> Contributions:
    rows = [row for row in report_contents(user=user, report=report) if row.section.requested_from_id]
    return Contributions(
        rows=rows,
        asked=len(rows),
        written=sum(row.section.status == Section.Status.WRITTEN for row in rows),
        accepted=sum(row.section.status == Section.Status.ACCEPTED for row in rows),
        overdue=sum(row.overdue for row in rows),
    )


def sections_to_write(*, user, partnership: Partnership) -> QuerySet[Section]:
    """The agency lead's sections of draft reports asked of their agencies, soonest due first."""
    agencies = contributes_for(user, partnership)
    return (
        sections_visible_to(user=user, partnership=partnership)
        .filter(report__status=Report.Status.DRAFT, agency_id__in=agencies, requested_from__isnull=False)
        .order_by("due_on", "report", "position")
    )


def last_return_reason(section: Section) -> str:
    """Why the business unit last sent the section back, while it waits to be written again."""
    if section.status != Section.Status.REQUESTED:
        return ""
    event = (
        Event.objects.filter(
            verb="reports.section_returned",
            target_type=ContentType.objects.get_for_model(Section),
            target_id=str(section.pk),
        )
        .order_by("-pk")
        .first()
    )
    return (event.data or {}).get("reason", "") if event else ""


# Choices offered on the pages.


def board_meetings(*, partnership: Partnership) -> QuerySet[Meeting]:
    """Meetings of the board itself (not of a subgroup), latest first."""
    return Meeting.objects.filter(partnership=partnership, subgroup__isnull=True).order_by("-held_on")


def partnership_agencies(*, partnership: Partnership) -> QuerySet[Agency]:
    return Agency.objects.filter(partnership_links__partnership=partnership).order_by("name").distinct()


def agency_leads(*, partnership: Partnership) -> QuerySet[User]:
    """People who write sections for an agency of the partnership (reports.contribute)."""
    users = User.objects.filter(
        memberships__partnership=partnership, memberships__is_active=True, is_active=True
    ).distinct()
    ids = [user.pk for user in users if has_permission(user, "reports.contribute", partnership)]
    return User.objects.filter(pk__in=ids).order_by("full_name", "email")


def acts_for(user: User, partnership: Partnership, agency: Agency) -> bool:
    return agency.pk in contributes_for(user, partnership)


def evidence_indicators(*, partnership: Partnership) -> QuerySet[Indicator]:
    """Indicators of the partnership's scorecard."""
    ids = ScorecardLine.objects.filter(partnership=partnership).values("indicator_id")
    return Indicator.objects.filter(pk__in=ids).select_related("definition").order_by("definition__title")


def evidence_cycles(*, partnership: Partnership) -> QuerySet[Cycle]:
    """Section 11 cycles the partnership takes part in."""
    return Cycle.objects.filter(partnerships=partnership).order_by("-year", "title").distinct()


def evidence_actions(*, partnership: Partnership) -> QuerySet[Action]:
    return Action.objects.filter(partnership=partnership).order_by("reference")
