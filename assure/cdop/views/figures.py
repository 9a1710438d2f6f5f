"""The panel's figures, its annual report and the export shaped like the national child mortality
database's forms.

The figures and the report count children and are shown to everyone with ``cdop.view`` (the
business unit, the board, the chair, the panel), small numbers hidden unless the reader may read
the cases. The export lists one death a row, so only the manager with the ``cdop`` grant takes
it, each download logged as a read of every death in it."""

import datetime as dt
import json

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control

from assure.audit.services import restricted_read_record
from assure.core.access import requires
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import export_response
from assure.partnerships.years import financial_year_problem

from ..exports import NCMD_NOTE, ncmd_rows
from ..permissions import CDOP_AREA, can_manage_cases
from ..selectors.figures import figure_rows, figure_years, panel_figures, panel_report, reporting_year
from ..selectors.panels import deaths_visible_to

DOWNLOADS = ("csv", "xlsx")


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _year(request: HttpRequest, today: dt.date) -> str:
    year = request.GET.get("year", "").strip()
    if year and financial_year_problem(year) is None:
        return year
    return reporting_year(partnership=request.partnership, today=today)


@requires("cdop.view")
def figures(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    today = timezone.localdate()
    year = _year(request, today)
    shown = panel_figures(user=request.user, partnership=partnership, year=year)
    download = request.GET.get("format", "")
    if shown is not None and download in DOWNLOADS:
        headers, rows = figure_rows(shown)
        return _private(
            export_response(headers=headers, rows=rows, name=f"child-death-figures-{year}", export_format=download)
        )
    years = figure_years(partnership=partnership, today=today)
    if year not in years:
        years = sorted({*years, year}, reverse=True)
    context = {
        "figures": shown,
        "year": year,
        "years": years,
        "can_export": can_manage_cases(user=request.user, partnership=partnership),
        "breadcrumbs": crumbs(partnership),
    }
    return _private(render(request, "cdop/figures.html", context))


@requires("cdop.view")
def report(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    year = _year(request, timezone.localdate())
    found = panel_report(user=request.user, partnership=partnership, year=year)
    if found is None:
        raise Http404
    context = {
        "report": found,
        "figures": found.figures,
        "year": year,
        "breadcrumbs": crumbs(partnership, ("Child death figures", partnership_url("cdop:figures", partnership))),
    }
    return _private(render(request, "cdop/panel_report.html", context))


@requires("cdop.manage")
def ncmd_export(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    if not can_manage_cases(user=request.user, partnership=partnership):
        raise PermissionDenied
    deaths = list(
        deaths_visible_to(user=request.user, partnership=partnership)
        .exclude(status="duplicate")
        .select_related("category", "passed_on_to")
        .prefetch_related("agency_reports")
        .order_by("reference")
    )
    for death in deaths:
        restricted_read_record(
            user=request.user,
            partnership=partnership,
            area=CDOP_AREA,
            record=death,
            label=f"{death.reference} in the national child mortality database export",
        )
    headers, rows = ncmd_rows(deaths)
    name = f"child-deaths-ncmd-{timezone.localdate():%Y-%m-%d}"
    if request.GET.get("format") == "json":
        body = {"note": NCMD_NOTE, "fields": headers, "deaths": [dict(zip(headers, r, strict=True)) for r in rows]}
        response = HttpResponse(json.dumps(body, indent=2, default=str), content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
        return _private(response)
    # The note leads the file so that nobody mistakes it for the national submission.
    return _private(
        export_response(
            headers=headers,
            rows=[[NCMD_NOTE, *[""] * (len(headers) - 1)], *rows],
            name=name,
            export_format="csv",
        )
    )
