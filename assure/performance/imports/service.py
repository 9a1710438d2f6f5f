"""Importing one published statistics file: the whole file or nothing, recorded as a Publication
(title, file, checksum, mapping version, who and when, counts, each figure it corrected), with the
derived rates per 10,000 children brought up to date in the same transaction.

Published figures belong to the whole installation (every partnership compares with the same
files), so only its operator imports them: from the import page, or from the server's shell with
the ``import_statistics`` command. Areas come only from the area files (``load_areas``): a row for
an area Assure does not know is a bad row."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone
from pydantic import ValidationError as PydanticValidationError

from assure.accounts.permissions import ensure_can_import_published
from assure.audit.services import event_record
from assure.library.models import LibraryItem
from assure.library.schemas import StatisticsMappingItem
from assure.library.selectors import current_item

from ..areas import known_area_codes
from ..cache import bump_benchmarks
from ..models import Area, Indicator, Observation, Period, Publication, TextEncoding
from ..periods import period_for_year, year_label
from .rates import published_rates_derive, rates_not_worked_out
from .reader import (
    RUNS_SHOWN,
    ImportRejected,
    LeftOut,
    Problem,
    Progress,
    StatisticsRow,
    decode_file,
    read_statistics,
)
from .store import Figure, Written, published_figures_save

Stage = Callable[[str], None]


@dataclass
class ImportResult:
    """What an import did (or, for a file imported before, that it did nothing)."""

    publication: Publication
    already_imported: bool = False
    rows_read: int = 0
    rows_kept: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    missing: int = 0
    rates_written: int = 0
    periods: list[str] = field(default_factory=list)
    encoding: str = ""
    left_out: LeftOut = field(default_factory=LeftOut)  # the rows read but not kept, by reason
    notes: list[str] = field(default_factory=list)  # what the import could not do, in words

    def lines(self, *, every_line: bool = False) -> list[str]:
        """The summary, a sentence a line, as the command and the import page show it: the
        encoding the file was read in, and every row read but not kept, with why and its lines
        (the first RUNS_SHOWN runs of lines for each reason unless ``every_line``; the page
        offers the whole list to download)."""
        publication = self.publication
        if self.already_imported:
            return [
                f"{publication.file_name} was already imported with this mapping on "
                f"{timezone.localtime(publication.imported_at):%d %B %Y at %H:%M}: nothing changed."
            ]
        years = ""
        if self.periods:
            first, last = self.periods[0], self.periods[-1]
            years = f", for {first}" if first == last else f", covering {first} to {last}"
        lines = [
            f"Imported {publication.file_name} as “{publication.title}”.",
            *([f"The file is {TextEncoding(self.encoding).label} text."] if self.encoding else []),
            f"{self.rows_read} rows read, {self.rows_kept} kept{years}.",
            *self.left_out.sentences(runs_shown=None if every_line else RUNS_SHOWN),
            f"{self.created} new figures, {self.updated} corrected, {self.unchanged} already recorded; "
            f"{self.missing} kept as not available with their reason.",
        ]
        if self.rates_written:
            lines.append(f"{self.rates_written} rates per 10,000 children worked out.")
        return lines + self.notes

    def __str__(self) -> str:
        return " ".join(self.lines())


def mapping_item(code: str) -> LibraryItem:
    """The current version of a statistics mapping of the library, or ImportRejected."""
    item = current_item(kind="statistics-mapping", code=code)
    if item is None:
        raise ImportRejected([Problem(0, "", f"there is no statistics mapping {code!r} in the library", "mapping")])
    return item


def file_checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _mapping(item: LibraryItem) -> StatisticsMappingItem:
    try:
        return StatisticsMappingItem.model_validate(item.data)
    except PydanticValidationError as exc:  # stored content is validated on load; this is a guard
        raise ImportRejected([Problem(0, "", f"the mapping {item.code!r} is not valid: {exc}", "mapping")]) from exc


def _check_mapping(mapping: StatisticsMappingItem, indicators: dict[str, Indicator]) -> None:
    problems = [
        Problem(0, m.label, f"the mapping names the indicator {m.indicator!r}, which is not in the library", "mapping")
        for m in mapping.measures
        if m.indicator not in indicators
    ]
    storable = set(Observation.Missing.values)
    problems += [
        Problem(0, "", f"the mapping's suppression code {code!r} is not one Assure can record", "mapping")
        for code in mapping.missing_codes
        if code not in storable
    ]
    if problems:
        raise ImportRejected(problems)


def _areas_for(rows: list[StatisticsRow], mapping: StatisticsMappingItem) -> tuple[dict[int, int], list[str]]:
    """The area id of every row (by its line), and a note naming any found by LA number.

    A row finds its area by any of the area's codes, earlier or current, so a file that uses an
    authority's old code for older years adds to the same area. A code Assure does not know
    finds its authority by the row's LA number, but only where exactly one authority has that
    number and the row names it. Areas come only from the area files (``load_areas``): a statistics file cannot add
    one, so a row whose area is not found is a bad row, named; so is a second row for the same
    area and year under another of its codes."""
    known = known_area_codes()
    found: dict[int, int] = {}
    by_number: dict[str, tuple[str, int]] = {}
    first: dict[tuple[int, int], int] = {}
    problems: list[Problem] = []
    for row in rows:
        column = mapping.code_columns[row.level]
        area_id = known.area_id(row.code, row.old_la_code, row.name)
        if area_id is None:
            reason = (
                f"unknown area code {row.code!r} ({row.name}): areas come from the area files "
                "(load_areas), not from statistics files"
            )
            problems.append(Problem(row.line, column, reason, "unknown-area"))
            continue
        if row.code not in known.by_code:
            by_number.setdefault(row.code, (row.old_la_code, area_id))
        line = first.setdefault((area_id, row.start_year), row.line)
        if line != row.line:
            reason = f"the same area and year as line {line}, under another of the area's codes ({row.code})"
            problems.append(Problem(row.line, column, reason, "repeated"))
        found[row.line] = area_id
    if problems:
        raise ImportRejected(problems)
    return found, _found_by_number(by_number)


def _found_by_number(by_number: dict[str, tuple[str, int]]) -> list[str]:
    """The note of an import whose rows named codes Assure does not know, kept by LA number."""
    if not by_number:
        return []
    names = dict(Area.objects.filter(pk__in={pk for _, pk in by_number.values()}).values_list("pk", "name"))
    shown = [f"{code} (LA {number}, {names.get(pk, '')})" for code, (number, pk) in sorted(by_number.items())]
    return [
        "Area codes Assure does not know, kept against the one authority their LA number and name give "
        f"(add them to the areas' code history): {', '.join(shown)}."
    ]


MAX_CORRECTIONS_KEPT = 500


def _corrections(written: Written) -> list[dict]:
    """Each corrected figure in words (indicator, period, area, before, after), at most
    MAX_CORRECTIONS_KEPT of them (the publication counts them all)."""
    kept = written.corrected[:MAX_CORRECTIONS_KEPT]
    indicators = dict(Indicator.objects.filter(pk__in={f.indicator_id for _, f in kept}).values_list("pk", "code"))
    periods = dict(Period.objects.filter(pk__in={f.period_id for _, f in kept}).values_list("pk", "label"))
    areas = {
        pk: (code, name)
        for pk, code, name in Area.objects.filter(pk__in={f.area_id for _, f in kept}).values_list("pk", "code", "name")
    }

    def text(value, missing) -> str:
        if value is None:
            return missing
        return f"{value:.0f}" if value == value.to_integral() else f"{value.normalize():f}"

    return [
        {
            "indicator": indicators.get(figure.indicator_id, ""),
            "period": periods.get(figure.period_id, ""),
            "area": areas.get(figure.area_id, ("", ""))[0],
            "area_name": areas.get(figure.area_id, ("", ""))[1],
            "before": text(before[0], before[1]),
            "after": text(figure.value, figure.missing),
        }
        for before, figure in kept
    ]


def _figures(
    rows: list[StatisticsRow], indicators: dict[str, Indicator], areas: dict[int, int], periods: dict[int, int], pk: int
) -> tuple[list[Figure], int]:
    """Every figure of the file, in file order, and how many are missing (with their reason)."""
    figures: list[Figure] = []
    missing = 0
    references = {code: (indicator.pk, indicator.definition_id) for code, indicator in indicators.items()}
    for row in rows:
        area_id, period_id = areas[row.line], periods[row.start_year]
        for code, value, missing_code, numerator, denominator in row.measures:
            indicator_id, definition_id = references[code]
            if missing_code:
                missing += 1
            figures.append(
                Figure(indicator_id, definition_id, period_id, area_id, value, missing_code, numerator, denominator, pk)
            )
    return figures, missing


def import_statistics(
    *,
    path: str | Path,
    mapping_code: str,
    actor=None,
    progress: Progress | None = None,
    partnership=None,
    file_name: str | None = None,
    stage: Stage | None = None,
) -> ImportResult:
    """Import a published statistics CSV by the library's mapping ``mapping_code``.

    Every kept row becomes one observation per measure (source: publication), against the area
    any of whose ONS codes, earlier or current, is the row's (an unknown one is a bad row) and the
    financial year of its period.
    Suppression codes are kept as the observation's ``missing`` reason with no value, never a
    zero. A file with any bad row raises ImportRejected listing every bad row, and nothing is
    written. The file is read in whichever encoding it is in (``reader.decode_file``), recorded
    on the publication; the result names it, and every row read but not kept (blank, or left out
    by the mapping's filters) with its line and why (``left_out``). The same file imported again
    with the same mapping version changes nothing and says so (``already_imported``).
    ``progress(done, total)`` hears of the rows read; ``stage(text)`` of each step after reading
    (both run outside the writing transaction, so a status page can show them while the import
    runs). ``file_name`` is the name the file was uploaded as, when ``path`` is a stored copy.

    ``actor`` is the operator who imports it; without one, the import is the server's own (the
    ``import_statistics`` command, run by whoever runs the installation). Anyone else is refused:
    these figures are every partnership's.
    """
    if actor is not None:
        ensure_can_import_published(user=actor)
    path = Path(path)
    file_name = file_name or path.name
    item = mapping_item(mapping_code)
    mapping = _mapping(item)
    if not fnmatch(file_name, mapping.file_pattern):
        reason = f"{file_name} is not a file for “{item.title}”: its name should match {mapping.file_pattern}"
        raise ImportRejected([Problem(0, "", reason)])
    checksum = file_checksum(path)
    earlier = Publication.objects.filter(checksum=checksum, mapping=item).first()
    if earlier is not None:
        return ImportResult(
            publication=earlier, already_imported=True, rows_read=earlier.rows_read, encoding=earlier.encoding
        )

    indicators = {i.code: i for i in Indicator.objects.filter(code__in=[m.indicator for m in mapping.measures])}
    _check_mapping(mapping, indicators)
    decoded = decode_file(path.read_bytes())
    parsed = read_statistics(text=decoded.text, mapping=mapping, progress=progress)
    if not parsed.rows:
        wanted = ", ".join(f"{column} = {value!r}" for column, value in mapping.filters.items())
        reason = f"no row of the file is one the mapping keeps ({wanted})"
        left_out = parsed.left_out.sentences(runs_shown=RUNS_SHOWN)
        raise ImportRejected([Problem(0, "", " ".join([f"{reason}:", *left_out]) if left_out else reason)])
    if stage:
        stage(f"Writing the figures of {len(parsed.rows)} rows.")
    return _write(
        item=item,
        mapping=mapping,
        indicators=indicators,
        rows=parsed.rows,
        rows_read=parsed.rows_read,
        left_out=parsed.left_out,
        encoding=decoded.encoding,
        checksum=checksum,
        file_name=file_name,
        actor=actor,
        partnership=partnership,
    )


@transaction.atomic
def _write(
    *,
    item: LibraryItem,
    mapping: StatisticsMappingItem,
    indicators: dict[str, Indicator],
    rows: list[StatisticsRow],
    rows_read: int,
    left_out: LeftOut,
    encoding: str,
    checksum: str,
    file_name: str,
    actor,
    partnership,
) -> ImportResult:
    if connection.vendor == "postgresql":
        # A whole file is written in one transaction, and waiting for its write-ahead log to
        # reach the disk at commit took most of an import's time. Without the wait, a crash in
        # the moment after the commit could lose the import (never corrupt the database); the
        # file can simply be imported again.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
    now = timezone.now()
    areas, area_notes = _areas_for(rows, mapping)
    years = sorted({row.start_year for row in rows})
    periods = {year: period_for_year(year_label(year)) for year in years}
    publication = Publication.objects.create(
        title=mapping.publication,
        publisher=mapping.publisher,
        file_name=file_name[:300],
        checksum=checksum,
        mapping=item,
        imported_by=actor if getattr(actor, "is_authenticated", False) else None,
        imported_at=now,
        rows_read=rows_read,
        encoding=encoding,
    )
    figures, missing = _figures(rows, indicators, areas, {y: p.pk for y, p in periods.items()}, publication.pk)
    written = published_figures_save(figures=figures, recorded_at=now)
    rates = published_rates_derive(period_ids=[p.pk for p in periods.values()], recorded_at=now)
    publication.observations_written = written.written
    publication.observations_updated = written.updated
    publication.observations_unchanged = written.unchanged
    publication.corrections = _corrections(Written(corrected=written.corrected + rates.corrected))
    publication.save(
        update_fields=["observations_written", "observations_updated", "observations_unchanged", "corrections"]
    )
    result = ImportResult(
        publication=publication,
        rows_read=rows_read,
        rows_kept=len(rows),
        created=written.created,
        updated=written.updated,
        unchanged=written.unchanged,
        missing=missing,
        rates_written=rates.written,
        periods=[periods[y].label for y in years],
        encoding=encoding,
        left_out=left_out,
        notes=area_notes + rates_not_worked_out(imported=indicators, period_ids=[p.pk for p in periods.values()]),
    )
    event_record(
        actor=actor,
        verb="statistics.imported",
        target=publication,
        partnership=partnership,
        summary=f"Imported {file_name}: {written.created} new figures, {written.updated} corrected",
        data={
            "mapping": item.code,
            "mapping_version": item.document.version,
            "checksum": checksum,
            "corrections": publication.corrections,
        },
    )
    bump_benchmarks()
    return result
