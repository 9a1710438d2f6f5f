"""Reading an agency's monthly extract of a register (CSV or XLSX) into rows of text keyed by
column, and writing the template an agency's system maps its export to.

Nothing here touches the database. A file is checked before it is opened (its kind by content,
not only by name, and its size, by ``assure.core.documents``; a workbook's archive within limits
by ``assure.core.uploads``), then read whole. The columns are the kind's own codes:
``agency_reference``, the identifiers the kind asks for (``age``, ``birth_month``, ``sex``,
``area``) and its field codes. A column the register does not hold is refused rather than
ignored, so a name or an address in an extra column is never read into Assure.

Every cell comes back as text: a formula in a workbook is read as the text it is written in and
never worked out, so ``=HYPERLINK(...)`` typed as a reference stays that text.
"""

import codecs
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass

import openpyxl
from openpyxl.styles import Font

from assure.core.documents import MB, DocumentPolicy, DocumentRefused
from assure.core.spreadsheets import safe_row, write_cell
from assure.core.uploads import ArchiveLimits, ArchiveRefused, open_archive

from .kinds import RegisterKind

MAX_ROWS = 10_000
MAX_UNPACKED_BYTES = 40 * MB
ARCHIVE_LIMITS = ArchiveLimits(members=1000, member_bytes=MAX_UNPACKED_BYTES, total_bytes=MAX_UNPACKED_BYTES)
EXTRACT_POLICY = DocumentPolicy(
    kinds=("csv", "xlsx"),
    max_bytes=5 * MB,
    archive_limits=ARCHIVE_LIMITS,
    hint="a CSV or Excel (.xlsx) file of 5 MB or smaller",
)
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
MAX_CELLS = (MAX_ROWS + 2) * 40

REFERENCE = "agency_reference"
# An identifier of the kind (library spelling) and the column it is uploaded in.
IDENTIFIER_COLUMNS = {"age": "age", "birth-month": "birth_month", "sex": "sex", "area": "area"}
ENTRIES_SHEET = "Entries"
NOTES_SHEET = "Notes"
# A row of a CSV whose first cell starts with this is a note (the template's second row), not data.
NOTE_MARK = "#"

_TYPE_WORDS = {
    "yes-no": "yes or no",
    "single": "one of the choices' codes",
    "multiple": "one or more of the choices' codes, separated by ;",
    "number": "a number",
    "date": "a date: 2015-05-31 or 31/05/2015",
    "datetime": "a date and time: 2015-05-31 21:40 or 31/05/2015 21:40",
    "time": "a time of day: 21:40",
    "text": "a short text: never a name or an address",
    "long-text": "a text: never a name or an address",
}


class UploadRejected(Exception):
    """The file as a whole cannot be read; ``messages`` say why in words the person can act on."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("; ".join(messages))


@dataclass(frozen=True)
class Column:
    """A column of a kind's extract: its heading (a code), what it holds, what it takes."""

    code: str
    label: str
    type: str  # a field type of the kind, or "reference", "age", "birth-month", "sex", "area"
    required: bool
    takes: str
    choices: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Row:
    """One data row as read: its line in the file (the headings are line 1) and its cells as text
    by column code; a column the file lacks reads as blank."""

    line: int
    cells: dict[str, str]


def columns_of(kind: RegisterKind, *, sexes: list[tuple[str, str]]) -> list[Column]:
    """The kind's extract columns, in order: the reference, the identifiers the kind asks for,
    then its fields. ``sexes`` are (code, title) of the library's register-sex terms."""
    found = [
        Column(
            REFERENCE,
            "The case or person reference in your agency's own system",
            "reference",
            True,
            "your system's reference: never a name",
        )
    ]
    identifiers = {
        "age": Column("age", "Age in years", "age", False, "a whole number of years"),
        "birth-month": Column(
            "birth_month", "Month of birth", "birth-month", False, "a month and year: 2009-04 (never the day)"
        ),
        "sex": Column("sex", "Sex", "sex", False, "one of the choices' codes", tuple(sexes)),
        "area": Column("area", "Area of the partnership", "area", False, "an area's name: never an address"),
    }
    found += [identifiers[identifier] for identifier in kind.spec.identifiers]
    for field in kind.spec.fields:
        choices = tuple((c.code, c.label) for c in field.choices)
        if field.type == "yes-no":
            choices = (("yes", "Yes"), ("no", "No"))
        found.append(Column(field.code, field.label, field.type, field.required, _TYPE_WORDS[field.type], choices))
    return found


# --- the template --------------------------------------------------------------------------------


def _note(column: Column) -> str:
    words = [column.label, "required" if column.required else "optional", column.takes]
    if column.choices:
        words.append("choices: " + ", ".join(f"{code} ({label})" for code, label in column.choices))
    return "; ".join(words)


def template_csv(kind: RegisterKind, *, sexes: list[tuple[str, str]]) -> str:
    """The CSV template: the column codes, then a note row (its first cell starting with #,
    which an upload skips) saying what each column takes."""
    columns = columns_of(kind, sexes=sexes)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(safe_row(column.code for column in columns))
    notes = [_note(column) for column in columns]
    notes[0] = f"{NOTE_MARK} {notes[0]}"
    writer.writerow(safe_row(notes))
    return buffer.getvalue()


