"""What a statistics file holds besides its figures: the encoding of its text, whether every line
has the header's cells, whether its last line was cut off, and which rows the mapping leaves out.
A file is read in whichever encoding it is in, and says which; every row it does not use is named
with why; and a file with any problem writes nothing."""

import codecs
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from assure.performance.areas import DATA_DIR, areas_load
from assure.performance.imports import ImportRejected, Problem, import_statistics
from assure.performance.imports.reader import RUNS_SHOWN
from assure.performance.models import Observation, Publication, TextEncoding
from assure.performance.tests.test_imports import C1, ONS, file_row, published, subset_file, year

pytestmark = pytest.mark.django_db

SHROPSHIRE = "E06000051"


@pytest.fixture
def areas():
    areas_load()


@pytest.fixture
def c1_2015(tmp_path) -> Path:
    """The 2015 rows of table C1 (164 of them, lines 2 to 165), as the csv module writes them."""
    return subset_file(tmp_path, C1, year("2015"))


def lines_of(path: Path) -> list[bytes]:
    """The physical lines of a file written by the csv module (each ends with CR LF)."""
    return path.read_bytes().split(b"\r\n")


def rewrite(path: Path, line: int, change) -> Path:
    """Replace the bytes of one physical line (1 is the header) by ``change(bytes)``."""
    lines = lines_of(path)
    lines[line - 1] = change(lines[line - 1])
    path.write_bytes(b"\r\n".join(lines))
    return path


def rejected(path: Path, mapping_code: str = "dfe-c1") -> tuple[list[tuple[int, str, str]], list[Problem]]:
    """The problems of a file that must not import, as (line, column, kind) and whole; checks that
    nothing was written."""
    with pytest.raises(ImportRejected) as caught:
        import_statistics(path=path, mapping_code=mapping_code)
    assert not Observation.objects.exists() and not Publication.objects.exists()
    return [(p.line, p.column, p.kind) for p in caught.value.problems], caught.value.problems


def shropshire_referrals_match_the_file() -> bool:
    expected = Decimal(file_row(C1, "2015", SHROPSHIRE)["referral_count"])
    return published("dfe-referrals", "2014-15", SHROPSHIRE).value == expected


# --- encodings ---------------------------------------------------------------------------------


def test_a_utf8_file_says_so(areas, c1_2015):
    result = import_statistics(path=c1_2015, mapping_code="dfe-c1")
    assert result.publication.encoding == TextEncoding.UTF8
    assert "The file is UTF-8 text." in result.lines()


def test_a_utf8_file_with_the_byte_order_mark_excel_writes_imports_and_says_so(areas, c1_2015):
    c1_2015.write_bytes(codecs.BOM_UTF8 + c1_2015.read_bytes())
    result = import_statistics(path=c1_2015, mapping_code="dfe-c1")
    assert result.publication.encoding == TextEncoding.UTF8_BOM
    assert "The file is UTF-8 with a byte order mark text." in result.lines()
    assert shropshire_referrals_match_the_file()


@pytest.mark.parametrize(
    ("mark", "codec", "encoding"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", TextEncoding.UTF16_LE),
        (codecs.BOM_UTF16_BE, "utf-16-be", TextEncoding.UTF16_BE),
    ],
)
def test_a_utf16_file_with_its_byte_order_mark_imports_and_says_so(areas, c1_2015, mark, codec, encoding):
    c1_2015.write_bytes(mark + c1_2015.read_text(encoding="utf-8").encode(codec))
    result = import_statistics(path=c1_2015, mapping_code="dfe-c1")
    assert (result.rows_read, result.rows_kept) == (164, 164)
    assert result.publication.encoding == encoding
    assert f"The file is {encoding.label} text." in result.lines()
    assert shropshire_referrals_match_the_file()


def test_a_windows_1252_file_imports_and_says_so(areas, tmp_path):
    def name_with_a_dash(line, row):
        if row["new_la_code"] == SHROPSHIRE:
            row["la_name"] = "Shropshire – Salop"  # an en dash: byte 0x96 in Windows-1252, not UTF-8
        return row

    path = subset_file(tmp_path, C1, year("2015"), change=name_with_a_dash)
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    result = import_statistics(path=path, mapping_code="dfe-c1")
    assert result.publication.encoding == TextEncoding.CP1252
    assert "The file is Windows-1252 text." in result.lines()
    assert shropshire_referrals_match_the_file()


