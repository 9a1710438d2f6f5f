"""Uploaded documents: the kinds of file Assure knows, and the check that a file is what its name
says before it is kept.

A file is accepted by its extension and by its first bytes (its "magic"), so a renamed program
or script is refused whatever it is called. Word, Excel, PowerPoint and OpenDocument files are
zip archives: they are opened only through ``assure.core.uploads.open_archive``, unpacked in
full within the policy's limits, and must hold the member that proves their kind.

Each place that keeps uploads (Section 11 evidence, a meeting's papers) declares one
``DocumentPolicy``: the extensions it allows, its largest size, its archive limits, the hint
shown beside the upload field and the word its messages use for the file.
"""

from dataclasses import dataclass, field
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile

from .uploads import ArchiveLimits, ArchiveRefused, ArchiveTooLarge, open_archive

SNIFF_BYTES = 4096
MB = 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
# Room for white space around an OpenDocument mimetype, which is allowed; a longer member is not one.
_MIMETYPE_SLACK = 64


@dataclass(frozen=True, kw_only=True)
class DocumentKind:
    """A kind of file, and what its content must be to be that kind."""

    extension: str
    content_type: str
    label: str
    magic: bytes = b""
    """What the file's first bytes must start with (empty: no fixed start)."""
    zip_member: str = ""
    """For an Office Open XML file, the member its archive must hold."""
    opendocument: bool = False
    """For an OpenDocument file, whose archive's ``mimetype`` member must be its content type."""
    text: bool = False
    """Plain text: no NUL byte, and readable as UTF-8 or Windows-1252."""

    @property
    def is_archive(self) -> bool:
        return bool(self.zip_member) or self.opendocument


def _office(extension: str, content_type: str, label: str, member: str) -> DocumentKind:
    return DocumentKind(
        extension=extension, content_type=content_type, label=label, magic=_ZIP_MAGIC, zip_member=member
    )


def _opendocument(extension: str, content_type: str, label: str) -> DocumentKind:
    return DocumentKind(
        extension=extension, content_type=content_type, label=label, magic=_ZIP_MAGIC, opendocument=True
    )


_OOXML = "application/vnd.openxmlformats-officedocument"
_ODF = "application/vnd.oasis.opendocument"

KNOWN_KINDS: dict[str, DocumentKind] = {
    kind.extension: kind
    for kind in (
        DocumentKind(extension="pdf", content_type="application/pdf", label="PDF", magic=b"%PDF-"),
        _office("docx", f"{_OOXML}.wordprocessingml.document", "Word", "word/document.xml"),
        _office("xlsx", f"{_OOXML}.spreadsheetml.sheet", "Excel", "xl/workbook.xml"),
        _office("pptx", f"{_OOXML}.presentationml.presentation", "PowerPoint", "ppt/presentation.xml"),
        _opendocument("odt", f"{_ODF}.text", "OpenDocument text"),
        _opendocument("ods", f"{_ODF}.spreadsheet", "OpenDocument spreadsheet"),
        _opendocument("odp", f"{_ODF}.presentation", "OpenDocument presentation"),
        DocumentKind(extension="png", content_type="image/png", label="PNG image", magic=b"\x89PNG\r\n\x1a\n"),
        DocumentKind(extension="jpg", content_type="image/jpeg", label="JPEG image", magic=b"\xff\xd8\xff"),
        DocumentKind(extension="jpeg", content_type="image/jpeg", label="JPEG image", magic=b"\xff\xd8\xff"),
        DocumentKind(extension="txt", content_type="text/plain", label="text", text=True),
        DocumentKind(extension="csv", content_type="text/csv", label="CSV", text=True),
    )
}


class DocumentRefused(Exception):
    """The upload cannot be kept; ``message`` says why, in words for the person uploading it."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def extension_of(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


@dataclass(frozen=True, kw_only=True)
class DocumentPolicy:
    """Which documents one place accepts. ``kinds`` are extensions of KNOWN_KINDS; ``max_bytes``
    a whole number of megabytes; ``noun`` what the messages call the file ("file", "paper")."""

    kinds: tuple[str, ...]
    max_bytes: int
    archive_limits: ArchiveLimits
    hint: str
    noun: str = "file"
    by_extension: dict[str, DocumentKind] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        unknown = [extension for extension in self.kinds if extension not in KNOWN_KINDS]
        if unknown:
            raise ValueError(f"Unknown document kinds: {', '.join(unknown)}")
        object.__setattr__(self, "by_extension", {extension: KNOWN_KINDS[extension] for extension in self.kinds})

    def check(self, upload: UploadedFile) -> DocumentKind:
        """The upload's kind, once its extension, size and content are allowed; DocumentRefused
        saying why otherwise."""
        extension = extension_of(upload.name or "")
        kind = self.by_extension.get(extension)
        if kind is None:
            raise DocumentRefused(f"The {self.noun} must be one of: {self.hint}")
        if upload.size is not None and upload.size > self.max_bytes:
            raise DocumentRefused(f"The {self.noun} must be {self.max_bytes // MB} MB or smaller.")
        if upload.size == 0:
            raise DocumentRefused("The file is empty.")
        try:
            matches = content_matches(upload, kind, limits=self.archive_limits)
        except ArchiveTooLarge:
            raise DocumentRefused(
                "The file unpacks to far more than a document of its size should: save it again and upload that copy."
            ) from None
        if not matches:
            raise DocumentRefused(
                f"The file’s content is not a {kind.label} file: check that it is the file you meant."
            )
        return kind

    def problem(self, upload: UploadedFile) -> str | None:
        """Why the upload cannot be kept, or None when it can."""
        try:
            self.check(upload)
        except DocumentRefused as refused:
            return refused.message
        return None


def content_matches(upload: UploadedFile, kind: DocumentKind, *, limits: ArchiveLimits) -> bool:
    """Whether the file's content is that of ``kind``. Raises ArchiveTooLarge for an archive that
    would unpack to far more than ``limits`` allow."""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if not head.startswith(kind.magic):
        return False
    if kind.text:
        return _is_text(head)
    if kind.is_archive:
        return _archive_is(upload, kind, limits=limits)
    return True


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


def _archive_is(upload: UploadedFile, kind: DocumentKind, *, limits: ArchiveLimits) -> bool:
    """Whether the archive holds what its kind needs. Raises ArchiveTooLarge for an archive that
    unpacks, or says it would, to far more than any document of its size."""
    upload.seek(0)
    try:
        with open_archive(upload, limits=limits) as archive:
            # Anything kept is a file someone will open: it must unpack cleanly and within limits.
            archive.unpack_all()
            if kind.zip_member:
                return kind.zip_member in archive.names
            expected = kind.content_type.encode()
            try:
                mimetype = archive.read("mimetype", max_bytes=len(expected) + _MIMETYPE_SLACK)
            except (KeyError, ArchiveTooLarge):
                return False
            return mimetype.strip() == expected
    except ArchiveTooLarge:
        raise
    except ArchiveRefused:
        return False
    finally:
        upload.seek(0)
