"""Pages of agency data returns. Each view finds its return through ``returns_visible_to``, so
another agency's return answers 404 to an agency lead, and calls one service to change it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from assure.accounts.permissions import is_agency_scoped
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.tables import register_response

from ..forms.returns import AssignForm, FiguresForm, RoundForm, SendBackForm, UploadForm
from ..models import DataReturn, ReturnRound
from ..pipeline import is_editable, next_steps
from ..returns_xlsx import template_workbook
from ..selectors.returns import (
    assignable_indicators,
    can_enter_return,
    can_moderate_returns,
    return_history,
    return_problems,
    return_rows,
    returns_visible_to,
    round_agencies,
    round_returns,
    rounds_visible_to,
    with_progress,
)
from ..services.returns import (
    return_assign,
    return_save_values,
    return_send_back,
    return_submit,
    return_upload,
    return_validate,
    round_open,
    round_period,
)
from ..tables_returns import AgencyReturnTable, RoundReturnTable, RoundTable, status_tag

Status = DataReturn.Status


def url(name: str, request: HttpRequest, **kwargs) -> str:
    return reverse(f"performance:{name}", kwargs={"partnership": request.partnership.slug, **kwargs})


def _crumbs(request: HttpRequest, *trail: tuple[str, str]) -> list[tuple[str, str]]:
    partnership = request.partnership
    home = reverse("partnerships:home", kwargs={"partnership": partnership.slug})
    return [(partnership.short_name or partnership.name, home), ("Returns", url("returns", request)), *trail]


def _return_crumbs(request: HttpRequest, data_return: DataReturn) -> list[tuple[str, str]]:
    trail = [(str(data_return.agency), data_return.get_absolute_url())]
    if not is_agency_scoped(request.user, request.partnership):
        trail.insert(0, (str(data_return.round.period), url("round_detail", request, pk=data_return.round_id)))
    return _crumbs(request, *trail)


def _round(request: HttpRequest, pk: int) -> ReturnRound:
    return get_object_or_404(rounds_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def _return(request: HttpRequest, pk: int) -> DataReturn:
    returns = with_progress(returns_visible_to(user=request.user, partnership=request.partnership))
    return get_object_or_404(returns, pk=pk)


def _enterable_return(request: HttpRequest, pk: int) -> DataReturn:
    data_return = _return(request, pk)
    if not can_enter_return(request.user, data_return):
        raise Http404
    return data_return


# --- rounds ------------------------------------------------------------------------------------


@requires("returns.view")
def returns(request: HttpRequest) -> HttpResponse:
    """The business unit and auditors see every round with its counts; an agency lead sees their
    own agency's returns."""
    user, partnership = request.user, request.partnership
    if is_agency_scoped(user, partnership):
        table = AgencyReturnTable(
            with_progress(returns_visible_to(user=user, partnership=partnership)), partnership=partnership
        )
    else:
        table = RoundTable(rounds_visible_to(user=user, partnership=partnership), partnership=partnership)
    return register_response(
        request,
        table=table,
        template="performance/returns/returns.html",
        context={
            "may_moderate": can_moderate_returns(user, partnership),
            "crumbs": _crumbs(request)[:-1],
        },
        export_name=f"{partnership.slug}-returns",
    )


