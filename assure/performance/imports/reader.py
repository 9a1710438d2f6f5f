"""Reading an explore-education-statistics CSV by a statistics mapping of the library: which rows
to keep, which column is which indicator, which geographic levels there are. Nothing here touches
the database: the reader either returns every kept row, parsed, or raises ImportRejected naming
every bad row, so that a file is written whole or not at all.

A file is read as UTF-8, UTF-16 or Windows-1252 text, whichever it is (``decode_file``, which
says which); a file that is none of them is refused naming the first line that cannot be read,
and a file that is not text at all (a workbook or a PDF saved under a .csv name) with one message
for the whole file. Whatever else is wrong with the text (a NUL character, a cell larger than the
field limit, quoting the CSV reader cannot follow, a quoted cell never closed, a line with more
or fewer cells than the header, a last line cut off part-way) is a problem of the line it is on,
like a bad figure: nothing in a file ends an import without saying where, and no row is left out
in silence. A row the mapping's filters leave out is counted by reason with its lines
(``LeftOut``); one whose filter column is empty cannot be sorted and is a problem of its line."""

import codecs
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

from ..models import TextEncoding
from .derived import Derivation

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
    "encoding": "Text that is not UTF-8, UTF-16 or Windows-1252",
    "unreadable": "Lines that cannot be read",
    "cut-off": "A last line cut off part-way",
    "cells": "Lines with more or fewer cells than the header",
    "empty-filter": "Rows whose filter column is empty",
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


BLANK = "blank"
# How much of the rows left out a summary names: every row is in the list to download.
REASONS_SHOWN = 20
RUNS_SHOWN = 20


class LeftOut:
    """The rows of a file an import did not use although nothing is wrong with them (a blank
    line, a row the mapping's filters leave out), by reason, each reason with its lines as runs
    (2–40, 45): every row is counted and named, and a file of a hundred thousand such rows in a
    few long runs costs little to hold and to say."""

    def __init__(self):
        self.runs: dict[tuple[str, str], list[list[int]]] = {}
        self.counts: Counter[tuple[str, str]] = Counter()

    def add(self, line: int, column: str, reason: str) -> None:
        key = (column, reason)
        self.counts[key] += 1
        runs = self.runs.setdefault(key, [])
        if runs and runs[-1][1] == line - 1:
            runs[-1][1] = line
        else:
            runs.append([line, line])

    @property
    def total(self) -> int:
        return self.counts.total()

    def __bool__(self) -> bool:
        return bool(self.counts)

    def sentences(self, runs_shown: int | None = None) -> list[str]:
        """A sentence for each reason, naming its lines. With ``runs_shown``, the sentences of
        the first REASONS_SHOWN reasons only, each naming its first ``runs_shown`` runs of lines,
        and how many more there are (the list to download names them all)."""
        sentences = []
        reasons = list(self.runs.items())
        others = reasons[REASONS_SHOWN:] if runs_shown is not None else []
        if others:
            reasons = reasons[:REASONS_SHOWN]
        for key, runs in reasons:
            count = self.counts[key]
            shown = runs if runs_shown is None else runs[:runs_shown]
            named = ", ".join(str(first) if first == last else f"{first}–{last}" for first, last in shown)
            if unnamed := count - sum(last - first + 1 for first, last in shown):
                named += f" and {unnamed:,} more"
            rows = "1 row" if count == 1 else f"{count:,} rows"
            sentences.append(f"{rows} left out ({key[1]}): {'line' if count == 1 else 'lines'} {named}.")
        if others:
            more = sum(self.counts[key] for key, _ in others)
            sentences.append(f"{more:,} more rows left out for {len(others):,} other reasons.")
        return sentences

    def listed(self, at_most: int) -> list[Problem]:
        """Every row left out, a line each, grouped by reason, the first ``at_most`` of them."""
        listed: list[Problem] = []
        for (column, reason), runs in self.runs.items():
            for first, last in runs:
                for line in range(first, min(last, first + at_most - len(listed) - 1) + 1):
                    listed.append(Problem(line, column, f"left out: {reason}", "left-out"))
                if len(listed) >= at_most:
                    return listed
        return listed


