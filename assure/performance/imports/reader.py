"""Reading an explore-education-statistics CSV by a statistics mapping of the library: which rows
to keep, which column is which indicator, which geographic levels there are. Nothing here touches
the database: the reader either returns every kept row, parsed, or raises ImportRejected naming
every bad row, so that a file is written whole or not at all.

Whatever is wrong with the text itself (bytes that are not UTF-8, a NUL character, a cell larger
than the field limit, quoting the CSV reader cannot follow) is a problem of the line it is on,
like a bad figure: nothing in a file ends an import without saying where."""

import csv
import io
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import NamedTuple

from django.core.exceptions import ValidationError

from assure.library.schemas import StatisticsMappingItem

# Columns every explore-education-statistics file uses for names (the mapping names the codes).
# They are only read when an import meets an area Assure does not know yet.
NAME_COLUMNS = {"national": "country_name", "regional": "region_name", "local_authority": "la_name"}
OLD_LA_CODE_COLUMN = "old_la_code"
REGION_CODE_COLUMN = "region_code"

ONS_CODE = re.compile(r"[EWSNK][0-9]{8}")
# Observations keep four decimal places and at most sixteen digits.
PLACES = Decimal("0.0001")
LIMIT = Decimal(10) ** 12
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100
# How often the progress callback hears of the rows read.
PROGRESS_EVERY = 500
# The largest cell read. Python's csv module keeps a process-wide limit (128 KB unless changed);
# it is set here on every read so that no other code's setting decides what a file may hold. No
# cell of a statistics file comes near it; a larger one is a quote mark left open.
FIELD_LIMIT = 128 * 1024
# A file with a problem in every cell can hold millions of them: each is counted, but only the
# first of each kind (to show) and the first LISTED_AT_MOST in file order (to download) are kept.
SHOWN_PER_KIND = 20
LISTED_AT_MOST = 100_000

# Each kind of problem and how a list of them is headed; a Problem's ``kind`` is one of these.
KINDS = {
    "file": "The file",
    "mapping": "The mapping",
    "encoding": "Text that is not UTF-8",
    "unreadable": "Lines that cannot be read",
    "missing-column": "Columns missing from the file",
    "unknown-level": "Unknown geographic levels",
    "no-area-code": "Rows without an area code",
    "bad-area-code": "Area codes that are not ONS codes",
    "bad-period": "Time periods that are not years",
    "empty-figure": "Empty figures",
    "not-a-figure": "Figures that are not numbers",
    "unknown-area": "Areas Assure does not know",
    "repeated": "An area and year given twice",
    # A partnership's own figures (imports/local.py).
    "unknown-indicator": "Indicator codes Assure does not know",
    "unknown-period": "Periods that are not a year, quarter or month",
    "bad-figure": "Figures the indicator does not allow",
    "repeated-figure": "An indicator and period given twice",
}

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (line 1 is the header), why, and of which kind
    (a key of KINDS), by which the problems of a file are counted and shown."""

    line: int
    column: str
    reason: str
    kind: str = "file"

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "the file"
        return f"{where}, column {self.column}: {self.reason}" if self.column else f"{where}: {self.reason}"

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "reason": self.reason, "kind": self.kind}


class ProblemLog:
    """The problems of one file, in file order: every one counted by kind, the first
    SHOWN_PER_KIND of each kind kept to show and the first LISTED_AT_MOST kept to list, so a
    file's problems take bounded memory however many it has."""

    def __init__(self, problems: list[Problem] = ()):
        self.counts: Counter[str] = Counter()
        self.listed: list[Problem] = []
        self.shown: dict[str, list[Problem]] = {}
        for problem in problems:
            self.add(problem)

    def add(self, problem: Problem) -> None:
        self.counts[problem.kind] += 1
        if len(self.listed) < LISTED_AT_MOST:
            self.listed.append(problem)
        shown = self.shown.setdefault(problem.kind, [])
        if len(shown) < SHOWN_PER_KIND:
            shown.append(problem)

    @property
    def total(self) -> int:
        return self.counts.total()

    def __bool__(self) -> bool:
        return bool(self.counts)


