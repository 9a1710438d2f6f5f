"""The XLSX template of a return: what it holds, and reading it back once filled in."""

import io
import re
import zipfile
from decimal import Decimal
from random import Random

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl.utils import get_column_letter

from assure.performance.models import Observation
from assure.performance.periods import period_for_year
from assure.performance.returns_xlsx import (
    ABOUT_SHEET,
    FIGURES_SHEET,
    MAX_UPLOAD_BYTES,
    UploadRejected,
    read_return_file,
    template_workbook,
)
from assure.performance.selectors.returns import return_rows
from assure.performance.services.returns import return_upload
from assure.performance.tests.factories import figure, return_test_indicators, return_with
from assure.performance.validation import Entry

HEADER_ROW = 4


@pytest.fixture
def indicators(db):
    return return_test_indicators()


@pytest.fixture
def own_return(partnership, agency, indicators):
    return return_with(
        partnership=partnership,
        agency=agency,
        indicators=[indicators["returns-test-referrals"], indicators["returns-test-rereferrals"]],
    )


@pytest.fixture
def other_return(partnership, other_agency, indicators, own_return):
    return return_with(partnership=partnership, agency=other_agency, indicators=[indicators["returns-test-referrals"]])


def template_of(data_return, user) -> openpyxl.Workbook:
    content = template_workbook(data_return=data_return, rows=return_rows(user=user, data_return=data_return))
    return openpyxl.load_workbook(io.BytesIO(content))


def columns(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[HEADER_ROW] if cell.value}


def rows_by_code(sheet) -> dict[str, int]:
    return {
        sheet.cell(row=r, column=1).value: r
        for r in range(HEADER_ROW + 1, sheet.max_row + 1)
        if sheet.cell(row=r, column=1).value
    }


def fill(workbook, code: str, **values) -> None:
    sheet = workbook[FIGURES_SHEET]
    row, where = rows_by_code(sheet)[code], columns(sheet)
    for heading, value in values.items():
        sheet.cell(row=row, column=where[heading.replace("_", " ").capitalize()], value=value)


