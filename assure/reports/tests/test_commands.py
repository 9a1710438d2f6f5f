"""The commands that write a report's document at once: report_annual and report_board_pack."""

import datetime as dt
import io

import docx
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from assure.partnerships.tests.factories import MeetingFactory
from assure.reports.models import Report

from .factories import BlockFactory, ReportFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def annual(partnership):
    report = ReportFactory(partnership=partnership, title="Annual report 2014-15", year="2014-15")
    BlockFactory(section=SectionFactory(report=report, title="The child's journey"))
    return report


def _run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_report_annual_writes_the_pdf(annual, tmp_path):
    target = tmp_path / "report.pdf"
    said = _run(
        "report_annual", "--partnership", "northshire", "--year", "2014-15", "--format", "pdf", "--output", str(target)
    )
    reader = PdfReader(target)
    assert reader.metadata.title == "Annual report 2014-15"
    assert "2,626" in "".join(page.extract_text() for page in reader.pages)
    assert f"Wrote {target}" in said and "draft" in said


def test_report_annual_writes_the_word_document(annual, tmp_path):
    target = tmp_path / "report.docx"
    _run(
        "report_annual", "--partnership", "northshire", "--year", "2014-15", "--format", "docx", "--output", str(target)
    )
    assert "1 The child's journey" in [p.text for p in docx.Document(target).paragraphs]


def test_report_annual_writes_the_web_page(annual, tmp_path):
    target = tmp_path / "report.html"
    _run(
        "report_annual", "--partnership", "northshire", "--year", "2014-15", "--format", "html", "--output", str(target)
    )
    assert target.read_text().startswith("<!DOCTYPE html>")


def test_report_annual_names_the_partnerships_it_knows(annual, tmp_path):
    with pytest.raises(CommandError, match="No partnership “nowhere”. Partnerships: northshire"):
        _run("report_annual", "--partnership", "nowhere", "--year", "2014-15", "--output", str(tmp_path / "r.pdf"))


def test_report_annual_names_the_years_it_has(annual, tmp_path):
    with pytest.raises(CommandError, match="no annual report for 2015-16. Annual reports: 2014-15"):
        _run("report_annual", "--partnership", "northshire", "--year", "2015-16", "--output", str(tmp_path / "r.pdf"))


def test_report_annual_refuses_a_folder_that_does_not_exist(annual, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        _run(
            "report_annual",
            "--partnership",
            "northshire",
            "--year",
            "2014-15",
            "--output",
            str(tmp_path / "no" / "r.pdf"),
        )


def test_report_board_pack_writes_the_pdf_of_the_meeting(partnership, tmp_path):
    meeting = MeetingFactory(partnership=partnership, held_on=dt.date(2015, 3, 12))
    pack = ReportFactory(
        partnership=partnership, kind=Report.Kind.BOARD_PACK, year="", meeting=meeting, title="Board pack"
    )
    BlockFactory(section=SectionFactory(report=pack, title="Scorecard"))
    target = tmp_path / "pack.pdf"
    _run("report_board_pack", "--partnership", "northshire", "--meeting-date", "2015-03-12", "--output", str(target))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "12 March 2015" in text and "1 Scorecard" in text


def test_report_board_pack_names_the_meetings_it_has(partnership, tmp_path):
    meeting = MeetingFactory(partnership=partnership, held_on=dt.date(2015, 3, 12))
    ReportFactory(partnership=partnership, kind=Report.Kind.BOARD_PACK, year="", meeting=meeting)
    with pytest.raises(CommandError, match="Board packs: 2015-03-12"):
        _run(
            "report_board_pack",
            "--partnership",
            "northshire",
            "--meeting-date",
            "2015-06-01",
            "--output",
            str(tmp_path / "p.pdf"),
        )


def test_report_board_pack_refuses_a_date_it_cannot_read(partnership, tmp_path):
    with pytest.raises(CommandError, match="must be a date"):
        _run(
            "report_board_pack",
            "--partnership",
            "northshire",
            "--meeting-date",
            "12/03/2015",
            "--output",
            str(tmp_path / "p.pdf"),
        )
