"""The demo's Shropshire 2014-15 annual report as a PDF and a Word document: the seed's figures
come out of the data, and the PDF is tagged with its title, language and bookmarks."""

import io

import docx
import pytest
from django.db import transaction
from pypdf import PdfReader

from assure.demo.load import demo_load
from assure.reports.document import document_for
from assure.reports.models import Report
from assure.reports.render import render

# Each as the seed states it, and as the report says it (extracted text breaks lines, so the
# phrases are short).
SEED_FIGURES = [
    "2,626",  # referrals to children's social care
    "an increase of 15.5%",  # looked-after children
    "from 74 to 84 per",  # section 47 enquiries per 10,000 children
    "98%",  # schools' safeguarding audit
    "42%",  # early years settings' safeguarding audit
    "948",  # delegates trained
    "£195,480",  # the board's budget
]


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """Load the demo and render its annual report once for the module, then roll it all back."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        report = Report.objects.get(partnership__slug="shropshire", kind=Report.Kind.ANNUAL, year="2014-15")
        document = document_for(report)
        pdf, word = render(document, "pdf"), render(document, "docx")
        yield {
            "document": document,
            "pdf": pdf,
            "docx": word,
            "pdf_text": _pdf_text(pdf),
            "word_text": _word_text(word),
        }
        transaction.set_rollback(True)


@pytest.fixture
def outputs(rendered, db):
    return rendered


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _word_text(content: bytes) -> str:
    word = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


@pytest.fixture
def word(outputs):
    return docx.Document(io.BytesIO(outputs["docx"]))


def test_the_demo_report_is_published_with_twenty_charts_or_more(outputs):
    document = outputs["document"]
    assert document.is_published
    assert document.chart_count >= 20


@pytest.mark.parametrize("figure", SEED_FIGURES)
def test_the_pdf_states_the_seeds_figure(outputs, figure):
    assert figure in outputs["pdf_text"]


@pytest.mark.parametrize("figure", SEED_FIGURES)
def test_the_word_document_states_the_seeds_figure(outputs, figure):
    assert figure in outputs["word_text"]


def test_the_pdf_has_title_language_tags_and_bookmarks(outputs):
    reader = PdfReader(io.BytesIO(outputs["pdf"]))
    root = reader.trailer["/Root"]
    assert reader.metadata.title == outputs["document"].title
    assert root["/Lang"] == "en-GB"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    titles = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert titles[:3] == ["Contents", "1 Foreword", "2 Introduction"]


def test_the_word_document_has_its_headings_tables_and_pictures(word, outputs):
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == [s.heading for s in outputs["document"].sections if s.level == 1]
    assert any(p.style.name == "Heading 2" for p in word.paragraphs)
    assert len(word.tables) >= 20
    assert len(word.inline_shapes) == outputs["document"].chart_count
