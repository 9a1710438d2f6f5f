"""The Word document: real headings, a title page, tables with header rows, charts as pictures
with alternative text, the narrative's lists and links."""

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from assure.reports.render import render

from .sample_documents import REFERRALS_DESCRIPTION, sample_document


@pytest.fixture(scope="module")
def content() -> bytes:
    return render(sample_document(), "docx")


@pytest.fixture(scope="module")
def word(content):
    return docx.Document(io.BytesIO(content))


def _styled(word, style: str) -> list[str]:
    return [p.text for p in word.paragraphs if p.style.name == style]


def test_the_sections_are_word_headings(word):
    assert _styled(word, "Heading 1") == ["1 Foreword", "2 The child's journey", "3 Conclusion"]
    assert "2.1 Contacts and referrals" in _styled(word, "Heading 2")
    assert "2.1.1 Re-referrals" in _styled(word, "Heading 3")


def test_the_title_page_comes_first(word):
    assert word.paragraphs[0].text == "Northshire Safeguarding Children Board"
    assert _styled(word, "Title") == ["Annual report 2014-15"]
    assert "Published 30 September 2015" in [p.text for p in word.paragraphs[:5]]


def test_the_document_has_its_title_and_language(word):
    assert word.core_properties.title == "Annual report 2014-15"
    assert word.core_properties.language == "en-GB"
    lang = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"


def test_tables_have_a_repeated_header_row_and_alternative_text(word):
    assert len(word.tables) == 2
    table = word.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Year", "Referrals"]
    assert [c.text for c in table.rows[2].cells] == ["2014-15", "2,626"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == "Referrals by year"


def test_a_chart_is_a_picture_with_its_description(word):
    (picture,) = word.inline_shapes
    assert picture._inline.docPr.get("descr") == REFERRALS_DESCRIPTION


def test_the_narrative_keeps_its_list_and_link(word):
    assert _styled(word, "List Bullet") == ["a new front door", "the procedures"]
    hyperlinks = word.element.body.findall(".//" + qn("w:hyperlink"))
    assert len(hyperlinks) == 1
    target = word.part.rels[hyperlinks[0].get(qn("r:id"))].target_ref
    assert target == "https://example.org/p"


def test_a_narrative_heading_is_a_heading_below_its_section(word):
    assert "What changed" in _styled(word, "Heading 2")


def test_the_figures_are_in_the_text(word):
    text = "\n".join(p.text for p in word.paragraphs)
    assert "There were 2,626 referrals, an increase of 15.5%" in text
    assert "No figures for the year." in text


def test_the_same_published_document_gives_the_same_file(content):
    # Every part is dated with the document's date, not the time it was written.
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        assert {part.date_time for part in package.infolist()} == {(2015, 9, 30, 10, 0, 0)}
    assert render(sample_document(), "docx") == content
