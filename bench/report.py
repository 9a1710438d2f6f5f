"""Benchmark: the demo annual report to PDF and to Word, against WeasyPrint laying out the same
final HTML alone.

    .venv/bin/python bench/report.py [--runs 5]

The database is a fresh test database made from DATABASE_URL like the test suite's (SQLite by
default, in var/bench-report.sqlite3), loaded with the demo region (``demo_load``: the library,
the DfE statistics, the West Mercia partnerships and Shropshire's 2014-15 annual report), and
dropped at the end.

For Shropshire's 2014-15 annual report it times, in this process, best of ``--runs``:

- **baseline**: WeasyPrint alone, laying out the report's final print HTML (made once, before
  timing) with its stylesheet and the same options (tagged PDF/UA-1): the least a PDF of this
  report can cost;
- **PDF**: everything the rendering task does for a PDF: read the report from the database as a
  document, draw every chart from its Vega-Lite spec, make the print HTML, lay it out;
- **DOCX**: the same for the Word document: read, draw every chart as a PNG, write the document.

The ratios are PDF / baseline and DOCX / baseline (the goal: at most 1.5, and each under 5 s).
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

from assure.demo.load import demo_load  # noqa: E402
from assure.reports.document import document_for  # noqa: E402
from assure.reports.models import Report  # noqa: E402
from assure.reports.render import render  # noqa: E402
from assure.reports.render.charts import ChartPainter  # noqa: E402
from assure.reports.render.html import print_html  # noqa: E402
from assure.reports.render.pdf import pdf_from_html  # noqa: E402


def best_of(runs: int, work) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="A folder to write the PDF, DOCX and HTML into, to look at them.")
    options = parser.parse_args()

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        (ROOT / "var").mkdir(exist_ok=True)
        database.setdefault("TEST", {})["NAME"] = str(ROOT / "var" / "bench-report.sqlite3")
    config = setup_databases(verbosity=0, interactive=False)
    try:
        started = time.perf_counter()
        demo_load()
        report = Report.objects.get(partnership__slug="shropshire", kind=Report.Kind.ANNUAL, year="2014-15")
        print(f"database: {connection.vendor}; demo loaded in {time.perf_counter() - started:.0f} s")

        document = document_for(report)
        blocks = sum(len(section.blocks) for section in document.sections)
        final_html = print_html(document, ChartPainter())
        print(
            f"report: {report.title} ({report.get_status_display().lower()}), {len(document.sections)} sections, "
            f"{blocks} blocks, {document.chart_count} charts, print HTML {len(final_html):,} characters"
        )

        # Warm up: the first conversion loads the JavaScript engine of vl-convert and fonts.
        render(document, "pdf")
        render(document, "docx")

        baseline, pdf_alone = best_of(options.runs, lambda: pdf_from_html(final_html))
        pdf_time, pdf = best_of(options.runs, lambda: render(document_for(report), "pdf"))
        docx_time, docx = best_of(options.runs, lambda: render(document_for(report), "docx"))
        read_time, _ = best_of(options.runs, lambda: document_for(report))

        if options.keep:
            options.keep.mkdir(parents=True, exist_ok=True)
            (options.keep / "report.pdf").write_bytes(pdf)
            (options.keep / "report.docx").write_bytes(docx)
            (options.keep / "report.html").write_bytes(render(document, "html"))

        print(f"best of {options.runs} runs")
        print(f"{'workload':<40} {'s':>7} {'ratio':>7} {'bytes':>12}")
        print(f"{'baseline: WeasyPrint, final HTML alone':<40} {baseline:>7.2f} {1:>7.2f} {len(pdf_alone):>12,}")
        print(f"{'PDF (read, charts, HTML, layout)':<40} {pdf_time:>7.2f} {pdf_time / baseline:>7.2f} {len(pdf):>12,}")
        print(f"{'DOCX (read, charts, document)':<40} {docx_time:>7.2f} {docx_time / baseline:>7.2f} {len(docx):>12,}")
        print(f"{'  of which reading the report':<40} {read_time:>7.2f}")
    finally:
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
