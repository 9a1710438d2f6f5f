"""Validate and load the YAML documents of library/ into LibraryDocument and LibraryItem.

Loading is idempotent: a document version already stored with the same checksum is left alone;
the same version with different content is refused (publish a new version instead), so a loaded
version is never rewritten.
"""

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from pydantic import ValidationError as PydanticValidationError

from .hooks import run_after_load
from .models import LibraryDocument, LibraryItem
from .schemas import ITEM_SCHEMAS, SHIPPED_PROVIDER, DocumentHeader, Reference, error_text


@dataclass(frozen=True)
class LibraryProblem:
    path: str
    urn: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.urn}: {self.message}"


class LibraryInvalid(Exception):
    def __init__(self, problems: list[LibraryProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class ValidDocument:
    path: str
    header: DocumentHeader
    items: list
    checksum: str


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def library_files(root: Path | None = None) -> list[Path]:
    """Every YAML document under the library folder, in a stable order."""
    root = root or settings.LIBRARY_DIR
    return sorted(p for p in Path(root).rglob("*.yaml") if p.is_file())


def library_paths(names: list[str]) -> list[Path]:
    """The YAML documents named on a command line: files as given, folders searched."""
    paths: list[Path] = []
    for name in names:
        path = Path(name)
        paths += library_files(path) if path.is_dir() else [path]
    return paths


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(settings.BASE_DIR))
    except ValueError:
        return str(path)


def _pydantic_messages(error: PydanticValidationError) -> list[str]:
    return [error_text(e["loc"], e["msg"]) for e in error.errors()]


def validate_file(path: Path) -> tuple[ValidDocument | None, list[LibraryProblem]]:
    """Parse and validate one file; every problem names the file and the URN it concerns."""
    shown = _display(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return None, [LibraryProblem(shown, "(unreadable)", f"not valid YAML: {exc}")]
    except OSError as exc:
        return None, [LibraryProblem(shown, "(unreadable)", f"cannot be read: {exc.strerror}")]
    if not isinstance(raw, dict):
        return None, [LibraryProblem(shown, "(unreadable)", "a library document must be a mapping")]
    doc_urn = str(raw.get("urn", "(no urn)"))
    try:
        header = DocumentHeader.model_validate(raw)
    except PydanticValidationError as exc:
        return None, [LibraryProblem(shown, doc_urn, m) for m in _pydantic_messages(exc)]

    schema = ITEM_SCHEMAS[header.kind]
    problems: list[LibraryProblem] = []
    items = []
    seen: set[str] = set()
    codes: set[str] = set()
    for index, raw_item in enumerate(header.items):
        item_urn = (
            str(raw_item.get("urn", f"{header.urn} item {index + 1}"))
            if isinstance(raw_item, dict)
            else (f"{header.urn} item {index + 1}")
        )
        try:
            item = schema.model_validate(raw_item)
        except PydanticValidationError as exc:
            problems += [
                LibraryProblem(shown, item_urn, schema.error_message(raw_item, e["loc"], e["msg"]))
                for e in exc.errors()
            ]
            continue
        if item.urn in seen:
            problems.append(LibraryProblem(shown, item.urn, "URN used twice in this document"))
        if item.code in codes:
            problems.append(LibraryProblem(shown, item.urn, f"code {item.code!r} used twice in this document"))
        seen.add(item.urn)
        codes.add(item.code)
        items.append(item)
    if not header.items:
        problems.append(LibraryProblem(shown, header.urn, "a document needs at least one item"))
    if problems:
        return None, problems

    return ValidDocument(shown, header, items, document_checksum(header, items)), []


def document_checksum(header: DocumentHeader, items: list) -> str:
    """SHA-256 of the validated content. Fields left at their default are left out, so adding an
    optional field to a schema does not change the checksum of documents already loaded."""
    canonical = header.model_dump(mode="json", exclude={"items"}, exclude_defaults=True)
    canonical["items"] = [item.model_dump(mode="json", exclude_defaults=True) for item in items]
    return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()


def validate_library(paths: list[Path] | None = None) -> list[ValidDocument]:
    """Validate every file; raise LibraryInvalid with all problems of all files at once."""
    paths = library_files() if paths is None else paths
    documents: list[ValidDocument] = []
    problems: list[LibraryProblem] = []
    versions: dict[tuple[str, int], str] = {}
    item_documents: dict[str, tuple[str, str]] = {}
    for path in paths:
        document, found = validate_file(path)
        problems += found
        if document is None:
            continue
        key = (document.header.urn, document.header.version)
        if key in versions:
            problems.append(
                LibraryProblem(document.path, document.header.urn, f"version {key[1]} also in {versions[key]}")
            )
        versions[key] = document.path
        for item in document.items:
            # Versions of one document repeat their item URNs; two documents may not share one.
            owner = item_documents.setdefault(item.urn, (document.header.urn, document.path))
            if owner[0] != document.header.urn:
                problems.append(LibraryProblem(document.path, item.urn, f"URN also used in {owner[1]}"))
        documents.append(document)
    problems += reference_problems(documents)
    problems += distinct_key_problems(documents)
    if problems:
        raise LibraryInvalid(problems)
    return documents


@dataclass(frozen=True)
class NamedItem:
    """An item a reference names, as far as checking the reference needs: who provides it, and
    its fields."""

    provider: str
    fields: dict


def _named_items(documents: list[ValidDocument], kind: str, wanted: set[str]) -> dict[str, NamedItem]:
    """The items of ``kind`` with a code of ``wanted``, by code: those of the documents being
    validated, and (only when some of ``wanted`` are not among them, e.g. a partnership's
    framework validated on its own) those already stored; the newest version of each."""
    validated = sorted((d for d in documents if d.header.kind == kind), key=lambda d: d.header.version)
    found: dict[str, NamedItem] = {}
    if missing := wanted - {item.code for d in validated for item in d.items}:
        stored = (
            LibraryItem.objects.filter(kind=kind, code__in=missing)
            .order_by("document__version")
            .values_list("code", "document__provider", "data")
        )
        found |= {code: NamedItem(provider, data) for code, provider, data in stored}
    for document in validated:
        found |= {
            item.code: NamedItem(document.header.provider, item.model_dump(mode="json"))
            for item in document.items
            if item.code in wanted
        }
    return found


def _reference_problem(ref: Reference, named: NamedItem | None, *, provider: str) -> str | None:
    """What is wrong with one reference of a document of ``provider``, in words; None if nothing."""
    if named is None:
        return f"{ref.field} names unknown {ref.noun} {ref.code!r}"
    if ref.shipped_or_own and named.provider not in (SHIPPED_PROVIDER, provider):
        allowed = (
            "a document Assure ships may name only what Assure ships"
            if provider == SHIPPED_PROVIDER
            else f"a document of {provider} may name only what Assure ships and {provider}'s own"
        )
        return f"{ref.field} names {ref.noun} {ref.code!r}, which is {named.provider}'s own: {allowed}"
    if ref.having is not None:
        field, value = ref.having
        if (found := named.fields.get(field)) != value:
            return (
                f"{ref.field} names {ref.noun} {ref.code!r}, which is not {ref.being}: "
                f"its {field} is {found!r}, not {value!r}"
            )
    return None


def reference_problems(documents: list[ValidDocument]) -> list[LibraryProblem]:
    """An item naming an item of another document (``Item.references``) that the library does
    not hold, or holds but not as the reference requires (of another sort, or another
    partnership's own), is refused, each problem naming the file, the item and where in the item."""
    named = [(document, item, ref) for document in documents for item in document.items for ref in item.references()]
    wanted: dict[str, set[str]] = defaultdict(set)
    for _, _, ref in named:
        wanted[ref.kind].add(ref.code)
    known = {kind: _named_items(documents, kind, codes) for kind, codes in wanted.items()}
    problems: list[LibraryProblem] = []
    for document, item, ref in named:
        message = _reference_problem(ref, known[ref.kind].get(ref.code), provider=document.header.provider)
        if message is not None:
            problems.append(
                LibraryProblem(document.path, item.urn, f"{ref.where}: {message}" if ref.where else message)
            )
    return problems


def distinct_key_problems(documents: list[ValidDocument]) -> list[LibraryProblem]:
    """Two items of one kind from one provider sharing what their kind says must be distinct
    (``Item.distinct_key``: one pairing for an indicator) are refused, in one document or in two;
    versions of one document are not compared with each other."""
    first: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    problems: list[LibraryProblem] = []
    for document in documents:
        header = document.header
        for item in document.items:
            key = item.distinct_key()
            if key is None:
                continue
            owner = first.setdefault((header.kind, header.provider, key), (header.urn, document.path, item.urn))
            if owner[0] != header.urn or (owner[1] == document.path and owner[2] != item.urn):
                where = "this document" if owner[1] == document.path else owner[1]
                problems.append(LibraryProblem(document.path, item.urn, f"{key} is already in {where}; keep one"))
    return problems


def _stored_checksum_problem(document: ValidDocument, stored: LibraryDocument) -> LibraryProblem:
    return LibraryProblem(
        document.path,
        document.header.urn,
        f"version {stored.version} is already loaded with different content; publish it as a new version",
    )


@transaction.atomic
def load_library(paths: list[Path] | None = None) -> LoadReport:
    """Load every valid document not yet stored; refuse the whole load if anything is wrong."""
    documents = validate_library(paths)
    report = LoadReport()
    problems: list[LibraryProblem] = []
    for document in documents:
        header = document.header
        stored = LibraryDocument.objects.filter(urn=header.urn, version=header.version).first()
        label = f"{header.urn} v{header.version}"
        if stored is not None:
            if stored.checksum != document.checksum:
                problems.append(_stored_checksum_problem(document, stored))
            else:
                report.unchanged.append(label)
            continue
        content = header.model_dump(mode="json", exclude={"items"})
        content["items"] = [item.model_dump(mode="json") for item in document.items]
        stored = LibraryDocument.objects.create(
            urn=header.urn,
            version=header.version,
            kind=header.kind,
            provider=header.provider,
            title=header.title,
            checksum=document.checksum,
            source_path=document.path,
            content=content,
        )
        LibraryItem.objects.bulk_create(
            LibraryItem(
                document=stored,
                urn=item.urn,
                kind=header.kind,
                code=item.code,
                title=item.title,
                position=position,
                data=item.model_dump(mode="json"),
            )
            for position, item in enumerate(document.items)
        )
        report.created.append(label)
    if problems:
        raise LibraryInvalid(problems)
    run_after_load()
    return report
