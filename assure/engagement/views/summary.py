"""Engagement this year: the financial year's campaigns with their totals, events and their
attendance, surveys run with their responses and the voices heard by where they came from, for
everyone with ``engagement.view`` (the business unit, the board, the chair), with its download."""

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from assure.core.access import requires
from assure.core.navigation import crumbs
from assure.core.tables import EXPORT_FORMATS, export_response
from assure.partnerships.years import financial_year_of, financial_year_problem

from ..selectors.summary import summary_rows, summary_years, year_summary

TITLE = "Engagement this year"


def _year(request: HttpRequest, today: dt.date) -> str:
    year = request.GET.get("year", "").strip()
    if year and financial_year_problem(year) is None:
        return year
    return financial_year_of(today)


@requires("engagement.view")
def summary(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    today = timezone.localdate()
    year = _year(request, today)
    shown = year_summary(user=request.user, partnership=partnership, year=year)
    if shown is None:
        raise Http404
    years = summary_years(user=request.user, partnership=partnership, today=today)
    return render(
        request,
        "engagement/summary.html",
        {
            "summary": shown,
            "year": year,
            "years": years if year in years else sorted({*years, year}, reverse=True),
            "crumbs": crumbs(partnership, (TITLE, None)),
        },
    )


@requires("engagement.view")
def summary_download(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    year = _year(request, timezone.localdate())
    export_format = request.GET.get("format", "csv")
    if export_format not in EXPORT_FORMATS:
        raise Http404
    shown = year_summary(user=request.user, partnership=partnership, year=year)
    if shown is None:
        raise Http404
    headers, rows = summary_rows(shown)
    return export_response(
        headers=headers, rows=rows, name=f"{partnership.slug}-engagement-{year}", export_format=export_format
    )
