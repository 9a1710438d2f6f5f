"""The risk register's pages. Each view finds the risk through ``risks_visible_to``, so a risk the
person may not see answers 404, and calls one service to change it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from assure.actions.tables import status_tag
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, back_to, crumbs, partnership_url
from assure.core.tables import register_response

from ..filters_risks import RiskFilter
from ..forms_risks import RiskActionForm, RiskEditForm, RiskForm, RiskReasonForm, RiskReopenForm, RiskReviewForm
from ..models import Risk
from ..permissions import (
    can_manage_risks,
    may_close_risk,
    may_edit_risk,
    may_remind_risk_owner,
    may_reopen_risk,
    may_review_risk,
)
from ..risk_matrix import matrix_of
from ..selectors.risks import (
    heat_map,
    matrix_for,
    risk_actions,
    risk_agency_choices,
    risk_events,
    risk_matrix,
    risk_owner_choices,
    risk_trend,
    risks_visible_to,
    trend_summary,
)
from ..services.risks import (
    risk_action_raise,
    risk_close,
    risk_create,
    risk_remind,
    risk_reopen,
    risk_review,
    risk_update,
)
from ..tables_risks import RiskTable, level_tag


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, ("Risk register", partnership_url("governance:risks", partnership)), *trail)


def _risk_crumbs(partnership, risk: Risk, *trail: Crumb) -> list[Crumb]:
    return _crumbs(partnership, (risk.reference, risk.get_absolute_url()), *trail)


def _risk(request: HttpRequest, pk: int) -> Risk:
    return get_object_or_404(risks_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def _no_matrix(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "governance/risks/no_matrix.html",
        {"crumbs": _crumbs(request.partnership, ("No risk matrix", None))},
    )


@requires("risks.view")
def register(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    risks = risks_visible_to(user=request.user, partnership=partnership)
    filterset = RiskFilter(request.GET or None, queryset=risks, request=request)
    item = matrix_for(partnership)
    return register_response(
        request,
        table=RiskTable(filterset.qs),
        filterset=filterset,
        template="governance/risks/register.html",
        context={
            "matrix": matrix_of(item) if item else None,
            "open_count": risks.filter(status=Risk.Status.OPEN).count(),
            "overdue_count": risks.filter(Risk.review_overdue_q()).count(),
            "can_manage": can_manage_risks(user=request.user, partnership=partnership),
            "crumbs": crumbs(partnership, ("Risk register", None)),
        },
        export_name=f"{partnership.slug}-risks",
    )


@requires("risks.manage")
def create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    item = matrix_for(partnership)
    if item is None:
        return _no_matrix(request)
    matrix = matrix_of(item)
    form = RiskForm(
        request.POST or None,
        matrix=matrix,
        owners=risk_owner_choices(user=request.user, partnership=partnership),
        agencies=risk_agency_choices(user=request.user, partnership=partnership),
    )
    if request.method == "POST" and form.is_valid():
        try:
            risk = risk_create(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Risk {risk.reference} added to the register.")
            return redirect(risk)
    return render(
        request,
        "governance/risks/risk_form.html",
        {"form": form, "risk": None, "matrix": matrix, "crumbs": _crumbs(partnership, ("Add a risk", None))},
    )


@requires("risks.view")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    risk = _risk(request, pk)
    user = request.user
    matrix = risk_matrix(risk)
    trend = risk_trend(user=user, risk=risk)
    scores = [
        {
            "label": label,
            "likelihood": matrix.likelihood_label(likelihood),
            "impact": matrix.impact_label(impact),
            "likelihood_score": likelihood,
            "impact_score": impact,
            "score": likelihood * impact,
            "tag": level_tag(matrix.band(likelihood * impact)),
        }
        for label, likelihood, impact in (
            ("Inherent", risk.inherent_likelihood, risk.inherent_impact),
            ("Current", risk.current_likelihood, risk.current_impact),
            ("Target", risk.target_likelihood, risk.target_impact),
        )
    ]
    return render(
        request,
        "governance/risks/detail.html",
        {
            "risk": risk,
            "matrix": matrix,
            "scores": scores,
            "above_appetite": risk.status == Risk.Status.OPEN and matrix.above_appetite(risk.current_score),
            "trend": [{"row": row, "tag": level_tag(row.band)} for row in trend],
            "trend_summary": trend_summary(trend),
            "actions": [(action, status_tag(action)) for action in risk_actions(user=user, risk=risk)],
            "events": risk_events(user=user, risk=risk)[:20],
            "may_edit": may_edit_risk(user=user, risk=risk),
            "may_review": may_review_risk(user=user, risk=risk),
            "may_close": may_close_risk(user=user, risk=risk),
            "may_reopen": may_reopen_risk(user=user, risk=risk),
            "may_remind": may_remind_risk_owner(user=user, risk=risk),
            "crumbs": _crumbs(request.partnership, (risk.reference, None)),
        },
    )


@requires("risks.manage")
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    risk = _risk(request, pk)
    if not may_edit_risk(user=request.user, risk=risk):
        raise Http404
    partnership = request.partnership
    matrix = risk_matrix(risk)
    form = RiskEditForm(
        request.POST or None,
        matrix=matrix,
        owners=risk_owner_choices(user=request.user, partnership=partnership),
        agencies=risk_agency_choices(user=request.user, partnership=partnership),
        initial=RiskForm.initial_for(risk),
    )
    if request.method == "POST" and form.is_valid():
        try:
            risk_update(actor=request.user, risk=risk, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Risk {risk.reference} saved.")
            return redirect(risk)
    return render(
        request,
        "governance/risks/risk_form.html",
        {
            "form": form,
            "risk": risk,
            "matrix": matrix,
            "crumbs": _risk_crumbs(partnership, risk, ("Edit", None)),
        },
    )


@requires("risks.view")
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a review: the business unit, or the risk's owner."""
    risk = _risk(request, pk)
    if not may_review_risk(user=request.user, risk=risk):
        raise Http404
    matrix = risk_matrix(risk)
    form = RiskReviewForm(
        request.POST or None,
        matrix=matrix,
        initial={"likelihood": risk.current_likelihood, "impact": risk.current_impact},
    )
    if request.method == "POST" and form.is_valid():
        try:
            done = risk_review(actor=request.user, risk=risk, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            band = matrix.band(done.score)
            messages.success(
                request,
                f"Review of risk {risk.reference} recorded: score {done.score}{f' ({band.label})' if band else ''}.",
            )
            return redirect(risk)
    return render(
        request,
        "governance/risks/review_form.html",
        {
            "form": form,
            "risk": risk,
            "matrix": matrix,
            "current_tag": level_tag(matrix.band(risk.current_score)),
            "crumbs": _risk_crumbs(request.partnership, risk, ("Record a review", None)),
        },
    )


@requires("risks.manage")
def close(request: HttpRequest, pk: int) -> HttpResponse:
    """Close a risk, with the reason, after confirming on this page."""
    risk = _risk(request, pk)
    if not may_close_risk(user=request.user, risk=risk):
        raise Http404
    form = RiskReasonForm(request.POST or None)
    form.fields["reason"].label = "Why is the risk closed?"
    if request.method == "POST" and form.is_valid():
        try:
            risk_close(actor=request.user, risk=risk, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Risk {risk.reference} is closed.")
            return redirect(risk)
    return render(
        request,
        "governance/risks/close_form.html",
        {"form": form, "risk": risk, "crumbs": _risk_crumbs(request.partnership, risk, ("Close the risk", None))},
    )


@requires("risks.manage")
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    risk = _risk(request, pk)
    if not may_reopen_risk(user=request.user, risk=risk):
        raise Http404
    form = RiskReopenForm(request.POST or None)
    form.fields["reason"].label = "Why is the risk opened again?"
    if request.method == "POST" and form.is_valid():
        try:
            risk_reopen(actor=request.user, risk=risk, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Risk {risk.reference} is open again.")
            return redirect(risk)
    return render(
        request,
        "governance/risks/reopen_form.html",
        {"form": form, "risk": risk, "crumbs": _risk_crumbs(request.partnership, risk, ("Reopen the risk", None))},
    )


@requires("risks.manage")
def action(request: HttpRequest, pk: int) -> HttpResponse:
    """Raise a mitigating action for the risk in the partnership's action tracker."""
    risk = _risk(request, pk)
    if not may_edit_risk(user=request.user, risk=risk):
        raise Http404
    form = RiskActionForm(
        request.POST or None,
        agencies=risk_agency_choices(user=request.user, partnership=request.partnership),
        initial={"owner_agency": risk.owner_agency_id, "owner_name": risk.owner_display},
    )
    if request.method == "POST" and form.is_valid():
        try:
            raised = risk_action_raise(actor=request.user, risk=risk, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Action {raised.reference} raised in the action tracker.")
            return redirect(risk)
    return render(
        request,
        "governance/risks/action_form.html",
        {
            "form": form,
            "risk": risk,
            "crumbs": _risk_crumbs(request.partnership, risk, ("Raise a mitigating action", None)),
        },
    )


@requires("risks.manage")
def remind(request: HttpRequest, pk: int) -> HttpResponse:
    """The business unit's "Send a reminder" to the risk's owner: asks for confirmation on GET."""
    risk = _risk(request, pk)
    if not may_remind_risk_owner(user=request.user, risk=risk):
        raise Http404
    if request.method == "POST":
        try:
            reminder = risk_remind(actor=request.user, risk=risk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if reminder is None:
                messages.info(request, f"Risk {risk.reference}'s owner was not reminded: they were reminded today.")
            else:
                messages.success(request, f"Reminder to review risk {risk.reference} sent to {risk.owner}.")
        return redirect(back_to(request, risk.get_absolute_url()))
    return render(
        request,
        "governance/risks/remind.html",
        {
            "risk": risk,
            "next": back_to(request, risk.get_absolute_url()),
            "crumbs": _risk_crumbs(request.partnership, risk, ("Send a reminder", None)),
        },
    )


@requires("risks.view")
def heat(request: HttpRequest) -> HttpResponse:
    """The heat map: open risks by current likelihood and impact, with a table alternative."""
    partnership = request.partnership
    found = heat_map(user=request.user, partnership=partnership)
    if found is None:
        return _no_matrix(request)
    rows = [
        {
            "impact": found.matrix.impact[len(found.matrix.impact) - index - 1],
            "cells": [{"cell": cell, "tag": level_tag(cell.band)} for cell in row],
        }
        for index, row in enumerate(found.rows)
    ]
    return render(
        request,
        "governance/risks/heat_map.html",
        {
            "map": found,
            "rows": rows,
            "table": [{"cell": cell, "tag": level_tag(cell.band)} for cell in found.cells],
            "bands": [{"band": band, "tag": level_tag(band)} for band in found.matrix.bands],
            "today": timezone.localdate(),
            "crumbs": _crumbs(partnership, ("Heat map", None)),
        },
    )
