"""Validate and load the YAML documents of library/ into LibraryDocument and LibraryItem.

Loading is idempotent: a document version already stored with the same checksum is left alone;
the same version with different content is refused (publish a new version instead), so a loaded
version is never rewritten.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from pydantic import ValidationError as PydanticValidationError

from .hooks import run_after_load
from .models import LibraryDocument, LibraryItem
from .schemas import ITEM_SCHEMAS, DocumentHeader


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
    return [f"{'.'.join(str(x) for x in e['loc']) or '(document)'}: {e['msg']}" for e in error.errors()]


def _item_messages(kind: str, raw_item: object, error: PydanticValidationError) -> list[str]:
    """The problems of one item; a framework's name the standard and criterion they concern."""
    if kind != "section11-framework" or not isinstance(raw_item, dict):
        return _pydantic_messages(error)
    return [framework_error_message(raw_item, e["loc"], e["msg"]) for e in error.errors()]


def _numbered(entries: object, index: object, key: str, noun: str) -> str:
    # A standard is named by its number and a criterion by its ref, as the author wrote them;
    # one without a usable number or ref is named by its position instead.
    entry = entries[index] if isinstance(entries, list) and isinstance(index, int) and index < len(entries) else None
    name = entry.get(key) if isinstance(entry, dict) else None
    if isinstance(name, (str, int)) and not isinstance(name, bool) and str(name).strip():
        return f"{noun} {name}"
    return f"{noun} {index + 1 if isinstance(index, int) else index} (counting from the top)"


def framework_error_message(raw_item: dict, loc: tuple, message: str) -> str:
    """A pydantic error of a framework item in the author's words: the loc path
    ``standards.1.criteria.2.applies_to.0`` becomes "standard 2, criterion 2.3: applies_to.0"."""
    message = message.removeprefix("Value error, ")
    if tuple(loc) == ("standards",) and message.startswith("standard "):
        return message  # a check across standards that names the standard and criterion itself
    where: list[str] = []
    rest = list(loc)
    if rest[:1] == ["standards"] and len(rest) > 1:
        standards = raw_item.get("standards")
        where.append(_numbered(standards, rest[1], "number", "standard"))
        standard = standards[rest[1]] if isinstance(standards, list) and isinstance(rest[1], int) else None
        rest = rest[2:]
        if rest[:1] == ["criteria"] and len(rest) > 1 and isinstance(standard, dict):
            where.append(_numbered(standard.get("criteria"), rest[1], "ref", "criterion"))
            rest = rest[2:]
    field = ".".join(str(x) for x in rest)
    parts = [", ".join(where), field] if where else [field or "(item)"]
    return ": ".join(p for p in parts if p) + f": {message}"


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
            problems += [LibraryProblem(shown, item_urn, m) for m in _item_messages(header.kind, raw_item, exc)]
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
    problems += framework_reference_problems(documents)
    if problems:
        raise LibraryInvalid(problems)
    return documents


# What a framework names in other documents: its scale, and the agency types it applies to.
FRAMEWORK_REFERENCES = {"rating-scale": "rating scale", "agency-type": "agency type"}


def _known_codes(documents: list[ValidDocument], kind: str, wanted: set[str]) -> set[str]:
    """Codes of ``kind`` defined by the documents being validated, and (only when some of
    ``wanted`` are not among them, e.g. a partnership's framework validated on its own) those
    already stored."""
    known = {item.code for d in documents if d.header.kind == kind for item in d.items}
    if wanted - known:
        known |= set(LibraryItem.objects.filter(kind=kind, code__in=wanted - known).values_list("code", flat=True))
    return known


def framework_reference_problems(documents: list[ValidDocument]) -> list[LibraryProblem]:
    """A framework naming a rating scale or an agency type the library does not hold is refused,
    each problem naming the file, the framework and, where it is a criterion's, the criterion."""
    frameworks = [(d, item) for d in documents if d.header.kind == "section11-framework" for item in d.items]
    if not frameworks:
        return []
    scales = {item.scale for _, item in frameworks}
    types = {
        code
        for _, item in frameworks
        for code in [
            *item.applies_to,
            *(code for s in item.standards for criterion in s.criteria for code in criterion.applies_to),
        ]
    }
    known = {
        "rating-scale": _known_codes(documents, "rating-scale", scales),
        "agency-type": _known_codes(documents, "agency-type", types),
    }
    problems: list[LibraryProblem] = []

    def unknown(document: ValidDocument, item, where: str, field: str, kind: str, codes: list[str]) -> None:
        for code in codes:
            if code not in known[kind]:
                message = f"{field} names unknown {FRAMEWORK_REFERENCES[kind]} {code!r}"
                problems.append(LibraryProblem(document.path, item.urn, f"{where}: {message}" if where else message))

    for document, item in frameworks:
        unknown(document, item, "", "scale", "rating-scale", [item.scale])
        unknown(document, item, "", "applies_to", "agency-type", item.applies_to)
        for standard in item.standards:
            for criterion in standard.criteria:
                where = f"standard {standard.number}, criterion {criterion.ref}"
                unknown(document, item, where, "applies_to", "agency-type", criterion.applies_to)
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
