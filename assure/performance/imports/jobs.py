"""Imports started from the installation's import page: the operator uploads a file and chooses a
mapping; the file is kept privately (under MEDIA_ROOT, never served) and a background task imports it,
writing its progress on the ImportJob so the status page can show it."""

import logging
from fnmatch import fnmatch
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from assure.accounts.permissions import ensure_can_import_published
from assure.audit.services import event_record
from assure.core.files import local_path

from ..models import ImportJob
from .problems import left_out_keep, problems_keep
from .reader import HEAD_BYTES, ImportRejected, not_text
from .service import import_statistics, mapping_item

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# Browsers label a CSV file in several ways (Excel's installed on Windows makes it the last one).
CSV_CONTENT_TYPES = {"text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", ""}


def csv_upload_problems(*, upload: UploadedFile) -> dict[str, list[str]]:
    """What is wrong with an uploaded CSV file before it is queued, by form field (``upload``):
    its size, its type and whether it is text at all (a workbook or a PDF under a .csv name is
    refused at once, saying what it is; text in an encoding Assure does not read is named by line
    when the file is imported). Every file imported into Assure is checked this way first."""
    problems: dict[str, list[str]] = {}
    name = PurePath(upload.name or "").name
    if upload.size == 0:
        problems.setdefault("upload", []).append("The selected file is empty.")
    elif upload.size > MAX_UPLOAD_BYTES:
        problems.setdefault("upload", []).append("The selected file must be smaller than 20 MB.")
    if not name.lower().endswith(".csv") or (upload.content_type or "") not in CSV_CONTENT_TYPES:
        problems.setdefault("upload", []).append("The selected file must be a CSV file.")
    elif upload.size:
        head = next(upload.chunks(HEAD_BYTES), b"")
        upload.seek(0)
        if what := not_text(head):
            problems.setdefault("upload", []).append(f"The selected file is {what}.")
    return problems


def upload_problems(*, upload: UploadedFile, mapping_code: str) -> dict[str, list[str]]:
    """What is wrong with an uploaded statistics file before it is queued, by form field: the
    checks of every CSV file, and its name (it must match the mapping's file pattern)."""
    problems = csv_upload_problems(upload=upload)
    name = PurePath(upload.name or "").name
    try:
        item = mapping_item(mapping_code)
    except ImportRejected:
        problems.setdefault("mapping", []).append("Select what the file holds.")
    else:
        pattern = item.data["file_pattern"]
        if "upload" not in problems and not fnmatch(name, pattern):
            problems.setdefault("upload", []).append(
                f"The selected file is not a file for “{item.title}”: its name should look like {pattern}."
            )
    return problems


@transaction.atomic
def import_job_create(*, actor, upload: UploadedFile, mapping_code: str) -> ImportJob:
    """Keep the uploaded file privately and queue its import; the task starts once this
    transaction commits. Only the installation's operator may: the figures are every
    partnership's. Raises ValidationError (by field: upload, mapping) for a file that cannot be
    a statistics file for the mapping."""
    ensure_can_import_published(user=actor)
    problems = upload_problems(upload=upload, mapping_code=mapping_code)
    if problems:
        raise ValidationError(problems)
    name = PurePath(upload.name).name
    job = ImportJob(file_name=name[:300], mapping=mapping_item(mapping_code), created_by=actor)
    job.upload.save(name, upload, save=False)
    job.save()
    event_record(
        actor=actor,
        verb="statistics.import_queued",
        target=job,
        partnership=None,
        summary=f"Queued the import of {name}",
        data={"mapping": mapping_code},
    )
    from ..tasks import import_job_run

    transaction.on_commit(lambda: import_job_run.enqueue(job.pk))
    return job


def _update(job: ImportJob, **fields) -> None:
    # Written at once (outside the import's transaction) so the status page sees it.
    ImportJob.objects.filter(pk=job.pk).update(**fields)
    for name, value in fields.items():
        setattr(job, name, value)


def import_job_execute(*, job_id: int) -> ImportJob:
    """Run a queued import: mark it running, report rows read as they go, then record the
    publication and summary, or every bad row. A job that is no longer queued is left alone, so
    running the task twice imports once. A finished job keeps the summary (``ImportResult.lines``)
    and the list of every row the file held but the import did not use."""
    job = ImportJob.objects.select_related("mapping", "created_by", "partnership").get(pk=job_id)
    if job.status != ImportJob.Status.QUEUED:
        return job
    _update(job, status=ImportJob.Status.RUNNING, started_at=timezone.now())

    def progress(done: int, total: int) -> None:
        _update(job, rows_done=done, rows_total=total)

    def stage(text: str) -> None:
        _update(job, messages=[{"note": text}])

    try:
        with local_path(stored=job.upload) as path:
            result = import_statistics(
                path=path,
                mapping_code=job.mapping.code,
                actor=job.created_by,
                progress=progress,
                stage=stage,
                partnership=job.partnership,
                file_name=job.file_name,
            )
    except ImportRejected as rejected:
        _update(
            job,
            status=ImportJob.Status.FAILED,
            finished_at=timezone.now(),
            messages=problems_keep(job=job, rejected=rejected),
        )
        event_record(
            actor=job.created_by,
            verb="statistics.import_rejected",
            target=job,
            partnership=job.partnership,
            summary=f"Did not import {job.file_name}: {rejected.total} problem(s)",
        )
        return job
    except PermissionDenied:
        # The person stopped being an operator between uploading the file and its turn.
        _update(
            job,
            status=ImportJob.Status.FAILED,
            finished_at=timezone.now(),
            messages=[{"note": f"{job.created_by} may no longer import published statistics: nothing was written."}],
        )
        return job
    except Exception:
        logger.exception("Import job %s stopped unexpectedly", job.pk)
        _update(
            job,
            status=ImportJob.Status.FAILED,
            finished_at=timezone.now(),
            messages=[{"note": "The import stopped unexpectedly and nothing was written. Try again later."}],
        )
        raise
    _update(
        job,
        status=ImportJob.Status.DONE,
        finished_at=timezone.now(),
        publication=result.publication,
        rows_done=result.rows_read,
        rows_total=result.rows_read,
        messages=[{"note": line} for line in result.lines()] + left_out_keep(job=job, left_out=result.left_out),
    )
    return job
