"""The pages of exchanges of cases with another panel (peer assurance of the scoring): the list
(panel members and the manager with the ``cdop`` grant), a new exchange, its comparison page, its
download and the upload of the other panel's scoring (the manager). The exchange's pages name the
deaths by reference only, but they are about children: each is logged as a restricted read and
sent ``no-store``. The download carries the exchange's fields only (``EXPORT_FIELDS``)."""

import csv
import io
import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control

from assure.audit.services import restricted_read_record
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.spreadsheets import safe_row
from assure.questionnaires.identifying import identifying_warning

from ..forms_exchanges import ExchangeForm, ScoringForm
from ..models import ChildDeath, Exchange
from ..permissions import CDOP_AREA, can_manage_cases, can_read_cases, ensure_can_manage_cases, ensure_can_read_cases
from ..selectors.exchanges import (
    EXPORT_FIELDS,
    age_band_of,
    exchange_comparison,
    exchange_for,
    exchange_rows,
    exchanges_visible_to,
)
from ..selectors.panels import deaths_visible_to, panels_of
from ..services.exchanges import exchange_create, exchange_import

TITLE = "Scoring exchanges"


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("cdop:exchanges", partnership)), *trail)


def _exchange(request: HttpRequest, pk: int, *, manage: bool = False) -> Exchange:
    if manage:
        ensure_can_manage_cases(user=request.user, partnership=request.partnership)
    else:
        ensure_can_read_cases(user=request.user, partnership=request.partnership)
    exchange = exchange_for(user=request.user, partnership=request.partnership, pk=pk)
    if exchange is None:
        raise Http404
    return exchange


def _log(request: HttpRequest, exchange: Exchange, what: str) -> None:
    restricted_read_record(
        user=request.user,
        partnership=request.partnership,
        area=CDOP_AREA,
        record=exchange,
        label=f"Exchange {exchange.reference}: {what}",
    )


@requires("cdop.review")
def exchange_list(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    return _private(
        render(
            request,
            "cdop/exchange_list.html",
            {
                "exchanges": exchanges_visible_to(user=request.user, partnership=partnership),
                "reads_cases": can_read_cases(user=request.user, partnership=partnership),
                "may_manage": can_manage_cases(user=request.user, partnership=partnership),
                "crumbs": crumbs(partnership, (TITLE, None)),
            },
        )
    )


@requires("cdop.manage")
def create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    ensure_can_manage_cases(user=request.user, partnership=partnership)
    panel = panels_of(partnership=partnership).order_by("pk").first()
    if panel is None:
        raise Http404
    deaths = list(
        deaths_visible_to(user=request.user, partnership=partnership)
        .filter(panel=panel, status=ChildDeath.Status.REVIEWED)
        .select_related("category")
        .order_by("reference")
    )

    def describe(death: ChildDeath) -> str:
        category = death.category.title if death.category else "no category"
        return f"{age_band_of(death)}, {death.get_sex_display().lower()}, {category}"

    form = ExchangeForm(request.POST or None, deaths=deaths, describe=describe)
    if request.method == "POST" and form.is_valid():
        chosen = form.chosen()
        warned = [(death, identifying_warning(summary)) for death, summary in chosen]
        warned = [(death, warning) for death, warning in warned if warning]
        if warned and not form.cleaned_data.get("checked"):
            for death, warning in warned:
                form.add_error(f"summary_{death.pk}", warning)
            form.add_error("checked", "Read the summaries again, change any that identify someone, then tick this.")
        else:
            try:
                exchange = exchange_create(
                    actor=request.user,
                    partnership=partnership,
                    panel=panel,
                    partner_panel=form.cleaned_data["partner_panel"],
                    cases=chosen,
                )
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(
                    request, f"{exchange.reference} made: download its cases for {exchange.partner_panel}."
                )
                return redirect(partnership_url("cdop:exchange_detail", partnership, pk=exchange.pk))
    return _private(
        render(
            request,
            "cdop/exchange_form.html",
            {
                "form": form,
                "deaths": deaths,
                "panel": panel,
                "cancel_url": partnership_url("cdop:exchanges", partnership),
                "crumbs": _crumbs(partnership, ("New exchange", None)),
            },
        )
    )


@requires("cdop.review")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    exchange = _exchange(request, pk)
    _log(request, exchange, "comparison of scoring")
    return _private(
        render(
            request,
            "cdop/exchange_detail.html",
            {
                "exchange": exchange,
                "comparison": exchange_comparison(exchange),
                "may_manage": can_manage_cases(user=request.user, partnership=partnership),
                "crumbs": _crumbs(partnership, (exchange.reference, None)),
            },
        )
    )


@requires("cdop.manage")
def download(request: HttpRequest, pk: int) -> HttpResponse:
    exchange = _exchange(request, pk, manage=True)
    as_json = request.GET.get("format") == "json"
    _log(request, exchange, f"cases downloaded as {'JSON' if as_json else 'CSV'}")
    rows = exchange_rows(exchange)
    name = f"{exchange.reference.lower()}-cases"
    if as_json:
        response = HttpResponse(
            json.dumps({"exchange": exchange.reference, "cases": rows}, indent=2), content_type="application/json"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
        return _private(response)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_FIELDS)
    for row in rows:
        writer.writerow(safe_row(row[field] for field in EXPORT_FIELDS))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return _private(response)


@requires("cdop.manage")
def import_scoring(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    exchange = _exchange(request, pk, manage=True)
    form = ScoringForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            count = exchange_import(
                actor=request.user, partnership=partnership, exchange=exchange, content=form.cleaned_data["file"].read()
            )
        except ValidationError as error:
            problems = error.message_dict.get("file", error.messages)
            form.add_error("file", "The file was not imported: correct the rows listed and upload it again.")
        else:
            messages.success(request, f"The scoring of {count} case{'s' if count != 1 else ''} imported.")
            return redirect(partnership_url("cdop:exchange_detail", partnership, pk=exchange.pk))
    _log(request, exchange, "scoring upload")
    return _private(
        render(
            request,
            "cdop/exchange_import.html",
            {
                "form": form,
                "exchange": exchange,
                "problems": problems,
                "cancel_url": partnership_url("cdop:exchange_detail", partnership, pk=exchange.pk),
                "crumbs": _crumbs(
                    partnership,
                    (exchange.reference, partnership_url("cdop:exchange_detail", partnership, pk=exchange.pk)),
                    ("Import the scoring", None),
                ),
            },
        )
    )
