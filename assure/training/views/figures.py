"""The training figures: multi-agency sessions and delegates of a reporting year against the year
before, for everyone with ``training.view`` (the business unit, the board, the chair), with their
download. The counting rules are those of ``selectors/figures.py``, written out on the page."""

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from assure.core.access import requires
from assure.core.navigation import crumbs
from assure.core.tables import export_response
from assure.partnerships.years import financial_year_problem

from ..exports_figures import figure_rows
from ..selectors.figures import COUNTING_RULES, figure_years, figures_for_year, reporting_year

TITLE = "Training figures"
DOWNLOADS = ("csv", "xlsx")


def _year(request: HttpRequest, today: dt.date) -> str:
    year = request.GET.get("year", "").strip()
    if year and financial_year_problem(year) is None:
        return year
    return reporting_year(user=request.user, partnership=request.partnership, today=today)


@requires("training.view")
def figures(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    today = timezone.localdate()
    year = _year(request, today)
    shown = figures_for_year(user=request.user, partnership=partnership, year=year)
    if shown is None:
        raise Http404
    years = figure_years(user=request.user, partnership=partnership, today=today)
    context = {
        "figures": shown,
        "year": year,
        "years": years if year in years else sorted({*years, year}, reverse=True),
        "rules": COUNTING_RULES,
        "crumbs": crumbs(partnership, (TITLE, None)),
    }
    return render(request, "training/figures.html", context)


@requires("training.view")
def figures_download(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    year = _year(request, timezone.localdate())
    export_format = request.GET.get("format", "csv")
    if export_format not in DOWNLOADS:
        raise Http404
    shown = figures_for_year(user=request.user, partnership=partnership, year=year)
    if shown is None:
        raise Http404
    headers, rows = figure_rows(shown)
    return export_response(headers=headers, rows=rows, name=f"training-figures-{year}", export_format=export_format)
