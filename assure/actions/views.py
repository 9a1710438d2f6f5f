"""The action tracker's pages. Each view finds the action through ``actions_visible_to``, so an
action the person may not see answers 404, and calls one service to change it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from assure.audit.history import describe_changes, entry_action_label, related_names
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import remembered_register_response
from assure.partnerships.registers import ACTIONS, register_version

from .filters import ActionFilter
from .forms import ActionForm, ActionStatusForm, ActionUpdateForm
from .models import Action
from .permissions import can_manage_actions, may_update_action
from .pipeline import next_steps
from .selectors import (
    action_agency_choices,
    action_history,
    action_owner_choices,
    action_summary,
    action_updates,
    actions_scope,
    actions_visible_to,
)
from .services import action_create, action_progress_add, action_transition, action_update
from .tables import ActionTable, rag_tag, source_url, status_tag


def _actions_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, ("Actions", partnership_url("actions:tracker", partnership)), *trail)


def _action_trail(partnership, action: Action) -> list[Crumb]:
    return [(action.reference, partnership_url("actions:detail", partnership, pk=action.pk))]


def _action(request: HttpRequest, pk: int) -> Action:
    return get_object_or_404(actions_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def _updatable_action(request: HttpRequest, pk: int) -> Action:
    action = _action(request, pk)
    if not may_update_action(user=request.user, action=action):
        raise Http404
    return action


def _action_form(request: HttpRequest, **kwargs) -> ActionForm:
    return ActionForm(
        request.POST or None,
        agencies=action_agency_choices(user=request.user, partnership=request.partnership),
        owners=action_owner_choices(user=request.user, partnership=request.partnership),
        **kwargs,
    )


@requires("actions.view")
def tracker(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership

    def build():
        actions = actions_visible_to(user=request.user, partnership=partnership).prefetch_related("source")
        filterset = ActionFilter(request.GET or None, queryset=actions, request=request)
        return ActionTable(filterset.qs), filterset

    # People who see the same actions see the same tracker: it is cached under the version of the
    # partnership's actions, which of them the person sees, and today (which ones are overdue).
    version = "-".join(
        (
            register_version(partnership=partnership, register=ACTIONS),
            actions_scope(user=request.user, partnership=partnership),
            timezone.localdate().isoformat(),
        )
    )
    return remembered_register_response(
        request,
        version=version,
        build=build,
        template="actions/tracker.html",
        context={
            "summary": action_summary(user=request.user, partnership=partnership),
            "crumbs": crumbs(partnership, ("Actions", None)),
        },
        export_name=f"{partnership.slug}-actions",
    )


@requires("actions.manage")
def create(request: HttpRequest) -> HttpResponse:
    form = _action_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            action = action_create(actor=request.user, partnership=request.partnership, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Action {action.reference} raised.")
            return redirect(action)
    return render(
        request,
        "actions/action_form.html",
        {"form": form, "action": None, "crumbs": _actions_crumbs(request.partnership, ("Raise an action", None))},
    )


@requires("actions.view")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action(request, pk)
    names = related_names()
    history = [
        {"entry": entry, "action": entry_action_label(entry), "changes": describe_changes(entry, names)}
        for entry in action_history(user=request.user, action=action)
    ]
    can_update = may_update_action(user=request.user, action=action)
    return render(
        request,
        "actions/detail.html",
        {
            "action": action,
            "status_tag": status_tag(action),
            "rag_tag": rag_tag(action),
            "source_url": source_url(action),
            "updates": action_updates(user=request.user, action=action),
            "history": history,
            "can_update": can_update,
            "can_manage": can_manage_actions(user=request.user, partnership=request.partnership),
            "steps": next_steps(action.status) if can_update else (),
            "crumbs": _actions_crumbs(request.partnership, (action.reference, None)),
        },
    )


@requires("actions.manage")
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action(request, pk)
    form = _action_form(request, initial=ActionForm.initial_for(action))
    if request.method == "POST" and form.is_valid():
        try:
            action_update(actor=request.user, action=action, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Action {action.reference} saved.")
            return redirect(action)
    return render(
        request,
        "actions/action_form.html",
        {
            "form": form,
            "action": action,
            "crumbs": _actions_crumbs(request.partnership, *_action_trail(request.partnership, action), ("Edit", None)),
        },
    )


@requires("actions.update")
def status(request: HttpRequest, pk: int) -> HttpResponse:
    action = _updatable_action(request, pk)
    form = ActionStatusForm(
        request.POST or None, steps=next_steps(action.status), initial={"to_status": request.GET.get("to")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            action_transition(actor=request.user, action=action, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Action {action.reference} is now {action.get_status_display().lower()}.")
            return redirect(action)
    return render(
        request,
        "actions/status_form.html",
        {
            "form": form,
            "action": action,
            "crumbs": _actions_crumbs(
                request.partnership, *_action_trail(request.partnership, action), ("Change status", None)
            ),
        },
    )


@requires("actions.update")
def update_add(request: HttpRequest, pk: int) -> HttpResponse:
    action = _updatable_action(request, pk)
    form = ActionUpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            update = action_progress_add(actor=request.user, action=action, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{update.get_kind_display()} added to action {action.reference}.")
            return redirect(action)
    return render(
        request,
        "actions/update_form.html",
        {
            "form": form,
            "action": action,
            "crumbs": _actions_crumbs(
                request.partnership, *_action_trail(request.partnership, action), ("Add an update", None)
            ),
        },
    )
