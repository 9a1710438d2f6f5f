"""The XLSX template of a data return, and reading it back once the agency has filled it in.

The template lists the return's indicators (code, title, unit, what to count, the previous
period's figure) with empty, unlocked cells for the figures. A hidden, protected sheet names the
return it belongs to, signed, so a file cannot be uploaded into another return by mistake.
An uploaded file is checked before it is opened (type, size, size once unpacked, how many cells
it holds) and read with openpyxl in read-only mode, formulas as their last computed values, from
the template's sheets and range only.
"""

import io
import re
from dataclasses import dataclass
from decimal import Decimal

import openpyxl
from django.core import signing
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from assure.core.spreadsheets import write_cell
from assure.core.uploads import ArchiveLimits, ArchiveTooLarge, NotAnArchive, open_archive

from .models import DataReturn
from .validation import Entry, show

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# A workbook is a zip of XML: refuse one that would unpack to something huge.
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
ARCHIVE_LIMITS = ArchiveLimits(members=1000, member_bytes=MAX_UNPACKED_BYTES, total_bytes=MAX_UNPACKED_BYTES)
MAX_ROWS = 1000
SIGNING_SALT = "assure.performance.return-template"
FIGURES_SHEET = "Figures"
ABOUT_SHEET = "About this file"
HEADER_SEARCH_ROWS = 20
# The most of an upload openpyxl is given to read. Reading costs by the cell, and a few kilobytes
# of packed XML can hold 200,000 of them, so a workbook reaching beyond the template's range by
# more than a margin is refused before it is read: a template is a header and a row per indicator
# across len(COLUMNS) columns; the margin (to row MAX_ROWS + HEADER_SEARCH_ROWS, to column Z)
# leaves room for an agency's own notes beside its figures.
MAX_SHEET_ROWS = MAX_ROWS + HEADER_SEARCH_ROWS
MAX_COLUMNS = 26
MAX_CELLS = MAX_SHEET_ROWS * MAX_COLUMNS
# A cell, and a shared string, in a part of the workbook, with or without a namespace prefix.
# Every part is counted, whatever it is called: a sheet can be stored under any name.
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_SHARED_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
FAR_MORE = "far more than a return's template: copy your figures into the template you downloaded and upload that"

# (key, heading, width); the headings are how an uploaded file's columns are found.
COLUMNS = (
    ("code", "Indicator code", 24),
    ("title", "Indicator", 48),
    ("unit", "Unit", 16),
    ("notes", "What to count", 48),
    ("previous", "Previous period", 16),
    ("value", "Value", 14),
    ("numerator", "Numerator", 14),
    ("denominator", "Denominator", 14),
    ("not_available", "Not available", 14),
    ("comment", "Comment", 60),
)
ENTRY_KEYS = ("value", "numerator", "denominator", "not_available", "comment")
UNIT_NAMES = {
    "count": "Count",
    "percentage": "Percentage",
    "rate_per_10000": "Rate per 10,000 children",
    "days": "Days",
    "currency": "Pounds",
    "ratio": "Ratio",
}
YES = {"yes", "y", "true", "x", "not available", "n/a"}
NO = {"", "no", "n", "false"}


