"""Reading an agency's extract and writing a register's template: the template's columns are the
kind's, both CSV and XLSX are read, a column the register does not hold is refused, a file is
judged by its content and not its name, and a formula in a workbook is read as its text."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assure.registers.fields import sex_choices
from assure.registers.kinds import kind_for
from assure.registers.uploads import (
    NOTES_SHEET,
    UploadRejected,
    columns_of,
    read_extract,
    template_csv,
    template_xlsx,
)

pytestmark = pytest.mark.django_db
MARAC_HEADINGS = "agency_reference,discussed-on,repeat,children,referred-by"


def _csv(text: str, name: str = "extract.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def _xlsx(rows: list[list], name: str = "extract.xlsx") -> SimpleUploadedFile:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def _columns(kind):
    return columns_of(kind, sexes=sex_choices())


def test_the_csv_template_is_headed_by_the_reference_identifiers_and_field_codes(partnership):
    kind = kind_for(partnership, "operation-encompass")
    headings, notes = list(csv.reader(io.StringIO(template_csv(kind, sexes=sex_choices()))))
    assert headings == ["agency_reference", "age", "area"] + [field.code for field in kind.spec.fields]
    assert notes[0].startswith("#")


def test_the_xlsx_template_explains_each_column_and_its_choices_on_a_notes_sheet(partnership, marac):
    workbook = openpyxl.load_workbook(io.BytesIO(template_xlsx(marac, sexes=sex_choices())))
    headings = [cell.value for cell in workbook.worksheets[0][1]]
    assert headings == ["agency_reference"] + [field.code for field in marac.spec.fields]
    notes = {row[0]: row for row in workbook[NOTES_SHEET].iter_rows(min_row=2, values_only=True)}
    assert set(notes) == set(headings)
    assert "idva (Independent domestic violence adviser)" in notes["referred-by"][4]
    assert notes["repeat"][3] == "yes or no"


def test_the_template_can_be_read_back_with_its_note_row_skipped(marac):
    rows = read_extract(_csv(template_csv(marac, sexes=sex_choices())), columns=_columns(marac))
    assert rows == []


def test_a_csv_extract_is_read_by_its_headings_in_any_order(marac):
    rows = read_extract(
        _csv("referred-by,Agency_Reference,discussed-on,repeat,children\nidva,M/1,2015-05-04,no,2\n"),
        columns=_columns(marac),
    )
    assert [(row.line, row.cells) for row in rows] == [
        (
            2,
            {
                "agency_reference": "M/1",
                "discussed-on": "2015-05-04",
                "repeat": "no",
                "children": "2",
                "referred-by": "idva",
            },
        )
    ]


def test_an_xlsx_extract_reads_date_and_number_cells_as_the_columns_take_them(partnership):
    kind = kind_for(partnership, "operation-encompass")
    rows = read_extract(
        _xlsx(
            [
                ["agency_reference", "age", "area", "incident-at", "school-told-at", "present"],
                ["OE/1", 9.0, "North", dt.datetime(2015, 5, 4, 21, 40), dt.datetime(2015, 5, 5, 8, 30), True],
            ]
        ),
        columns=_columns(kind),
    )
    assert rows[0].cells["age"] == "9"
    assert rows[0].cells["incident-at"] == "2015-05-04 21:40"
    assert rows[0].cells["present"] == "yes"
    assert rows[0].cells["emergency-duty"] == ""


def test_a_formula_in_a_workbook_is_read_as_its_text_and_never_worked_out(marac):
    rows = read_extract(
        _xlsx([MARAC_HEADINGS.split(","), ["=1+1", "2015-05-04", "no", "=2*3", "police"]]), columns=_columns(marac)
    )
    assert rows[0].cells["agency_reference"] == "=1+1"
    assert rows[0].cells["children"] == "=2*3"


def test_a_column_the_register_does_not_hold_is_refused(marac):
    with pytest.raises(UploadRejected) as refused:
        read_extract(
            _csv(MARAC_HEADINGS + ",child name\nM/1,2015-05-04,no,2,police,Jane Smith\n"), columns=_columns(marac)
        )
    assert "“child name” is not one of this register's" in refused.value.messages[0]


def test_an_identifier_the_kind_does_not_ask_for_is_refused_as_a_column(marac):
    with pytest.raises(UploadRejected) as refused:
        read_extract(_csv(MARAC_HEADINGS + ",birth_month\n"), columns=_columns(marac))
    assert "birth_month" in refused.value.messages[0]


def test_a_required_column_missing_is_named(marac):
    with pytest.raises(UploadRejected) as refused:
        read_extract(_csv("agency_reference,discussed-on\n"), columns=_columns(marac))
    assert "no column for: repeat, children, referred-by" in refused.value.messages[0]


def test_a_file_is_judged_by_its_content_not_its_name(marac):
    with pytest.raises(UploadRejected) as refused:
        read_extract(SimpleUploadedFile("extract.xlsx", b"agency_reference\nM/1\n"), columns=_columns(marac))
    assert "not a Excel file" in refused.value.messages[0] or "content" in refused.value.messages[0]
    with pytest.raises(UploadRejected):
        read_extract(SimpleUploadedFile("extract.csv", b"\x89PNG\r\n\x1a\n\x00\x00"), columns=_columns(marac))


def test_a_file_of_another_type_is_refused(marac):
    with pytest.raises(UploadRejected) as refused:
        read_extract(SimpleUploadedFile("extract.pdf", b"%PDF-1.4"), columns=_columns(marac))
    assert "CSV or Excel" in refused.value.messages[0]


def test_a_bad_row_is_numbered_by_its_line_in_the_file_after_blank_lines(marac):
    rows = read_extract(_csv("\n" + MARAC_HEADINGS + "\n\nM/1,2015-05-04,no,2,police\n"), columns=_columns(marac))
    assert [row.line for row in rows] == [4]
