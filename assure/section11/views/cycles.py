"""Pages of cycles: the list, opening one, its page with completion tracking, changing and
closing it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import SafeString

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import EXPORT_FORMATS, register_response, remembered_register_response
from assure.notifications.selectors import last_reminded

from ..cache import cycles_list_version, remembered_part, with_versions
from ..forms.cycles import CloseForm, CycleEditForm, CycleOpenForm
from ..framework import framework_of
from ..models import Cycle, Return
from ..permissions import can_analyse, can_manage, may_manage_cycle
from ..selectors.cycles import (
    active_agencies,
    completion_of,
    cycle_completion,
    cycles_visible_to,
    framework_choices,
    other_partnerships_to_open_with,
    partnerships_to_open_with,
    previous_cycle_choices,
    tracked_returns,
)
from ..selectors.returns import returns_visible_to
from ..services.cycles import cycle_close, cycle_open, cycle_update
from ..tables import CycleReturnFilter, CycleReturnTable, CycleTable
from .common import find_cycle, section11_crumbs


@requires("section11.view")
def cycles(request: HttpRequest) -> HttpResponse:
    """The cycles the partnership takes part in."""
    partnership = request.partnership

    def build():
        return CycleTable(cycles_visible_to(user=request.user, partnership=partnership), partnership=partnership), None

    # The list as first shown is kept in the cache under the versions of the partnership's cycles.
    return remembered_register_response(
        request,
        version=cycles_list_version(user=request.user, partnership=partnership),
        build=build,
        template="section11/cycles/cycles.html",
        context={
            "may_manage": can_manage(user=request.user, partnership=partnership),
            "may_analyse": can_analyse(user=request.user, partnership=partnership),
            "crumbs": crumbs(partnership),
        },
        export_name=f"{partnership.slug}-section11-cycles",
    )


@requires("section11.manage")
def cycle_create(request: HttpRequest) -> HttpResponse:
    user, partnership = request.user, request.partnership
    choices = partnerships_to_open_with(user=user, partnership=partnership)
    form = CycleOpenForm(
        request.POST or None,
        frameworks=framework_choices(),
        partnerships=other_partnerships_to_open_with(user=user, partnership=partnership),
        agencies=active_agencies(choices),
        previous_cycles=previous_cycle_choices(user=user, partnership=partnership),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cycle = cycle_open(
                actor=user,
                partnership=partnership,
                title=data["title"],
                year=data["year"],
                framework=data["framework"],
                partnerships=list(data["partnerships"]),
                agencies=list(data["agencies"]) or None,
                opens_on=data["opens_on"],
                deadline=data["deadline"],
                reminder_days=data["reminder_days"],
                previous=data["previous"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"“{cycle}” opened: {cycle.returns.count()} agencies are asked for a return.")
            return redirect(partnership_url("section11:cycle_detail", partnership, pk=cycle.pk))
    return render(
        request,
        "section11/cycles/cycle_form.html",
        {
            "form": form,
            "heading": "Open a Section 11 cycle",
            "crumbs": section11_crumbs(partnership),
            "cancel_url": partnership_url("section11:cycles", partnership),
        },
    )


CYCLE_PAGE = "section11/cycles/cycle_detail.html"


@requires("section11.view")
def cycle_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The cycle with completion tracking: counts by status, the register of returns and the
    overdue list, for this partnership's agencies."""
    user, partnership = request.user, request.partnership
    cycle = get_object_or_404(with_versions(cycles_visible_to(user=user, partnership=partnership)), pk=pk)
    if request.GET.get("_export") in EXPORT_FORMATS or getattr(request, "htmx", False):
        # A download of the register, or its results updated in place: made afresh.
        return _cycle_tracking(request, cycle)

    def tracking_part() -> SafeString:
        response = _cycle_tracking(request, cycle)
        return SafeString(response.content.decode(response.charset))

    if request.GET:
        # A filtered, sorted or later page of the register is made afresh: people can ask for
        # more of those than a cache should hold.
        content = tracking_part()
    else:
        # The page as first shown is worked out once per change to the cycle, and once a day
        # (a return becomes overdue overnight).
        content = remembered_part(
            user=user,
            partnership=partnership,
            cycle=cycle,
            name="cycle",
            extra=f"{timezone.localdate()}|{cycle._reminder_version}",
            render=tracking_part,
        )
    return render(
        request, CYCLE_PAGE, {"cycle": cycle, "cycle_content": content, "crumbs": section11_crumbs(partnership)}
    )


