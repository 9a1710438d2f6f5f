"""The Word document of a report (python-docx), for a partnership to edit further: a title page,
the contents (a Word contents field, listing the sections until Word adds page numbers), real
Word headings (Heading 1 to 3 for the numbered sections), the narrative's paragraphs and lists,
tables with a header row repeated on each page, charts as pictures with their alternative text,
each followed by its table, and page numbers in the footer."""

import datetime as dt
import io
import zipfile

from docx import Document as WordDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Inches, Pt

from ..blocks import BlockData, TableData
from ..document import Document
from .charts import ChartPainter, png_size
from .docx_parts import (
    NarrativeWriter,
    add_field,
    describe_table,
    field_begin,
    field_end,
    mark_header_row,
    set_language,
)
from .layout import ChartPart, block_note, block_parts

TEXT_WIDTH = Inches(6.0)
# Pictures are drawn at twice their size (charts.PNG_SCALE); at 96 pixels an inch they would
# show at their drawn size, capped at the width of the text.
PIXELS_PER_INCH = 96 * 2


def docx_bytes(document: Document, painter: ChartPainter | None = None, *, progress=None) -> bytes:
    painter = painter or ChartPainter()
    word = WordDocument()
    _properties(word, document)
    _title_page(word, document)
    _contents(word, document)
    _page_furniture(word, document)
    total = max(len(document.sections), 1)
    for done, section in enumerate(document.sections, start=1):
        level = min(section.level, 9)
        if section.level == 1 and done > 1:
            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        word.add_heading(section.heading, level=level)
        if section.narrative_html:
            NarrativeWriter(word, heading_level=level + 1).write(section.narrative_html)
        for data in section.blocks:
            _block(word, data, painter, heading_level=min(level + 1, 9))
        if progress:
            progress(20 + 70 * done // total, f"Writing section {section.number}")
    out = io.BytesIO()
    word.save(out)
    return _stable_zip(out.getvalue(), document.as_at)


def _stable_zip(content: bytes, when: dt.datetime) -> bytes:
    """The same package with every part dated ``when`` (the zip format dates each part when it is
    written), so the same published report gives the same bytes every time."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second // 2 * 2)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            part = zipfile.ZipInfo(item.filename, date_time=stamp)
            part.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(part, source.read(item.filename))
    return out.getvalue()


def _properties(word, document: Document) -> None:
    properties = word.core_properties
    properties.title = document.title
    properties.subject = document.subtitle
    properties.author = document.partnership
    properties.last_modified_by = document.partnership
    properties.language = document.language
    properties.comments = document.status_text
    properties.keywords = ""
    properties.revision = 1
    # The document's own date, so a published report generated again is the same document.
    as_at = document.as_at.astimezone(dt.UTC).replace(tzinfo=None) if document.as_at.tzinfo else document.as_at
    properties.created = as_at
    properties.modified = as_at
    set_language(word, document.language)


def _title_page(word, document: Document) -> None:
    word.add_paragraph(document.partnership).runs[0].bold = True
    word.add_paragraph(document.title, style="Title")
    if document.subtitle:
        word.add_paragraph(document.subtitle, style="Subtitle")
    word.add_paragraph(document.status_text)
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _contents(word, document: Document) -> None:
    word.add_paragraph("Contents", style="TOC Heading")
    entries = [s for s in document.sections if s.level <= 3]
    if not entries:
        return
    # A contents field Word fills in with page numbers when its fields are updated; until then
    # it shows the sections' headings.
    for index, section in enumerate(entries):
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.left_indent = Inches(0.3 * (section.level - 1))
        if index == 0:
            field_begin(paragraph, 'TOC \\o "1-3" \\h \\z \\u')
        paragraph.add_run(section.heading)
        if index == len(entries) - 1:
            field_end(paragraph)
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _page_furniture(word, document: Document) -> None:
    section = word.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.different_first_page_header_footer = True  # nothing on the title page
    header = section.header.paragraphs[0]
    header.text = document.title
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    add_field(footer, "PAGE", "1")
    footer.add_run(" of ")
    add_field(footer, "NUMPAGES", "1")


def _block(word, data: BlockData, painter: ChartPainter, *, heading_level: int) -> None:
    if data.title:
        word.add_heading(data.title, level=heading_level)
    if data.empty:
        word.add_paragraph(data.empty)
    else:
        for text in data.paragraphs:
            word.add_paragraph(text)
        for part in block_parts(data):
            if isinstance(part, ChartPart):
                _picture(word, painter.png(part.chart), part.chart.description, part.chart.title)
                if part.table:
                    _table(word, part.table)
            else:
                _table(word, part.table)
    note = block_note(data)
    if note:
        paragraph = word.add_paragraph()
        run = paragraph.add_run(note)
        run.italic = True
        run.font.size = Pt(9)


def _picture(word, png: bytes, description: str, title: str) -> None:
    width_px, _ = png_size(png)
    width = min(TEXT_WIDTH, Inches(width_px / PIXELS_PER_INCH))
    paragraph = word.add_paragraph()
    shape = paragraph.add_run().add_picture(io.BytesIO(png), width=width)
    properties = shape._inline.docPr
    properties.set("descr", description)
    properties.set("title", title)
    word.add_paragraph(title, style="Caption")


def _table(word, table: TableData) -> None:
    word.add_paragraph(table.caption, style="Caption")
    numeric = list(table.numeric) + [False] * len(table.columns)
    grid = word.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    for row_index, values in enumerate([table.columns, *table.rows]):
        cells = grid.rows[row_index].cells
        for column, text in enumerate(values[: len(table.columns)]):
            paragraph = cells[column].paragraphs[0]
            run = paragraph.add_run(text)
            run.bold = row_index == 0 or None
            if numeric[column]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    mark_header_row(grid)
    describe_table(grid, table.caption)
    word.add_paragraph()
