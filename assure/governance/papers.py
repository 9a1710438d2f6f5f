"""Uploaded papers: which kinds of file a meeting's paper may be, and the check that a file is
what its name says (``assure.core.documents``: by its extension and its first bytes, so a renamed
program is refused). Papers are kept through Django's storage under a random name, never served
directly: the download view streams one only to people who may read the meeting's agenda."""

from django.core.files.uploadedfile import UploadedFile

from assure.core.documents import MB, DocumentKind, DocumentPolicy, extension_of
from assure.core.uploads import ArchiveLimits

__all__ = ["ALLOWED_HINT", "ARCHIVE_LIMITS", "KINDS", "MAX_BYTES", "POLICY", "extension_of", "paper_problem"]

MAX_BYTES = 20 * MB
# A board paper of up to 20 MB, pictures and all, unpacks to well under these; a zip bomb does not.
ARCHIVE_LIMITS = ArchiveLimits(members=3000, member_bytes=80 * MB, total_bytes=160 * MB)
ALLOWED_HINT = "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) or OpenDocument (.odt, .ods, .odp), up to 20 MB."

POLICY = DocumentPolicy(
    kinds=("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp"),
    max_bytes=MAX_BYTES,
    archive_limits=ARCHIVE_LIMITS,
    hint=ALLOWED_HINT,
    noun="paper",
)
KINDS: dict[str, DocumentKind] = POLICY.by_extension


def paper_problem(upload: UploadedFile) -> str | None:
    """Why the file cannot be kept as a meeting's paper, or None when it can."""
    return POLICY.problem(upload)