def _cycle_tracking(request: HttpRequest, cycle: Cycle) -> HttpResponse:
    """The cycle's part of its page (or the register's download, or its results alone)."""
    user, partnership = request.user, request.partnership
    returns = tracked_returns(user=user, partnership=partnership, cycle=cycle)
    # Read once for the counts and the overdue list; the register filters and pages the query.
    tracked = list(returns)
    filterset = CycleReturnFilter(request.GET or None, queryset=returns)
    visible = set(
        returns_visible_to(user=user, partnership=partnership).filter(cycle=cycle).values_list("pk", flat=True)
    )
    reminded = last_reminded(model=Return, ids=[r.pk for r in tracked])
    overdue = [r for r in tracked if r.overdue]
    for return_record in overdue:
        return_record.last_reminded = reminded.get(str(return_record.pk))
    return register_response(
        request,
        table=CycleReturnTable(filterset.qs, partnership=partnership, visible_ids=visible, reminded=reminded),
        template=f"{CYCLE_PAGE}#cycle-content",
        context={
            "cycle": cycle,
            "framework": framework_of(cycle.framework),
            "completion": completion_of(tracked),
            "overdue": overdue,
            "visible_ids": visible,
            "may_manage": may_manage_cycle(user=user, partnership=partnership, cycle=cycle),
            # Chasing is any of the cycle's business units' (each reminds its own agencies' leads).
            "may_chase": can_manage(user=user, partnership=partnership) and cycle.status == Cycle.Status.OPEN,
            "may_analyse": can_analyse(user=user, partnership=partnership),
        },
        export_name=f"{partnership.slug}-section11-{cycle.year}-returns",
        filterset=filterset,
    )


def _managed_cycle(request: HttpRequest, pk: int) -> Cycle:
    cycle = find_cycle(request, pk)
    if not may_manage_cycle(user=request.user, partnership=request.partnership, cycle=cycle):
        # Another partnership leads it: its business unit changes it, not this one.
        raise PermissionDenied
    return cycle


@requires("section11.manage")
def cycle_edit(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = _managed_cycle(request, pk)
    initial = {
        "title": cycle.title,
        "opens_on": cycle.opens_on,
        "deadline": cycle.deadline,
        "reminder_days": cycle.reminder_days,
        "previous": cycle.previous,
    }
    form = CycleEditForm(
        request.POST or None,
        initial=initial,
        previous_cycles=previous_cycle_choices(user=request.user, partnership=request.partnership).exclude(pk=cycle.pk),
    )
    if request.method == "POST" and form.is_valid():
        try:
            cycle_update(actor=request.user, partnership=request.partnership, cycle=cycle, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, "Cycle saved.")
            return redirect(partnership_url("section11:cycle_detail", request.partnership, pk=cycle.pk))
    return render(
        request,
        "section11/cycles/cycle_form.html",
        {
            "form": form,
            "heading": f"Change “{cycle}”",
            "crumbs": section11_crumbs(
                request.partnership,
                (cycle.title, partnership_url("section11:cycle_detail", request.partnership, pk=cycle.pk)),
            ),
            "cancel_url": partnership_url("section11:cycle_detail", request.partnership, pk=cycle.pk),
        },
    )


@requires("section11.manage")
def cycle_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = _managed_cycle(request, pk)
    is_open = cycle.status == Cycle.Status.OPEN
    form = CloseForm(request.POST or None) if is_open else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            cycle_close(actor=request.user, partnership=request.partnership, cycle=cycle)
        except ValidationError as error:
            attach(form, error, field="confirm")
        else:
            messages.success(request, f"“{cycle}” closed.")
            return redirect(partnership_url("section11:cycle_detail", request.partnership, pk=cycle.pk))
    return render(
        request,
        "section11/cycles/cycle_close.html",
        {
            "cycle": cycle,
            "form": form,
            "completion": cycle_completion(user=request.user, partnership=request.partnership, cycle=cycle),
            "crumbs": section11_crumbs(
                request.partnership,
                (cycle.title, partnership_url("section11:cycle_detail", request.partnership, pk=cycle.pk)),
            ),
        },
    )
