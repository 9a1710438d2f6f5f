"""Generating a report's outputs (PDF, Word, web page) as a background task.

The business unit asks for an output; a Rendering records the request and a task (Django's
tasks framework: at once in development and tests, by the database worker in production) lays
the document out, writing how far it has got on the Rendering so the status page can show it.
The file is kept privately under MEDIA_ROOT, named by a random token, and only ever streamed to
someone who may read the report."""

import logging
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record

from ..document import document_for
from ..models import Rendering, Report
from ..permissions import can_manage
from ..render import FORMATS, render

logger = logging.getLogger(__name__)

FAILED = "The document could not be generated. Try again; if it fails again, tell your system administrator."


@transaction.atomic
def rendering_request(*, report: Report, format: str, actor) -> Rendering:
    """Queue the generation of ``report`` as ``format`` (pdf, docx, html); the task starts once
    this transaction commits. Only the business unit asks for outputs."""
    if not can_manage(user=actor, partnership=report.partnership):
        raise PermissionDenied("Only the business unit generates a report's documents.")
    if format not in FORMATS:
        raise ValidationError({"format": "Select the kind of document to generate."})
    rendering = Rendering.objects.create(
        report=report, format=format, token=secrets.token_hex(24), requested_by=actor, stage="Waiting to start"
    )
    event_record(
        actor=actor,
        verb="reports.rendering_requested",
        target=rendering,
        partnership=report.partnership,
        summary=f"Asked for the {rendering.get_format_display()} of “{report.title}”",
        data={"format": format, "report": report.pk},
    )
    from ..tasks import rendering_task

    transaction.on_commit(lambda: rendering_task.enqueue(rendering.pk))
    return rendering


def _update(rendering: Rendering, **fields) -> None:
    # Written at once, outside any transaction of the task, so the status page sees it.
    Rendering.objects.filter(pk=rendering.pk).update(**fields)
    for name, value in fields.items():
        setattr(rendering, name, value)


def rendering_run(rendering_id: int) -> Rendering:
    """Generate a queued rendering: read the report as a document, lay it out, keep the file.
    A rendering that is no longer queued is left alone, so running the task twice generates
    once. A failure is recorded with a message that names nobody; the log keeps the detail."""
    rendering = Rendering.objects.select_related("report", "report__partnership").get(pk=rendering_id)
    if rendering.status != Rendering.Status.QUEUED:
        return rendering
    _update(rendering, status=Rendering.Status.RUNNING, progress=5, stage="Reading the report")

    def progress(percent: int, stage: str) -> None:
        _update(rendering, progress=max(rendering.progress, min(percent, 99)), stage=stage[:200])

    try:
        document = document_for(rendering.report)
        content = render(document, rendering.format, progress=progress)
        progress(99, "Saving the file")
        rendering.file.save(rendering.token, ContentFile(content), save=False)
    except Exception:
        logger.exception("Rendering %s of report %s failed", rendering.pk, rendering.report_id)
        _update(
            rendering,
            status=Rendering.Status.FAILED,
            stage="Failed",
            error=FAILED,
            finished_at=timezone.now(),
        )
        raise
    _update(
        rendering,
        status=Rendering.Status.DONE,
        progress=100,
        stage="Ready",
        file=rendering.file.name,
        size=len(content),
        finished_at=timezone.now(),
    )
    return rendering


def download_name(rendering: Rendering) -> str:
    """A sane file name for a download: the partnership, the report, its year or date."""
    from django.utils.text import slugify

    report = rendering.report
    when = report.year or (f"{report.meeting.held_on:%Y-%m-%d}" if report.meeting_id else "")
    stem = slugify(f"{report.partnership.short_name or report.partnership.slug} {report.title} {when}")
    # A title that already names the year does not need it twice.
    words = stem.split("-")
    deduplicated = [w for i, w in enumerate(words) if w not in words[:i] or not any(c.isdigit() for c in w)]
    return f"{'-'.join(deduplicated)[:120] or 'report'}.{FORMATS[rendering.format].extension}"
