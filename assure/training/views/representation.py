"""Representation at multi-agency training: delegates by agency and by sector in a year against
the workforce the agencies returned, for the board (``training.view``), with its download."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from assure.core.access import requires
from assure.core.navigation import crumbs
from assure.core.tables import EXPORT_FORMATS, export_response, plain_figure
from assure.partnerships.years import financial_year_of, financial_year_problem

from ..selectors.representation import representation_of
from ..selectors.returns import asked_year

TITLE = "Representation at training"


def _years(today: dt.date, year: str) -> list[str]:
    current = int(financial_year_of(today)[:4])
    years = [f"{start}-{(start + 1) % 100:02d}" for start in range(current, current - 12, -1)]
    return years if year in years else sorted({*years, year}, reverse=True)


def _rows(shown) -> tuple[list[str], list[list]]:
    headers = [
        "Table",
        "Agency or sector",
        "Sector",
        "Delegates",
        "Workforce",
        "Delegates per 100 staff",
        "Share of delegates (%)",
        "Share of workforce (%)",
        "Under-represented",
    ]
    rows = [
        ["Agency", line.name, line.sector, line.delegates, line.workforce, plain_figure(line.per_hundred), "", "", ""]
        for line in shown.agencies
    ]
    rows += [
        [
            "Sector",
            line.name,
            "",
            line.delegates,
            line.workforce,
            plain_figure(line.per_hundred),
            plain_figure(line.delegate_share),
            plain_figure(line.workforce_share),
            "Yes" if line.under_represented else "No",
        ]
        for line in shown.sectors
    ]
    if shown.other_delegates:
        rows.append(["Other", "Organisations that are not agencies", "", shown.other_delegates, "", "", "", "", ""])
    return headers, rows


@requires("training.view")
def representation(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    today = timezone.localdate()
    year = request.GET.get("year", "").strip()
    if not year or financial_year_problem(year):
        year = asked_year(today)
    shown = representation_of(user=request.user, partnership=partnership, year=year)
    if shown is None:
        raise PermissionDenied
    download = request.GET.get("_export", "")
    if download in EXPORT_FORMATS:
        headers, rows = _rows(shown)
        return export_response(
            headers=headers, rows=rows, name=f"training-representation-{year}", export_format=download
        )
    return render(
        request,
        "training/representation.html",
        {
            "shown": shown,
            "year": year,
            "years": _years(today, year),
            "ratio_percent": shown.ratio_percent,
            "crumbs": crumbs(partnership, (TITLE, None)),
        },
    )
