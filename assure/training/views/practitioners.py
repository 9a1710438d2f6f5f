"""A practitioner's own training page and their details, and the business unit's register of the
partnership's practitioners, where it places (or refuses) an organisation that is not one of the
partnership's agencies."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response

from ..filters_practitioners import PractitionerFilter
from ..forms_practitioners import DetailsForm, PlaceForm, details_initial
from ..selectors.bookings import bookings_for_mine_page
from ..selectors.evaluations import evaluations_for_mine_page
from ..selectors.practitioners import (
    own_practitioner,
    partnership_agencies,
    practitioners_visible_to,
    waiting_for_practitioner,
)
from ..services.practitioners import practitioner_details_update, practitioner_place, practitioner_refuse
from ..tables_practitioners import PractitionerTable

MINE = "My training"
REGISTER = "Practitioners"


def _mine_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (MINE, partnership_url("training:mine", partnership) if trail else None), *trail)


def _register_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(
        partnership, (REGISTER, partnership_url("training:practitioners", partnership) if trail else None), *trail
    )


def _own(request: HttpRequest):
    practitioner = own_practitioner(user=request.user, partnership=request.partnership)
    if practitioner is None:
        raise Http404
    return practitioner


@requires("training.book")
def mine(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    practitioner = _own(request)
    context = {
        "practitioner": practitioner,
        "crumbs": _mine_crumbs(partnership),
        "calendar_url": partnership_url("courses:calendar", partnership),
        "changed": request.GET.get("changed") == "1",
        "home": waiting_for_practitioner(user=request.user, partnership=partnership, today=timezone.localdate()),
    }
    context.update(bookings_for_mine_page(user=request.user, partnership=partnership, practitioner=practitioner))
    context.update(evaluations_for_mine_page(user=request.user, partnership=partnership, practitioner=practitioner))
    return render(request, "training/mine.html", context)


@requires("training.book")
def profile(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    practitioner = _own(request)
    agencies = partnership_agencies(partnership)
    form = DetailsForm(
        request.POST if request.method == "POST" else None, initial=details_initial(practitioner), agencies=agencies
    )
    if request.method == "POST" and form.is_valid():
        try:
            practitioner_details_update(
                actor=request.user, partnership=partnership, practitioner=practitioner, **form.service_values()
            )
        except ValidationError as error:
            attach(form, error)
        else:
            return redirect(partnership_url("training:mine", partnership) + "?changed=1")
    return render(
        request,
        "training/mine_details.html",
        {"form": form, "practitioner": practitioner, "crumbs": _mine_crumbs(partnership, ("Your details", None))},
    )


@requires("training.manage")
def practitioners(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    agencies = partnership_agencies(partnership)
    filterset = PractitionerFilter(
        request.GET or None,
        queryset=practitioners_visible_to(user=request.user, partnership=partnership),
        request=request,
        agencies=agencies,
    )
    return register_response(
        request,
        table=PractitionerTable(filterset.qs, partnership=partnership),
        filterset=filterset,
        template="training/practitioner_list.html",
        context={"crumbs": _register_crumbs(partnership)},
        export_name=f"{partnership.slug}-practitioners",
    )


@requires("training.manage")
def practitioner_place_view(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    practitioner = get_object_or_404(practitioners_visible_to(user=request.user, partnership=partnership), pk=pk)
    agencies = partnership_agencies(partnership)
    form = PlaceForm(request.POST if request.method == "POST" else None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == PlaceForm.PLACE:
                practitioner_place(
                    actor=request.user, partnership=partnership, practitioner=practitioner, agency=form.chosen_agency()
                )
            else:
                practitioner_refuse(
                    actor=request.user,
                    partnership=partnership,
                    practitioner=practitioner,
                    reason=form.cleaned_data.get("reason", ""),
                )
        except ValidationError as error:
            attach(form, error)
        else:
            return redirect("training:practitioners", partnership=partnership.slug)
    return render(
        request,
        "training/practitioner_place.html",
        {
            "form": form,
            "practitioner": practitioner,
            "crumbs": _register_crumbs(partnership, ("Place an organisation", None)),
        },
    )
