"""The register of a session (the business unit's, or a trainer's for a session they teach), and
the business unit's training charges: by agency for a year, one agency's bookings behind them, and
waiving a charge with a reason."""

from contextlib import suppress

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.utils import timezone

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import register_response
from assure.partnerships.models import Agency
from assure.partnerships.years import financial_year_of

from ..forms_attendance import RegisterForm, WaiveForm, YearForm, organisation_of
from ..models import Booking, Session
from ..permissions import can_manage
from ..selectors.attendance import (
    OTHER_ORGANISATIONS,
    agency_charge_bookings,
    charge_booking,
    charge_years,
    charges_by_agency,
    pounds,
    register_bookings,
    register_session,
    year_of_today,
)
from ..services.attendance import charge_waive, register_mark, register_opens_on
from ..tables_attendance import AgencyChargesTable, ChargeBookingsTable

CHARGES = "Training charges"


def _session_crumbs(request: HttpRequest, session: Session) -> list:
    """The way back to the session's page, for those who may open it."""
    if not can_manage(user=request.user, partnership=request.partnership):
        return []
    with suppress(NoReverseMatch):
        return [(session.reference, partnership_url("training:session_detail", request.partnership, pk=session.pk))]
    return []


# --- the register ----------------------------------------------------------------------------------


@requires("training.register")
def register(request: HttpRequest, pk: int) -> HttpResponse:
    session = register_session(user=request.user, partnership=request.partnership, pk=pk)
    if session is None:
        # A session of the partnership that the person does not teach is refused, not hidden.
        if Session.objects.filter(partnership=request.partnership, pk=pk).exists():
            raise PermissionDenied
        raise Http404
    bookings = register_bookings(user=request.user, partnership=request.partnership, session=session)
    form = RegisterForm(request.POST if request.method == "POST" else None, bookings=bookings)
    opens_on = register_opens_on(session)
    is_open = timezone.localdate() >= opens_on and session.status == Session.Status.SCHEDULED
    if request.method == "POST" and form.is_valid():
        try:
            changed = register_mark(actor=request.user, session=session, marks=form.marks())
        except ValidationError as error:
            form.attach_marks(error)
        else:
            if changed:
                messages.success(request, f"The register of {session.reference} is saved.")
            else:
                messages.info(request, f"Nothing changed on the register of {session.reference}.")
            return redirect(request.path)
    title = f"Register: {session.reference}"
    unmarked = sum(1 for booking in bookings if not booking.attendance)
    return render(
        request,
        "training/register.html",
        {
            "session": session,
            "form": form,
            "bookings": bookings,
            "is_open": is_open,
            "opens_on": opens_on,
            "unmarked": unmarked,
            "crumbs": crumbs(request.partnership, *_session_crumbs(request, session), (title, None)),
        },
    )


# --- charges ---------------------------------------------------------------------------------------


def _year(request: HttpRequest) -> tuple[str, list[str], YearForm]:
    years = charge_years(user=request.user, partnership=request.partnership)
    form = YearForm(request.GET or None, years=years)
    year = form.cleaned_data["year"] if request.GET.get("year") and form.is_valid() else year_of_today()
    if not request.GET.get("year"):
        form = YearForm(initial={"year": year}, years=years)
    return year, years, form


@requires("training.manage")
def charges(request: HttpRequest) -> HttpResponse:
    year, _, year_form = _year(request)
    rows, total = charges_by_agency(user=request.user, partnership=request.partnership, year=year)
    table = AgencyChargesTable([*rows, total] if rows else [], partnership=request.partnership, year=year)
    return register_response(
        request,
        table=table,
        template="training/charges.html",
        context={
            "year": year,
            "year_form": year_form,
            "total": total,
            "crumbs": crumbs(request.partnership, (CHARGES, None)),
        },
        export_name=f"{request.partnership.slug}-training-charges-{year}",
    )


def _bookings_page(request: HttpRequest, *, agency_id: int | None, name: str) -> HttpResponse:
    year, _, year_form = _year(request)
    bookings = agency_charge_bookings(
        user=request.user, partnership=request.partnership, year=year, agency_id=agency_id
    )
    table = ChargeBookingsTable(bookings, partnership=request.partnership)
    table.caption = f"{name}: delegates who did not attend or cancelled late, {year}"
    charges_url = f"{partnership_url('training:charges', request.partnership)}?year={year}"
    return register_response(
        request,
        table=table,
        template="training/charges_bookings.html",
        context={
            "year": year,
            "year_form": year_form,
            "name": name,
            "is_other": agency_id is None,
            "charges_url": charges_url,
            "crumbs": crumbs(request.partnership, (CHARGES, charges_url), (name, None)),
        },
        export_name=f"{request.partnership.slug}-training-charges-{year}-{'other' if agency_id is None else agency_id}",
    )


@requires("training.manage")
def charges_agency(request: HttpRequest, agency_pk: int) -> HttpResponse:
    booked = Booking.objects.filter(partnership=request.partnership).values("agency_id")
    agency = (
        Agency.objects.filter(Q(partnerships=request.partnership) | Q(pk__in=booked), pk=agency_pk).distinct().first()
    )
    if agency is None:
        raise Http404
    return _bookings_page(request, agency_id=agency.pk, name=agency.name)


@requires("training.manage")
def charges_other(request: HttpRequest) -> HttpResponse:
    return _bookings_page(request, agency_id=None, name=OTHER_ORGANISATIONS)


@requires("training.manage")
def charge_waive_view(request: HttpRequest, pk: int) -> HttpResponse:
    booking = charge_booking(user=request.user, partnership=request.partnership, pk=pk)
    if booking is None:
        raise Http404
    back = (
        partnership_url("training:charges_agency", request.partnership, agency_pk=booking.agency_id)
        if booking.agency_id
        else partnership_url("training:charges_other", request.partnership)
    )
    back = f"{back}?year={financial_year_of(timezone.localdate(booking.session.starts_at))}"
    form = WaiveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            charge_waive(
                actor=request.user,
                partnership=request.partnership,
                booking=booking,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"The charge for {booking.session.reference} is waived.")
            return redirect(back)
    return render(
        request,
        "training/charges_waive.html",
        {
            "booking": booking,
            "organisation": organisation_of(booking),
            "charge": pounds(booking.charge_pence),
            "form": form,
            "back": back,
            "crumbs": crumbs(
                request.partnership,
                (CHARGES, partnership_url("training:charges", request.partnership)),
                ("Waive a charge", None),
            ),
        },
    )
