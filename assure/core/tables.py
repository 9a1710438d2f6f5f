"""Registers: a django-tables2 table, optionally filtered, rendered on a page or exported (and,
for the busiest registers, kept in the cache under a version of what they show); and the
downloads of tables that are not registers (a scorecard, an analysis)."""

import functools
import hashlib
import inspect
from collections.abc import Callable
from pathlib import Path

import django_tables2.utils as tables_utils
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django_tables2 import RequestConfig, Table

from .spreadsheets import EXPORT_FORMATS, safe_dataset, spreadsheet_response

# The views ask for a download by these formats, from here beside the functions that make it.
__all__ = [
    "EXPORT_FORMATS",
    "export_response",
    "plain_figure",
    "record_address",
    "register_response",
    "remembered_register_response",
]

PAGE_SIZE = 25
# A register of this many columns or more is shown across the whole width of the window
# (core/base.html's full width), not in the reading column where every cell would wrap.
WIDE_COLUMNS = 6
REGISTER_TIMEOUT = 60 * 60 * 24
"""Seconds a rendered register is kept. Versions, not time, decide whether it is current; the
timeout only lets registers of old versions fall out of the cache."""

# django-tables2 asks which arguments a column's render, value and link functions take
# (inspect.signature) for every cell of every row: a third of the time a register took to render.
# A function's signature never changes, so it is worked out once per function; a bound method's
# once per function too (the same for every table made, and keeping no table alive). Anything
# else callable is asked every time, as before.
_signature_of_callable = tables_utils.signature
_SIGNATURES: dict[tuple, tuple] = {}
_SIGNATURES_KEPT = 4096  # functions made afresh at run time (closures) cannot fill the memory


def _signature(fn) -> tuple:
    if inspect.ismethod(fn):
        key = (fn.__func__, True)
    elif inspect.isfunction(fn):
        key = (fn, False)
    else:
        return _signature_of_callable(fn)
    found = _SIGNATURES.get(key)
    if found is None:
        found = _signature_of_callable(fn)
        if len(_SIGNATURES) >= _SIGNATURES_KEPT:
            _SIGNATURES.clear()
        _SIGNATURES[key] = found
    return found


tables_utils.signature = _signature

# A key no record has, standing for each record's own in an address reversed once.
_STAND_IN_KEY = 918273645546372819


def record_address(name: str, **kwargs) -> Callable[[int], str]:
    """The address of the page ``name`` (with ``kwargs``, e.g. the partnership) of any record, by
    its key: reversed once, then each record's key is put in its place, rather than reversing the
    URL again for every row of a register."""
    address = reverse(name, kwargs={**kwargs, "pk": _STAND_IN_KEY})
    before, _, after = address.rpartition(str(_STAND_IN_KEY))
    return lambda pk: f"{before}{int(pk)}{after}"


def register_response(
    request: HttpRequest, *, table: Table, template: str, context: dict, export_name: str, filterset=None
) -> HttpResponse:
    """Render the register page, or its CSV/XLSX export when ``?_export=csv|xlsx`` is asked for.

    The export holds every filtered row (not only the current page), without the columns that
    exist only for the page (links and buttons, marked ``exclude_from_export``). Each cell is
    the column's text for a spreadsheet (its ``value_<column>``), never the page's markup, and
    is made safe by ``assure.core.spreadsheets``. A register of many columns takes the page's
    full width unless the view's context says otherwise (``full_width``).
    """
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    export_format = request.GET.get("_export")
    if export_format in EXPORT_FORMATS:
        headers, *rows = table.as_values(exclude_columns=getattr(table, "export_exclude", ()))
        dataset = safe_dataset(headers=headers, rows=rows, title=_sheet_title(table))
        return spreadsheet_response(dataset=dataset, name=export_name, export_format=export_format)
    context = {"full_width": len(table.columns) >= WIDE_COLUMNS, **context, "table": table, "filter": filterset}
    if _results_only(request):
        # A filter changed in the browser: send back only the results, not the whole page.
        return render(request, "core/tables/register.html#register-results", context)
    return render(request, template, context)


def remembered_register_response(
    request: HttpRequest,
    *,
    version: str,
    build: Callable[[], tuple[Table, object]],
    template: str,
    context: dict,
    export_name: str,
) -> HttpResponse:
    """``register_response`` for a register kept in the cache: as it is first shown (its address
    without a query: no filter, the first page in the usual order), its filter form and results
    are rendered once per ``version`` and read from the cache after that. The page's template
    shows them as ``{{ register }}``.

    ``version`` must change with everything the register shows, for everyone whose requests
    share it (the caller keeps it in the database and moves it on with every change, and adds
    whatever else the rows depend on: the person's scope, today's date). ``build()`` returns the
    table and the filterset (or None), and is called only when the cache does not hold the
    register. A register filtered, sorted or paged is made afresh every time: people can ask
    for more of those than a cache should hold, and entries without number would push others
    (the sign-in counters) out of the shared cache. Downloads are never cached.
    """
    if request.GET.get("_export") in EXPORT_FORMATS:
        table, filterset = build()
        return register_response(
            request, table=table, template=template, context=context, export_name=export_name, filterset=filterset
        )
    results_only = _results_only(request)
    if request.GET:
        html, wide = _register_html(request, build=build, context=context, results_only=results_only)
    else:
        page = hashlib.sha256(request.path.encode()).hexdigest()
        key = f"assure:register:{_code_version()}:{version}:{'results' if results_only else 'register'}:{page}"
        cached = cache.get(key)
        if cached is None:
            # The version was read before the records are, so an entry only ever holds records
            # at least as new as the version in its key.
            cached = _register_html(request, build=build, context=context, results_only=results_only)
            cache.set(key, cached, REGISTER_TIMEOUT)  # kept as the safe string the templates made
        html, wide = cached
    if results_only:
        return HttpResponse(html)
    return render(request, template, {"full_width": wide, **context, "register": html})


def _register_html(request: HttpRequest, *, build, context: dict, results_only: bool) -> tuple[str, bool]:
    """The register's filter form and results (or the results alone), as the page shows them,
    and whether it has columns enough to take the page's full width (as ``register_response``)."""
    table, filterset = build()
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    fragment = "core/tables/register.html#register-results" if results_only else "core/tables/register.html"
    html = render_to_string(fragment, {**context, "table": table, "filter": filterset}, request)
    return html, len(table.columns) >= WIDE_COLUMNS


def _results_only(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False)) and request.htmx.target == "register-results"


@functools.cache
def _code_version() -> str:
    """A digest of Assure's code and templates, so that a deployment never reads a register that
    an earlier release rendered into a shared cache."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.html")]):
        if "tests" not in path.relative_to(root).parts:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


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
