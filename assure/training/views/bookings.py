"""The practitioner's pages about their bookings (book a session, the booking's page, cancel,
accept a place offered, download the session for a calendar) and the business unit's (a
session's bookings and waiting list, with its download, and cancelling someone's booking)."""

from contextlib import suppress

import django_filters
import django_tables2 as tables
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import register_response

from ..calendar import booking_calendar
from ..forms_bookings import CancelForm, ConfirmForm
from ..models import Booking, Session
from ..pipeline import step_to
from ..selectors.bookings import (
    bookable_session,
    booking_for_public_session,
    booking_history,
    managed_booking,
    managed_session,
    own_booking,
    own_profile,
    session_bookings,
    session_counts,
)
from ..services.bookings import booking_cancel, booking_create
from ..services.offers import offer_accept

Status = Booking.Status
MINE = "My training"


def _mine_crumbs(request: HttpRequest, *trail) -> list:
    with suppress(NoReverseMatch):
        return crumbs(request.partnership, (MINE, partnership_url("training:mine", request.partnership)), *trail)
    return crumbs(request.partnership, *trail)


def _session_crumbs(request: HttpRequest, session: Session, *trail) -> list:
    with suppress(NoReverseMatch):
        return crumbs(
            request.partnership,
            (session.reference, partnership_url("training:session_detail", request.partnership, pk=session.pk)),
            *trail,
        )
    return crumbs(request.partnership, *trail)


def _detail_url(request: HttpRequest, booking: Booking) -> str:
    return partnership_url("training:booking_detail", request.partnership, pk=booking.pk)


def _own(request: HttpRequest, pk: int) -> Booking:
    booking = own_booking(user=request.user, partnership=request.partnership, pk=pk)
    if booking is None:
        raise Http404
    return booking


# --- booking ------------------------------------------------------------------------------------


