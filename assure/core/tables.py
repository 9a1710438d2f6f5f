"""Registers: a django-tables2 table, optionally filtered, rendered on a page or exported; and
the downloads of tables that are not registers (a scorecard, an analysis)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_tables2 import RequestConfig, Table

from .spreadsheets import EXPORT_FORMATS, safe_dataset, spreadsheet_response

# The views ask for a download by these formats, from here beside the functions that make it.
__all__ = ["EXPORT_FORMATS", "export_response", "plain_figure", "register_response"]

PAGE_SIZE = 25


def register_response(
    request: HttpRequest, *, table: Table, template: str, context: dict, export_name: str, filterset=None
) -> HttpResponse:
    """Render the register page, or its CSV/XLSX export when ``?_export=csv|xlsx`` is asked for.

    The export holds every filtered row (not only the current page), without the columns that
    exist only for the page (links and buttons, marked ``exclude_from_export``). Each cell is
    the column's text for a spreadsheet (its ``value_<column>``), never the page's markup, and
    is made safe by ``assure.core.spreadsheets``.
    """
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    export_format = request.GET.get("_export")
    if export_format in EXPORT_FORMATS:
        headers, *rows = table.as_values(exclude_columns=getattr(table, "export_exclude", ()))
        dataset = safe_dataset(headers=headers, rows=rows, title=_sheet_title(table))
        return spreadsheet_response(dataset=dataset, name=export_name, export_format=export_format)
    context = {**context, "table": table, "filter": filterset}
    if getattr(request, "htmx", False) and request.htmx.target == "register-results":
        # A filter changed in the browser: send back only the results, not the whole page.
        return render(request, "core/tables/register.html#register-results", context)
    return render(request, template, context)


def export_response(*, headers: list[str], rows: list[list], name: str, export_format: str) -> HttpResponse:
    """A CSV or XLSX download of ``rows``, named and made safe like the registers' exports."""
    dataset = safe_dataset(headers=headers, rows=rows, title=name)
    return spreadsheet_response(dataset=dataset, name=name, export_format=export_format)


def _sheet_title(table: Table) -> str:
    # The sheet is named after the records, as django-tables2 names it ("Actions", "Meetings").
    model = getattr(getattr(table, "Meta", None), "model", None)
    return model._meta.verbose_name_plural.title() if model is not None else "Export Data"


def plain_figure(value) -> str:
    """A figure for a spreadsheet: its digits (no unit), or empty when there is none."""
    if value is None:
        return ""
    return format(value.normalize(), "f") if hasattr(value, "normalize") else str(value)
