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
from assure.core.navigation import Crumb, back_to, crumbs, partnership_url
from assure.core.tables import remembered_register_response
from assure.partnerships.registers import ACTIONS, register_version

from .filters import ActionFilter
from .forms import (
    ActionCancelForm,
    ActionForm,
    ActionStatusForm,
    ActionUpdateForm,
    CancellationDecisionForm,
    CancellationProposeForm,
)
from .models import Action
from .permissions import (
    can_manage_actions,
    may_cancel_action,
    may_decide_cancellation,
    may_propose_cancelling,
    may_take_step,
    may_update_action,
)
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
from .services import (
    action_cancellation_decide,
    action_cancellation_propose,
    action_create,
    action_progress_add,
    action_remind,
    action_transition,
    action_update,
)
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


def _status_steps(request: HttpRequest, action: Action) -> list:
    """The steps the status form offers the person: those they may take, but the ones confirmed
    on a page of their own (cancelling)."""
    return [
        step
        for step in next_steps(action.status)
        if not step.confirm and may_take_step(user=request.user, action=action, step=step)
    ]


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
            "steps": _status_steps(request, action) if can_update else (),
            "may_cancel": may_cancel_action(user=request.user, action=action),
            "may_propose": may_propose_cancelling(user=request.user, action=action),
            "may_decide": may_decide_cancellation(user=request.user, action=action),
            "proposal": action.pending_cancellation,
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
    if request.GET.get("to") == Action.Status.CANCELLED and may_cancel_action(user=request.user, action=action):
        return redirect(partnership_url("actions:cancel", request.partnership, pk=action.pk))
    form = ActionStatusForm(
        request.POST or None, steps=_status_steps(request, action), initial={"to_status": request.GET.get("to")}
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


def _reason_page(request: HttpRequest, action: Action, form, template: str, crumb: str, **context) -> HttpResponse:
    return render(
        request,
        template,
        {
            "form": form,
            "action": action,
            "crumbs": _actions_crumbs(request.partnership, *_action_trail(request.partnership, action), (crumb, None)),
            **context,
        },
    )


@requires("actions.manage")
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """The business unit cancels an action, with the reason, after confirming on this page."""
    action = _action(request, pk)
    if not may_cancel_action(user=request.user, action=action):
        raise Http404
    form = ActionCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action_transition(
                actor=request.user, action=action, to_status=Action.Status.CANCELLED, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Action {action.reference} is cancelled.")
            return redirect(action)
    return _reason_page(
        request, action, form, "actions/cancel_form.html", "Cancel the action", proposal=action.pending_cancellation
    )


@requires("actions.update")
def cancellation_propose(request: HttpRequest, pk: int) -> HttpResponse:
    """An agency lead proposes that the business unit cancel their agency's action."""
    action = _action(request, pk)
    if not may_propose_cancelling(user=request.user, action=action):
        raise Http404
    form = CancellationProposeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action_cancellation_propose(actor=request.user, action=action, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(
                request, f"Your proposal to cancel action {action.reference} has gone to the business unit to decide."
            )
            return redirect(action)
    return _reason_page(request, action, form, "actions/propose_form.html", "Propose cancelling")


@requires("actions.manage")
def cancellation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """The business unit accepts or declines the proposal to cancel an action."""
    action = _action(request, pk)
    if not may_decide_cancellation(user=request.user, action=action):
        raise Http404
    proposal = action.pending_cancellation
    form = CancellationDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action_cancellation_decide(actor=request.user, action=action, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            accepted = form.cleaned_data["accept"]
            messages.success(
                request,
                f"Action {action.reference} is cancelled."
                if accepted
                else f"Proposal declined: action {action.reference} carries on.",
            )
            return redirect(action)
    return _reason_page(request, action, form, "actions/decide_form.html", "Decide the proposal", proposal=proposal)


@requires("actions.manage")
def remind(request: HttpRequest, pk: int) -> HttpResponse:
    """The business unit's "Send a reminder" (POST): reminds the action's owner, once a day."""
    action = _action(request, pk)
    if request.method == "POST":
        try:
            reminder = action_remind(actor=request.user, action=action)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if reminder is None:
                messages.info(
                    request,
                    f"Action {action.reference} was not reminded: it was already reminded today, "
                    "or nobody with an account owns it.",
                )
            else:
                messages.success(request, f"Reminder about action {action.reference} sent.")
    # Back where the button was (the home page or the action), never to another site.
    return redirect(back_to(request, action.get_absolute_url()))
