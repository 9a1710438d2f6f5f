"""Reads of the frameworks in the library, for the business unit's frameworks pages."""

from dataclasses import dataclass

from assure.library.models import LibraryItem
from assure.library.selectors import current_items
from assure.library.uploads import uploaded_document_check
from assure.partnerships.models import Partnership

from ..framework import Framework
from ..permissions import can_manage


@dataclass(frozen=True)
class FrameworkRow:
    framework: Framework
    pk: int
    provider: str
    standards: int
    criteria: int
    scale: str
    verification: str


def _row(item: LibraryItem) -> FrameworkRow:
    framework = Framework(item)
    provenance = item.data.get("provenance") or item.document.content.get("provenance") or {}
    return FrameworkRow(
        framework=framework,
        pk=item.pk,
        provider=item.document.provider,
        standards=len(framework.standards),
        criteria=len(framework.criteria),
        scale=framework.scale.title,
        verification=provenance.get("verification", ""),
    )


def frameworks_available(*, user, partnership: Partnership) -> list[FrameworkRow]:
    """The newest version of every framework in the library (Assure's and partnerships' own),
    for the business unit; nothing for anyone else."""
    if not can_manage(user=user, partnership=partnership):
        return []
    return [_row(item) for item in current_items(kind="section11-framework")]


def framework_version(*, user, partnership: Partnership, pk: int) -> Framework | None:
    """Any stored version of a framework (a cycle keeps the version it opened with)."""
    if not can_manage(user=user, partnership=partnership):
        return None
    item = LibraryItem.objects.filter(kind="section11-framework", pk=pk).select_related("document").first()
    return Framework(item) if item else None


@dataclass(frozen=True)
class FileCheck:
    """What checking a framework file found: its problems (each naming the file and criterion),
    or the framework it would add."""

    problems: list[str]
    title: str = ""
    version: int | None = None
    standards: int = 0
    criteria: int = 0


def framework_file_check(*, user, partnership: Partnership, name: str, content: bytes) -> FileCheck:
    """Validate an uploaded framework file with the library's loader, writing nothing: not to the
    library, not to the database. Its scale and agency types must be in the library already."""
    if not can_manage(user=user, partnership=partnership):
        return FileCheck(problems=["You cannot check framework files in this partnership."])
    checked = uploaded_document_check(
        name=name, content=content, kind="section11-framework", provider=partnership.slug, noun="framework"
    )
    if checked.document is None:
        return FileCheck(problems=checked.problems)
    document = checked.document
    item = document.items[0]
    return FileCheck(
        problems=[],
        title=item.title,
        version=document.header.version,
        standards=len(item.standards),
        criteria=sum(len(s.criteria) for s in item.standards),
    )
