"""Reading the spreadsheets that come into training from outside: the e-learning platform's
export of completions (CSV or XLSX), and an agency's single-agency training return filled in on
its template (XLSX); and writing that template.

Nothing here touches the database. A file is checked before it is opened (its kind, size and,
for a workbook, what it unpacks to, by ``assure.core.documents`` and ``assure.core.uploads``),
then read whole: the reader returns every row, parsed, or raises ``UploadRejected`` naming every
bad row by its line, so a file is written whole or not at all. Names and e-mail addresses in an
export are read only to say which row is wrong and are never returned: a learner is kept as the
digest of the platform's identifier.
"""

import codecs
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass

import openpyxl
from openpyxl.styles import Font, Protection

from assure.core.documents import MB, DocumentPolicy, DocumentRefused
from assure.core.secrets import token_digest
from assure.core.spreadsheets import write_cell
from assure.core.uploads import ArchiveLimits, ArchiveRefused, open_archive

MAX_ROWS = 20_000
MAX_UNPACKED_BYTES = 40 * MB
ARCHIVE_LIMITS = ArchiveLimits(members=1000, member_bytes=MAX_UNPACKED_BYTES, total_bytes=MAX_UNPACKED_BYTES)
COMPLETIONS_POLICY = DocumentPolicy(
    kinds=("csv", "xlsx"),
    max_bytes=5 * MB,
    archive_limits=ARCHIVE_LIMITS,
    hint="a CSV or Excel (.xlsx) file of 5 MB or smaller",
)
RETURN_POLICY = DocumentPolicy(
    kinds=("xlsx",),
    max_bytes=2 * MB,
    archive_limits=ARCHIVE_LIMITS,
    hint="the return's Excel (.xlsx) template, filled in, of 2 MB or smaller",
)
# The most problems listed: a file wrong in every row would otherwise make a page nobody reads.
PROBLEMS_LISTED = 100
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
MAX_CELLS = (MAX_ROWS + 1) * 10


class UploadRejected(Exception):
    """The file cannot be used; ``messages`` says why, each in words the person can act on, a bad
    row by its line number."""

    def __init__(self, messages: list[str]):
        self.messages = messages[:PROBLEMS_LISTED]
        if len(messages) > PROBLEMS_LISTED:
            self.messages.append(f"… and {len(messages) - PROBLEMS_LISTED:,} more problems")
        super().__init__("; ".join(self.messages))


# --- the e-learning platform's export ------------------------------------------------------------

# Each column the export must have, and the headings the platforms write it under (lower case).
COMPLETION_COLUMNS = {
    "learner": ("learner id", "learner", "user id", "learner identifier", "id"),
    "person": ("e-mail", "email", "email address", "name", "learner name", "full name"),
    "organisation": ("organisation", "organization", "employer", "agency"),
    "completed_on": ("completed on", "completed", "completion date", "date completed"),
    "course": ("course", "module", "course/module", "course or module"),
}
COLUMN_NAMES = {
    "learner": "learner id",
    "person": "e-mail or name",
    "organisation": "organisation",
    "completed_on": "completed on",
    "course": "course or module",
}
_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%y")


@dataclass(frozen=True)
class CompletionRow:
    """One completion as read: the line it came from, the learner's digest (never the
    identifier, name or e-mail), the organisation as written, the day and the course's title."""

    line: int
    learner: str
    organisation: str
    completed_on: dt.date
    course: str


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_day(text: str) -> dt.date | None:
    """A day written as 31/10/2014 or 2014-10-31 (or with a time after it), or None."""
    text = text.strip().split(" ")[0].split("T")[0]
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _check(upload, policy: DocumentPolicy) -> str:
    """The upload's extension once the policy accepts it."""
    try:
        return policy.check(upload).extension
    except DocumentRefused as refused:
        raise UploadRejected([refused.message]) from None


def _csv_rows(upload) -> list[list[str]]:
    upload.seek(0)
    data = upload.read()
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        raise UploadRejected([f"The file cannot be read as CSV: {error}"]) from None
    return rows


def _workbook(upload):
    """The workbook, opened read-only once its archive has been unpacked within the limits and
    its cells counted."""
    upload.seek(0)
    data = upload.read()
    try:
        with open_archive(data, limits=ARCHIVE_LIMITS) as archive:
            archive.unpack_all()
            cells = 0
            for name in archive.names:
                if name.endswith(".xml"):
                    cells += len(_CELL.findall(archive.read(name, max_bytes=MAX_UNPACKED_BYTES)))
            if cells > MAX_CELLS:
                raise UploadRejected([f"The file holds more than {MAX_CELLS:,} cells: split it and upload each part."])
    except ArchiveRefused:
        raise UploadRejected(["The file could not be opened as an Excel workbook (.xlsx)."]) from None
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a damaged file
        raise UploadRejected(["The file could not be opened as an Excel workbook (.xlsx)."]) from None


