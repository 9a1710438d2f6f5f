"""Pages of meetings' business: the agenda with its papers, its items, publishing it, the
decisions and minutes after the meeting, actions raised from an item, and the approval of the
minutes at the next meeting."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control

from assure.accounts.selectors import agencies_of_partnership
from assure.actions.forms import ActionForm
from assure.actions.selectors import action_agency_choices, action_owner_choices
from assure.audit.services import event_record
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.links import linkable_kind_of
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.partnerships.permissions import can_read_confidential_minutes
from assure.partnerships.selectors import attendance_sheet

from ..forms_agendas import AgendaItemForm, ConfirmForm, ItemMinutesForm, MinutesApproveForm
from ..models import AgendaItem
from ..permissions import can_manage_agendas, may_change_agenda, may_read_paper
from ..selectors.agendas import (
    agenda_item_for,
    agenda_lines,
    agenda_meeting_for,
    minutes_of,
    next_meeting,
    paper_choices,
    previous_meeting,
)
from ..services import agendas as services


def _meeting(request: HttpRequest, pk: int):
    meeting = agenda_meeting_for(user=request.user, partnership=request.partnership, pk=pk)
    if meeting is None:
        raise Http404
    return meeting


def _item(request: HttpRequest, pk: int) -> AgendaItem:
    item = agenda_item_for(user=request.user, partnership=request.partnership, pk=pk)
    if item is None:
        raise Http404
    return item


def _posted(request: HttpRequest):
    """The form's data on a POST (even an empty one, as a button's), None otherwise."""
    return request.POST if request.method == "POST" else None


def _agenda_url(meeting) -> str:
    return partnership_url("governance:agenda", meeting.partnership, meeting=meeting.pk)


def _trail(meeting, *more: Crumb) -> list[Crumb]:
    partnership = meeting.partnership
    return crumbs(
        partnership,
        ("Meetings", partnership_url("partnerships:meetings", partnership)),
        (str(meeting), partnership_url("partnerships:meeting_detail", partnership, pk=meeting.pk)),
        *more,
    )


def _agenda_trail(meeting, *more: Crumb) -> list[Crumb]:
    return _trail(meeting, ("Agenda", _agenda_url(meeting)), *more)


def _changeable(request: HttpRequest, meeting) -> bool:
    return may_change_agenda(user=request.user, meeting=meeting, minutes=minutes_of(user=request.user, meeting=meeting))


def _refused(request: HttpRequest, meeting) -> HttpResponse:
    messages.error(request, "The minutes of this meeting have been approved: its agenda and minutes are final.")
    return redirect(_agenda_url(meeting))


@requires("agendas.view")
def agenda(request: HttpRequest, meeting: int) -> HttpResponse:
    """The meeting's agenda: each item with its presenter, purpose and paper; after the meeting,
    its decision and minutes; and the minutes of the last meeting, for approval."""
    user = request.user
    found = _meeting(request, meeting)
    minutes = minutes_of(user=user, meeting=found)
    earlier = previous_meeting(user=user, meeting=found)
    today = timezone.localdate()
    return render(
        request,
        "governance/agendas/agenda.html",
        {
            "meeting": found,
            "lines": agenda_lines(user=user, meeting=found),
            "minutes": minutes,
            "previous": earlier,
            "previous_minutes": minutes_of(user=user, meeting=earlier) if earlier else None,
            "held": found.held_on <= today,
            "may_manage": can_manage_agendas(user=user, partnership=found.partnership),
            "may_change": may_change_agenda(user=user, meeting=found, minutes=minutes),
            "may_read_confidential": can_read_confidential_minutes(user=user, partnership=found.partnership),
            "crumbs": _trail(found, ("Agenda", None)),
        },
    )


def _item_form(request: HttpRequest, meeting, item: AgendaItem | None = None) -> AgendaItemForm:
    initial = {}
    if item is not None:
        kind = linkable_kind_of(item.paper_type) if item.paper_type_id else None
        initial = {
            "title": item.title,
            "purpose": item.purpose,
            "presenter": item.presenter,
            "presenter_agency": item.presenter_agency_id,
            "confidential": item.confidential,
            "paper": f"{kind.key}:{item.paper_id}" if kind else "",
        }
    groups = paper_choices(user=request.user, partnership=meeting.partnership)
    if item is not None and initial["paper"] and not any(initial["paper"] == v for _, opts in groups for v, _ in opts):
        # The paper given before, no longer among the choices (closed, say): keep it offered.
        groups = [("Given before", [(initial["paper"], item.paper_label)]), *groups]
    return AgendaItemForm(
        _posted(request),
        request.FILES if request.method == "POST" else None,
        agencies=agencies_of_partnership(user=request.user, partnership=meeting.partnership),
        paper_groups=groups,
        has_file=bool(item and item.paper_file),
        initial=initial,
    )


def _item_page(request, form, meeting, heading: str, item=None) -> HttpResponse:
    return render(
        request,
        "governance/agendas/item_form.html",
        {
            "form": form,
            "heading": heading,
            "meeting": meeting,
            "item": item,
            "cancel_url": _agenda_url(meeting),
            "crumbs": _agenda_trail(meeting, (heading, None)),
        },
    )


@requires("agendas.manage")
def agenda_item_add(request: HttpRequest, meeting: int) -> HttpResponse:
    found = _meeting(request, meeting)
    if not _changeable(request, found):
        return _refused(request, found)
    form = _item_form(request, found)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.agenda_item_add(actor=request.user, meeting=found, **form.service_data())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Item {item.position} added to the agenda: {item.title}.")
            return redirect(_agenda_url(found))
    return _item_page(request, form, found, "Add an agenda item")


@requires("agendas.manage")
def agenda_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    meeting = item.meeting
    if not _changeable(request, meeting):
        return _refused(request, meeting)
    form = _item_form(request, meeting, item)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_update(actor=request.user, item=item, **form.service_data())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Item {item.position} updated: {item.title}.")
            return redirect(_agenda_url(meeting))
    return _item_page(request, form, meeting, f"Edit item {item.position}", item)


@requires("agendas.manage")
def agenda_item_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move an item up or down (POST, from the agenda's buttons); anything else goes back to the agenda."""
    item = _item(request, pk)
    meeting = item.meeting
    if request.method == "POST":
        try:
            services.agenda_item_move(actor=request.user, item=item, direction=request.POST.get("direction", ""))
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, f"“{item.title}” is now item {item.position}.")
    return redirect(f"{_agenda_url(meeting)}#item-{item.pk}")


