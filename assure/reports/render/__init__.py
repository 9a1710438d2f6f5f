"""A report's outputs: the web page (HTML), the PDF and the Word document (DOCX), all laid out
from the same Document (assure/reports/document.py), with charts drawn from the same Vega-Lite
specs as on screen and every chart followed by the table of its figures."""

from collections.abc import Callable
from dataclasses import dataclass

from ..document import Document
from .charts import ChartPainter

Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class OutputFormat:
    code: str
    extension: str
    content_type: str


FORMATS = {
    f.code: f
    for f in (
        OutputFormat("pdf", "pdf", "application/pdf"),
        OutputFormat("docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        OutputFormat("html", "html", "text/html; charset=utf-8"),
    )
}


def render(document: Document, format: str, *, progress: Progress | None = None) -> bytes:
    """The document in ``format`` ("pdf", "docx" or "html"). ``progress(percent, stage)`` is told
    how far it has gone."""
    painter = ChartPainter()
    if format == "pdf":
        from .pdf import pdf_bytes

        _tell(progress, 20, "Drawing the charts and tables")
        return pdf_bytes(document, painter, progress=progress)
    if format == "docx":
        from .docx import docx_bytes

        _tell(progress, 20, "Writing the sections")
        return docx_bytes(document, painter, progress=progress)
    if format == "html":
        from .html import web_html

        _tell(progress, 20, "Drawing the charts and tables")
        return web_html(document, painter).encode()
    raise ValueError(f"Unknown output format: {format}")


def _tell(progress: Progress | None, percent: int, stage: str) -> None:
    if progress:
        progress(percent, stage)
