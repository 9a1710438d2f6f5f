"""Evidence files: which kinds are accepted, and the check that a file is what its name says.

A file is accepted by its extension and by its first bytes (its "magic"), so a renamed
executable or script is refused whatever it is called. Files are kept under MEDIA_ROOT, which
is never served directly: the download view streams a file only after the same visibility
check as its return."""

from dataclasses import dataclass
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile

from assure.core.uploads import ArchiveLimits, ArchiveRefused, ArchiveTooLarge, open_archive

MAX_BYTES = 10 * 1024 * 1024
SNIFF_BYTES = 4096
# A Word, Excel or OpenDocument file of up to 10 MB, pictures and all, unpacks to well under
# these; a zip bomb does not.
ARCHIVE_LIMITS = ArchiveLimits(members=2000, member_bytes=50 * 1024 * 1024, total_bytes=100 * 1024 * 1024)


@dataclass(frozen=True)
class Kind:
    extension: str
    content_type: str
    label: str


KINDS = {
    k.extension: k
    for k in (
        Kind("pdf", "application/pdf", "PDF"),
        Kind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
        Kind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
        Kind("odt", "application/vnd.oasis.opendocument.text", "OpenDocument text"),
        Kind("ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet"),
        Kind("png", "image/png", "PNG image"),
        Kind("jpg", "image/jpeg", "JPEG image"),
        Kind("jpeg", "image/jpeg", "JPEG image"),
        Kind("txt", "text/plain", "text"),
        Kind("csv", "text/csv", "CSV"),
    )
}
ALLOWED_HINT = "PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods), PNG, JPG, text or CSV, up to 10 MB."

# What a zip-based document must contain to be the kind its extension says.
_ZIP_MEMBERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
_OPENDOCUMENT_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def extension_of(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sniffed bytes may end inside a multi-byte character; anything earlier is not text.
        if error.start < len(head) - 3:
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True


def _zip_is(upload: UploadedFile, extension: str) -> bool:
    """Whether the archive holds what the kind needs. Raises ArchiveTooLarge for an archive that
    unpacks, or says it would, to far more than any document of its size."""
    upload.seek(0)
    try:
        with open_archive(upload, limits=ARCHIVE_LIMITS) as archive:
            # Anything kept is a file someone will open: it must unpack cleanly and within limits.
            archive.unpack_all()
            if extension in _ZIP_MEMBERS:
                return _ZIP_MEMBERS[extension] in archive.names
            expected = _OPENDOCUMENT_MIMETYPES[extension]
            # Room for white space around the type, which is allowed; a longer member is not one.
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
    """Whether the file's first bytes are those of the kind its extension names. Raises
    ArchiveTooLarge for a Word, Excel or OpenDocument file that would unpack to far too much."""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in ("jpg", "jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if extension in ("txt", "csv"):
        return _is_text(head)
    if extension in ("docx", "xlsx", "odt", "ods"):
        return head.startswith(b"PK\x03\x04") and _zip_is(upload, extension)
    return False


def evidence_problem(upload: UploadedFile) -> str | None:
    """Why the file cannot be kept as evidence, or None when it can."""
    extension = extension_of(upload.name or "")
    if extension not in KINDS:
        return f"The file must be one of: {ALLOWED_HINT}"
    if upload.size is not None and upload.size > MAX_BYTES:
        return "The file must be 10 MB or smaller."
    if upload.size == 0:
        return "The file is empty."
    try:
        matches = content_matches(upload, extension)
    except ArchiveTooLarge:
        return "The file unpacks to far more than a document of its size should: save it again and upload that copy."
    if not matches:
        return f"The file’s content is not a {KINDS[extension].label} file: check that it is the file you meant."
    return None