class UploadRejected(Exception):
    """The file cannot be used; ``messages`` says why, each in words the agency can act on."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("; ".join(messages))


@dataclass(frozen=True)
class UploadedRow:
    line: int  # the row number in the spreadsheet, as the agency sees it
    code: str
    entry: Entry


# An upload's problems shown on its page: the first of each kind, and how many more.
PROBLEMS_SHOWN = 20
_ROW_PREFIX = re.compile(r"Row \d+(?: \([^)]*\))?: ")


def problems_summary(messages: list[str]) -> list[str]:
    """The first PROBLEMS_SHOWN messages of each kind (the same words after "Row N (code): "),
    in their order, each kind followed by how many more rows have it. Every row of a template can
    be wrong, so the list an agency reads stays short enough to act on."""
    shown: list[str] = []
    counts: dict[str, int] = {}
    for message in messages:
        kind = _ROW_PREFIX.sub("", message, count=1)
        counts[kind] = counts.get(kind, 0) + 1
        if counts[kind] <= PROBLEMS_SHOWN:
            shown.append(message)
    for kind, count in counts.items():
        if count > PROBLEMS_SHOWN:
            more = count - PROBLEMS_SHOWN
            last = max(i for i, message in enumerate(shown) if _ROW_PREFIX.sub("", message, count=1) == kind)
            row_word = "row" if more == 1 else "rows"
            shown.insert(last + 1, f"… and {more:,} more {row_word} with the same problem: {kind}")
    return shown


def return_identity(data_return: DataReturn) -> str:
    """The signed token naming the return a template belongs to."""
    return signing.dumps({"return": data_return.pk}, salt=SIGNING_SALT)


def _notes(definition: dict) -> str:
    parts = []
    if definition.get("numerator"):
        parts.append(f"Numerator: {definition['numerator']}.")
    if definition.get("denominator"):
        parts.append(f"Denominator: {definition['denominator']}.")
    if definition.get("minimum") is not None:
        parts.append(f"At least {show(Decimal(str(definition['minimum'])))}.")
    if definition.get("maximum") is not None:
        parts.append(f"At most {show(Decimal(str(definition['maximum'])))}.")
    return " ".join(parts) or definition.get("definition", "")


def _cell_text(number: Decimal | None) -> str | float | int:
    if number is None:
        return ""
    return int(number) if number == number.to_integral_value() else float(number)


def template_workbook(*, data_return: DataReturn, rows: list) -> bytes:
    """The return's template as XLSX bytes: one row per indicator (``selectors.returns.ReturnRow``),
    with the figures already saved filled in, so downloading again loses nothing."""
    round = data_return.round
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = FIGURES_SHEET
    # Names typed into Assure (the agency's, the partnership's) are written as text, never formulas.
    title = f"{data_return.agency}: return for {round.period} to {round.partnership}"
    write_cell(sheet, row=1, column=1, value=title).font = Font(bold=True, size=14)
    sheet["A2"] = (
        f"Due by {round.deadline.day} {round.deadline:%B %Y}. Fill in the Value (or Numerator and Denominator) of "
        "each indicator, or write Yes under Not available and say why in Comment. A change of more than the "
        "usual from the previous period needs a comment. Save the file and upload it to the return's page."
    )
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(COLUMNS))
    sheet.row_dimensions[2].height = 48
    header_row = 4
    for index, (_, heading, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=header_row, column=index, value=heading)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=3)

    yes_no = DataValidation(type="list", formula1='"Yes,No"', allow_blank=True)
    sheet.add_data_validation(yes_no)
    entry_columns = [i for i, (key, _, _) in enumerate(COLUMNS, start=1) if key in ENTRY_KEYS]
    for line, row in enumerate(rows, start=header_row + 1):
        definition = row.definition
        entry = row.observation
        values = {
            "code": row.code,
            "title": definition.get("title", ""),
            "unit": UNIT_NAMES.get(definition.get("unit", ""), definition.get("unit", "")),
            "notes": _notes(definition),
            "previous": _cell_text(row.previous),
            "value": _cell_text(entry.value) if entry else "",
            "numerator": _cell_text(entry.numerator) if entry else "",
            "denominator": _cell_text(entry.denominator) if entry else "",
            "not_available": "Yes" if entry is not None and entry.missing else "",
            "comment": entry.comment if entry else "",
        }
        for index, (key, _, _) in enumerate(COLUMNS, start=1):
            # The code and what the agency fills in come back in the upload: kept exactly as they are.
            value = values[key] if values[key] != "" else None
            cell = write_cell(sheet, row=line, column=index, value=value, exact=key == "code" or key in ENTRY_KEYS)
            cell.alignment = Alignment(wrap_text=key in ("title", "notes", "comment"), vertical="top")
        for index in entry_columns:
            sheet.cell(row=line, column=index).protection = Protection(locked=False)
        yes_no.add(sheet.cell(row=line, column=[k for k, _, _ in COLUMNS].index("not_available") + 1))
    # Protected so the codes, titles and headings stay as they are; the figure cells are unlocked.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False

    about = workbook.create_sheet(ABOUT_SHEET)
    for line, (label, value) in enumerate(
        (
            ("Return", return_identity(data_return)),
            ("Partnership", str(round.partnership)),
            ("Agency", str(data_return.agency)),
            ("Period", str(round.period)),
        ),
        start=1,
    ):
        write_cell(about, row=line, column=1, value=label, exact=True)
        write_cell(about, row=line, column=2, value=value, exact=True)
    about.protection.sheet = True
    about.sheet_state = "hidden"

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- reading an upload -------------------------------------------------------------------------


def _read_bytes(file) -> bytes:
    size = getattr(file, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise UploadRejected([f"The file must be smaller than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB"])
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRejected([f"The file must be smaller than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB"])
    return data


def check_upload(file) -> bytes:
    """The file's bytes if it looks like an XLSX workbook of a sensible size; UploadRejected
    otherwise. Checked before openpyxl reads anything."""
    name = getattr(file, "name", "") or ""
    not_xlsx = "The file must be an Excel workbook (.xlsx): download the template, fill it in and upload it"
    if not name.lower().endswith(".xlsx"):
        raise UploadRejected([not_xlsx])
    data = _read_bytes(file)
    if not data.startswith(b"PK\x03\x04"):
        raise UploadRejected([not_xlsx])
    try:
        with open_archive(data, limits=ARCHIVE_LIMITS) as archive:
            if "xl/workbook.xml" not in archive.names:
                raise UploadRejected([not_xlsx])
            # openpyxl trusts the archive: everything is unpacked here first, in small pieces, so
            # that a damaged member or one whose header understates its size is refused.
            archive.unpack_all()
            _count_cells(archive)
    except NotAnArchive:
        raise UploadRejected(["The file could not be opened as an Excel workbook (.xlsx)"])
    except ArchiveTooLarge:
        raise UploadRejected(["The file holds far more than a return's template: upload the template you downloaded"])
    return data


def _count_cells(archive) -> None:
    """Refuse a workbook holding more cells, or more shared strings, than MAX_CELLS: openpyxl
    reads every shared string when it opens a workbook, and every cell of a row it reads."""
    for pattern, what in ((_CELL, "cells"), (_SHARED_STRING, "pieces of text")):
        found = 0
        for name in sorted(archive.names):
            if not name.endswith(".xml"):
                continue
            for _ in pattern.finditer(archive.read(name, max_bytes=MAX_UNPACKED_BYTES)):
                found += 1
                if found > MAX_CELLS:
                    raise UploadRejected([f"The file holds more than {MAX_CELLS:,} {what}, {FAR_MORE}"])


def _within_template(sheet) -> None:
    """Refuse a sheet whose declared extent reaches beyond the template's by more than the margin.
    A file can leave its extent out or understate it: _count_cells bounds what is read anyway."""
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    if rows > MAX_SHEET_ROWS or columns > MAX_COLUMNS:
        reach = f"{get_column_letter(max(columns, 1))}{max(rows, 1)}"
        raise UploadRejected([f"The {FIGURES_SHEET} sheet reaches cell {reach}, {FAR_MORE}"])


def _text(cell, *, percentage: bool = False) -> str:
    value = cell.value if cell is not None else None
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else ""
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        # A cell formatted as a percentage holds 0.25 for 25%.
        if percentage and "%" in (getattr(cell, "number_format", None) or ""):
            number *= 100
        # Spreadsheet arithmetic leaves long binary tails (33.333333333333336): keep 4 places.
        number = number.quantize(Decimal("0.0001")) if -number.as_tuple().exponent > 4 else number
        return f"{number.normalize():f}"
    return str(value).strip()


def _identity(workbook, data_return: DataReturn) -> None:
    not_template = (
        "This file is not a template of this return: download the template from the return's page, "
        "fill it in and upload that file"
    )
    if ABOUT_SHEET not in workbook.sheetnames or FIGURES_SHEET not in workbook.sheetnames:
        raise UploadRejected([not_template])
    about = {}
    for label, value, *_ in workbook[ABOUT_SHEET].iter_rows(min_row=1, max_row=10, max_col=2, values_only=True):
        if label:
            about[str(label)] = "" if value is None else str(value)
    try:
        identity = signing.loads(about.get("Return", ""), salt=SIGNING_SALT)
    except signing.BadSignature:
        raise UploadRejected([not_template])
    if identity.get("return") != data_return.pk:
        raise UploadRejected(
            [
                f"This file is the template of another return ({about.get('Agency', 'another agency')}, "
                f"{about.get('Period', 'another period')}): upload it to that return, or download this "
                "return's template"
            ]
        )


def _columns(rows: list) -> tuple[int, dict[str, int]]:
    wanted = {heading.lower(): key for key, heading, _ in COLUMNS}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = {}
        for position, cell in enumerate(row):
            heading = str(cell.value).strip().lower() if cell is not None and cell.value is not None else ""
            if heading in wanted:
                found[wanted[heading]] = position
        if "code" in found and "value" in found:
            return index, found
    raise UploadRejected(
        ["The file's column headings have been changed: download the template again and copy your figures into it"]
    )


def read_return_file(file, *, data_return: DataReturn) -> list[UploadedRow]:
    """The rows of an uploaded template of ``data_return`` that hold anything, as entries by
    indicator code. Raises UploadRejected, with every problem found, when the file is of the
    wrong type or size, is the template of another return, or has rows that cannot be read."""
    data = check_upload(file)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a damaged file
        raise UploadRejected(["The file could not be opened as an Excel workbook (.xlsx)"])
    try:
        _identity(workbook, data_return)
        sheet = workbook[FIGURES_SHEET]
        _within_template(sheet)
        sheet_rows = list(sheet.iter_rows(max_row=MAX_SHEET_ROWS, max_col=MAX_COLUMNS))
    finally:
        workbook.close()
    header, columns = _columns(sheet_rows)
    units = {i.code: i.data.get("unit") for i in data_return.indicators.select_related("definition")}
    problems, uploaded, seen = [], [], {}
    for offset, row in enumerate(sheet_rows[header + 1 :], start=header + 2):

        def cell(key: str, row=row):
            position = columns.get(key)
            return row[position] if position is not None and position < len(row) else None

        code = _text(cell("code"))
        percentage = units.get(code) == "percentage"
        texts = {key: _text(cell(key), percentage=percentage and key == "value") for key in ENTRY_KEYS}
        if not code:
            if any(texts.values()):
                problems.append(f"Row {offset}: the indicator code is missing")
            continue
        if code in seen:
            problems.append(f"Row {offset}: {code} is listed twice (also in row {seen[code]})")
            continue
        seen[code] = offset
        flag = texts["not_available"].lower()
        if flag not in YES | NO:
            problems.append(f"Row {offset} ({code}): write Yes under Not available, or leave it empty")
            continue
        uploaded.append(
            UploadedRow(
                line=offset,
                code=code,
                entry=Entry(
                    value=texts["value"],
                    numerator=texts["numerator"],
                    denominator=texts["denominator"],
                    not_available=flag in YES,
                    comment=texts["comment"],
                ),
            )
        )
    if problems:
        raise UploadRejected(problems)
    return uploaded
