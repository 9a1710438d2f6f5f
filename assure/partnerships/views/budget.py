from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django_tables2 import RequestConfig

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import EXPORT_FORMATS, register_response

from .. import services
from ..forms import ContributionForm, ExpenditureForm
from ..permissions import can_manage
from ..selectors import budget_for_year, budget_years, contributions_of, expenditure_of, partnership_agencies
from ..tables import ContributionTable, ExpenditureTable
from ..years import current_financial_year, financial_year_problem


def _chosen_year(request: HttpRequest, partnership) -> str:
    asked = request.GET.get("year", "")
    if asked and financial_year_problem(asked) is None:
        return asked
    current = current_financial_year()
    # The newest year with figures, so a partnership that has not started this year sees the last.
    years = budget_years(user=request.user, partnership=partnership, include_current=False)
    with_figures = [y for y in years if y <= current]
    return with_figures[0] if with_figures else current


def _budget_url(partnership, year: str) -> str:
    return f"{partnership_url('partnerships:budget', partnership)}?year={year}"


@requires("partnerships.view")
def budget(request: HttpRequest) -> HttpResponse:
    """Contributions and expenditure of one financial year, with totals and the balance; either
    table can be downloaded (``?part=contributions|expenditure&_export=csv|xlsx``)."""
    partnership = request.partnership
    years = budget_years(user=request.user, partnership=partnership)
    year = _chosen_year(request, partnership)
    if year not in years:
        years = sorted({*years, year}, reverse=True)
    figures = budget_for_year(user=request.user, partnership=partnership, year=year)
    may_manage = can_manage(user=request.user, partnership=partnership)
    tables = {
        "contributions": ContributionTable(
            figures.contributions, partnership=partnership, may_manage=may_manage, prefix="contributions-"
        ),
        "expenditure": ExpenditureTable(
            figures.expenditure, budget=figures, partnership=partnership, may_manage=may_manage, prefix="expenditure-"
        ),
    }
    context = {
        "year": year,
        "years": years,
        "figures": figures,
        "contributions_table": tables["contributions"],
        "expenditure_table": tables["expenditure"],
        "may_manage": may_manage,
        "crumbs": crumbs(partnership),
    }
    part = request.GET.get("part")
    if request.GET.get("_export") in EXPORT_FORMATS and part in tables:
        return register_response(
            request,
            table=tables[part],
            template="partnerships/budget.html",
            context=context,
            export_name=f"{part}-{year}",
        )
    for table in tables.values():
        RequestConfig(request, paginate=False).configure(table)
    return render(request, "partnerships/budget.html", context)


def _line_form_page(request, form, heading: str, year: str) -> HttpResponse:
    partnership = request.partnership
    back = _budget_url(partnership, year)
    return render(
        request,
        "partnerships/form.html",
        {"form": form, "heading": heading, "cancel_url": back, "crumbs": crumbs(partnership, ("Budget", back))},
    )


def _delete_page(request, *, heading: str, description: str, year: str) -> HttpResponse:
    partnership = request.partnership
    back = _budget_url(partnership, year)
    return render(
        request,
        "core/confirm_delete.html",
        {
            "heading": heading,
            "description": description,
            "cancel_url": back,
            "crumbs": crumbs(partnership, ("Budget", back)),
        },
    )


@requires("partnerships.manage")
def contribution_create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    year = _chosen_year(request, partnership)
    agencies = partnership_agencies(user=request.user, partnership=partnership, include_former=True)
    form = ContributionForm(request.POST or None, agencies=agencies, year=year)
    if request.method == "POST" and form.is_valid():
        try:
            contribution = services.contribution_create(
                actor=request.user, partnership=partnership, **form.cleaned_data
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Contribution from {contribution.contributor} added to {contribution.year}.")
            return redirect(_budget_url(partnership, contribution.year))
    return _line_form_page(request, form, "Add a contribution", year)


@requires("partnerships.manage")
def contribution_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    contribution = get_object_or_404(contributions_of(user=request.user, partnership=partnership), pk=pk)
    agencies = partnership_agencies(user=request.user, partnership=partnership, include_former=True)
    form = ContributionForm(request.POST or None, agencies=agencies, contribution=contribution)
    if request.method == "POST" and form.is_valid():
        try:
            services.contribution_update(actor=request.user, contribution=contribution, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Contribution from {contribution.contributor} updated.")
            return redirect(_budget_url(partnership, contribution.year))
    return _line_form_page(request, form, f"Edit the contribution from {contribution.contributor}", contribution.year)


@requires("partnerships.manage")
def contribution_delete(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    contribution = get_object_or_404(contributions_of(user=request.user, partnership=partnership), pk=pk)
    year = contribution.year
    if request.method == "POST":
        contributor = contribution.contributor
        services.contribution_delete(actor=request.user, contribution=contribution)
        messages.success(request, f"Contribution from {contributor} deleted.")
        return redirect(_budget_url(partnership, year))
    return _delete_page(
        request,
        heading=f"Delete the contribution from {contribution.contributor}?",
        description=f"£{contribution.amount:,.2f} in {year}.",
        year=year,
    )


@requires("partnerships.manage")
def expenditure_create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    year = _chosen_year(request, partnership)
    form = ExpenditureForm(request.POST or None, year=year)
    if request.method == "POST" and form.is_valid():
        try:
            line = services.expenditure_create(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Expenditure on {line.line} added to {line.year}.")
            return redirect(_budget_url(partnership, line.year))
    return _line_form_page(request, form, "Add expenditure", year)


@requires("partnerships.manage")
def expenditure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    expenditure = get_object_or_404(expenditure_of(user=request.user, partnership=partnership), pk=pk)
    form = ExpenditureForm(request.POST or None, expenditure=expenditure)
    if request.method == "POST" and form.is_valid():
        try:
            services.expenditure_update(actor=request.user, expenditure=expenditure, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Expenditure on {expenditure.line} updated.")
            return redirect(_budget_url(partnership, expenditure.year))
    return _line_form_page(request, form, f"Edit expenditure on {expenditure.line}", expenditure.year)


@requires("partnerships.manage")
def expenditure_delete(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    expenditure = get_object_or_404(expenditure_of(user=request.user, partnership=partnership), pk=pk)
    year = expenditure.year
    if request.method == "POST":
        line = expenditure.line
        services.expenditure_delete(actor=request.user, expenditure=expenditure)
        messages.success(request, f"Expenditure on {line} deleted.")
        return redirect(_budget_url(partnership, year))
    return _delete_page(
        request,
        heading=f"Delete the expenditure on {expenditure.line}?",
        description=f"£{expenditure.amount:,.2f} in {year}.",
        year=year,
    )
