"""The allegations figures, the designated officer's annual report and the sectors' expected
referrals.

The figures and the report count referrals and are shown to everyone with ``lado.view`` (the
business unit, the board, the chair, the designated officer), small numbers hidden unless the
reader may read the cases (the officer with the ``lado`` grant). Nothing here names a person or
describes a case. The expected referrals a year of each sector are set by the officer with the
grant."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import export_response
from assure.library.selectors import current_items
from assure.partnerships.years import financial_year_problem

from ..exports_figures import figure_rows
from ..forms_figures import ExpectationsForm
from ..permissions import can_set_expectations
from ..selectors.figures import SECTOR_KIND, expectations_of, figure_years, figures_for_year, reporting_year
from ..services.figures import sector_expectations_set

TITLE = "Allegations figures"
DOWNLOADS = ("csv", "xlsx")


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("lado:figures", partnership)), *trail)


def _year(request: HttpRequest, today: dt.date) -> str:
    year = request.GET.get("year", "").strip()
    if year and financial_year_problem(year) is None:
        return year
    return reporting_year(partnership=request.partnership, today=today)


def _years(partnership, today: dt.date, year: str) -> list[str]:
    years = figure_years(partnership=partnership, today=today)
    return years if year in years else sorted({*years, year}, reverse=True)


@requires("lado.view")
def figures(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    today = timezone.localdate()
    year = _year(request, today)
    shown = figures_for_year(user=request.user, partnership=partnership, year=year)
    if shown is None:
        raise PermissionDenied
    download = request.GET.get("format", "")
    if download in DOWNLOADS:
        headers, rows = figure_rows(shown)
        return _private(
            export_response(headers=headers, rows=rows, name=f"allegations-figures-{year}", export_format=download)
        )
    context = {
        "figures": shown,
        "year": year,
        "years": _years(partnership, today, year),
        "can_set_expectations": can_set_expectations(user=request.user, partnership=partnership),
        "crumbs": crumbs(partnership, (TITLE, None)),
    }
    return _private(render(request, "lado/figures.html", context))


@requires("lado.view")
def annual_report(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    today = timezone.localdate()
    year = _year(request, today)
    shown = figures_for_year(user=request.user, partnership=partnership, year=year)
    if shown is None:
        raise Http404
    context = {
        "figures": shown,
        "year": year,
        "years": _years(partnership, today, year),
        "crumbs": _crumbs(partnership, (f"The designated officer's annual report {year}", None)),
    }
    return _private(render(request, "lado/annual_report.html", context))


@requires("lado.manage")
def expectations(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    if not can_set_expectations(user=request.user, partnership=partnership):
        raise PermissionDenied
    sectors = list(current_items(kind=SECTOR_KIND))
    form = ExpectationsForm(request.POST or None, sectors=sectors, initial=expectations_of(partnership=partnership))
    if request.method == "POST" and form.is_valid():
        try:
            changed = sector_expectations_set(
                actor=request.user,
                partnership=partnership,
                expected={sector.code: form.cleaned_data.get(sector.code) for sector in sectors},
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(
                request,
                "The expected referrals are saved."
                if changed
                else "Nothing changed: the expected referrals are as they were.",
            )
            return redirect(partnership_url("lado:figures", partnership))
    context = {
        "form": form,
        "cancel_url": partnership_url("lado:figures", partnership),
        "crumbs": _crumbs(partnership, ("Expected referrals by sector", None)),
    }
    return _private(render(request, "lado/expectations.html", context))
