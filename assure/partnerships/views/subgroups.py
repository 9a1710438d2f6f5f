from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import register_response

from .. import services
from ..filters import SubgroupFilter
from ..forms import SubgroupForm
from ..permissions import can_manage
from ..selectors import meetings_of, partnership_agencies, subgroups_of
from ..tables import SubgroupTable


@requires("partnerships.view")
def subgroups(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    filterset = SubgroupFilter(request.GET, queryset=subgroups_of(user=request.user, partnership=partnership))
    return register_response(
        request,
        table=SubgroupTable(filterset.qs, partnership=partnership),
        template="partnerships/subgroups.html",
        context={"may_manage": can_manage(user=request.user, partnership=partnership), "crumbs": crumbs(partnership)},
        export_name="subgroups",
        filterset=filterset,
    )


@requires("partnerships.view")
def subgroup_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    subgroup = get_object_or_404(subgroups_of(user=request.user, partnership=partnership), pk=pk)
    return render(
        request,
        "partnerships/subgroup_detail.html",
        {
            "subgroup": subgroup,
            "agencies": subgroup.agencies.order_by("name"),
            "meetings": meetings_of(user=request.user, partnership=partnership).filter(subgroup=subgroup)[:10],
            "may_manage": can_manage(user=request.user, partnership=partnership),
            "crumbs": crumbs(partnership, ("Subgroups", partnership_url("partnerships:subgroups", partnership))),
        },
    )


def _form_page(request, form, heading: str, cancel_url: str, trail) -> HttpResponse:
    return render(
        request,
        "partnerships/form.html",
        {"form": form, "heading": heading, "cancel_url": cancel_url, "crumbs": trail},
    )


@requires("partnerships.manage")
def subgroup_create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    agencies = partnership_agencies(user=request.user, partnership=partnership)
    form = SubgroupForm(request.POST or None, agencies=agencies, initial={"is_active": True})
    if request.method == "POST" and form.is_valid():
        try:
            subgroup = services.subgroup_create(actor=request.user, partnership=partnership, **form.service_values())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Subgroup {subgroup.name} added.")
            return redirect(partnership_url("partnerships:subgroup_detail", partnership, pk=subgroup.pk))
    register = partnership_url("partnerships:subgroups", partnership)
    return _form_page(request, form, "Add a subgroup", register, crumbs(partnership, ("Subgroups", register)))


@requires("partnerships.manage")
def subgroup_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    subgroup = get_object_or_404(subgroups_of(user=request.user, partnership=partnership), pk=pk)
    agencies = partnership_agencies(user=request.user, partnership=partnership)
    form = SubgroupForm(request.POST or None, agencies=agencies, subgroup=subgroup)
    if request.method == "POST" and form.is_valid():
        try:
            services.subgroup_update(actor=request.user, subgroup=subgroup, **form.service_values())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Subgroup {subgroup.name} updated.")
            return redirect(partnership_url("partnerships:subgroup_detail", partnership, pk=subgroup.pk))
    detail = partnership_url("partnerships:subgroup_detail", partnership, pk=subgroup.pk)
    trail = crumbs(
        partnership, ("Subgroups", partnership_url("partnerships:subgroups", partnership)), (subgroup.name, detail)
    )
    return _form_page(request, form, f"Edit {subgroup.name}", detail, trail)