def template_xlsx(kind: RegisterKind, *, sexes: list[tuple[str, str]]) -> bytes:
    """The XLSX template: a sheet "Entries" headed by the column codes, and a sheet "Notes"
    saying what each column holds, whether it is required, what it takes and its choices."""
    columns = columns_of(kind, sexes=sexes)
    workbook = openpyxl.Workbook()
    entries = workbook.active
    entries.title = ENTRIES_SHEET
    for position, column in enumerate(columns, start=1):
        write_cell(entries, row=1, column=position, value=column.code).font = Font(bold=True)
        entries.column_dimensions[openpyxl.utils.get_column_letter(position)].width = max(16, len(column.code) + 2)
    entries.freeze_panes = "A2"
    notes = workbook.create_sheet(NOTES_SHEET)
    for position, heading in enumerate(("Column", "What it holds", "Required", "What it takes", "Choices"), start=1):
        write_cell(notes, row=1, column=position, value=heading).font = Font(bold=True)
    for line, column in enumerate(columns, start=2):
        write_cell(notes, row=line, column=1, value=column.code)
        write_cell(notes, row=line, column=2, value=column.label)
        write_cell(notes, row=line, column=3, value="Required" if column.required else "Optional")
        write_cell(notes, row=line, column=4, value=column.takes)
        write_cell(notes, row=line, column=5, value="; ".join(f"{c} ({label})" for c, label in column.choices))
    for letter, width in zip("ABCDE", (22, 50, 10, 50, 60), strict=True):
        notes.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- reading an extract --------------------------------------------------------------------------


def _text(value, column: Column | None) -> str:
    """A cell as text. A workbook's date or time cell is written the way the column takes it."""
    if value is None:
        return ""
    kind = column.type if column else ""
    if isinstance(value, dt.datetime):
        if kind == "datetime" or (kind not in {"date", "birth-month"} and value.time() != dt.time()):
            return value.strftime("%Y-%m-%d %H:%M")
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m") if kind == "birth-month" else value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_lines(data: bytes) -> list[list[str]]:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # Spreadsheets on Windows save CSV in their own code page.
        text = data.decode("cp1252", errors="replace")
    try:
        return list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        raise UploadRejected([f"The file cannot be read as CSV: {error}."]) from None


def _xlsx_lines(data: bytes) -> list[list]:
    try:
        with open_archive(data, limits=ARCHIVE_LIMITS) as archive:
            archive.unpack_all()
            cells = sum(
                len(_CELL.findall(archive.read(name, max_bytes=MAX_UNPACKED_BYTES)))
                for name in archive.names
                if name.endswith(".xml")
            )
    except ArchiveRefused:
        raise UploadRejected(["The file could not be opened as an Excel workbook (.xlsx)."]) from None
    if cells > MAX_CELLS:
        raise UploadRejected([f"The file holds more than {MAX_CELLS:,} cells: split it and upload each part."])
    try:
        # Formulas are read as they are written (data_only=False): never worked out, kept as text.
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds of error on a damaged file
        raise UploadRejected(["The file could not be opened as an Excel workbook (.xlsx)."]) from None
    try:
        sheet = workbook[ENTRIES_SHEET] if ENTRIES_SHEET in workbook.sheetnames else workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(max_row=MAX_ROWS + 2, values_only=True)]
    finally:
        workbook.close()


def read_extract(upload, *, columns: list[Column]) -> list[Row]:
    """Every data row of the file, its cells as text by column code; UploadRejected when the file
    is not a CSV or XLSX file within the limits, or its headings are not the register's columns.
    Blank rows and the template's note row (the row under the headings, its first cell starting
    with #) are skipped."""
    try:
        extension = EXTRACT_POLICY.check(upload).extension
    except DocumentRefused as refused:
        raise UploadRejected([refused.message]) from None
    upload.seek(0)
    data = upload.read()
    lines = _csv_lines(data) if extension == "csv" else _xlsx_lines(data)
    skipped = 0
    while lines and not any(_text(cell, None) for cell in lines[0]):
        lines.pop(0)
        skipped += 1
    if not lines:
        raise UploadRejected(["The file is empty: its first line must name the columns, as the template does."])
    if len(lines) > MAX_ROWS + 2:
        raise UploadRejected([f"The file holds more than {MAX_ROWS:,} rows: split it and upload each part."])
    by_code = {column.code: column for column in columns}
    headings = [_text(cell, None) for cell in lines[0]]
    positions: dict[str, int] = {}
    problems: list[str] = []
    for position, heading in enumerate(headings):
        if not heading:
            continue
        code = heading.strip().lower()
        if code not in by_code:
            problems.append(
                f"The column “{heading[:40]}” is not one of this register's: remove it (a register never holds "
                "names or addresses), or use the template's column codes."
            )
        elif code in positions:
            problems.append(f"The column {code} is given twice.")
        else:
            positions[code] = position
    missing = [column.code for column in columns if column.required and column.code not in positions]
    if missing:
        problems.append(f"The file has no column for: {', '.join(missing)}. Download the template to see every column.")
    if problems:
        raise UploadRejected(problems)
    rows: list[Row] = []
    for line, values in enumerate(lines[1:], start=skipped + 2):
        cells = {
            code: _text(values[position], by_code[code]) if position < len(values) else ""
            for code, position in positions.items()
        }
        first = _text(values[0], None) if values else ""
        if not any(cells.values()) or (line == skipped + 2 and first.startswith(NOTE_MARK)):
            continue
        rows.append(Row(line=line, cells={column.code: cells.get(column.code, "") for column in columns}))
    return rows
