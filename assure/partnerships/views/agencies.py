from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import remembered_register_response

from .. import services
from ..filters import AgencyFilter
from ..forms import AgencyForm
from ..permissions import can_manage
from ..registers import AGENCIES, register_version
from ..selectors import (
    agency_attendance,
    agency_link,
    agency_links_of,
    attendance_by_agency,
    managed_partnerships,
    partnership_agencies,
)
from ..tables import AgencyTable


@requires("partnerships.view")
def agencies(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership

    def build():
        links = agency_links_of(user=request.user, partnership=partnership, include_former=True)
        filterset = AgencyFilter(request.GET, queryset=links)
        # Only agencies that have left have a date to show in the last column.
        exclude = () if request.GET.get("status") else ("left_on",)
        return AgencyTable(filterset.qs, partnership=partnership, exclude=exclude), filterset

    # Everyone who may see the partnership sees the same register: it is cached for the
    # partnership under the version of its agencies (and of the library, for their types).
    return remembered_register_response(
        request,
        version=register_version(partnership=partnership, register=AGENCIES, library=True),
        build=build,
        template="partnerships/agencies.html",
        context={"may_manage": can_manage(user=request.user, partnership=partnership), "crumbs": crumbs(partnership)},
        export_name="agencies",
    )


@requires("partnerships.view")
def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    agency = get_object_or_404(
        partnership_agencies(user=request.user, partnership=partnership, include_former=True), pk=pk
    )
    return render(
        request,
        "partnerships/agency_detail.html",
        {
            "agency": agency,
            "link": agency_link(user=request.user, partnership=partnership, agency=agency),
            "partnerships": [link.partnership for link in agency.partnership_links.filter(left_on__isnull=True)],
            "attendance_by_year": attendance_by_agency(user=request.user, partnership=partnership, agency=agency),
            "recent_attendance": agency_attendance(user=request.user, partnership=partnership, agency=agency)[:10],
            "may_manage": can_manage(user=request.user, partnership=partnership),
            "crumbs": crumbs(partnership, ("Agencies", partnership_url("partnerships:agencies", partnership))),
        },
    )


@requires("partnerships.manage")
def agency_create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    managed = managed_partnerships(user=request.user)
    form = AgencyForm(request.POST or None, partnership=partnership, managed=managed)
    if request.method == "POST" and form.is_valid():
        try:
            agency = services.agency_create(actor=request.user, partnership=partnership, **form.service_values())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{agency.name} added.")
            return redirect(partnership_url("partnerships:agency_detail", partnership, pk=agency.pk))
    return render(
        request,
        "partnerships/agency_form.html",
        {
            "form": form,
            "heading": "Add an agency",
            "cancel_url": partnership_url("partnerships:agencies", partnership),
            "crumbs": crumbs(partnership, ("Agencies", partnership_url("partnerships:agencies", partnership))),
        },
    )


@requires("partnerships.manage")
def agency_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    agency = get_object_or_404(
        partnership_agencies(user=request.user, partnership=partnership, include_former=True), pk=pk
    )
    link = agency_link(user=request.user, partnership=partnership, agency=agency)
    managed = managed_partnerships(user=request.user)
    form = AgencyForm(request.POST or None, partnership=partnership, managed=managed, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.agency_update(actor=request.user, partnership=partnership, agency=agency, **form.service_values())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{agency.name} updated.")
            return redirect(partnership_url("partnerships:agency_detail", partnership, pk=agency.pk))
    detail = partnership_url("partnerships:agency_detail", partnership, pk=agency.pk)
    return render(
        request,
        "partnerships/agency_form.html",
        {
            "form": form,
            "agency": agency,
            "link": link,
            "shared": agency.partnership_links.filter(left_on__isnull=True).exclude(partnership=partnership).exists(),
            "heading": f"Edit {agency.name}",
            "cancel_url": detail,
            "crumbs": crumbs(
                partnership, ("Agencies", partnership_url("partnerships:agencies", partnership)), (agency.name, detail)
            ),
        },
    )


@requires("partnerships.manage")
def agency_remove(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    agency = get_object_or_404(partnership_agencies(user=request.user, partnership=partnership), pk=pk)
    detail = partnership_url("partnerships:agency_detail", partnership, pk=agency.pk)
    problem = None
    if request.method == "POST":
        try:
            services.agency_remove(actor=request.user, partnership=partnership, agency=agency)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(request, f"{agency.name} removed from {partnership.name}. Its history is kept.")
            return redirect(partnership_url("partnerships:agencies", partnership))
    return render(
        request,
        "partnerships/agency_remove.html",
        {
            "agency": agency,
            "problem": problem,
            "cancel_url": detail,
            "crumbs": crumbs(
                partnership, ("Agencies", partnership_url("partnerships:agencies", partnership)), (agency.name, detail)
            ),
        },
    )
