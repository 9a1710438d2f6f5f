"""Correcting a published report as a new edition. The published edition stays exactly as it
was published (its stored text, frozen figures and documents never change) and stays listed;
the new edition starts as a draft copy of it, which the business unit corrects and publishes
with a note of what changed."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from assure.audit.services import event_record

from ..models import Block, Report, Section
from ..permissions import ensure_can_manage

# What a section of the new edition keeps of the published one (status included: what was
# accepted stays accepted until the business unit changes it).
SECTION_FIELDS = [
    "position",
    "key",
    "title",
    "guidance",
    "body",
    "status",
    "priority_id",
    "agency_id",
    "requested_from_id",
    "due_on",
    "accepted_at",
    "accepted_by_id",
    "returned_reason",
    "omitted_reason",
    "omitted_at",
    "omitted_by_id",
]


def _copy_sections(source: Report, edition: Report, actor) -> None:
    copies: dict[int, Section] = {}
    sections = list(source.sections.order_by("position"))
    now = timezone.now()
    for section in sections:  # in report order, so a parent is copied before its children
        copy = Section(
            report=edition,
            parent=copies.get(section.parent_id),
            updated_at=now,
            updated_by=actor,
            **{name: getattr(section, name) for name in SECTION_FIELDS},
        )
        copy.save()
        copies[section.pk] = copy
    Block.objects.bulk_create(
        Block(
            section=copies[block.section_id],
            position=block.position,
            kind=block.kind,
            title=block.title,
            params=block.params,
            data=block.data,
            computed_at=block.computed_at,
        )
        for block in Block.objects.filter(section__report=source).order_by("section_id", "position", "pk")
    )


@transaction.atomic
def report_correct(*, report: Report, actor) -> Report:
    """Start a corrected edition of a published report: a draft copy of it (sections, text,
    statuses, blocks with their frozen figures) numbered as the next edition. Only the
    latest edition is corrected, and only once at a time."""
    ensure_can_manage(user=actor, partnership=report.partnership)
    Report.objects.select_for_update().filter(pk=report.pk).first()
    report.refresh_from_db()
    if not report.is_published:
        raise ValidationError("Only a published report is corrected as a new edition; a draft is simply changed.")
    if Report.objects.filter(corrects=report).exists():
        raise ValidationError("This edition has been corrected already: correct the latest edition.")
    edition = Report(
        partnership=report.partnership,
        kind=report.kind,
        title=report.title,
        year=report.year,
        meeting=report.meeting,
        template=report.template,
        created_by=actor,
        edition=report.edition + 1,
        corrects=report,
    )
    try:
        with transaction.atomic():
            edition.save()
    except IntegrityError as error:
        raise ValidationError("A corrected edition of this report is being made already.") from error
    _copy_sections(report, edition, actor)
    event_record(
        actor=actor,
        verb="reports.report_corrected",
        target=edition,
        partnership=report.partnership,
        summary=f"Corrected edition {edition.edition} started: {report}",
        data={"corrects": report.pk, "edition": edition.edition},
    )
    return edition
