from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control

from assure.audit.services import restricted_read_record
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import remembered_register_response

from .. import services
from ..filters import MeetingFilter
from ..forms import AttendanceForm, ConfidentialMinuteForm, MeetingForm
from ..models import ConfidentialMinute
from ..permissions import can_manage, can_read_confidential_minutes
from ..registers import MEETINGS, register_version
from ..selectors import (
    attendance_sheet,
    confidential_minute_count,
    confidential_minute_for,
    confidential_minutes_of,
    meeting_links,
    meetings_of,
    subgroups_of,
)
from ..tables import MeetingTable


def _meeting(request: HttpRequest, pk: int):
    return get_object_or_404(meetings_of(user=request.user, partnership=request.partnership), pk=pk)


def _meetings_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, ("Meetings", partnership_url("partnerships:meetings", partnership)), *trail)


def _meeting_trail(partnership, meeting) -> list[Crumb]:
    return [(str(meeting), partnership_url("partnerships:meeting_detail", partnership, pk=meeting.pk))]


@requires("partnerships.view")
def meetings(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership

    def build():
        filterset = MeetingFilter(
            request.GET,
            queryset=meetings_of(user=request.user, partnership=partnership),
            user=request.user,
            partnership=partnership,
        )
        return MeetingTable(filterset.qs, partnership=partnership), filterset

    # Everyone who may see the partnership sees the same register: it is cached for the
    # partnership under the version of its meetings.
    return remembered_register_response(
        request,
        version=register_version(partnership=partnership, register=MEETINGS),
        build=build,
        template="partnerships/meetings.html",
        context={"may_manage": can_manage(user=request.user, partnership=partnership), "crumbs": crumbs(partnership)},
        export_name="meetings",
    )


@requires("partnerships.view")
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    meeting = _meeting(request, pk)
    return render(
        request,
        "partnerships/meeting_detail.html",
        {
            "meeting": meeting,
            "sheet": attendance_sheet(user=request.user, meeting=meeting),
            "may_read_confidential": can_read_confidential_minutes(user=request.user, partnership=partnership),
            "confidential_minutes": confidential_minutes_of(user=request.user, meeting=meeting),
            "confidential_count": confidential_minute_count(user=request.user, meeting=meeting),
            "may_manage": can_manage(user=request.user, partnership=partnership),
            "parts": meeting_links(user=request.user, partnership=partnership, meeting=meeting),
            "crumbs": _meetings_crumbs(partnership),
        },
    )


def _meeting_form_page(request, form, heading: str, cancel_url: str, trail) -> HttpResponse:
    return render(
        request,
        "partnerships/form.html",
        {"form": form, "heading": heading, "cancel_url": cancel_url, "crumbs": trail},
    )


@requires("partnerships.manage")
def meeting_create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    subgroups = subgroups_of(user=request.user, partnership=partnership, active_only=True)
    form = MeetingForm(request.POST or None, subgroups=subgroups)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Meeting added: {meeting}.")
            return redirect(partnership_url("partnerships:meeting_detail", partnership, pk=meeting.pk))
    return _meeting_form_page(
        request,
        form,
        "Add a meeting",
        partnership_url("partnerships:meetings", partnership),
        _meetings_crumbs(partnership),
    )


@requires("partnerships.manage")
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    meeting = _meeting(request, pk)
    # An inactive subgroup's past meetings stay editable, so its own subgroup stays a choice.
    subgroups = subgroups_of(user=request.user, partnership=partnership).filter(
        Q(is_active=True) | Q(pk=meeting.subgroup_id)
    )
    form = MeetingForm(request.POST or None, subgroups=subgroups, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(actor=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Meeting updated: {meeting}.")
            return redirect(partnership_url("partnerships:meeting_detail", partnership, pk=meeting.pk))
    detail = partnership_url("partnerships:meeting_detail", partnership, pk=meeting.pk)
    return _meeting_form_page(
        request, form, f"Edit {meeting}", detail, _meetings_crumbs(partnership, *_meeting_trail(partnership, meeting))
    )


@requires("partnerships.manage")
def meeting_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    meeting = _meeting(request, pk)
    form = AttendanceForm(request.POST or None, lines=attendance_sheet(user=request.user, meeting=meeting))
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(actor=request.user, meeting=meeting, entries=form.entries())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Attendance recorded for {meeting}.")
            return redirect(partnership_url("partnerships:meeting_detail", partnership, pk=meeting.pk))
    return render(
        request,
        "partnerships/attendance_form.html",
        {
            "form": form,
            "meeting": meeting,
            "cancel_url": partnership_url("partnerships:meeting_detail", partnership, pk=meeting.pk),
            "crumbs": _meetings_crumbs(partnership, *_meeting_trail(partnership, meeting)),
        },
    )


@requires("partnerships.manage")
def confidential_minute_create(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    meeting = _meeting(request, pk)
    form = ConfidentialMinuteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.confidential_minute_create(actor=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(
                request, "Confidential item added. Only people with a grant for confidential minutes can read it."
            )
            return redirect(partnership_url("partnerships:meeting_detail", partnership, pk=meeting.pk))
    response = render(
        request,
        "partnerships/confidential_minute_form.html",
        {
            "form": form,
            "heading": "Add a confidential item",
            "meeting": meeting,
            "cancel_url": partnership_url("partnerships:meeting_detail", partnership, pk=meeting.pk),
            "crumbs": _meetings_crumbs(partnership, *_meeting_trail(partnership, meeting)),
        },
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


@requires("minutes.read_confidential")
def confidential_minute_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One confidential item. Without a live grant it answers as if it did not exist; every read
    is logged before the page is made."""
    partnership = request.partnership
    minute = confidential_minute_for(user=request.user, partnership=partnership, pk=pk)
    if minute is None:
        raise Http404
    restricted_read_record(
        user=request.user,
        partnership=partnership,
        area=ConfidentialMinute.RESTRICTED_AREA,
        record=minute,
        label=f"Confidential item {minute.pk} of {minute.meeting}",
    )
    response = render(
        request,
        "partnerships/confidential_minute_detail.html",
        {
            "minute": minute,
            "meeting": minute.meeting,
            "crumbs": _meetings_crumbs(partnership, *_meeting_trail(partnership, minute.meeting)),
        },
    )
    patch_cache_control(response, private=True, no_store=True)
    return response