@dataclass
class StatisticsFile:
    rows: list[StatisticsRow]
    rows_read: int
    left_out: LeftOut


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
        columns += measure.read_columns()
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
    filters: list[tuple[int, str, str]]
    # (indicator, column, value, numerator and denominator positions), or how a figure is worked out.
    measures: list[tuple[str, str, int, int | None, int | None] | Derivation]

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
            filters=[(index[column], column, value) for column, value in mapping.filters.items()],
            measures=[
                Derivation(m, index)
                if m.derive
                else (
                    m.indicator,
                    m.column,
                    index[m.column],
                    index[m.numerator_column] if m.numerator_column else None,
                    index[m.denominator_column] if m.denominator_column else None,
                )
                for m in mapping.measures
            ],
        )

    def filtered(self, record: list[str]) -> tuple[str, str, str] | None:
        """Why the mapping's filters leave the row out, as (column, the row's value, the value
        kept), or None when they keep it. The row's value is empty when its filter column is:
        the row cannot be sorted, which is a problem, so a filter whose column holds another
        value (the row is left out whatever the empty one holds) decides first."""
        empty = None
        for at, column, wanted in self.filters:
            value = record[at].strip()
            if value == wanted:
                continue
            if value:
                return column, value, wanted
            empty = empty or (column, value, wanted)
        return empty

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
    for measure in layout.measures:
        if isinstance(measure, Derivation):  # worked out from several columns (derived.py)
            derived = measure.read(record, figures_of)
            found.extend(Problem(line, column, reason, kind) for column, reason, kind in derived.problems)
            figures.append(Measure(measure.indicator, *derived[:4]))
            continue
        indicator, column, value_at, numerator_at, denominator_at = measure
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


# --- the text of a file -------------------------------------------------------------------------

SAVE_AS_UTF8 = "save the file as “CSV UTF-8 (comma delimited)”"
OPEN_AND_SAVE = "open it in Excel and save it as “CSV UTF-8 (comma delimited)”"
# How a file that is not text begins: a workbook, a document or UTF-32 text under a .csv name.
# Only the first HEAD_BYTES are looked at, as an upload is checked before it is queued.
HEAD_BYTES = 64 * 1024
NOT_TEXT = (
    (b"PK\x03\x04", f"an Excel workbook (.xlsx) or another zip archive, not a CSV file: {OPEN_AND_SAVE}"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", f"an Excel 97-2003 workbook (.xls), not a CSV file: {OPEN_AND_SAVE}"),
    (b"%PDF-", "a PDF document, not a CSV file: download the CSV file the publisher offers"),
    (codecs.BOM_UTF32_LE, f"UTF-32 text, which Assure does not read: {SAVE_AS_UTF8}"),
    (codecs.BOM_UTF32_BE, f"UTF-32 text, which Assure does not read: {SAVE_AS_UTF8}"),
)
# Text holds no NUL bytes: a file more than one in NUL_SHARE of whose first bytes are NUL is not
# text (UTF-16 without a byte order mark is half NUL bytes). One stray NUL is a problem of its line.
NUL_SHARE = 8
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, TextEncoding.UTF8_BOM, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, TextEncoding.UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, TextEncoding.UTF16_BE, "utf-16-be", "UTF-16"),
)
# A character of two to four bytes as UTF-8 writes it: in a file that is not UTF-8 throughout,
# it shows text in two encodings (a line pasted from another file), whichever way it is read.
UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
LINE_BREAK = re.compile(rb"\r\n|\r|\n")
TEXT_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Decoded(NamedTuple):
    """A file's text, and the encoding it was read in (a TextEncoding value)."""

    text: str
    encoding: str


def not_text(head: bytes) -> str | None:
    """What a file is when it is not text, from its first bytes (``head``): a phrase to follow
    "it is", saying what to do; None for a file that may be text."""
    for signature, what in NOT_TEXT:
        if head.startswith(signature):
            return what
    if not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and head.count(b"\0") * NUL_SHARE > len(head):
        return (
            "not text: most of its first bytes are NUL bytes, as in a spreadsheet or in UTF-16 text without "
            f"a byte order mark; {SAVE_AS_UTF8}"
        )
    return None


def _line_at(data: bytes, offset: int) -> int:
    """The line (1 is the first) byte ``offset`` of ``data`` is on, as the CSV reader counts them."""
    return len(LINE_BREAK.findall(data, 0, offset)) + 1


def decode_file(data: bytes) -> Decoded:
    """The text of an imported CSV file and the encoding it is in. Raises ImportRejected for a
    file that is not text (one problem for the whole file), or whose text is in none of the
    encodings read (naming the first line that cannot be read).

    The encodings read are those spreadsheets save a CSV file in: UTF-8, with or without the byte
    order mark Excel writes; UTF-16 with its byte order mark (Excel's "Unicode text"); and
    Windows-1252 (Excel's plain "CSV" on Windows). They are told apart by rule, not guessed: a
    byte order mark names its encoding; text that is valid UTF-8 is UTF-8 (text in another
    encoding almost never is); anything else is Windows-1252 when every byte is one of its
    characters and no part of the file is UTF-8. A guesser such as charset-normalizer weighs the
    text and may read the same bytes another way after a small edit, and cannot say which line
    is wrong; these rules read a file the same way every time."""
    if what := not_text(data[:HEAD_BYTES]):
        raise ImportRejected([Problem(0, "", f"it is {what}", "file")])
    for mark, encoding, codec, name in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            body = data[len(mark) :]
            try:
                return Decoded(body.decode(codec), encoding)
            except UnicodeDecodeError as error:
                # A line is found by its line breaks, counted in the text read before the error.
                line = len(TEXT_LINE_BREAK.findall(body[: error.start].decode(codec, errors="replace"))) + 1
                reason = (
                    f"the file begins with the byte order mark of {name} text, but this line is not {name}: the "
                    f"file may be cut off or damaged; {SAVE_AS_UTF8}"
                )
                raise ImportRejected([Problem(line, "", reason, "encoding")]) from error
    try:
        return Decoded(data.decode("utf-8"), TextEncoding.UTF8)
    except UnicodeDecodeError as error:
        first = error.start
    line, byte = _line_at(data, first), data[first]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        other = f"byte 0x{data[error.start]:02x} on line {_line_at(data, error.start)} is no Windows-1252 character"
    else:
        utf8 = UTF8_CHARACTER.search(data)
        if utf8 is None:
            return Decoded(text, TextEncoding.CP1252)
        other = f"line {_line_at(data, utf8.start())} is UTF-8 text, so the file mixes two encodings"
    reason = (
        f"byte 0x{byte:02x} is not UTF-8 text, and the file is not Windows-1252 text either ({other}): {SAVE_AS_UTF8}"
    )
    raise ImportRejected([Problem(line, "", reason, "encoding")])


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
    elif "unexpected end of data" in str(error):
        reason = (
            'the file ends inside a quoted cell that begins on this line: a quote mark (") is opened and '
            "never closed, or the file is cut off"
        )
    else:
        reason = f"the line cannot be read as CSV ({error})"
    return Problem(line, "", reason, "unreadable")


