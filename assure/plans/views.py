"""The business plan's pages: the plan with its priorities and objectives, a priority with its
objectives and yearly reviews, an objective with the actions delivering it, and a year's review
with its evidence. Every member reads them; the business unit changes them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from assure.actions.selectors import actions_visible_to
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.links import linkable_kind, linkable_kinds
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.partnerships.models import Partnership
from assure.partnerships.selectors import partnership_agencies

from . import services
from .forms import (
    EvidenceForm,
    EvidenceKindForm,
    ObjectiveActionForm,
    ObjectiveForm,
    PlanForm,
    PriorityForm,
    ReviewForm,
)
from .models import Objective, Plan, Priority, PriorityReview
from .permissions import can_manage_plan
from .selectors import (
    current_plan,
    evidence_visible_to,
    objectives_visible_to,
    plan_priorities,
    plan_years,
    plans_visible_to,
    priorities_visible_to,
    priority_review,
    review_evidence,
    reviews_visible_to,
)

FORM_PAGE = "partnerships/form.html"


# --- addresses and breadcrumbs ----------------------------------------------------------------


def _plan_crumbs(partnership: Partnership, plan: Plan | None = None, *trail: Crumb) -> list[Crumb]:
    steps: list[Crumb] = [("Business plan", partnership_url("plans:home", partnership))]
    if plan is not None:
        steps.append((plan.title, partnership_url("plans:plan_detail", partnership, pk=plan.pk)))
    return crumbs(partnership, *steps, *trail)


def _priority_crumbs(partnership: Partnership, priority: Priority, *trail: Crumb) -> list[Crumb]:
    here = (priority.title, partnership_url("plans:priority_detail", partnership, pk=priority.pk))
    return _plan_crumbs(partnership, priority.plan, here, *trail)


def _objective_crumbs(partnership: Partnership, objective: Objective, *trail: Crumb) -> list[Crumb]:
    here = (_short(objective.title), partnership_url("plans:objective_detail", partnership, pk=objective.pk))
    return _priority_crumbs(partnership, objective.priority, here, *trail)


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _review_url(partnership: Partnership, priority: Priority, year: str) -> str:
    return partnership_url("plans:review", partnership, pk=priority.pk, year=year)


def _form_page(request: HttpRequest, form, heading: str, cancel_url: str, trail: list[Crumb], intro: str = ""):
    return render(
        request,
        "plans/form.html",
        {"form": form, "heading": heading, "intro": intro, "cancel_url": cancel_url, "crumbs": trail},
    )


def _confirm_page(
    request: HttpRequest,
    *,
    heading: str,
    description: str,
    button: str,
    cancel_url: str,
    trail: list[Crumb],
    blocked: bool = False,
    problem: str = "",
) -> HttpResponse:
    return render(
        request,
        "core/confirm_delete.html",
        {
            "heading": heading,
            "description": description,
            "button": button,
            "cancel_url": cancel_url,
            "blocked": blocked,
            "problem": problem,
            "crumbs": trail,
        },
    )


# --- the plan ---------------------------------------------------------------------------------


def _plan_page(request: HttpRequest, plan: Plan | None, *, is_home: bool) -> HttpResponse:
    partnership, user = request.partnership, request.user
    others = plans_visible_to(user=user, partnership=partnership)
    if plan is not None:
        others = others.exclude(pk=plan.pk)
    if is_home or plan is None:
        trail = crumbs(partnership, ("Business plan", None))
    else:
        trail = crumbs(partnership, ("Business plan", partnership_url("plans:home", partnership)), (plan.title, None))
    return render(
        request,
        "plans/plan.html",
        {
            "plan": plan,
            "priorities": plan_priorities(user=user, plan=plan) if plan is not None else [],
            "years": plan_years(plan) if plan is not None else [],
            "others": others,
            "may_manage": can_manage_plan(user=user, partnership=partnership),
            "crumbs": trail,
        },
    )


@requires("plan.view")
def home(request: HttpRequest) -> HttpResponse:
    """The plan the partnership works to now (its newest), or how to record one."""
    return _plan_page(request, current_plan(user=request.user, partnership=request.partnership), is_home=True)


@requires("plan.view")
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(plans_visible_to(user=request.user, partnership=request.partnership), pk=pk)
    return _plan_page(request, plan, is_home=False)


@requires("plan.manage")
def plan_create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{plan.title} recorded. Add its priorities next.")
            return redirect(partnership_url("plans:plan_detail", partnership, pk=plan.pk))
    cancel = partnership_url("plans:home", partnership)
    return _form_page(
        request, form, "Record a business plan", cancel, _plan_crumbs(partnership, None, ("New plan", None))
    )


@requires("plan.manage")
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    plan = get_object_or_404(plans_visible_to(user=request.user, partnership=partnership), pk=pk)
    form = PlanForm(request.POST or None, initial=PlanForm.initial_for(plan))
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{plan.title} changed.")
            return redirect(partnership_url("plans:plan_detail", partnership, pk=plan.pk))
    cancel = partnership_url("plans:plan_detail", partnership, pk=plan.pk)
    return _form_page(request, form, f"Change {plan.title}", cancel, _plan_crumbs(partnership, plan, ("Change", None)))


# --- priorities -------------------------------------------------------------------------------


def _find_priority(request: HttpRequest, pk: int) -> Priority:
    return get_object_or_404(priorities_visible_to(user=request.user, partnership=request.partnership), pk=pk)


@requires("plan.manage")
def priority_create(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    plan = get_object_or_404(plans_visible_to(user=request.user, partnership=partnership), pk=pk)
    form = PriorityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            priority = services.priority_create(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Priority {priority.title} added.")
            return redirect(partnership_url("plans:plan_detail", partnership, pk=plan.pk))
    cancel = partnership_url("plans:plan_detail", partnership, pk=plan.pk)
    return _form_page(
        request,
        form,
        "Add a priority",
        cancel,
        _plan_crumbs(partnership, plan, ("Add a priority", None)),
        intro="The scorecard groups its indicators under the plan's priorities, and the annual report has a "
        "section on each.",
    )


@requires("plan.view")
def priority_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The priority: why it is one, its objectives with the actions delivering each, and its
    review for every year of the plan."""
    partnership, user = request.partnership, request.user
    priority = _find_priority(request, pk)
    objectives = list(priority.objectives.order_by("position", "pk"))
    found = reviews_visible_to(user=user, partnership=partnership).filter(priority=priority)
    reviews = {each.year: each for each in found}
    years = plan_years(priority.plan) or sorted(reviews)
    return render(
        request,
        "plans/priority.html",
        {
            "priority": priority,
            "objectives": [
                (objective, actions_visible_to(user=user, partnership=partnership, source=objective).count())
                for objective in objectives
            ],
            "reviews": [(year, reviews.get(year), _review_url(partnership, priority, year)) for year in years],
            "may_manage": can_manage_plan(user=user, partnership=partnership),
            "crumbs": _priority_crumbs(partnership, priority)[:-1] + [(priority.title, None)],
        },
    )