@requires("training.book")
def book(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what the booking will be (a place, or the waiting list); POST: book."""
    session = bookable_session(user=request.user, partnership=request.partnership, pk=pk)
    if session is None:
        raise Http404
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            booking = booking_create(actor=request.user, session=session)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(
                request,
                {
                    Status.BOOKED: "Your place is booked. We have e-mailed you the details with the session for your "
                    "calendar.",
                    Status.AWAITING_APPROVAL: "Your place is held while your manager approves it: we have e-mailed "
                    "them a link.",
                    Status.WAITING: "The session is full: you are on its waiting list.",
                }[booking.status],
            )
            return redirect(_detail_url(request, booking))
    public = booking_for_public_session(user=request.user, partnership=request.partnership, session=session)
    return render(
        request,
        "training/booking_book.html",
        {
            "session": session,
            "form": form,
            "profile": own_profile(user=request.user, partnership=request.partnership),
            **public,
            "crumbs": _mine_crumbs(request, ("Book a place", None)),
        },
    )


@requires("training.book")
def booking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _own(request, pk)
    session = booking.session
    now = timezone.now()
    return render(
        request,
        "training/booking_detail.html",
        {
            "booking": booking,
            "session": session,
            "may_cancel": step_to(booking.status, Status.CANCELLED) is not None and session.starts_at > now,
            "late_now": booking.status == Status.BOOKED and now > session.cancel_by,
            "offer_open": booking.status == Status.OFFERED
            and (booking.offer_expires is None or booking.offer_expires > now),
            "show_link": booking.status == Status.BOOKED and bool(session.online_link),
            "history": booking_history(user=request.user, partnership=request.partnership, booking=booking),
            "crumbs": _mine_crumbs(request, (session.display_title, None)),
        },
    )


@requires("training.book")
def booking_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The practitioner cancels their booking (or leaves the waiting list, or declines a place),
    confirmed on this page, with an optional reason."""
    booking = _own(request, pk)
    return _cancel_page(request, booking, reason_required=False, done=_detail_url(request, booking))


@requires("training.book")
def offer_accept_view(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _own(request, pk)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            booking = offer_accept(actor=request.user, partnership=request.partnership, booking=booking)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(
                request,
                "Your place is booked."
                if booking.status == Status.BOOKED
                else "Your place is held while your manager approves it: we have e-mailed them a link.",
            )
            return redirect(_detail_url(request, booking))
    return render(
        request,
        "training/booking_accept.html",
        {
            "booking": booking,
            "session": booking.session,
            "form": form,
            "crumbs": _mine_crumbs(
                request, (booking.session.display_title, _detail_url(request, booking)), ("Accept the place", None)
            ),
        },
    )


@requires("training.book")
def booking_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """The session as an iCalendar file, for a booking with a place (booked or awaiting approval)."""
    booking = _own(request, pk)
    if booking.status not in (Status.BOOKED, Status.AWAITING_APPROVAL):
        raise Http404
    response = HttpResponse(booking_calendar(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{booking.session.reference}.ics"'
    return response


# --- the business unit ----------------------------------------------------------------------------


class SessionBookingsTable(tables.Table):
    position = tables.Column(verbose_name="In line", empty_values=(), orderable=False)
    name = tables.Column(verbose_name="Practitioner", accessor="practitioner__user__full_name", orderable=False)
    email = tables.Column(verbose_name="E-mail", accessor="practitioner__user__email", orderable=False)
    organisation = tables.Column(verbose_name="Agency or organisation", empty_values=(), orderable=False)
    status = tables.Column(verbose_name="Status", orderable=False)
    queued_at = tables.Column(verbose_name="Asked", orderable=False)
    detail = tables.Column(verbose_name="Notes", empty_values=(), orderable=False)
    actions = tables.Column(verbose_name="Actions", empty_values=(), orderable=False, exclude_from_export=True)

    caption = "Bookings and the waiting list"
    export_exclude = ("actions",)

    class Meta:
        model = Booking
        fields = ("position", "name", "email", "organisation", "status", "queued_at", "detail", "actions")
        empty_text = "Nobody has booked this session yet."

    def __init__(self, *args, partnership, line: dict[int, int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.partnership, self.line = partnership, line

    def render_position(self, record) -> str:
        return str(self.line.get(record.pk, ""))

    def value_position(self, record) -> str:
        return self.render_position(record)

    def render_organisation(self, record) -> str:
        return record.agency.name if record.agency_id else record.organisation

    def value_organisation(self, record) -> str:
        return self.render_organisation(record)

    def render_status(self, record) -> str:
        return record.get_status_display()

    def render_queued_at(self, value) -> str:
        return date_format(timezone.localtime(value), "j M Y H:i")

    def value_queued_at(self, value) -> str:
        return self.render_queued_at(value)

    def render_detail(self, record) -> str:
        if record.status == Status.OFFERED and record.offer_expires:
            return f"Offer open until {date_format(timezone.localtime(record.offer_expires), 'j M Y H:i')}"
        if record.status == Status.AWAITING_APPROVAL and record.approval_expires:
            return f"Manager asked; lapses {date_format(timezone.localtime(record.approval_expires), 'j M Y')}"
        if record.status == Status.CANCELLED:
            return ("Late cancellation. " if record.cancelled_late else "") + record.cancelled_reason
        if record.status == Status.NOT_APPROVED:
            return record.approval_reason
        return ""

    def value_detail(self, record) -> str:
        return self.render_detail(record)

    def render_actions(self, record):
        if not record.is_active:
            return ""
        url = partnership_url("training:booking_withdraw", self.partnership, pk=record.pk)
        return format_html(
            '<a class="govuk-link" href="{}">Cancel<span class="govuk-visually-hidden"> the booking of {}</span></a>',
            url,
            record.practitioner.user.full_name,
        )


class SessionBookingsFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Name, e-mail or organisation", method="search")
    status = django_filters.ChoiceFilter(label="Status", choices=Status.choices, empty_label="Every status")

    class Meta:
        model = Booking
        fields: list[str] = []

    def search(self, queryset, name, value):
        value = (value or "").strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(practitioner__user__full_name__icontains=value)
            | Q(practitioner__user__email__icontains=value)
            | Q(agency__name__icontains=value)
            | Q(organisation__icontains=value)
        )


def _ordered(rows) -> list[Booking]:
    order = {Status.BOOKED: 0, Status.AWAITING_APPROVAL: 1, Status.OFFERED: 2, Status.WAITING: 3}
    return sorted(rows, key=lambda b: (order.get(b.status, 4), b.queued_at, b.pk))


@requires("training.manage")
def session_bookings_view(request: HttpRequest, pk: int) -> HttpResponse:
    session = managed_session(user=request.user, partnership=request.partnership, pk=pk)
    if session is None:
        raise Http404
    filterset = SessionBookingsFilter(
        request.GET or None,
        queryset=session_bookings(user=request.user, partnership=request.partnership, session=session),
        request=request,
    )
    rows = _ordered(filterset.qs)
    waiting = _ordered(session.bookings.filter(status=Status.WAITING))
    line = {booking.pk: number for number, booking in enumerate(waiting, start=1)}
    return register_response(
        request,
        table=SessionBookingsTable(rows, partnership=request.partnership, line=line),
        filterset=filterset,
        template="training/booking_list.html",
        context={
            "session": session,
            "counts": session_counts(session),
            "full_width": True,
            "crumbs": _session_crumbs(request, session, ("Bookings", None)),
        },
        export_name=f"{request.partnership.slug}-{session.reference.lower()}-bookings",
    )


@requires("training.manage")
def booking_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """The business unit cancels someone's booking, with a reason they are told."""
    booking = managed_booking(user=request.user, partnership=request.partnership, pk=pk)
    if booking is None:
        raise Http404
    done = partnership_url("training:session_bookings", request.partnership, pk=booking.session_id)
    return _cancel_page(request, booking, reason_required=True, done=done)


def _cancel_page(request: HttpRequest, booking: Booking, *, reason_required: bool, done: str) -> HttpResponse:
    session = booking.session
    step = step_to(booking.status, Status.CANCELLED)
    form = CancelForm(request.POST if request.method == "POST" else None, reason_required=reason_required)
    if request.method == "POST" and step is not None and form.is_valid():
        try:
            booking_cancel(
                actor=request.user,
                partnership=request.partnership,
                booking=booking,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{step.done}.")
            return redirect(done)
    now = timezone.now()
    trail = (
        _session_crumbs(request, session, ("Bookings", done), ("Cancel a booking", None))
        if reason_required
        else _mine_crumbs(request, (session.display_title, done), (step.label if step else "Cancel", None))
    )
    return render(
        request,
        "training/booking_cancel.html",
        {
            "booking": booking,
            "session": session,
            "step": step,
            "form": form,
            "late": booking.status == Status.BOOKED and now > session.cancel_by,
            "by_business_unit": reason_required,
            "cancel_url": done,
            "crumbs": trail,
        },
    )