def upload(workbook, name="return.xlsx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def problems(file, data_return) -> list[str]:
    with pytest.raises(UploadRejected) as rejected:
        read_return_file(file, data_return=data_return)
    return rejected.value.messages


# The template


def test_the_template_lists_each_indicator_with_code_title_and_unit(agency_lead, own_return):
    sheet = template_of(own_return, agency_lead)[FIGURES_SHEET]
    where = columns(sheet)
    row = rows_by_code(sheet)["returns-test-rereferrals"]
    assert sheet.cell(row=row, column=where["Indicator"]).value == "Re-referrals within 12 months (test)"
    assert sheet.cell(row=row, column=where["Unit"]).value == "Percentage"
    assert set(rows_by_code(sheet)) == {"returns-test-referrals", "returns-test-rereferrals"}


def test_the_template_has_empty_figure_columns(agency_lead, own_return):
    sheet = template_of(own_return, agency_lead)[FIGURES_SHEET]
    where = columns(sheet)
    row = rows_by_code(sheet)["returns-test-referrals"]
    for heading in ("Value", "Numerator", "Denominator", "Not available", "Comment"):
        assert sheet.cell(row=row, column=where[heading]).value is None


def test_the_template_gives_the_previous_periods_figure(agency_lead, partnership, agency, indicators, own_return):
    referrals = indicators["returns-test-referrals"]
    last_year = return_with(
        partnership=partnership,
        agency=agency,
        indicators=[referrals],
        period=period_for_year("2013-14"),
        status="validated",
    )
    figure(last_year, referrals, 2626)
    sheet = template_of(own_return, agency_lead)[FIGURES_SHEET]
    row = rows_by_code(sheet)["returns-test-referrals"]
    assert sheet.cell(row=row, column=columns(sheet)["Previous period"]).value == 2626


def test_the_template_holds_figures_already_saved(agency_lead, own_return, indicators):
    figure(own_return, indicators["returns-test-referrals"], 120, comment="Counted by hand.")
    sheet = template_of(own_return, agency_lead)[FIGURES_SHEET]
    row = rows_by_code(sheet)["returns-test-referrals"]
    assert sheet.cell(row=row, column=columns(sheet)["Value"]).value == 120
    assert sheet.cell(row=row, column=columns(sheet)["Comment"]).value == "Counted by hand."


def test_the_returns_identity_is_on_a_hidden_protected_sheet(agency_lead, own_return):
    about = template_of(own_return, agency_lead)[ABOUT_SHEET]
    assert about.sheet_state == "hidden"
    assert about.protection.sheet
    assert about["B3"].value == str(own_return.agency)


def test_only_the_figure_cells_can_be_changed(agency_lead, own_return):
    sheet = template_of(own_return, agency_lead)[FIGURES_SHEET]
    where, row = columns(sheet), rows_by_code(sheet)["returns-test-referrals"]
    assert sheet.protection.sheet
    assert sheet.cell(row=row, column=where["Indicator code"]).protection.locked
    assert not sheet.cell(row=row, column=where["Value"]).protection.locked


# Round trip


def test_a_filled_template_uploads_its_figures(agency_lead, own_return, indicators):
    workbook = template_of(own_return, agency_lead)
    fill(workbook, "returns-test-referrals", value=120)
    fill(workbook, "returns-test-rereferrals", numerator=18, denominator=120, comment="Includes transfers in.")
    result = return_upload(actor=agency_lead, data_return=own_return, file=upload(workbook))
    assert result.saved == 2
    saved = {o.indicator.code: o for o in Observation.objects.filter(data_return=own_return)}
    assert saved["returns-test-referrals"].value == Decimal("120")
    rereferrals = saved["returns-test-rereferrals"]
    assert (rereferrals.numerator, rereferrals.denominator, rereferrals.value) == (18, 120, Decimal("15.0"))
    assert rereferrals.comment == "Includes transfers in."


def test_not_available_is_read_from_the_template(agency_lead, own_return):
    workbook = template_of(own_return, agency_lead)
    fill(workbook, "returns-test-referrals", not_available="Yes", comment="System outage.")
    rows = read_return_file(upload(workbook), data_return=own_return)
    assert rows[0].entry == Entry(not_available=True, comment="System outage.")


def test_a_cell_formatted_as_a_percentage_is_read_as_one(agency_lead, own_return):
    workbook = template_of(own_return, agency_lead)
    fill(workbook, "returns-test-rereferrals", value=0.15)
    sheet = workbook[FIGURES_SHEET]
    sheet.cell(row=rows_by_code(sheet)["returns-test-rereferrals"], column=columns(sheet)["Value"]).number_format = "0%"
    rows = {row.code: row for row in read_return_file(upload(workbook), data_return=own_return)}
    assert rows["returns-test-rereferrals"].entry.value == "15"


def test_spreadsheet_arithmetic_tails_are_trimmed(agency_lead, own_return):
    workbook = template_of(own_return, agency_lead)
    fill(workbook, "returns-test-rereferrals", value=100 / 3)
    rows = {row.code: row for row in read_return_file(upload(workbook), data_return=own_return)}
    assert rows["returns-test-rereferrals"].entry.value == "33.3333"


def test_a_bad_figure_in_the_file_is_reported_by_row_and_nothing_is_saved(agency_lead, own_return):
    workbook = template_of(own_return, agency_lead)
    fill(workbook, "returns-test-referrals", value=120)
    fill(workbook, "returns-test-rereferrals", numerator=30, denominator=20)
    line = rows_by_code(workbook[FIGURES_SHEET])["returns-test-rereferrals"]
    with pytest.raises(ValidationError) as error:
        return_upload(actor=agency_lead, data_return=own_return, file=upload(workbook))
    assert error.value.messages == [
        f"Row {line} (returns-test-rereferrals): The numerator of Re-referrals within 12 months (test) (30) cannot "
        "be more than its denominator (20)"
    ]
    assert not Observation.objects.filter(data_return=own_return).exists()


def test_a_row_for_an_indicator_not_asked_for_is_refused(agency_lead, own_return):
    workbook = template_of(own_return, agency_lead)
    sheet = workbook[FIGURES_SHEET]
    sheet.protection.sheet = False
    sheet.cell(row=sheet.max_row + 1, column=1, value="returns-test-lado")
    sheet.cell(row=sheet.max_row, column=columns(sheet)["Value"], value=3)
    with pytest.raises(ValidationError) as error:
        return_upload(actor=agency_lead, data_return=own_return, file=upload(workbook))
    assert "returns-test-lado is not asked for in this return" in error.value.messages[0]


# Files refused


def test_a_file_for_another_return_is_refused(agency_lead, business_unit, own_return, other_return):
    workbook = template_of(other_return, business_unit)
    fill(workbook, "returns-test-referrals", value=5)
    assert problems(upload(workbook), own_return) == [
        f"This file is the template of another return ({other_return.agency}, {other_return.round.period}): "
        "upload it to that return, or download this return's template"
    ]


def test_a_file_whose_identity_was_changed_is_refused(agency_lead, own_return, other_return):
    workbook = template_of(own_return, agency_lead)
    workbook[ABOUT_SHEET]["B1"] = workbook[ABOUT_SHEET]["B1"].value.replace(":", ";", 1)
    assert "not a template of this return" in problems(upload(workbook), own_return)[0]


def test_a_workbook_that_is_not_a_template_is_refused(own_return):
    assert "not a template of this return" in problems(upload(openpyxl.Workbook()), own_return)[0]


def test_a_file_that_is_not_xlsx_by_name_is_refused(own_return):
    file = SimpleUploadedFile("figures.csv", b"code,value\n")
    assert "must be an Excel workbook" in problems(file, own_return)[0]


def test_a_file_that_is_not_xlsx_inside_is_refused(own_return):
    file = SimpleUploadedFile("figures.xlsx", b"<html>not a workbook</html>")
    assert "must be an Excel workbook" in problems(file, own_return)[0]


def test_a_zip_that_is_not_a_workbook_is_refused(own_return):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert "must be an Excel workbook" in problems(SimpleUploadedFile("f.xlsx", buffer.getvalue()), own_return)[0]


def test_a_file_too_large_is_refused(own_return):
    file = SimpleUploadedFile("big.xlsx", b"PK\x03\x04" + b"0" * MAX_UPLOAD_BYTES)
    assert problems(file, own_return) == ["The file must be smaller than 2 MB"]


def test_a_file_that_unpacks_to_something_huge_is_refused(own_return):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "")
        archive.writestr("xl/huge.xml", "0" * (50 * 1024 * 1024))
    assert "far more than" in problems(SimpleUploadedFile("f.xlsx", buffer.getvalue()), own_return)[0]


