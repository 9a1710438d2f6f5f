"""The pages of child deaths for the panel: the register and its download, the manager's
notification and its corrections, the death's page (the name and the data set, then the clocks,
the agencies' reports and the panel's analysis), confirming an agency's draft or taking on a death
passed from another panel, checking a possible duplicate and passing a death to the home panel.

Every page needs a panel role and the ``cdop`` grant; a death the person may not read answers
404. Pages about one child log the read and are sent ``no-store``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control

from assure.audit.services import restricted_read_record
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response
from assure.library.selectors import current_item

from ..filters_deaths import DeathFilter
from ..forms_deaths import DeathForm, DuplicateForm, PassOnForm, initial_of
from ..models import ChildDeath
from ..permissions import CDOP_AREA, can_manage_cases, ensure_can_manage_cases, ensure_can_read_cases
from ..pipeline import can_move
from ..selectors.analysis import analysis_for_death_page
from ..selectors.clocks import clocks_for_death_page
from ..selectors.deaths import (
    age_band_of,
    age_bands,
    death_years,
    deaths_register,
    duplicate_groups,
    duplicates_of,
    home_choices,
    may_manage_death,
    panel_agencies,
    pass_on_choices,
)
from ..selectors.panels import death_for, panels_of
from ..selectors.reports import reports_for_death_page
from ..services.deaths import (
    death_confirm,
    death_mark_duplicate,
    death_mark_not_duplicate,
    death_notify,
    death_pass_on,
    death_update,
)
from ..tables_deaths import DeathTable, home_of

TITLE = "Child deaths"


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("cdop:deaths", partnership)), *trail)


def _death_crumbs(partnership, death: ChildDeath, here: str) -> list[Crumb]:
    return _crumbs(partnership, (death.reference, _detail_url(partnership, death)), (here, None))


def _detail_url(partnership, death: ChildDeath) -> str:
    return partnership_url("cdop:death_detail", partnership, pk=death.pk)


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _death(request: HttpRequest, pk: int) -> ChildDeath:
    ensure_can_read_cases(user=request.user, partnership=request.partnership)
    death = death_for(user=request.user, partnership=request.partnership, pk=pk)
    if death is None:
        raise Http404
    return death


def _managed_death(request: HttpRequest, pk: int) -> ChildDeath:
    """A death the person manages now (not one their panel passed on): 404 otherwise."""
    ensure_can_manage_cases(user=request.user, partnership=request.partnership)
    death = _death(request, pk)
    if not may_manage_death(user=request.user, partnership=request.partnership, death=death):
        raise Http404
    return death


def _title(kind: str, code: str) -> str:
    """A library code's title, or the code itself when the library no longer has it."""
    item = current_item(kind=kind, code=code) if code else None
    return item.title if item else code


def _log_read(request: HttpRequest, death: ChildDeath) -> None:
    restricted_read_record(
        user=request.user,
        partnership=request.partnership,
        area=CDOP_AREA,
        record=death,
        label=f"Child death {death.reference}",
    )


