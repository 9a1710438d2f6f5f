"""The PDF of a report: WeasyPrint lays out the print HTML with print.css, tagged for
accessibility (PDF/UA-1: headings, tables, lists and figures with their alternative text in the
structure tree, the document's title and language in its metadata, bookmarks from the numbered
sections). The dates in the file's metadata are the document's as-at date, so a published report
generated again gives the same file content."""

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from ..document import Document
from .charts import ChartPainter
from .html import print_html, print_stylesheet

PDF_VARIANT = "pdf/ua-1"


def _fetcher() -> URLFetcher:
    # Everything the PDF shows is inside its HTML: no file, no network.
    return URLFetcher(allowed_protocols={"data"})


def pdf_from_html(html: str) -> bytes:
    """Lay out ``html`` (the print HTML) as a tagged PDF."""
    stylesheet = CSS(string=print_stylesheet().read_text(), url_fetcher=_fetcher())
    return HTML(string=html, url_fetcher=_fetcher()).write_pdf(stylesheets=[stylesheet], pdf_variant=PDF_VARIANT)


def pdf_bytes(document: Document, painter: ChartPainter | None = None, *, progress=None) -> bytes:
    html = print_html(document, painter or ChartPainter())
    if progress:
        progress(60, "Laying out the pages")
    return pdf_from_html(html)