class ImportRejected(ValidationError):
    """The file was not imported. ``problems`` lists the bad rows (line, column, reason) in file
    order, the first LISTED_AT_MOST of them; ``log`` counts every one by kind and keeps the first
    of each; ``total`` is how many there are."""

    def __init__(self, problems: "list[Problem] | ProblemLog"):
        self.log = problems if isinstance(problems, ProblemLog) else ProblemLog(problems)
        self.problems = self.log.listed
        self.total = self.log.total
        super().__init__([str(p) for p in self.problems] or ["The file could not be imported."])


class Measure(NamedTuple):
    """One indicator's figure on one row (a named tuple: a file makes tens of thousands)."""

    indicator: str
    value: Decimal | None
    missing: str
    numerator: Decimal | None
    denominator: Decimal | None


@dataclass(frozen=True)
class StatisticsRow:
    """A kept row of the file: where and when, and each of the mapping's measures."""

    line: int
    level: str
    code: str
    name: str
    old_la_code: str
    region_code: str
    start_year: int
    measures: tuple[Measure, ...]


@dataclass
class StatisticsFile:
    rows: list[StatisticsRow]
    rows_read: int


def _period_start_year(raw: str, convention: str) -> int | None:
    """The first calendar year of the financial year a time period belongs to.

    year_ending_march: 2015 (or 201415) is April 2014 to March 2015, so 2014.
    mid_year_estimate: the estimate for mid-2014 belongs to 2014-15, so 2014.
    """
    if re.fullmatch(r"[0-9]{4}", raw):
        year = int(raw)
        start = year - 1 if convention == "year_ending_march" else year
    elif convention == "year_ending_march" and re.fullmatch(r"[0-9]{6}", raw):
        start = int(raw[:4])
        if int(raw[4:]) != (start + 1) % 100:
            return None
    else:
        return None
    return start if EARLIEST_YEAR <= start <= LATEST_YEAR else None


def _number(raw: str) -> Decimal | None:
    """A figure as stored (four decimal places), or None when the text is not a usable number."""
    try:
        number = Decimal(raw)
    except InvalidOperation:
        return None
    if not number.is_finite() or abs(number) >= LIMIT:
        return None
    return number.quantize(PLACES, rounding=ROUND_HALF_UP)


def required_columns(mapping: StatisticsMappingItem) -> list[str]:
    columns = [mapping.level_column, mapping.period_column, *mapping.code_columns.values(), *mapping.filters]
    for measure in mapping.measures:
        columns += [measure.column, *(c for c in (measure.numerator_column, measure.denominator_column) if c)]
    return list(dict.fromkeys(columns))


@dataclass(frozen=True)
class _Layout:
    """Where the mapping's columns are in this file."""

    mapping: StatisticsMappingItem
    header: list[str]
    level_at: int
    period_at: int
    code_at: dict[str, int]
    name_at: dict[str, int | None]
    old_code_at: int | None
    region_at: int | None
    filters: list[tuple[int, str]]
    measures: list[tuple[str, str, int, int | None, int | None]]

    @classmethod
    def of(cls, header: list[str], mapping: StatisticsMappingItem) -> "_Layout":
        index = {name: position for position, name in enumerate(header) if name}
        absent = [c for c in required_columns(mapping) if c not in index]
        if absent:
            raise ImportRejected(
                [Problem(1, column, "this column is missing from the file", "missing-column") for column in absent]
            )
        return cls(
            mapping=mapping,
            header=header,
            level_at=index[mapping.level_column],
            period_at=index[mapping.period_column],
            code_at={level: index[column] for level, column in mapping.code_columns.items()},
            name_at={level: index.get(column) for level, column in NAME_COLUMNS.items()},
            old_code_at=index.get(OLD_LA_CODE_COLUMN),
            region_at=index.get(REGION_CODE_COLUMN),
            filters=[(index[column], value) for column, value in mapping.filters.items()],
            measures=[
                (
                    m.indicator,
                    m.column,
                    index[m.column],
                    index[m.numerator_column] if m.numerator_column else None,
                    index[m.denominator_column] if m.denominator_column else None,
                )
                for m in mapping.measures
            ],
        )

    def kept(self, record: list[str]) -> bool:
        return all(record[at].strip() == value for at, value in self.filters)

    def cell(self, record: list[str], at: int | None) -> str:
        return record[at].strip() if at is not None else ""