def test_a_file_in_no_encoding_read_names_its_first_line_that_cannot_be_read(areas, c1_2015):
    rewrite(c1_2015, 7, lambda text: text.replace(b"England", b"Engl\xe9nd", 1))  # é in Windows-1252
    rewrite(c1_2015, 9, lambda text: text.replace(b"England", b"Engl\x81nd", 1))  # in no encoding read
    problems, [problem] = rejected(c1_2015)
    assert problems == [(7, "", "encoding")]
    assert "0xe9 is not UTF-8" in problem.reason and "0x81 on line 9 is no Windows-1252 character" in problem.reason


def test_a_file_mixing_utf8_and_windows_1252_names_the_first_line_that_is_not_utf8(areas, c1_2015):
    rewrite(c1_2015, 7, lambda text: text.replace(b"England", b"Engl\xe9nd", 1))  # é in Windows-1252
    rewrite(c1_2015, 12, lambda text: text.replace(b"England", b"Engl\xc3\xa9nd", 1))  # é in UTF-8
    problems, [problem] = rejected(c1_2015)
    assert problems == [(7, "", "encoding")]
    assert "line 12 is UTF-8 text, so the file mixes two encodings" in problem.reason


def test_a_utf16_file_cut_part_way_through_a_character_names_its_last_line(areas, c1_2015):
    text = c1_2015.read_text(encoding="utf-8").rstrip("\r\n")
    c1_2015.write_bytes((codecs.BOM_UTF16_LE + text.encode("utf-16-le"))[:-1])
    problems, [problem] = rejected(c1_2015)
    assert problems == [(165, "", "encoding")]
    assert "byte order mark of UTF-16 text, but this line is not UTF-16" in problem.reason


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 200, "an Excel workbook (.xlsx)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        ("time_period,geographic_level\r\n2015,National\r\n".encode("utf-16-le"), "not text"),
    ],
    ids=["xlsx", "pdf", "utf-16 without its mark"],
)
def test_a_file_that_is_not_text_is_refused_with_one_message_for_the_whole_file(areas, tmp_path, content, said):
    path = tmp_path / C1
    path.write_bytes(content)
    problems, [problem] = rejected(path)
    assert problems == [(0, "", "file")]
    assert str(problem).startswith(f"the file: it is {said}")


# --- lines cut off or out of shape ---------------------------------------------------------------


@pytest.mark.parametrize(
    "cut",
    [
        pytest.param(lambda last: len(last) - 1, id="the line break only"),
        pytest.param(lambda last: len(last) - 3, id="in the last figure"),
        pytest.param(lambda last: last.index(b"Childr") + 6, id="in the filter column"),
        pytest.param(lambda last: last.index(b"Waltham") + 3, id="in the area's name"),
    ],
)
def test_a_real_file_cut_part_way_through_its_last_line_names_the_line_and_writes_nothing(areas, tmp_path, cut):
    whole = (DATA_DIR / ONS).read_bytes()
    last_starts = whole.rindex(b"\n", 0, len(whole) - 1) + 1
    last = whole[last_starts:]
    path = tmp_path / ONS
    path.write_bytes(whole[: last_starts + cut(last)])
    problems, [problem] = rejected(path, "ons-population")
    assert problems == [(whole.count(b"\n"), "", "cut-off")]
    assert "the file ends part-way through this line" in problem.reason


def test_a_quoted_cell_never_closed_at_the_end_of_the_file_is_a_problem_of_its_line(areas, c1_2015):
    # Read leniently, the last cell would run to the end of the file and import as it was.
    rewrite(c1_2015, 165, lambda text: text[: text.rindex(b",") + 1] + b'"' + text[text.rindex(b",") + 1 :])
    problems, [problem] = rejected(c1_2015)
    assert problems == [(165, "", "unreadable")]
    assert "a quote mark" in problem.reason and "never closed" in problem.reason


def test_a_line_with_fewer_cells_than_the_header_is_a_problem_of_its_line(areas, c1_2015):
    rewrite(c1_2015, 50, lambda text: b",".join(text.split(b",")[:-2]))
    problems, [problem] = rejected(c1_2015)
    assert problems == [(50, "", "cells")]
    assert "the line has 19 cells where the header has 21" in problem.reason


def test_a_line_with_a_figure_past_the_headers_last_column_is_a_problem_of_its_line(areas, c1_2015):
    rewrite(c1_2015, 50, lambda text: text + b",12")
    problems, _ = rejected(c1_2015)
    assert problems == [(50, "", "cells")]


def test_empty_cells_past_the_headers_last_column_are_let_be(areas, c1_2015):
    rewrite(c1_2015, 50, lambda text: text + b",,")
    assert import_statistics(path=c1_2015, mapping_code="dfe-c1").rows_kept == 164