@requires("performance.manage")
def round_create(request: HttpRequest) -> HttpResponse:
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            period = round_period(**form.period_values())
            round = round_open(
                actor=request.user,
                partnership=request.partnership,
                period=period,
                deadline=form.cleaned_data["deadline"],
                opens_on=form.cleaned_data["opens_on"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Returns for {round.period} opened. Now choose what each agency is asked for.")
            return redirect(url("round_assign", request, pk=round.pk))
    return render(
        request,
        "performance/returns/round_form.html",
        {"form": form, "crumbs": _crumbs(request), "cancel_url": url("returns", request)},
    )


@requires("returns.view")
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round = _round(request, pk)
    returns = round_returns(user=request.user, round=round)
    return register_response(
        request,
        table=RoundReturnTable(returns, partnership=request.partnership),
        template="performance/returns/round_detail.html",
        context={
            "round": round,
            "is_past_deadline": round.deadline < timezone.localdate(),
            "may_moderate": can_moderate_returns(request.user, request.partnership),
            "crumbs": _crumbs(request),
        },
        export_name=f"{request.partnership.slug}-returns-{round.period.label.replace(' ', '-').lower()}",
    )


@requires("performance.manage")
def round_assign(request: HttpRequest, pk: int) -> HttpResponse:
    """Without ``?agency=``: every agency with what it is asked for. With it: choose that
    agency's indicators."""
    round = _round(request, pk)
    agencies = round_agencies(user=request.user, round=round)
    crumbs = _crumbs(request, (str(round.period), url("round_detail", request, pk=round.pk)))
    chosen = request.POST.get("agency") or request.GET.get("agency")
    if not chosen:
        return render(
            request, "performance/returns/round_assign.html", {"round": round, "agencies": agencies, "crumbs": crumbs}
        )
    found = next(((a, r) for a, r in agencies if str(a.pk) == chosen), None)
    if found is None:
        raise Http404
    agency, data_return = found
    initial = {"indicators": list(data_return.indicators.all()) if data_return else []}
    form = AssignForm(request.POST or None, indicators=assignable_indicators(), agency=agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            assigned = return_assign(
                actor=request.user, round=round, agency=agency, indicators=form.cleaned_data["indicators"]
            )
        except ValidationError as error:
            attach(form, error, field="indicators")
        else:
            count = assigned.indicators.count() if assigned else 0
            messages.success(request, f"{agency} is asked for {count} figure{'s' if count != 1 else ''}.")
            return redirect(url("round_assign", request, pk=round.pk))
    return render(
        request,
        "performance/returns/round_assign_agency.html",
        {
            "round": round,
            "agency": agency,
            "data_return": data_return,
            "form": form,
            "crumbs": [*crumbs, ("Who is asked for what", url("round_assign", request, pk=round.pk))],
        },
    )


# --- one return --------------------------------------------------------------------------------


@requires("returns.view")
def return_detail(request: HttpRequest, pk: int) -> HttpResponse:
    data_return = _return(request, pk)
    user = request.user
    rows = return_rows(user=user, data_return=data_return)
    may_enter = can_enter_return(user, data_return)
    may_moderate = can_moderate_returns(user, request.partnership)
    steps = [
        step
        for step in next_steps(data_return.status)
        if (step.permission == "returns.submit" and may_enter) or (step.permission != "returns.submit" and may_moderate)
    ]
    return render(
        request,
        "performance/returns/return_detail.html",
        {
            "data_return": data_return,
            "status_tag": status_tag(data_return),
            "rows": rows,
            "problems": return_problems(rows=rows) if is_editable(data_return.status) else [],
            "may_enter": may_enter,
            "is_editable": is_editable(data_return.status),
            "may_moderate": may_moderate,
            "steps": steps,
            "history": return_history(user=user, data_return=data_return)[:20],
            "crumbs": _return_crumbs(request, data_return)[:-1],
        },
    )


@requires("returns.submit")
def return_edit(request: HttpRequest, pk: int) -> HttpResponse:
    data_return = _enterable_return(request, pk)
    rows = return_rows(user=request.user, data_return=data_return)
    context = {"data_return": data_return, "rows": rows, "crumbs": _return_crumbs(request, data_return)}
    if not is_editable(data_return.status):
        # Submitted or validated: the figures are shown, not offered for change.
        return render(request, "performance/returns/return_edit.html", {**context, "form": None})
    form = FiguresForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        try:
            result = return_save_values(actor=request.user, data_return=data_return, entries=form.entries())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, "Figures saved.")
            if result.warnings:
                count = len(result.warnings)
                messages.info(
                    request,
                    f"{count} figure{'s have' if count != 1 else ' has'} changed a lot since the last period: "
                    "add a comment explaining each before you submit.",
                )
            return redirect(data_return)
    return render(request, "performance/returns/return_edit.html", {**context, "form": form})


@requires("returns.submit")
def return_template(request: HttpRequest, pk: int) -> HttpResponse:
    data_return = _enterable_return(request, pk)
    rows = return_rows(user=request.user, data_return=data_return)
    content = template_workbook(data_return=data_return, rows=rows)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    name = f"return-{data_return.agency.name}-{data_return.round.period.label}"
    safe = "".join(c if c.isalnum() else "-" for c in name).strip("-").lower()
    response["Content-Disposition"] = f'attachment; filename="{safe}.xlsx"'
    return response


@requires("returns.submit")
def return_upload_view(request: HttpRequest, pk: int) -> HttpResponse:
    data_return = _enterable_return(request, pk)
    form = UploadForm(request.POST or None, request.FILES or None) if is_editable(data_return.status) else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            result = return_upload(actor=request.user, data_return=data_return, file=form.cleaned_data["file"])
        except ValidationError as error:
            attach(form, error, field="file")
        else:
            messages.success(
                request, f"Template uploaded: {result.saved} figure{'s' if result.saved != 1 else ''} saved."
            )
            if result.warnings:
                messages.info(
                    request,
                    "Some figures changed a lot since the last period: add a comment explaining each before you "
                    "submit.",
                )
            return redirect(data_return)
    return render(
        request,
        "performance/returns/return_upload.html",
        {"data_return": data_return, "form": form, "crumbs": _return_crumbs(request, data_return)},
    )


@requires("returns.submit")
def return_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    data_return = _enterable_return(request, pk)
    rows = return_rows(user=request.user, data_return=data_return)
    problems = return_problems(rows=rows) if is_editable(data_return.status) else []
    if request.method == "POST" and is_editable(data_return.status):
        try:
            return_submit(actor=request.user, data_return=data_return)
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(request, f"Return submitted to {request.partnership.short_name or request.partnership}.")
            return redirect(data_return)
    return render(
        request,
        "performance/returns/return_submit.html",
        {
            "data_return": data_return,
            "rows": rows,
            "problems": problems,
            "is_editable": is_editable(data_return.status),
            "crumbs": _return_crumbs(request, data_return),
        },
    )


@requires("performance.manage")
def return_validate_view(request: HttpRequest, pk: int) -> HttpResponse:
    data_return = _return(request, pk)
    problem = None
    if request.method == "POST":
        try:
            return_validate(actor=request.user, data_return=data_return)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(request, f"{data_return.agency}'s return for {data_return.round.period} validated.")
            return redirect(url("round_detail", request, pk=data_return.round_id))
    return render(
        request,
        "performance/returns/return_validate.html",
        {
            "data_return": data_return,
            "rows": return_rows(user=request.user, data_return=data_return),
            "may_validate": data_return.status == Status.SUBMITTED,
            "problem": problem,
            "crumbs": _return_crumbs(request, data_return),
        },
    )


@requires("performance.manage")
def return_send_back_view(request: HttpRequest, pk: int) -> HttpResponse:
    data_return = _return(request, pk)
    may_send_back = data_return.status == Status.SUBMITTED
    form = SendBackForm(request.POST or None) if may_send_back else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            return_send_back(actor=request.user, data_return=data_return, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            attach(form, error, field="reason")
        else:
            messages.success(request, f"{data_return.agency}'s return sent back for correction.")
            return redirect(url("round_detail", request, pk=data_return.round_id))
    return render(
        request,
        "performance/returns/return_send_back.html",
        {"data_return": data_return, "form": form, "crumbs": _return_crumbs(request, data_return)},
    )