@requires("plan.manage")
def priority_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    priority = _find_priority(request, pk)
    form = PriorityForm(request.POST or None, priority=priority)
    if request.method == "POST" and form.is_valid():
        try:
            services.priority_update(actor=request.user, priority=priority, **form.service_values())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Priority {priority.title} changed.")
            return redirect(partnership_url("plans:priority_detail", partnership, pk=priority.pk))
    cancel = partnership_url("plans:priority_detail", partnership, pk=priority.pk)
    return _form_page(
        request, form, f"Change {priority.title}", cancel, _priority_crumbs(partnership, priority, ("Change", None))
    )


@requires("plan.manage")
def priority_delete(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    priority = _find_priority(request, pk)
    plan_url = partnership_url("plans:plan_detail", partnership, pk=priority.plan_id)
    problem = ""
    if request.method == "POST":
        try:
            services.priority_delete(actor=request.user, priority=priority)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(request, f"Priority {priority.title} deleted.")
            return redirect(plan_url)
    blockers = services.priority_blockers(priority)
    objectives, reviews = priority.objectives.count(), priority.reviews.count()
    if blockers:
        description = f"It still has {' and '.join(blockers)}. Move them to another priority before deleting it."
    else:
        description = (
            f"Its {objectives} objective{'s' if objectives != 1 else ''} and {reviews} yearly "
            f"review{'s' if reviews != 1 else ''} go with it. Actions raised under its objectives stay in the "
            "tracker."
        )
    return _confirm_page(
        request,
        heading=f"Delete the priority {priority.title}?",
        description=description,
        button="Delete priority",
        cancel_url=partnership_url("plans:priority_detail", partnership, pk=priority.pk),
        trail=_priority_crumbs(partnership, priority, ("Delete", None)),
        blocked=bool(blockers),
        problem=problem,
    )


# --- objectives -------------------------------------------------------------------------------


def _find_objective(request: HttpRequest, pk: int) -> Objective:
    return get_object_or_404(objectives_visible_to(user=request.user, partnership=request.partnership), pk=pk)


@requires("plan.manage")
def objective_create(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    priority = _find_priority(request, pk)
    form = ObjectiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.objective_create(actor=request.user, priority=priority, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Objective added under {priority.title}.")
            return redirect(partnership_url("plans:priority_detail", partnership, pk=priority.pk))
    cancel = partnership_url("plans:priority_detail", partnership, pk=priority.pk)
    return _form_page(
        request,
        form,
        f"Add an objective under {priority.title}",
        cancel,
        _priority_crumbs(partnership, priority, ("Add an objective", None)),
    )


@requires("plan.view")
def objective_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The objective and the actions raised to deliver it."""
    partnership, user = request.partnership, request.user
    objective = _find_objective(request, pk)
    actions = actions_visible_to(user=user, partnership=partnership, source=objective).order_by("due_on", "reference")
    return render(
        request,
        "plans/objective.html",
        {
            "objective": objective,
            "actions": actions,
            "may_manage": can_manage_plan(user=user, partnership=partnership),
            "crumbs": _objective_crumbs(partnership, objective)[:-1] + [(_short(objective.title), None)],
        },
    )


@requires("plan.manage")
def objective_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    objective = _find_objective(request, pk)
    form = ObjectiveForm(request.POST or None, objective=objective)
    if request.method == "POST" and form.is_valid():
        try:
            services.objective_update(actor=request.user, objective=objective, **form.service_values())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, "Objective changed.")
            return redirect(partnership_url("plans:objective_detail", partnership, pk=objective.pk))
    cancel = partnership_url("plans:objective_detail", partnership, pk=objective.pk)
    return _form_page(
        request, form, "Change the objective", cancel, _objective_crumbs(partnership, objective, ("Change", None))
    )


@requires("plan.manage")
def objective_delete(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    objective = _find_objective(request, pk)
    priority_url = partnership_url("plans:priority_detail", partnership, pk=objective.priority_id)
    if request.method == "POST":
        services.objective_delete(actor=request.user, objective=objective)
        messages.success(request, "Objective deleted.")
        return redirect(priority_url)
    raised = actions_visible_to(user=request.user, partnership=partnership, source=objective).count()
    return _confirm_page(
        request,
        heading="Delete the objective?",
        description=f"“{objective.title}” is deleted from {objective.priority.title}. "
        + (
            f"The {raised} action{'s' if raised != 1 else ''} raised under it stay in the tracker, still naming it."
            if raised
            else "No actions were raised under it."
        ),
        button="Delete objective",
        cancel_url=partnership_url("plans:objective_detail", partnership, pk=objective.pk),
        trail=_objective_crumbs(partnership, objective, ("Delete", None)),
    )


@requires("plan.manage")
def objective_action_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Raise an action that delivers the objective, in the partnership's one action tracker."""
    partnership = request.partnership
    objective = _find_objective(request, pk)
    form = ObjectiveActionForm(
        request.POST or None, agencies=partnership_agencies(user=request.user, partnership=partnership)
    )
    if request.method == "POST" and form.is_valid():
        try:
            action = services.objective_action_raise(actor=request.user, objective=objective, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Action {action.reference} raised.")
            return redirect(partnership_url("plans:objective_detail", partnership, pk=objective.pk))
    cancel = partnership_url("plans:objective_detail", partnership, pk=objective.pk)
    return _form_page(
        request,
        form,
        "Raise an action under the objective",
        cancel,
        _objective_crumbs(partnership, objective, ("Raise an action", None)),
        intro=f"The action goes into the partnership's action tracker, linked to the objective “{objective.title}”.",
    )


# --- the year's review ------------------------------------------------------------------------


def _checked_year(priority: Priority, year: str) -> str:
    """The year asked for, when the plan may be reviewed for it (404 otherwise)."""
    if services.review_year_problem(priority.plan, year):
        raise Http404("No such year in the plan.")
    return year


@requires("plan.view")
def review(request: HttpRequest, pk: int, year: str) -> HttpResponse:
    """The year's review of the priority: the three answers and the evidence linked to them."""
    partnership, user = request.partnership, request.user
    priority = _find_priority(request, pk)
    year = _checked_year(priority, year)
    found = priority_review(user=user, priority=priority, year=year)
    return render(
        request,
        "plans/review.html",
        {
            "priority": priority,
            "year": year,
            "review": found,
            "evidence": review_evidence(user=user, review=found) if found is not None else [],
            "may_manage": can_manage_plan(user=user, partnership=partnership),
            "crumbs": _priority_crumbs(partnership, priority, (f"Review of {year}", None)),
        },
    )


@requires("plan.manage")
def review_edit(request: HttpRequest, pk: int, year: str) -> HttpResponse:
    partnership = request.partnership
    priority = _find_priority(request, pk)
    year = _checked_year(priority, year)
    found = priority_review(user=request.user, priority=priority, year=year)
    initial = (
        {"what_done": found.what_done, "what_difference": found.what_difference, "what_next": found.what_next}
        if found is not None
        else {}
    )
    form = ReviewForm(request.POST or None, initial=initial)
    back = _review_url(partnership, priority, year)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_save(actor=request.user, priority=priority, year=year, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"The {year} review of {priority.title} saved.")
            return redirect(back)
    return _form_page(
        request,
        form,
        f"Review of {priority.title}, {year}",
        back,
        _priority_crumbs(partnership, priority, (f"Review of {year}", back), ("Change", None)),
        intro="The annual report's section on the priority shows this review for its year.",
    )


def _find_review(request: HttpRequest, pk: int) -> PriorityReview:
    return get_object_or_404(reviews_visible_to(user=request.user, partnership=request.partnership), pk=pk)


@requires("plan.manage")
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Link a record as evidence: first what kind of record (asked by GET), then which one."""
    partnership, user = request.partnership, request.user
    found = _find_review(request, pk)
    priority = found.priority
    back = _review_url(partnership, priority, found.year)
    trail = _priority_crumbs(partnership, priority, (f"Review of {found.year}", back), ("Link evidence", None))
    kinds = linkable_kinds(use="evidence")
    key = request.POST.get("kind") or request.GET.get("kind", "")
    kind = linkable_kind(key) if key in {k.key for k in kinds} else None
    if kind is None:
        # Bound once the person has pressed Continue, so choosing nothing says so.
        kind_form = EvidenceKindForm(request.GET if "chosen" in request.GET else None, kinds=kinds)
        kind_form.is_valid()
        return render(
            request,
            "plans/evidence_kind.html",
            {"form": kind_form, "review": found, "cancel_url": back, "crumbs": trail},
        )
    form = EvidenceForm(request.POST or None, kind=kind, choices=kind.choices(user=user, partnership=partnership))
    if request.method == "POST" and form.is_valid():
        try:
            services.review_evidence_add(
                actor=user, review=found, key=kind.key, pk=form.cleaned_data["record"], note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, "Evidence linked.")
            return redirect(back)
    return _form_page(
        request,
        form,
        f"Link a {kind.label.lower()} as evidence",
        back,
        trail,
        intro=f"Evidence of the {found.year} review of {priority.title}.",
    )


@requires("plan.manage")
def evidence_remove(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    evidence = get_object_or_404(evidence_visible_to(user=request.user, partnership=partnership), pk=pk)
    found = evidence.review
    back = _review_url(partnership, found.priority, found.year)
    if request.method == "POST":
        services.review_evidence_remove(actor=request.user, evidence=evidence)
        messages.success(request, "Evidence unlinked.")
        return redirect(back)
    return _confirm_page(
        request,
        heading="Unlink the evidence?",
        description=f"{evidence.label} is no longer shown as evidence of the {found.year} review of "
        f"{found.priority.title}. The record itself is not changed.",
        button="Unlink evidence",
        cancel_url=back,
        trail=_priority_crumbs(
            partnership, found.priority, (f"Review of {found.year}", back), ("Unlink evidence", None)
        ),
    )