@requires("cdop.review")
def register(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    ensure_can_read_cases(user=request.user, partnership=partnership)
    deaths = deaths_register(user=request.user, partnership=partnership)
    homes = sorted(
        {p for panel in panels_of(partnership=partnership) for p in home_choices(panel=panel)}, key=lambda p: p.name
    )
    filterset = DeathFilter(
        request.GET or None,
        queryset=deaths,
        request=request,
        homes=homes,
        years=death_years(user=request.user, partnership=partnership),
    )
    return _private(
        register_response(
            request,
            table=DeathTable(
                filterset.qs, partnership=partnership, bands=age_bands(), duplicates=duplicate_groups(deaths)
            ),
            filterset=filterset,
            template="cdop/deaths.html",
            context={
                "can_manage": can_manage_cases(user=request.user, partnership=partnership),
                "crumbs": crumbs(partnership, (TITLE, None)),
            },
            export_name=f"{partnership.slug}-child-deaths",
        )
    )


def _form(request: HttpRequest, panel, form_class=DeathForm, **kwargs) -> DeathForm:
    return form_class(
        request.POST or None, homes=home_choices(panel=panel), agencies=panel_agencies(panel=panel), **kwargs
    )


def _form_page(request: HttpRequest, context: dict) -> HttpResponse:
    return _private(render(request, "cdop/death_form.html", context))


@requires("cdop.manage")
def create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    ensure_can_manage_cases(user=request.user, partnership=partnership)
    panel = panels_of(partnership=partnership).order_by("pk").first()
    if panel is None:
        messages.info(request, "The partnership has not joined a child death overview panel yet.")
        return redirect(partnership_url("cdop:deaths", partnership))
    form = _form(request, panel)
    if request.method == "POST" and form.is_valid():
        try:
            death = death_notify(actor=request.user, partnership=partnership, panel=panel, **form.service_data())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Child death {death.reference} recorded.")
            return redirect(_detail_url(partnership, death))
    return _form_page(
        request,
        {
            "form": form,
            "heading": "Record a child's death",
            "button": "Record the death",
            "cancel_url": partnership_url("cdop:deaths", partnership),
            "crumbs": _crumbs(partnership, ("Record a child's death", None)),
        },
    )


@requires("cdop.review")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    death = _death(request, pk)
    user = request.user
    manages = may_manage_death(user=user, partnership=partnership, death=death)
    duplicates = list(duplicates_of(death))
    _log_read(request, death)
    return _private(
        render(
            request,
            "cdop/death_detail.html",
            {
                # The three parts' own keys first: each owning part chose them; ours are named
                # death_* so that none is overwritten.
                **clocks_for_death_page(user=user, partnership=partnership, death=death),
                **reports_for_death_page(user=user, partnership=partnership, death=death),
                **analysis_for_death_page(user=user, partnership=partnership, death=death),
                "death": death,
                "death_band": age_band_of(death),
                "death_home": home_of(death),
                "death_ethnicity": _title("ethnic-group", death.ethnicity),
                "death_place": _title("cdop-place", death.place_of_death),
                "death_agencies": death.agencies_involved.order_by("name"),
                "death_duplicates": duplicates,
                "death_may_edit": manages and death.is_editable,
                "death_may_confirm": manages
                and (
                    death.status == ChildDeath.Status.DRAFT
                    or (death.status == ChildDeath.Status.PASSED_ON and death.recorded_by_id != death.panel_id)
                ),
                "death_may_pass_on": manages and can_move(death, ChildDeath.Status.PASSED_ON),
                "death_may_check_duplicates": manages
                and bool(duplicates)
                and can_move(death, ChildDeath.Status.DUPLICATE),
                "death_passed_from": death.recorded_by if death.recorded_by_id != death.panel_id else None,
                "crumbs": _crumbs(partnership, (death.reference, None)),
            },
        )
    )


@requires("cdop.manage")
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    death = _managed_death(request, pk)
    if not death.is_editable:
        messages.info(request, f"{death.reference} is {death.get_status_display().lower()}: it can no longer change.")
        return redirect(_detail_url(partnership, death))
    form = _form(request, death.panel, initial=initial_of(death))
    if request.method == "POST" and form.is_valid():
        try:
            death_update(actor=request.user, partnership=partnership, death=death, **form.service_data())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{death.reference} updated.")
            return redirect(_detail_url(partnership, death))
    if request.method == "GET":
        _log_read(request, death)
    return _form_page(
        request,
        {
            "form": form,
            "death": death,
            "heading": f"Change {death.reference}",
            "button": "Save the changes",
            "cancel_url": _detail_url(partnership, death),
            "crumbs": _death_crumbs(partnership, death, "Change"),
        },
    )


@requires("cdop.manage")
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    death = _managed_death(request, pk)
    received = death.status == ChildDeath.Status.PASSED_ON
    problem = ""
    if request.method == "POST":
        try:
            death_confirm(actor=request.user, partnership=partnership, death=death)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(request, f"{death.reference} {'taken on' if received else 'confirmed'}.")
            return redirect(_detail_url(partnership, death))
    heading = f"Take on {death.reference}" if received else f"Confirm {death.reference}"
    return _private(
        render(
            request,
            "cdop/death_confirm.html",
            {
                "death": death,
                "heading": heading,
                "received": received,
                "problem": problem,
                "duplicates": list(duplicates_of(death)),
                "cancel_url": _detail_url(partnership, death),
                "crumbs": _death_crumbs(partnership, death, "Confirm"),
            },
        )
    )


@requires("cdop.manage")
def duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    death = _managed_death(request, pk)
    candidates = duplicates_of(death)
    form = DuplicateForm(request.POST or None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        other = form.cleaned_data["other"]
        try:
            if form.cleaned_data["answer"] == DuplicateForm.SAME:
                death_mark_duplicate(actor=request.user, partnership=partnership, death=death, of=other)
                messages.success(request, f"{death.reference} closed as a duplicate of {other.reference}.")
            else:
                death_mark_not_duplicate(actor=request.user, partnership=partnership, death=death, other=other)
                messages.success(request, f"{death.reference} and {other.reference} recorded as different children.")
        except ValidationError as error:
            attach(form, error, field="other")
        else:
            return redirect(_detail_url(partnership, death))
    return _private(
        render(
            request,
            "cdop/death_duplicate.html",
            {
                "death": death,
                "form": form,
                "has_candidates": candidates.exists(),
                "cancel_url": _detail_url(partnership, death),
                "crumbs": _death_crumbs(partnership, death, "Possible duplicate"),
            },
        )
    )


@requires("cdop.manage")
def pass_on(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    death = _managed_death(request, pk)
    form = PassOnForm(
        request.POST or None,
        panels=pass_on_choices(death=death),
        initial={"to_name": "" if death.partnership_id else f"{death.home_area} Child Death Overview Panel".strip()},
    )
    blocked = (
        ""
        if can_move(death, ChildDeath.Status.PASSED_ON)
        else (
            f"{death.reference} is {death.get_status_display().lower()}: only a death awaiting the panel is passed on."
        )
    )
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            death_pass_on(actor=request.user, partnership=partnership, death=death, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{death.reference} passed to the home panel.")
            return redirect(_detail_url(partnership, death))
    return _private(
        render(
            request,
            "cdop/death_pass_on.html",
            {
                "death": death,
                "form": form,
                "blocked": blocked,
                "cancel_url": _detail_url(partnership, death),
                "crumbs": _death_crumbs(partnership, death, "Pass to the home panel"),
            },
        )
    )