def _xlsx_rows(upload) -> list[list[str]]:
    workbook = _workbook(upload)
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(max_row=MAX_ROWS + 2, values_only=True)]
    finally:
        workbook.close()


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for position, heading in enumerate(header):
        heading = heading.strip().lower()
        for key, names in COMPLETION_COLUMNS.items():
            if heading in names and key not in found:
                found[key] = position
    missing = [COLUMN_NAMES[key] for key in COMPLETION_COLUMNS if key not in found and key != "person"]
    if missing:
        raise UploadRejected(
            [f"The first line must name the columns; missing: {', '.join(missing)}. Found: {', '.join(header)}"]
        )
    return found


def read_completions(upload) -> list[CompletionRow]:
    """Every completion of the platform's export, or UploadRejected naming every bad row (line 1
    is the header). The e-mail or name column, if any, is not read at all."""
    extension = _check(upload, COMPLETIONS_POLICY)
    rows = _csv_rows(upload) if extension == "csv" else _xlsx_rows(upload)
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise UploadRejected(["The file is empty: export the completions again, with the column headings."])
    if len(rows) > MAX_ROWS + 1:
        raise UploadRejected([f"The file holds more than {MAX_ROWS:,} completions: split it and upload each part."])
    columns = _columns(rows[0])
    problems: list[str] = []
    found: list[CompletionRow] = []
    seen: dict[tuple, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(key: str, row=row) -> str:
            position = columns.get(key)
            return row[position].strip() if position is not None and position < len(row) else ""

        learner, course, day_text = cell("learner"), cell("course"), cell("completed_on")
        wrong = []
        if not learner:
            wrong.append("the learner id is missing")
        if not course:
            wrong.append("the course or module is missing")
        day = parse_day(day_text) if day_text else None
        if not day_text:
            wrong.append("the completion date is missing")
        elif day is None:
            wrong.append(f"“{day_text[:20]}” is not a date: write it as 31/10/2014 or 2014-10-31")
        if wrong:
            problems.append(f"Line {line}: {'; '.join(wrong)}")
            continue
        key = (token_digest(learner), course.lower(), day)
        if key in seen:  # the same completion twice in one file is counted once
            continue
        seen[key] = line
        found.append(
            CompletionRow(
                line=line, learner=key[0], organisation=cell("organisation")[:200], completed_on=day, course=course
            )
        )
    if problems:
        raise UploadRejected(problems)
    if not found:
        raise UploadRejected(["The file holds no completions under its headings."])
    return found


# --- an agency's training return -----------------------------------------------------------------

RETURN_SHEET = "Training return"
WORKFORCE = "workforce"
COMMENTS = "comments"
LEVEL_QUESTION = "completed-{code}"


def template_workbook(*, agency: str, year: str, levels: list[tuple[str, str]]) -> bytes:
    """The return's template: a row per figure, its code in column A, the figure to type in
    column C (the only cells unlocked). ``levels`` are (code, title) of the single-agency levels."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = RETURN_SHEET
    write_cell(sheet, row=1, column=1, value=f"Single-agency training return {year}: {agency}").font = Font(bold=True)
    write_cell(sheet, row=2, column=1, value="Type each figure in column C, save the file and upload it in Assure.")
    for column, heading in enumerate(("Code", "Figure", "Your answer"), start=1):
        write_cell(sheet, row=4, column=column, value=heading).font = Font(bold=True)
    lines = [(WORKFORCE, "Staff and volunteers working with children, young people or their families")]
    lines += [
        (LEVEL_QUESTION.format(code=code), f"Completed single-agency training at level: {title}")
        for code, title in levels
    ]
    lines.append((COMMENTS, "Anything the board should know about these figures (optional)"))
    for row, (code, label) in enumerate(lines, start=5):
        write_cell(sheet, row=row, column=1, value=code)
        write_cell(sheet, row=row, column=2, value=label)
        sheet.cell(row=row, column=3).protection = Protection(locked=False)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 70
    sheet.column_dimensions["C"].width = 20
    sheet.protection.sheet = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_return(upload, *, codes: list[str]) -> dict[str, str]:
    """The answers of a filled-in template, by question code, as text (the questionnaire engine
    parses and checks them), or UploadRejected naming what is wrong by line."""
    _check(upload, RETURN_POLICY)
    workbook = _workbook(upload)
    try:
        if RETURN_SHEET not in workbook.sheetnames:
            raise UploadRejected(
                [f"The file has no sheet called “{RETURN_SHEET}”: download the template, fill it in and upload it."]
            )
        rows = list(workbook[RETURN_SHEET].iter_rows(max_row=60, max_col=5, values_only=True))
    finally:
        workbook.close()
    answers: dict[str, str] = {}
    problems: list[str] = []
    for line, row in enumerate(rows, start=1):
        code = _cell_text(row[0]) if row else ""
        if code not in codes:
            continue
        if code in answers:
            problems.append(f"Line {line}: {code} is given twice")
            continue
        value = row[2] if len(row) > 2 else None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        answers[code] = _cell_text(value)
    missing = [code for code in codes if code not in answers]
    if missing:
        problems.append(f"The template's rows {', '.join(missing)} are missing: download the template again.")
    if problems:
        raise UploadRejected(problems)
    return answers