def _place(layout: _Layout, line: int, record: list[str], found: list[Problem]) -> tuple[str | None, str]:
    """The row's level (Assure's word) and ONS code, noting what is wrong with them."""
    mapping = layout.mapping
    raw_level = record[layout.level_at].strip()
    level = mapping.levels.get(raw_level)
    if level is None:
        expected = ", ".join(repr(name) for name in mapping.levels)
        reason = f"unknown geographic level {raw_level!r}; expected {expected}"
        found.append(Problem(line, mapping.level_column, reason, "unknown-level"))
        return None, ""
    if level not in layout.code_at:
        reason = f"the mapping names no code column for level {raw_level!r}"
        found.append(Problem(line, mapping.level_column, reason, "mapping"))
        return None, ""
    code, column = record[layout.code_at[level]].strip(), mapping.code_columns[level]
    if not code:
        found.append(Problem(line, column, "no area code", "no-area-code"))
    elif not ONS_CODE.fullmatch(code):
        found.append(Problem(line, column, f"{code!r} is not an ONS area code such as E06000051", "bad-area-code"))
    return level, code


def _figure(raw: str, missing_codes: set[str]) -> tuple[Decimal | None, str, str]:
    """(value, suppression code, what is wrong) of one cell."""
    if raw in missing_codes:
        return None, raw, ""
    if not raw:
        return None, "", "empty; expected a number or a suppression code"
    value = _number(raw)
    return value, "", "" if value is not None else f"{raw!r} is neither a number nor a suppression code"


class _Figures(dict):
    """Each distinct cell text read once: a file repeats the same few thousand texts (counts,
    percentages, suppression codes) across tens of thousands of cells."""

    def __init__(self, missing_codes: list[str]):
        super().__init__()
        self.missing_codes = set(missing_codes)

    def __missing__(self, raw: str) -> tuple[Decimal | None, str, str]:
        figure = self[raw] = _figure(raw, self.missing_codes)
        return figure


def _part(
    layout: _Layout, line: int, record: list[str], at: int | None, found: list[Problem], figures_of: _Figures
) -> Decimal | None:
    """A measure's numerator or denominator. A suppressed or empty one leaves the part unknown;
    the value still counts."""
    raw = record[at].strip() if at is not None else ""
    if not raw:
        return None
    part, _, wrong = figures_of[raw]
    if wrong:
        found.append(Problem(line, layout.header[at], wrong, "not-a-figure"))
    return part


def _measures(
    layout: _Layout, line: int, record: list[str], found: list[Problem], figures_of: _Figures
) -> tuple[Measure, ...]:
    figures = []
    for indicator, column, value_at, numerator_at, denominator_at in layout.measures:
        raw = record[value_at].strip()
        value, missing, wrong = figures_of[raw]
        if wrong:
            found.append(Problem(line, column, wrong, "not-a-figure" if raw else "empty-figure"))
        if numerator_at is None and denominator_at is None:  # most measures: a count or a percentage alone
            figures.append(Measure(indicator, value, missing, None, None))
            continue
        numerator = _part(layout, line, record, numerator_at, found, figures_of)
        denominator = _part(layout, line, record, denominator_at, found, figures_of)
        figures.append(Measure(indicator, value, missing, numerator, denominator))
    return tuple(figures)


