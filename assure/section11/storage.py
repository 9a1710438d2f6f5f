"""Evidence files: which kinds are accepted, and the check that a file is what its name says
(``assure.core.documents``: by its extension and its first bytes, so a renamed executable or
script is refused whatever it is called). Files are kept under MEDIA_ROOT, which is never served
directly: the download view streams a file only after the same visibility check as its return."""

from django.core.files.uploadedfile import UploadedFile

from assure.core.documents import MB, DocumentKind, DocumentPolicy, extension_of
from assure.core.uploads import ArchiveLimits

__all__ = ["ALLOWED_HINT", "ARCHIVE_LIMITS", "KINDS", "MAX_BYTES", "POLICY", "evidence_problem", "extension_of"]

MAX_BYTES = 10 * MB
# A Word, Excel or OpenDocument file of up to 10 MB, pictures and all, unpacks to well under
# these; a zip bomb does not.
ARCHIVE_LIMITS = ArchiveLimits(members=2000, member_bytes=50 * MB, total_bytes=100 * MB)
ALLOWED_HINT = "PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods), PNG, JPG, text or CSV, up to 10 MB."

POLICY = DocumentPolicy(
    kinds=("pdf", "docx", "xlsx", "odt", "ods", "png", "jpg", "jpeg", "txt", "csv"),
    max_bytes=MAX_BYTES,
    archive_limits=ARCHIVE_LIMITS,
    hint=ALLOWED_HINT,
)
KINDS: dict[str, DocumentKind] = POLICY.by_extension


def evidence_problem(upload: UploadedFile) -> str | None:
    """Why the file cannot be kept as evidence, or None when it can."""
    return POLICY.problem(upload)
