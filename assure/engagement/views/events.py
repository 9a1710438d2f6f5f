"""The pages of the board's events: the register (with its download), an event's page with its
attendance (the training register's for an event run as a training session), adding, changing
and deleting an event. The board and the chair (``engagement.view``) read; only the business unit
(``engagement.manage``) changes anything."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response

from ..forms_events import EventForm, event_initial
from ..models import Event
from ..permissions import can_manage
from ..selectors.campaigns import priority_choices
from ..selectors.events import (
    attendance_of,
    campaign_choices,
    event_attendance,
    event_for,
    event_kinds,
    event_years,
    events_visible_to,
)
from ..services.events import event_create, event_delete, event_update
from ..tables_events import EventFilter, EventTable

TITLE = "Events"


def event_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("engagement:events", partnership)), *trail)


def event_url(partnership, event: Event) -> str:
    return partnership_url("engagement:event_detail", partnership, pk=event.pk)


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _event(request: HttpRequest, pk: int) -> Event:
    event = event_for(user=request.user, partnership=request.partnership, pk=pk)
    if event is None:
        raise Http404
    return event


@requires("engagement.view")
def event_list(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    kinds = event_kinds()
    filterset = EventFilter(
        request.GET or None,
        queryset=events_visible_to(user=request.user, partnership=partnership),
        request=request,
        kinds=kinds,
        years=event_years(user=request.user, partnership=partnership),
    )
    rows = filterset.qs
    return register_response(
        request,
        table=EventTable(
            rows, partnership=partnership, kinds=kinds, attendance=attendance_of(rows, partnership=partnership)
        ),
        filterset=filterset,
        template="engagement/event_list.html",
        context={
            "crumbs": crumbs(partnership, (TITLE, None)),
            "may_manage": can_manage(user=request.user, partnership=partnership),
        },
        export_name=f"{partnership.slug}-events",
    )


def _form(request: HttpRequest, event: Event | None = None) -> EventForm:
    partnership = request.partnership
    return EventForm(
        _posted(request),
        kinds=event_kinds(),
        priorities=priority_choices(
            user=request.user, partnership=partnership, keep=event.priority if event is not None else None
        ),
        campaigns=campaign_choices(user=request.user, partnership=partnership),
        initial=event_initial(event) if event is not None else None,
    )


def _form_page(request: HttpRequest, context: dict) -> HttpResponse:
    return render(request, "engagement/event_form.html", context)


@requires("engagement.manage")
def event_create_view(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        try:
            event = event_create(actor=request.user, partnership=partnership, values=form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{event.title} recorded.")
            return redirect(event_url(partnership, event))
    return _form_page(
        request,
        {
            "form": form,
            "heading": "Record an event",
            "button": "Record the event",
            "cancel_url": partnership_url("engagement:events", partnership),
            "crumbs": event_crumbs(partnership, ("Record an event", None)),
        },
    )


@requires("engagement.view")
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    event = _event(request, pk)
    return render(
        request,
        "engagement/event_detail.html",
        {
            "event": event,
            "kind": event_kinds().get(event.kind, event.kind),
            "attendance": event_attendance(user=request.user, partnership=partnership, event=event),
            "may_manage": can_manage(user=request.user, partnership=partnership),
            "crumbs": event_crumbs(partnership, (event.title, None)),
        },
    )


@requires("engagement.manage")
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    event = _event(request, pk)
    form = _form(request, event)
    if request.method == "POST" and form.is_valid():
        try:
            changed = event_update(actor=request.user, event=event, values=form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{event.title} changed." if changed else "Nothing was changed.")
            return redirect(event_url(partnership, event))
    return _form_page(
        request,
        {
            "form": form,
            "event": event,
            "heading": f"Change {event.title}",
            "button": "Save the changes",
            "cancel_url": event_url(partnership, event),
            "crumbs": event_crumbs(partnership, (event.title, event_url(partnership, event)), ("Change", None)),
        },
    )


@requires("engagement.manage")
def event_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    event = _event(request, pk)
    if request.method == "POST":
        event_delete(actor=request.user, event=event)
        messages.success(request, f"{event.title} deleted.")
        return redirect(partnership_url("engagement:events", partnership))
    return render(
        request,
        "core/confirm_delete.html",
        {
            "heading": f"Delete {event.title}?",
            "description": "The event is deleted with its attendance and feedback. A training session it names "
            "stays in the training register.",
            "button": "Delete the event",
            "cancel_url": event_url(partnership, event),
            "crumbs": event_crumbs(partnership, (event.title, event_url(partnership, event)), ("Delete", None)),
        },
    )
