"""The documents of a case review: agencies' chronologies and reports and the review's final
report. Which kinds of file they may be, and the check that a file is what its name says
(``assure.core.documents``: by its extension and first bytes, so a renamed program is refused).
Files are kept through Django's storage under a random name, never served directly: the download
views stream one only to people who may read it, logging the read."""

import secrets

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models.fields.files import FieldFile

from assure.core.documents import MB, DocumentPolicy, extension_of
from assure.core.uploads import ArchiveLimits

MAX_BYTES = 20 * MB
# A review document of up to 20 MB unpacks to well under these; a zip bomb does not.
ARCHIVE_LIMITS = ArchiveLimits(members=3000, member_bytes=80 * MB, total_bytes=160 * MB)
ALLOWED_HINT = "PDF, Word (.docx) or OpenDocument text (.odt), up to 20 MB."

POLICY = DocumentPolicy(
    kinds=("pdf", "docx", "odt"),
    max_bytes=MAX_BYTES,
    archive_limits=ARCHIVE_LIMITS,
    hint=ALLOWED_HINT,
    noun="document",
)


def document_problem(upload: UploadedFile) -> str | None:
    """Why the file cannot be kept as a review document, or None when it can."""
    return POLICY.problem(upload)


def content_type_of(name: str) -> str:
    """The content type a kept document is sent with, from its original name."""
    kind = POLICY.by_extension.get(extension_of(name or ""))
    return kind.content_type if kind else "application/octet-stream"


def original_name(upload: UploadedFile, fallback: str) -> str:
    """The upload's own name without any folder, kept in the database only."""
    return (upload.name or fallback).replace("\\", "/").rsplit("/", 1)[-1][:200]


def keep(field: FieldFile, upload: UploadedFile, *, field_name: str) -> str:
    """Check the upload and keep it in ``field`` under a random name, replacing (and, once the
    transaction commits, deleting) any file there before; returns its original name. A refused file
    raises ValidationError on ``field_name``."""
    problem = document_problem(upload)
    if problem:
        raise ValidationError({field_name: problem})
    forget(field)
    field.save(secrets.token_urlsafe(32), upload, save=False)
    return original_name(upload, "document")


def forget(field: FieldFile) -> None:
    """Drop the field's stored file once the transaction commits (nothing is left behind when it
    is replaced; nothing is lost if the transaction fails)."""
    if not field:
        return
    name, storage = field.name, field.storage
    transaction.on_commit(lambda: storage.delete(name))