@requires("agendas.manage")
def agenda_item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    meeting = item.meeting
    if not _changeable(request, meeting):
        return _refused(request, meeting)
    form = ConfirmForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_remove(actor=request.user, item=item)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"“{item.title}” removed from the agenda.")
            return redirect(_agenda_url(meeting))
    return render(
        request,
        "governance/agendas/confirm.html",
        {
            "form": form,
            "heading": f"Remove “{item.title}” from the agenda?",
            "description": "The item and its uploaded paper are removed; the items after it move up. A record of "
            "Assure given as its paper stays where it is.",
            "button": "Remove the item",
            "warning": True,
            "cancel_url": _agenda_url(meeting),
            "crumbs": _agenda_trail(meeting, ("Remove an item", None)),
        },
    )


@requires("agendas.view")
def agenda_paper(request: HttpRequest, pk: int) -> HttpResponse:
    """Stream an item's uploaded paper to someone who may read the meeting's agenda (and, for a
    confidential item, holds the grant); each download is recorded in the trail."""
    item = _item(request, pk)
    if not item.paper_file or not may_read_paper(user=request.user, item=item):
        raise Http404
    try:
        handle = item.paper_file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    event_record(
        actor=request.user,
        verb="governance.paper_downloaded",
        target=item,
        partnership=request.partnership,
        summary=f"Paper downloaded: item {item.position} of {item.meeting}",
    )
    streamed = FileResponse(
        handle, as_attachment=True, filename=item.paper_file_name, content_type=item.paper_file_type
    )
    streamed["X-Content-Type-Options"] = "nosniff"
    streamed["Cache-Control"] = "private, no-store"
    return streamed


@requires("agendas.manage")
def agenda_publish(request: HttpRequest, meeting: int) -> HttpResponse:
    found = _meeting(request, meeting)
    if not _changeable(request, found):
        return _refused(request, found)
    minutes = minutes_of(user=request.user, meeting=found)
    again = minutes is not None and minutes.is_agenda_published
    form = ConfirmForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_publish(actor=request.user, meeting=found)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, "Agenda sent to those who attend the meeting.")
            return redirect(_agenda_url(found))
    return render(
        request,
        "governance/agendas/confirm.html",
        {
            "form": form,
            "heading": "Send the agenda again?" if again else "Publish the agenda and papers?",
            "description": (
                "Those who attend the meeting are e-mailed a link to the agenda, and its papers appear on their home "
                "page to read before the meeting."
                + (" They were sent the agenda before: send it again after a late paper or a change." if again else "")
            ),
            "button": "Send the agenda again" if again else "Publish the agenda",
            "warning": False,
            "cancel_url": _agenda_url(found),
            "crumbs": _agenda_trail(found, ("Publish", None)),
        },
    )