def cells_problem(line: int, record: list[str], width: int) -> Problem | None:
    """The problem of a record with more or fewer cells than the header (``width``), or None.
    A short record is a line cut off, or one whose figures have moved: either way, reading its
    cells by the header's columns would take a figure from the wrong column, or none. Empty cells
    past the header's last are let be (some spreadsheets write them)."""
    if len(record) == width or (len(record) > width and not "".join(record[width:]).strip()):
        return None
    cause = (
        "it is cut short, or a comma is missing"
        if len(record) < width
        else "a comma is one too many, or a cell holding a comma is not in quote marks"
    )
    reason = f"the line has {len(record)} cells where the header has {width}: {cause}"
    return Problem(line, "", reason, "cells")


def cut_off(line: int, record: list[str], width: int) -> Problem:
    """The problem of a last line with no line break after it, in a file whose publisher ends
    every line: the file was cut off part-way through the line (a download that stopped), so its
    last cells may have lost digits even when there are as many as the header has."""
    cells = f" (it has {len(record)} cells where the header has {width})" if len(record) < width else ""
    reason = (
        f"the file ends part-way through this line, with no line break after it{cells}: the file looks cut "
        "off, and the line may have lost figures; download the file again"
    )
    return Problem(line, "", reason, "cut-off")


Record = list[str] | Problem
"""A record of a CSV file, or the problem of a line the CSV reader cannot read."""


def read_records(text: str) -> tuple[list[str], list[tuple[int, Record]]]:
    """The header of a CSV text (its names stripped) and every record after it, each with the
    line it starts on, which is what a person looks for in the file (a quoted cell can span lines,
    so the record's position is not enough). A line the CSV reader cannot read is kept as its
    problem, and the reader goes on with the next line; a header that cannot be read raises
    ImportRejected. Every file imported into Assure is read this way.

    The reader is strict: a quoted cell still open at the end of the file (which the lenient
    reader would take, with every line after its quote mark, as one cell) is a problem of the
    line it begins on, and so is text after a closing quote mark ("a"b)."""
    csv.field_size_limit(FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
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
    """Parse ``text`` (the whole CSV) by ``mapping``. Rows whose filter columns hold other values
    than the mapping's, and blank lines, are left out and counted by reason with their lines
    (``left_out``); every other row must be good. Raises ImportRejected listing every problem:
    missing columns, then every bad row (a line that cannot be read, more or fewer cells than
    the header, a last line cut off, an empty filter column, unknown level, missing or malformed
    code, bad period, a cell that is neither a number nor a suppression code, a repeated area and
    year), counted by kind (``ProblemLog``)."""
    header, records = read_records(text)
    layout = _Layout.of(header, mapping)
    total, width = len(records), len(header)
    has_nul = "\0" in text
    # Publishers end every line, the last too: a last line without a break was cut off.
    cut_at = records[-1][0] if records and not text.endswith(("\n", "\r")) else None
    left_out = LeftOut()

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
            left_out.add(line, "", BLANK)
            continue
        if line == cut_at:
            problems.add(cut_off(line, record, width))
            continue
        if len(record) != width and (wrong := cells_problem(line, record, width)):
            problems.add(wrong)
            continue
        if (filtered := layout.filtered(record)) is not None:
            column, value, wanted = filtered
            if value:
                left_out.add(line, column, f"{column} is {value!r}, not {wanted!r}")
            else:
                reason = f"empty, so the mapping cannot tell whether to keep the row (it keeps {column} {wanted!r})"
                problems.add(Problem(line, column, reason, "empty-filter"))
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
    return StatisticsFile(rows=rows, rows_read=total, left_out=left_out)
