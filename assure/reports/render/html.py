"""HTML of a report: the single-page web document to publish, the print HTML WeasyPrint lays
out as the PDF, and the content of the preview page inside Assure. All three lay the sections out
with the same template (reports/document/_sections.html) and GOV.UK Frontend's class names; the
web document and the PDF bring their own stylesheet, the preview uses the app's."""

from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from ..blocks import BlockData, ChartData, TableData
from ..document import Document, DocumentSection
from .charts import ChartPainter
from .layout import ChartPart, block_note, block_parts

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "reports" / "document"

# Narrative HTML comes out of richtext.to_html with bare tags (nh3 leaves only href on links);
# these give it GOV.UK Frontend's typography wherever it is shown.
_NARRATIVE_CLASSES = {
    "<p>": '<p class="govuk-body">',
    "<ul>": '<ul class="govuk-list govuk-list--bullet">',
    "<ol>": '<ol class="govuk-list govuk-list--number">',
    "<h3>": '<h3 class="govuk-heading-s">',
    "<h4>": '<h4 class="govuk-heading-s">',
    "<h5>": '<h5 class="govuk-heading-s">',
    "<a href=": '<a class="govuk-link" href=',
}


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool


@dataclass(frozen=True)
class TableView:
    caption: str
    columns: list[Cell]
    rows: list[list[Cell]]


@dataclass(frozen=True)
class PartView:
    chart: ChartData | None
    svg: SafeString
    table: TableView | None


@dataclass(frozen=True)
class BlockView:
    data: BlockData
    note: str
    parts: list[PartView]
    tag: str


@dataclass(frozen=True)
class SectionView:
    section: DocumentSection
    tag: str
    narrative: SafeString
    blocks: list[BlockView]


def sections_view(document: Document, painter: ChartPainter) -> list[SectionView]:
    """What the sections template needs: heading levels, narrative with its classes, each block's
    parts with their charts drawn."""
    views = []
    for section in document.sections:
        level = min(section.level + 1, 6)
        views.append(
            SectionView(
                section=section,
                tag=f"h{level}",
                narrative=narrative_html(section.narrative_html),
                blocks=[_block_view(data, painter, tag=f"h{min(level + 1, 6)}") for data in section.blocks],
            )
        )
    return views


def narrative_html(html: str) -> SafeString:
    # The text is already safe (richtext.to_html cleans it against an allow-list).
    for bare, classed in _NARRATIVE_CLASSES.items():
        html = html.replace(bare, classed)
    return mark_safe(html)  # noqa: S308


def table_view(table: TableData) -> TableView:
    numeric = list(table.numeric) + [False] * (len(table.columns) - len(table.numeric))
    return TableView(
        caption=table.caption,
        columns=[Cell(text, numeric[i]) for i, text in enumerate(table.columns)],
        rows=[
            [Cell(text, numeric[i] if i < len(numeric) else False) for i, text in enumerate(row)] for row in table.rows
        ],
    )


def _block_view(data: BlockData, painter: ChartPainter, *, tag: str) -> BlockView:
    parts = []
    for part in block_parts(data):
        if isinstance(part, ChartPart):
            parts.append(
                PartView(
                    chart=part.chart,
                    svg=mark_safe(painter.svg(part.chart)),  # noqa: S308 - drawn by vl-convert from the spec
                    table=table_view(part.table) if part.table else None,
                )
            )
        else:
            parts.append(PartView(chart=None, svg=SafeString(""), table=table_view(part.table)))
    return BlockView(data=data, note=block_note(data), parts=parts, tag=tag)


def web_html(document: Document, painter: ChartPainter | None = None) -> str:
    """The single-page web document: headings, contents, tables and charts, its stylesheet
    inside it, nothing fetched from elsewhere."""
    painter = painter or ChartPainter()
    return render_to_string(
        "reports/document/web.html",
        {
            "document": document,
            "sections": sections_view(document, painter),
            "stylesheet": mark_safe((TEMPLATES / "web.css").read_text()),  # noqa: S308 - our own file
        },
    )


def print_html(document: Document, painter: ChartPainter | None = None) -> str:
    """The HTML WeasyPrint lays out as the PDF (with print.css)."""
    painter = painter or ChartPainter()
    return render_to_string(
        "reports/document/print.html",
        {"document": document, "sections": sections_view(document, painter)},
    )


def print_stylesheet() -> Path:
    return TEMPLATES / "print.css"
