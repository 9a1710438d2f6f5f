"""Every CSV and XLSX file Assure writes is written through here, so that a text someone typed
into Assure (an action title, an agency's name, a comment on a return) can never run as a formula
on the computer of the board member who opens the download.

The rule, the same for every download and for the API's CSV: a text cell that begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return is a formula to a spreadsheet, so it is written
with a single quote in front (``'=HYPERLINK(...)``). Numbers stay numbers (a negative number is
not a formula), and so does a text that is nothing but a number (``-5``, ``+2.5``): a
spreadsheet reads it as that number and nothing more, and Assure writes its own figures that way.
In an XLSX file every text is also written as a text cell, never as a formula.
"""

import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

import tablib
from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

EXPORT_FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
# Values a spreadsheet stores as what they are; anything else is written as its text.
_KEPT_AS_THEY_ARE = (bool, int, float, Decimal, dt.date, dt.time)
# XLSX sheet names are at most 31 characters, without these.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet would take this text for a formula when it opens the file."""
    return text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text)


def safe_cell(value: object) -> object:
    """A cell's value as Assure writes it into a CSV or XLSX file: numbers, dates and empty
    cells as they are; anything else as text, with a single quote in front when it would
    otherwise be a formula."""
    if value is None or isinstance(value, _KEPT_AS_THEY_ARE):
        return value
    text = str(value)
    return f"'{text}" if is_formula_like(text) else text


def safe_row(values: Iterable) -> list:
    """A row of cells, each made safe with ``safe_cell``."""
    return [safe_cell(value) for value in values]


def safe_dataset(*, headers: Sequence, rows: Iterable[Sequence], title: str = "") -> tablib.Dataset:
    """A table ready to be written out: the headings and every cell made safe (headings can
    hold names people typed too, such as a partnership's name in an analysis)."""
    dataset = tablib.Dataset(headers=safe_row(headers), title=title)
    for row in rows:
        dataset.append(safe_row(row))
    return dataset


def write_cell(sheet: Worksheet, *, row: int, column: int, value: object, exact: bool = False) -> Cell:
    """Put a value into a cell of an XLSX sheet Assure builds: a number or a date as it is, any
    text as a text cell, never a formula.

    A formula-like text gets a single quote in front, as everywhere else, unless ``exact``: a
    cell that the person fills in and sends back to Assure (a comment in a return's template)
    keeps its text exactly, marked as text the way a spreadsheet marks a text typed after a
    quote, so it is shown and read back as it was written and still never runs.
    """
    cell = sheet.cell(row=row, column=column)
    if value is None or isinstance(value, _KEPT_AS_THEY_ARE):
        try:
            cell.value = value
        except (TypeError, ValueError):  # a time with a time zone, which XLSX cannot hold
            cell.value = str(value)
        return cell
    text = str(value) if exact else safe_cell(value)
    cell.value = text
    cell.data_type = "s"
    if exact and is_formula_like(text):
        cell.quotePrefix = True
    return cell


def _sheet_name(title: str) -> str:
    return _SHEET_NAME_FORBIDDEN.sub("-", title)[:31] or "Sheet"


def xlsx_bytes(dataset: tablib.Dataset) -> bytes:
    """The dataset as an XLSX workbook of one sheet: headings in bold and frozen, every column as
    wide as its longest cell."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_name(dataset.title or "Export")
    lines = [dataset.headers or [], *dataset]
    widths: dict[int, int] = {}
    for row_number, values in enumerate(lines, start=1):
        for column, value in enumerate(values, start=1):
            cell = write_cell(sheet, row=row_number, column=column, value=value)
            if row_number == 1:
                cell.font = Font(bold=True)
            elif isinstance(value, str) and "\n" in value:
                cell.alignment = Alignment(wrap_text=True)
            widths[column] = max(widths.get(column, 0), len(str(value)) if value is not None else 0)
    if dataset.headers:
        sheet.freeze_panes = "A2"
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def spreadsheet_bytes(dataset: tablib.Dataset, *, export_format: str) -> bytes | str:
    """The dataset written as CSV or XLSX, every cell made safe on the way (again, if it was
    built with ``safe_dataset``: a quoted text is no longer formula-like, so nothing doubles)."""
    dataset = safe_dataset(headers=dataset.headers or [], rows=dataset, title=dataset.title or "")
    if export_format == "xlsx":
        return xlsx_bytes(dataset)
    return dataset.export(export_format)


def spreadsheet_response(*, dataset: tablib.Dataset, name: str, export_format: str) -> HttpResponse:
    """A download of the dataset, named ``<name>-<today>.<csv|xlsx>``."""
    response = HttpResponse(
        spreadsheet_bytes(dataset, export_format=export_format), content_type=CONTENT_TYPES[export_format]
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{export_format}"'
    return response
