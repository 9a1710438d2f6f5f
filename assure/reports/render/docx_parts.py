"""Pieces of a Word document python-docx has no call for: narrative HTML as paragraphs and runs,
hyperlinks, fields (page numbers, the contents), the document's language, a table's header row
and alternative text."""

from html.parser import HTMLParser

from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

LINK_COLOUR = RGBColor(0x1D, 0x70, 0xB8)
_LIST_STYLES = {"ul": "List Bullet", "ol": "List Number"}


class NarrativeWriter(HTMLParser):
    """Writes narrative HTML (the few tags richtext.to_html allows: p, h3-h5, ul, ol, li, a, em,
    strong, br) into a python-docx document: paragraphs, Word headings one level below the
    section's, Word list styles, bold and italic runs, real hyperlinks."""

    def __init__(self, document, *, heading_level: int) -> None:
        super().__init__(convert_charrefs=True)
        self.document = document
        self.heading_level = heading_level
        self.paragraph: Paragraph | None = None
        self.lists: list[str] = []
        self.bold = 0
        self.italic = 0
        self.href: str | None = None

    def write(self, html: str) -> None:
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self.lists.append(tag)
            self.paragraph = None
        elif tag == "li":
            self.paragraph = self.document.add_paragraph(style=self._list_style())
        elif tag == "p":
            # A loose list's items hold paragraphs: the first one is the item's own.
            if not (self.lists and self.paragraph is not None and not self.paragraph.text):
                self.paragraph = self.document.add_paragraph(style=self._list_style() if self.lists else None)
        elif tag in ("h3", "h4", "h5"):
            shift = int(tag[1]) - 3
            self.paragraph = self.document.add_heading(level=min(self.heading_level + shift, 9))
        elif tag == "strong":
            self.bold += 1
        elif tag == "em":
            self.italic += 1
        elif tag == "a":
            self.href = dict(attrs).get("href")
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break(WD_BREAK.LINE)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.lists.pop()
            self.paragraph = None
        elif tag in ("li", "p", "h3", "h4", "h5"):
            self.paragraph = None
        elif tag == "strong":
            self.bold -= 1
        elif tag == "em":
            self.italic -= 1
        elif tag == "a":
            self.href = None

    def handle_data(self, data: str) -> None:
        if not data.strip() and self.paragraph is None:
            return  # the line breaks between block elements
        if self.paragraph is None:
            self.paragraph = self.document.add_paragraph(style=self._list_style() if self.lists else None)
        if self.href:
            add_hyperlink(self.paragraph, data, self.href, bold=self.bold > 0, italic=self.italic > 0)
        else:
            run = self.paragraph.add_run(data)
            run.bold = self.bold > 0 or None
            run.italic = self.italic > 0 or None

    def _list_style(self) -> str | None:
        if not self.lists:
            return None
        depth = min(len(self.lists), 3)
        base = _LIST_STYLES[self.lists[-1]]
        return base if depth == 1 else f"{base} {depth}"


def add_hyperlink(paragraph: Paragraph, text: str, url: str, *, bold: bool = False, italic: bool = False) -> None:
    """A real hyperlink (w:hyperlink to an external relationship), coloured and underlined."""
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    for name, value in (("w:color", str(LINK_COLOUR)), ("w:u", "single")):
        element = OxmlElement(name)
        element.set(qn("w:val"), value)
        properties.append(element)
    for flag, name in ((bold, "w:b"), (italic, "w:i")):
        if flag:
            properties.append(OxmlElement(name))
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def add_field(paragraph: Paragraph, instruction: str, shown: str = "") -> None:
    """A Word field (PAGE, NUMPAGES...) with ``shown`` as its text until Word updates it."""
    _field_char(paragraph, "begin")
    instruction_run = paragraph.add_run()._r
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = f" {instruction} "
    instruction_run.append(element)
    _field_char(paragraph, "separate")
    paragraph.add_run(shown)
    _field_char(paragraph, "end")


def field_begin(paragraph: Paragraph, instruction: str) -> None:
    """Open a field whose shown result spans the paragraphs that follow (the contents)."""
    _field_char(paragraph, "begin")
    run = paragraph.add_run()._r
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = f" {instruction} "
    run.append(element)
    _field_char(paragraph, "separate")


def field_end(paragraph: Paragraph) -> None:
    _field_char(paragraph, "end")


def _field_char(paragraph: Paragraph, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def set_language(document, language: str) -> None:
    """The language of every style's text (Word's proofing and screen readers use it)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        return
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), language)


def mark_header_row(table: Table) -> None:
    """The first row is the table's header, repeated at the top of each page."""
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row_properties.append(header)


def describe_table(table: Table, caption: str) -> None:
    """The table's alternative text (Word's Table Properties > Alt Text)."""
    properties = table._tbl.tblPr
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption[:255])
    # tblCaption sits after the table's style, width and layout properties in the schema.
    properties.append(element)