def decode_text(data: bytes) -> str:
    """The text of a statistics file, which must be UTF-8 (with or without the byte order mark
    Excel writes). Raises ImportRejected naming every line that holds bytes that are not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    problems = ProblemLog()
    for line, raw in enumerate(data.split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as error:
            byte = raw[error.start]
            reason = f"byte 0x{byte:02x} is not UTF-8 text: save the file as “CSV UTF-8 (comma delimited)”"
            problems.add(Problem(line, "", reason, "encoding"))
    raise ImportRejected(problems)


def _unreadable(line: int, error: csv.Error | None) -> Problem:
    """The problem of a line the CSV reader cannot read (``error``), or that holds a NUL
    character (``None``), which no text file does."""
    if error is None:
        reason = "the line holds a NUL character, which a CSV file never does: save the file as CSV again"
    elif "field larger than field limit" in str(error):
        reason = (
            f"a cell is larger than {FIELD_LIMIT // 1024} KB, far more than any statistics file holds: "
            'check for a quote mark (") that is opened and never closed'
        )
    else:
        reason = f"the line cannot be read as CSV ({error})"
    return Problem(line, "", reason, "unreadable")


Record = list[str] | Problem
"""A record of a CSV file, or the problem of a line the CSV reader cannot read."""


def read_records(text: str) -> tuple[list[str], list[tuple[int, Record]]]:
    """The header of a CSV text (its names stripped) and every record after it, each with the
    line it starts on, which is what a person looks for in the file (a quoted cell can span lines,
    so the record's position is not enough). A line the CSV reader cannot read is kept as its
    problem, and the reader goes on with the next line; a header that cannot be read raises
    ImportRejected. Every file imported into Assure is read this way."""
    csv.field_size_limit(FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader, [])]
    except csv.Error as error:
        raise ImportRejected([_unreadable(1, error)]) from error
    if "\0" in "".join(header):
        raise ImportRejected([_unreadable(1, None)])
    records: list[tuple[int, Record]] = []
    previous = reader.line_num
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            record = _unreadable(previous + 1, error)
        records.append((previous + 1, record))
        previous = reader.line_num
    return header, records


def read_statistics(*, text: str, mapping: StatisticsMappingItem, progress: Progress | None = None) -> StatisticsFile:
    """Parse ``text`` (the whole CSV) by ``mapping``. Rows that do not match the mapping's
    filters are left out; every other row must be good. Raises ImportRejected listing every
    problem: missing columns, then every bad row (a line that cannot be read, unknown level,
    missing or malformed code, bad period, a cell that is neither a number nor a suppression
    code, a repeated area and year), counted by kind (``ProblemLog``)."""
    header, records = read_records(text)
    layout = _Layout.of(header, mapping)
    total, width = len(records), len(header)
    has_nul = "\0" in text

    problems = ProblemLog()
    rows: list[StatisticsRow] = []
    figures_of = _Figures(mapping.missing_codes)
    seen: dict[tuple[str, int], int] = {}
    for count, (line, record) in enumerate(records, start=1):
        if progress and count % PROGRESS_EVERY == 0:
            progress(count, total)
        if isinstance(record, Problem):
            problems.add(record)
            continue
        if has_nul and "\0" in "".join(record):
            # Checked before the filters, which would otherwise leave the row out unseen.
            problems.add(_unreadable(line, None))
            continue
        if not "".join(record).strip():  # a blank line, or one of empty cells only
            continue
        record = record + [""] * (width - len(record))
        if not layout.kept(record):
            continue
        found: list[Problem] = []
        level, code = _place(layout, line, record, found)
        raw_period = record[layout.period_at].strip()
        start_year = _period_start_year(raw_period, mapping.period_convention)
        if start_year is None:
            reason = f"{raw_period!r} is not a year such as 2015"
            found.append(Problem(line, mapping.period_column, reason, "bad-period"))
        measures = _measures(layout, line, record, found, figures_of)
        if level and code and start_year is not None:
            first = seen.setdefault((code, start_year), line)
            if first != line:
                reason = f"the same area and year as line {first}"
                found.append(Problem(line, mapping.code_columns[level], reason, "repeated"))
        if found:
            # One cell can be named twice (a count that is also a percentage's numerator).
            for problem in dict.fromkeys(found):
                problems.add(problem)
            continue
        rows.append(
            StatisticsRow(
                line=line,
                level=level,
                code=code,
                name=layout.cell(record, layout.name_at.get(level)) or code,
                old_la_code=layout.cell(record, layout.old_code_at),
                region_code=layout.cell(record, layout.region_at),
                start_year=start_year,
                measures=measures,
            )
        )
    if progress:
        progress(total, total)
    if problems:
        raise ImportRejected(problems)
    return StatisticsFile(rows=rows, rows_read=total)
