"""Registers: a django-tables2 table, optionally filtered, rendered on a page or exported; and
the downloads of tables that are not registers (a scorecard, an analysis)."""

import tablib
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django_tables2 import RequestConfig, Table
from django_tables2.export import TableExport

EXPORT_FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
PAGE_SIZE = 25


def register_response(
    request: HttpRequest, *, table: Table, template: str, context: dict, export_name: str, filterset=None
) -> HttpResponse:
    """Render the register page, or its CSV/XLSX export when ``?_export=csv|xlsx`` is asked for.

    The export holds every filtered row (not only the current page), without the columns that
    exist only for the page (links and buttons, marked ``exclude_from_export``).
    """
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    export_format = request.GET.get("_export")
    if export_format in EXPORT_FORMATS:
        exporter = TableExport(export_format, table, exclude_columns=getattr(table, "export_exclude", ()))
        stamp = timezone.localdate().isoformat()
        return exporter.response(filename=f"{export_name}-{stamp}.{export_format}")
    context = {**context, "table": table, "filter": filterset}
    if getattr(request, "htmx", False) and request.htmx.target == "register-results":
        # A filter changed in the browser: send back only the results, not the whole page.
        return render(request, "core/tables/register.html#register-results", context)
    return render(request, template, context)


def export_response(*, headers: list[str], rows: list[list], name: str, export_format: str) -> HttpResponse:
    """A CSV or XLSX download of ``rows``, named like the registers' exports."""
    dataset = tablib.Dataset(*rows, headers=headers)
    response = HttpResponse(dataset.export(export_format), content_type=CONTENT_TYPES[export_format])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{export_format}"'
    return response


def plain_figure(value) -> str:
    """A figure for a spreadsheet: its digits (no unit), or empty when there is none."""
    if value is None:
        return ""
    return format(value.normalize(), "f") if hasattr(value, "normalize") else str(value)
