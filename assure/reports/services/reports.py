"""Making a report (an annual report for a year, a board pack for a meeting) and publishing it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.library.models import LibraryItem
from assure.partnerships.models import Meeting, Partnership
from assure.partnerships.years import financial_year_of, financial_year_problem

from ..models import Block, Report, Section
from ..permissions import can_manage
from ..selectors.reports import publish_blockers, report_contents
from ..selectors.templates import section_specs
from .blocks import compute_all
from .common import require_managed_draft
from .structure import sections_build

# The block whose paragraphs are the data-driven answer to a question of the conclusion: the
# chair's section is pre-filled with them, for the chair to edit.
CONCLUSION_BLOCK = "conclusion-question"


def _check_template(template: LibraryItem, kind: str) -> None:
    if template.kind != "report-template" or template.data.get("report_kind") != kind:
        label = Report.Kind(kind).label.lower()
        raise ValidationError({"template": f"Choose a report template for an {label}."})


def _prefill_conclusion(report: Report) -> None:
    """Put the data-driven summary in the body of each chair's section that carries one."""
    specs = section_specs(report.template)
    blocks = Block.objects.filter(section__report=report, kind=CONCLUSION_BLOCK).select_related("section")
    for block in blocks:
        section = block.section
        spec = specs.get(section.key)
        if spec is None or spec.written_by != "chair" or section.body or not block.data:
            continue
        section.body = "\n\n".join(block.data.get("paragraphs") or [])
        section.save(update_fields=["body"])


@transaction.atomic
def report_create(
    *,
    partnership: Partnership,
    kind: str,
    template: LibraryItem,
    actor,
    year: str = "",
    meeting: Meeting | None = None,
    title: str = "",
) -> Report:
    """Make a draft report from a template of the library: its sections in the template's order
    (one copy of a repeated section per priority or per board agency), their blocks computed,
    and the chair's conclusion pre-filled from the data. One annual report per partnership and
    year; a board pack is for one board meeting of the partnership."""
    if not can_manage(user=actor, partnership=partnership):
        raise PermissionDenied("Only the business unit makes a report.")
    _check_template(template, kind)
    if kind == Report.Kind.ANNUAL:
        problem = financial_year_problem(year)
        if problem:
            raise ValidationError({"year": problem})
        if Report.objects.filter(partnership=partnership, kind=kind, year=year).exists():
            raise ValidationError({"year": f"There is already an annual report for {year}: open it from the list."})
        meeting = None
        title = title or f"{partnership.name} annual report {year}"
    else:
        if meeting is None or meeting.partnership_id != partnership.pk or meeting.subgroup_id is not None:
            raise ValidationError({"meeting": "Choose a meeting of the board."})
        year = financial_year_of(meeting.held_on)
        title = title or f"Board pack: {meeting.body_name}, {meeting.held_on:%-d %B %Y}"
    report = Report(
        partnership=partnership,
        kind=kind,
        title=title[:200],
        year=year,
        meeting=meeting,
        template=template,
        created_by=actor,
    )
    report.full_clean(exclude=["template"], validate_constraints=False)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:
        # Two people made the same year's report at once: the constraint keeps one.
        raise ValidationError({"year": f"There is already an annual report for {year}."}) from error
    count = sections_build(report)
    compute_all(report)
    _prefill_conclusion(report)
    event_record(
        actor=actor,
        verb="reports.report_created",
        target=report,
        partnership=partnership,
        summary=f"Report made: {report}",
        data={"kind": kind, "year": year, "template": template.urn, "sections": count},
    )
    return report


def board_pack_create(*, meeting: Meeting, template: LibraryItem, actor) -> Report:
    """Make the pack of papers for a board meeting (see report_create)."""
    if Report.objects.filter(kind=Report.Kind.BOARD_PACK, meeting=meeting).exists():
        raise ValidationError({"meeting": "There is already a board pack for this meeting: open it from the list."})
    return report_create(
        partnership=meeting.partnership, kind=Report.Kind.BOARD_PACK, meeting=meeting, template=template, actor=actor
    )


NOTE_MAX = 2000


@transaction.atomic
def report_publish(*, report: Report, actor, note: str = "") -> Report:
    """Refresh every block one last time and freeze the report: from now on nothing in it
    changes, and it is generated again later with the same figures whatever the data become.
    Refused while any section is neither accepted in its own words nor deliberately left out
    (each one named, with why), while a block cannot be computed, and for a corrected edition
    without a note of what it changed."""
    Report.objects.select_for_update().filter(pk=report.pk).first()  # one publisher at a time
    require_managed_draft(actor, report)
    blockers = publish_blockers(rows=report_contents(user=actor, report=report))
    if blockers:
        raise ValidationError(
            "These sections hold up publishing: "
            + "; ".join(f"{b.row.number} {b.row.section.title} ({b.reason.rstrip('.')})" for b in blockers)
            + "."
        )
    note = note.strip()
    if report.edition > 1 and not note:
        raise ValidationError({"note": "Say what this edition corrects: readers see it beside the editions."})
    result = compute_all(report)
    if result.failed:
        raise ValidationError(
            "The figures of these blocks could not be computed, so the report cannot be published yet: "
            + ", ".join(result.failed)
            + "."
        )
    report.status = Report.Status.PUBLISHED
    report.published_at, report.published_by = timezone.now(), actor
    report.correction_note = note[:NOTE_MAX] if report.edition > 1 else ""
    report.save(update_fields=["status", "published_at", "published_by", "correction_note"])
    event_record(
        actor=actor,
        verb="reports.report_published",
        target=report,
        partnership=report.partnership,
        summary=f"Report published: {report}" + (f" (edition {report.edition})" if report.edition > 1 else ""),
        data={
            "sections": report.sections.count(),
            "omitted": report.sections.filter(status=Section.Status.OMITTED).count(),
            "edition": report.edition,
            "note": report.correction_note,
        },
    )
    return report