def test_a_code_listed_twice_is_refused(agency_lead, own_return):
    workbook = template_of(own_return, agency_lead)
    sheet = workbook[FIGURES_SHEET]
    sheet.cell(row=sheet.max_row + 1, column=1, value="returns-test-referrals")
    assert "is listed twice" in problems(upload(workbook), own_return)[0]


def test_not_available_must_say_yes_or_be_empty(agency_lead, own_return):
    workbook = template_of(own_return, agency_lead)
    fill(workbook, "returns-test-referrals", not_available="maybe")
    assert "write Yes under Not available" in problems(upload(workbook), own_return)[0]


def test_changed_headings_are_refused(agency_lead, own_return):
    workbook = template_of(own_return, agency_lead)
    workbook[FIGURES_SHEET].cell(row=HEADER_ROW, column=1, value="Code")
    assert "column headings have been changed" in problems(upload(workbook), own_return)[0]


# Reading is bounded: a workbook holding far more than its template is refused


def with_extra_cells(data_return, user, *, rows: int, columns: int, dimension: str | None = None):
    """The return's template with ``rows`` x ``columns`` more cells (random figures), right of
    the template's columns (from K) on the rows after its last. The sheet's declared extent
    becomes ``dimension``, or stays the template's when None, as a made-up file can leave it."""
    content = template_workbook(data_return=data_return, rows=return_rows(user=user, data_return=data_return))
    source = zipfile.ZipFile(io.BytesIO(content))
    first = HEADER_ROW + data_return.indicators.count() + 1
    figures = Random(8)
    extra = "".join(
        f'<row r="{row}">'
        + "".join(
            f'<c r="{get_column_letter(column)}{row}"><v>{figures.randrange(10**6)}</v></c>'
            for column in range(11, 11 + columns)
        )
        + "</row>"
        for row in range(first, first + rows)
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                text = data.decode().replace("</sheetData>", f"{extra}</sheetData>")
                if dimension:
                    text = re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{dimension}"/>', text)
                data = text.encode()
            target.writestr(member, data)
    return SimpleUploadedFile("return.xlsx", buffer.getvalue())


def test_a_workbook_whose_sheet_reaches_far_beyond_the_template_is_refused(agency_lead, own_return):
    file = with_extra_cells(own_return, agency_lead, rows=20, columns=200, dimension="A1:GB26")
    [message] = problems(file, own_return)
    assert "far more than" in message and "GB26" in message


def test_a_workbook_with_200000_cells_is_refused_whatever_its_sheet_says(agency_lead, own_return):
    file = with_extra_cells(own_return, agency_lead, rows=1000, columns=200)
    assert len(file) < MAX_UPLOAD_BYTES
    [message] = problems(file, own_return)
    assert "far more than" in message and "cells" in message


def test_a_few_notes_beside_the_figures_are_still_read(agency_lead, own_return):
    file = with_extra_cells(own_return, agency_lead, rows=3, columns=4, dimension="A1:N9")
    rows = read_return_file(file, data_return=own_return)
    assert {row.code for row in rows} == {"returns-test-referrals", "returns-test-rereferrals"}
