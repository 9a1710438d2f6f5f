"""Checking a library document someone uploads before it is added (a Section 11 framework, a
questionnaire): the loader's own checks, on a copy in a temporary folder, writing nothing."""

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .loader import LibraryInvalid, ValidDocument, validate_library
from .schemas import SHIPPED_PROVIDER


@dataclass(frozen=True)
class UploadedDocument:
    """The document the file holds, when it is valid; otherwise every problem found, each
    naming the file as the person uploaded it, the URN and what is wrong."""

    document: ValidDocument | None
    problems: list[str] = field(default_factory=list)


def uploaded_document_check(*, name: str, content: bytes, kind: str, provider: str, noun: str) -> UploadedDocument:
    """Validate an uploaded file as the loader would, for a document of ``kind`` whose provider
    is Assure or ``provider`` (the partnership's slug). What it names (scales, roles, agency
    types) must be in the library already. ``noun`` names the kind in the problems ("framework")."""
    shown = Path(name).name or f"{noun}.yaml"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / shown
        path.write_bytes(content)
        try:
            [document] = validate_library([path])
        except LibraryInvalid as invalid:
            # The loader names the temporary file; the author knows it by the name they uploaded.
            return UploadedDocument(None, [str(p).replace(str(path), shown) for p in invalid.problems])
    header = document.header
    if header.kind != kind:
        return UploadedDocument(None, [f"{shown}: {header.urn}: kind is {header.kind!r}, not {kind}"])
    if header.provider not in (provider, SHIPPED_PROVIDER):
        return UploadedDocument(
            None,
            [
                f"{shown}: {header.urn}: provider is {header.provider!r}; a {noun} of this partnership has "
                f"provider {provider!r}"
            ],
        )
    return UploadedDocument(document)
