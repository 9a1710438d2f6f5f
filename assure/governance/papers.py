"""Uploaded papers: which kinds of file a meeting's paper may be, and the check that a file is
what its name says (by its extension and its first bytes, so a renamed program is refused).
Papers are kept through Django's storage under a random name, never served directly: the
download view streams one only to people who may read the meeting's agenda."""

from dataclasses import dataclass
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile

from assure.core.uploads import ArchiveLimits, ArchiveRefused, ArchiveTooLarge, open_archive

MAX_BYTES = 20 * 1024 * 1024
SNIFF_BYTES = 4096
# A board paper of up to 20 MB, pictures and all, unpacks to well under these; a zip bomb does not.
ARCHIVE_LIMITS = ArchiveLimits(members=3000, member_bytes=80 * 1024 * 1024, total_bytes=160 * 1024 * 1024)


@dataclass(frozen=True)
class PaperKind:
    extension: str
    content_type: str
    label: str


KINDS = {
    k.extension: k
    for k in (
        PaperKind("pdf", "application/pdf", "PDF"),
        PaperKind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
        PaperKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
        PaperKind("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint"),
        PaperKind("odt", "application/vnd.oasis.opendocument.text", "OpenDocument text"),
        PaperKind("ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet"),
        PaperKind("odp", "application/vnd.oasis.opendocument.presentation", "OpenDocument presentation"),
    )
}
ALLOWED_HINT = "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) or OpenDocument (.odt, .ods, .odp), up to 20 MB."

# What a zip-based document must hold to be the kind its extension says.
_ZIP_MEMBERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
_OPENDOCUMENT_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}


def extension_of(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def _archive_is(upload: UploadedFile, extension: str) -> bool:
    """Whether the archive holds what its kind needs; ArchiveTooLarge for one that unpacks to
    far more than any document of its size."""
    upload.seek(0)
    try:
        with open_archive(upload, limits=ARCHIVE_LIMITS) as archive:
            archive.unpack_all()
            if extension in _ZIP_MEMBERS:
                return _ZIP_MEMBERS[extension] in archive.names
            expected = _OPENDOCUMENT_MIMETYPES[extension]
            try:
                mimetype = archive.read("mimetype", max_bytes=len(expected) + 64)
            except (KeyError, ArchiveTooLarge):
                return False
            return mimetype.strip() == expected
    except ArchiveTooLarge:
        raise
    except ArchiveRefused:
        return False
    finally:
        upload.seek(0)


def content_matches(upload: UploadedFile, extension: str) -> bool:
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    return head.startswith(b"PK\x03\x04") and _archive_is(upload, extension)


def paper_problem(upload: UploadedFile) -> str | None:
    """Why the file cannot be kept as a meeting's paper, or None when it can."""
    extension = extension_of(upload.name or "")
    if extension not in KINDS:
        return f"The paper must be one of: {ALLOWED_HINT}"
    if upload.size is not None and upload.size > MAX_BYTES:
        return "The paper must be 20 MB or smaller."
    if upload.size == 0:
        return "The file is empty."
    try:
        matches = content_matches(upload, extension)
    except ArchiveTooLarge:
        return "The file unpacks to far more than a document of its size should: save it again and upload that copy."
    if not matches:
        return f"The file’s content is not a {KINDS[extension].label} file: check that it is the file you meant."
    return None
