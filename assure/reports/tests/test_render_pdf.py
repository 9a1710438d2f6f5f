"""The PDF: cover, contents with page numbers, numbered sections, charts with their tables, and
tagged for accessibility (PDF/UA-1)."""

import io

import pytest
from pypdf import PdfReader

from assure.reports.render import render

from .sample_documents import REFERRALS_DESCRIPTION, sample_document


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render(sample_document(), "pdf")


@pytest.fixture(scope="module")
def reader(pdf) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


@pytest.fixture(scope="module")
def text(reader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _outline_titles(outline) -> list[str]:
    titles = []
    for entry in outline:
        titles.extend(_outline_titles(entry) if isinstance(entry, list) else [entry.title])
    return titles


def _struct_elements(node, found=None):
    found = [] if found is None else found
    node = node.get_object()
    if isinstance(node, dict) or hasattr(node, "keys"):
        if node.get("/S"):
            found.append(node)
        kids = node.get("/K")
        if kids is not None:
            kids = kids.get_object()
            for kid in kids if isinstance(kids, list) else [kids]:
                if hasattr(kid, "get_object") and hasattr(kid.get_object(), "keys"):
                    _struct_elements(kid, found)
    return found


def test_the_pdf_has_its_title_and_language(reader):
    assert reader.metadata.title == "Annual report 2014-15"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]


def test_the_pdf_is_tagged(reader):
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root


def test_headings_and_tables_are_tagged_and_the_chart_has_its_alternative_text(reader):
    elements = _struct_elements(reader.trailer["/Root"]["/StructTreeRoot"])
    tags = {str(e["/S"]) for e in elements}
    assert {"/H1", "/H2", "/H3", "/Table", "/TH", "/TD", "/Caption", "/Figure"} <= tags
    figures = [e for e in elements if e["/S"] == "/Figure"]
    assert [str(f.get("/Alt")) for f in figures] == [REFERRALS_DESCRIPTION]


def test_bookmarks_follow_the_numbered_sections(reader):
    assert _outline_titles(reader.outline) == [
        "Contents",
        "1 Foreword",
        "2 The child's journey",
        "2.1 Contacts and referrals",
        "2.1.1 Re-referrals",
        "3 Conclusion",
    ]


def test_the_cover_names_the_report_the_partnership_and_the_date(reader):
    cover = reader.pages[0].extract_text()
    assert "Northshire Safeguarding Children Board" in cover
    assert "Annual report 2014-15" in cover
    assert "Published 30 September 2015" in cover


def test_the_contents_give_each_section_its_page(reader):
    contents = reader.pages[1].extract_text()
    foreword = next(line for line in contents.splitlines() if "Foreword" in line)
    assert foreword.rstrip().endswith("3")


def test_pages_carry_the_title_the_section_and_the_page_number(reader):
    page = reader.pages[3].extract_text()
    assert "Annual report 2014-15" in page
    assert "2 The child's journey" in page
    assert f"Page 4 of {len(reader.pages)}" in page


def test_the_figures_and_their_table_are_in_the_text(text):
    assert "There were 2,626 referrals, an increase of 15.5%" in text
    assert "Referrals by year" in text
    assert "Rate per 10,000 children" in text
    assert "Source: Children in need census. Figures as at 31 March 2015." in text


def test_the_same_published_document_gives_the_same_pdf(pdf):
    assert render(sample_document(), "pdf") == pdf