@requires("agendas.manage")
def agenda_item_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    meeting = item.meeting
    if not _changeable(request, meeting):
        return _refused(request, meeting)
    form = ItemMinutesForm(
        _posted(request),
        initial={"decision": item.decision, "minutes": item.minutes},
    )
    recorded_confidential = item.confidential and item.confidential_minute_id
    if request.method == "POST" and form.is_valid() and not recorded_confidential:
        try:
            services.item_minutes_record(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Minutes recorded for item {item.position}.")
            return redirect(f"{_agenda_url(meeting)}#item-{item.pk}")
    response = render(
        request,
        "governance/agendas/item_minutes_form.html",
        {
            "form": form,
            "item": item,
            "meeting": meeting,
            "held": meeting.held_on <= timezone.localdate(),
            "recorded_confidential": recorded_confidential,
            "cancel_url": f"{_agenda_url(meeting)}#item-{item.pk}",
            "crumbs": _agenda_trail(meeting, (f"Minutes of item {item.position}", None)),
        },
    )
    if item.confidential:
        patch_cache_control(response, private=True, no_store=True)
    return response


@requires("agendas.manage")
def agenda_item_action(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    meeting = item.meeting
    partnership = meeting.partnership
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        agencies=action_agency_choices(user=request.user, partnership=partnership),
        owners=action_owner_choices(user=request.user, partnership=partnership),
        initial={"title": "" if item.confidential else item.title, "owner_agency": item.presenter_agency_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            action = services.item_action_raise(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Action {action.reference} raised from item {item.position}.")
            return redirect(f"{_agenda_url(meeting)}#item-{item.pk}")
    return render(
        request,
        "governance/agendas/item_action_form.html",
        {
            "form": form,
            "item": item,
            "meeting": meeting,
            "cancel_url": f"{_agenda_url(meeting)}#item-{item.pk}",
            "crumbs": _agenda_trail(meeting, (f"Raise an action from item {item.position}", None)),
        },
    )


@requires("agendas.view")
def minutes(request: HttpRequest, meeting: int) -> HttpResponse:
    """The meeting's minutes, to read or print: who attended, each open item's decision and
    minutes, the confidential items named only as such, and where their approval stands."""
    user = request.user
    found = _meeting(request, meeting)
    record = minutes_of(user=user, meeting=found)
    return render(
        request,
        "governance/agendas/minutes.html",
        {
            "meeting": found,
            "lines": agenda_lines(user=user, meeting=found),
            "sheet": attendance_sheet(user=user, meeting=found),
            "minutes": record,
            "next": next_meeting(user=user, meeting=found),
            "may_manage": can_manage_agendas(user=user, partnership=found.partnership),
            "held": found.held_on <= timezone.localdate(),
            "crumbs": _trail(found, ("Agenda", _agenda_url(found)), ("Minutes", None)),
        },
    )


@requires("agendas.manage")
def minutes_approve(request: HttpRequest, meeting: int) -> HttpResponse:
    """Record that the minutes were approved at the next meeting of the same body, with any
    amendments agreed there."""
    found = _meeting(request, meeting)
    record = minutes_of(user=request.user, meeting=found)
    approving = next_meeting(user=request.user, meeting=found)
    minutes_url = partnership_url("governance:minutes", found.partnership, meeting=found.pk)
    form = MinutesApproveForm(_posted(request))
    approved = record is not None and record.is_approved
    if request.method == "POST" and form.is_valid() and not approved:
        try:
            services.minutes_approve(actor=request.user, meeting=found, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Minutes of {found} recorded as approved.")
            return redirect(minutes_url)
    return render(
        request,
        "governance/agendas/minutes_approve.html",
        {
            "form": form,
            "meeting": found,
            "approving": approving,
            "approved": approved,
            "minutes": record,
            "cancel_url": minutes_url,
            "crumbs": _trail(found, ("Minutes", minutes_url), ("Approve", None)),
        },
    )