# --- rows the mapping leaves out -----------------------------------------------------------------


def test_a_row_whose_filter_column_is_empty_is_a_problem_not_a_row_left_out(areas, tmp_path):
    def empty_category(line, row):
        if line == 8:
            row["category"] = ""
        return row

    path = subset_file(tmp_path, C1, year("2015"), change=empty_category)
    problems, [problem] = rejected(path)
    assert problems == [(8, "category", "empty-filter")]
    assert "it keeps category 'Referrals and Re-referrals'" in problem.reason


def test_a_row_another_filter_leaves_out_may_have_an_empty_filter_column(areas, tmp_path):
    def calendar_year_without_category(line, row):
        if line == 8:
            row["time_identifier"], row["category"] = "Calendar year", ""
        return row

    path = subset_file(tmp_path, C1, year("2015"), change=calendar_year_without_category)
    result = import_statistics(path=path, mapping_code="dfe-c1")
    assert "1 row left out (time_identifier is 'Calendar year', not 'Reporting year'): line 8." in result.lines()


def test_rows_left_out_are_counted_by_reason_and_named_by_line(areas, tmp_path):
    def other_rows(line, row):
        if line in (2, 3, 4, 5, 6, 90):
            row["time_identifier"] = "Calendar year"
        if line in (40, 41):
            row["category"] = "Assessments"
        return row

    path = subset_file(tmp_path, C1, year("2015"), change=other_rows)
    result = import_statistics(path=path, mapping_code="dfe-c1")
    lines = result.lines()
    assert "6 rows left out (time_identifier is 'Calendar year', not 'Reporting year'): lines 2–6, 90." in lines
    assert "2 rows left out (category is 'Assessments', not 'Referrals and Re-referrals'): lines 40–41." in lines
    assert (result.rows_read, result.rows_kept, result.left_out.total) == (164, 156, 8)


def test_blank_lines_are_named_as_rows_left_out(areas, c1_2015):
    rewrite(c1_2015, 11, lambda text: b"\r\n" + text)
    result = import_statistics(path=c1_2015, mapping_code="dfe-c1")
    assert "1 row left out (blank): line 11." in result.lines()
    assert result.rows_read == result.rows_kept + result.left_out.total == 165


def test_a_file_of_rows_the_mapping_leaves_out_says_why_each_was_left_out(areas, c1_2015):
    c1_2015.write_text(c1_2015.read_text().replace("Reporting year", "Calendar year"))
    problems, [problem] = rejected(c1_2015)
    assert "no row of the file is one the mapping keeps" in problem.reason
    assert (
        "164 rows left out (time_identifier is 'Calendar year', not 'Reporting year'): lines 2–165." in problem.reason
    )


# --- the command ---------------------------------------------------------------------------------


def alternate_rows_left_out(tmp_path) -> Path:
    """The 2015 rows of C1, every other one (lines 3, 5 ... 165) for a calendar year: 82 rows
    left out in 82 runs of one line."""

    def calendar_year(line, row):
        if line % 2:
            row["time_identifier"] = "Calendar year"
        return row

    return subset_file(tmp_path, C1, year("2015"), change=calendar_year)


def test_the_command_names_the_encoding_and_every_row_left_out(areas, tmp_path, capsys):
    call_command("import_statistics", str(alternate_rows_left_out(tmp_path)), mapping="dfe-c1")
    out = capsys.readouterr().out
    every_line = ", ".join(str(line) for line in range(3, 166, 2))
    assert "The file is UTF-8 text." in out
    assert f"82 rows left out (time_identifier is 'Calendar year', not 'Reporting year'): lines {every_line}." in out


def test_a_summary_names_the_first_runs_of_lines_and_counts_the_rest(areas, tmp_path):
    result = import_statistics(path=alternate_rows_left_out(tmp_path), mapping_code="dfe-c1")
    shown = ", ".join(str(line) for line in range(3, 3 + 2 * RUNS_SHOWN, 2))
    assert f"lines {shown} and {82 - RUNS_SHOWN} more." in " ".join(result.lines())


def test_the_command_names_the_cut_off_line_and_fails(areas, tmp_path, capsys):
    whole = (DATA_DIR / ONS).read_bytes()
    path = tmp_path / ONS
    path.write_bytes(whole[:-4])
    with pytest.raises(CommandError, match="Nothing imported: 1 problem"):
        call_command("import_statistics", str(path), mapping="ons-population")
    assert f"line {whole.count(b'\n')}: the file ends part-way through this line" in capsys.readouterr().err
    assert not Observation.objects.exists()
