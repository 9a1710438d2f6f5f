"""The one place Assure's CSV and XLSX files are written: a text typed into Assure never becomes
a formula in a spreadsheet."""

import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
import tablib

from assure.core.spreadsheets import (
    is_formula_like,
    safe_cell,
    safe_dataset,
    safe_row,
    spreadsheet_bytes,
    spreadsheet_response,
    write_cell,
    xlsx_bytes,
)

FORMULAS = [
    '=HYPERLINK("http://x","y")',
    "+SUM(1,2)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_formula_like_text_is_written_after_a_single_quote(text):
    assert is_formula_like(text)
    assert safe_cell(text) == f"'{text}"


@pytest.mark.parametrize("text", ["Mercian Police", "A = B", "", "'=already quoted", "1+1", "e-mail"])
def test_other_texts_are_written_as_they_are(text):
    assert safe_cell(text) == text


@pytest.mark.parametrize("value", [-5, -2.5, Decimal("-0.50"), 0, True, None, dt.date(2015, 3, 31)])
def test_numbers_dates_and_empty_cells_are_left_as_they_are(value):
    assert safe_cell(value) is value


@pytest.mark.parametrize("text", ["-5", "+5", "-0.50", "-.5", "12"])
def test_a_text_that_is_only_a_number_stays_that_number(text):
    # A spreadsheet reads "-5" as the number -5 and nothing more.
    assert not is_formula_like(text)
    assert safe_cell(text) == text


@pytest.mark.parametrize("text", ["-5+A1", "-1e3", "+5 percentage points", "-٣"])
def test_a_text_that_is_more_than_a_number_is_neutralised(text):
    assert safe_cell(text) == f"'{text}"


def test_anything_else_is_written_as_its_text():
    class Agency:
        def __str__(self):
            return "=cmd|' /C calc'!A0"

    assert safe_cell(Agency()) == "'=cmd|' /C calc'!A0"


def test_safe_row_makes_every_cell_safe():
    assert safe_row(["=1+1", 3, None, "Police"]) == ["'=1+1", 3, None, "Police"]


def test_safe_dataset_makes_the_headings_and_every_cell_safe():
    dataset = safe_dataset(headers=["Agency", "=Partnership"], rows=[["+SUM(1,2)", Decimal("-4")]], title="T")
    assert dataset.headers == ["Agency", "'=Partnership"]
    assert list(dataset) == [("'+SUM(1,2)", Decimal("-4"))]
    assert dataset.title == "T"


def _csv(content) -> list[list[str]]:
    text = content.decode() if isinstance(content, bytes) else content
    return list(csv.reader(io.StringIO(text)))


def test_spreadsheet_bytes_makes_even_a_plain_dataset_safe_as_csv():
    dataset = tablib.Dataset(["=1+1", -3], headers=["Title", "Figure"])
    assert _csv(spreadsheet_bytes(dataset, export_format="csv")) == [["Title", "Figure"], ["'=1+1", "-3"]]


def test_spreadsheet_bytes_quotes_nothing_twice():
    dataset = safe_dataset(headers=["Title"], rows=[["=1+1"]])
    assert _csv(spreadsheet_bytes(dataset, export_format="csv"))[1] == ["'=1+1"]


def _sheet(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content)).active


def test_xlsx_holds_text_as_text_and_numbers_as_numbers():
    dataset = tablib.Dataset(['=HYPERLINK("http://x","y")', Decimal("-4.5"), 7], headers=["A", "B", "C"], title="T")
    sheet = _sheet(spreadsheet_bytes(dataset, export_format="xlsx"))
    title, figure, count = sheet[2]
    assert (title.value, title.data_type) == ('\'=HYPERLINK("http://x","y")', "s")
    assert (figure.value, figure.data_type) == (-4.5, "n")
    assert (count.value, count.data_type) == (7, "n")
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2" and sheet.title == "T"


def test_xlsx_bytes_never_writes_a_formula_even_from_an_unsafe_dataset():
    sheet = _sheet(xlsx_bytes(tablib.Dataset(["=1+1"], headers=["=A"])))
    assert [cell.data_type for row in sheet.iter_rows() for cell in row] == ["s", "s"]
    assert [cell.value for row in sheet.iter_rows() for cell in row] == ["'=A", "'=1+1"]


def test_write_cell_quotes_a_formula_like_text():
    workbook = openpyxl.Workbook()
    cell = write_cell(workbook.active, row=1, column=1, value="=1+1")
    assert (cell.value, cell.data_type) == ("'=1+1", "s")


def test_write_cell_exact_keeps_the_text_and_marks_it_as_text():
    workbook = openpyxl.Workbook()
    write_cell(workbook.active, row=1, column=1, value="-5 fewer than last year", exact=True)
    write_cell(workbook.active, row=2, column=1, value=12, exact=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    sheet = _sheet(buffer.getvalue())
    assert (sheet["A1"].value, sheet["A1"].data_type, sheet["A1"].quotePrefix) == ("-5 fewer than last year", "s", True)
    assert (sheet["A2"].value, sheet["A2"].data_type) == (12, "n")


def test_spreadsheet_response_names_the_file_and_says_its_type():
    response = spreadsheet_response(dataset=safe_dataset(headers=["A"], rows=[]), name="actions", export_format="csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="actions-')
    assert response["Content-Disposition"].endswith('.csv"')
