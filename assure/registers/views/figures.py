"""The registers' figures: every register's headline figures this year against last year, one
register's year (indicators against the year before, by month, timeliness against the targets,
breakdowns) with its download, for everyone with ``registers.view``; and the business unit's
choice of the business plan priority a register is monitored under."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import export_response
from assure.partnerships.years import financial_year_problem

from ..exports_figures import figure_rows
from ..forms_figures import NONE, MonitoredUnderForm
from ..kinds import kind_for
from ..permissions import can_manage
from ..selectors.figures import (
    COUNTING_RULES,
    figure_years,
    kind_figures,
    monitored_under,
    priority_choices,
    registers_overview,
    reporting_year,
)
from ..services.priorities import monitored_under_set

TITLE = "Registers’ figures"
DOWNLOADS = ("csv", "xlsx")


def _crumbs(partnership, *trail):
    return crumbs(partnership, (TITLE, partnership_url("registers:figures", partnership)), *trail)


def _year(request: HttpRequest, kind_code: str, today: dt.date) -> str:
    year = request.GET.get("year", "").strip()
    if year and financial_year_problem(year) is None:
        return year
    return reporting_year(user=request.user, partnership=request.partnership, kind_code=kind_code, today=today)


@requires("registers.view")
def figures(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    today = timezone.localdate()
    context = {
        "registers": registers_overview(user=request.user, partnership=partnership, today=today),
        "may_manage": can_manage(user=request.user, partnership=partnership),
        "crumbs": crumbs(partnership, (TITLE, None)),
    }
    return render(request, "registers/figures.html", context)


def _kind_figures(request: HttpRequest, kind: str):
    year = _year(request, kind, timezone.localdate())
    shown = kind_figures(user=request.user, partnership=request.partnership, kind_code=kind, year=year)
    if shown is None:
        raise Http404
    return year, shown


@requires("registers.view")
def kind_figures_view(request: HttpRequest, kind: str) -> HttpResponse:
    partnership = request.partnership
    year, shown = _kind_figures(request, kind)
    years = figure_years(user=request.user, partnership=partnership, kind_code=kind, today=timezone.localdate())
    context = {
        "figures": shown,
        "year": year,
        "years": years if year in years else sorted({*years, year}, reverse=True),
        "rules": COUNTING_RULES,
        "priority": monitored_under(user=request.user, partnership=partnership, kind_code=kind),
        "may_manage": can_manage(user=request.user, partnership=partnership),
        "crumbs": _crumbs(partnership, (shown.kind.title, None)),
    }
    return render(request, "registers/figures_kind.html", context)


@requires("registers.view")
def kind_figures_download(request: HttpRequest, kind: str) -> HttpResponse:
    export_format = request.GET.get("format", "csv")
    if export_format not in DOWNLOADS:
        raise Http404
    year, shown = _kind_figures(request, kind)
    headers, rows = figure_rows(shown)
    return export_response(headers=headers, rows=rows, name=f"{kind}-figures-{year}", export_format=export_format)


@requires("registers.manage")
def monitored_under_view(request: HttpRequest, kind: str) -> HttpResponse:
    partnership = request.partnership
    register = kind_for(partnership, kind)
    if register is None:
        raise Http404
    current = monitored_under(user=request.user, partnership=partnership, kind_code=register.code)
    form = MonitoredUnderForm(
        request.POST if request.method == "POST" else None,
        priorities=priority_choices(user=request.user, partnership=partnership),
        initial={"priority": str(current.pk) if current is not None else NONE},
    )
    back = partnership_url("registers:kind_figures", partnership, kind=register.code)
    if request.method == "POST" and form.is_valid():
        priority = form.cleaned_data["priority"]
        try:
            monitored_under_set(actor=request.user, partnership=partnership, kind_code=register.code, priority=priority)
        except ValidationError as error:
            attach(form, error)
        else:
            said = f"under the priority {priority.title}" if priority is not None else "under no priority"
            messages.success(request, f"{register.title} is monitored {said}.")
            return redirect(back)
    context = {
        "form": form,
        "kind": register,
        "current": current,
        "cancel_url": back,
        "crumbs": _crumbs(partnership, (register.title, back), ("The priority it is monitored under", None)),
    }
    return render(request, "registers/monitored_under.html", context)
