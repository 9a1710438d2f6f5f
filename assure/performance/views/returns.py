"""Pages of agency data returns. Each view finds its return through ``returns_visible_to``, so
another agency's return answers 404 to an agency lead, and calls one service to change it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from assure.accounts.permissions import is_agency_scoped
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response
from assure.notifications.selectors import last_reminded

from ..forms.returns import AssignForm, FiguresForm, RoundForm, SendBackForm, UploadForm
from ..models import DataReturn, ReturnRound
from ..permissions import can_moderate_returns, can_remind_returns, may_enter_return
from ..pipeline import next_steps
from ..returns_xlsx import problems_summary, template_workbook
from ..selectors.returns import (
    assignable_indicators,
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


def _returns_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, ("Returns", partnership_url("performance:returns", partnership)), *trail)


def _return_trail(data_return: DataReturn, *, user, partnership) -> list[Crumb]:
    """The crumbs down to a return: its round, which an agency lead does not see, then the return."""
    trail = [(str(data_return.agency), data_return.get_absolute_url())]
    if not is_agency_scoped(user=user, partnership=partnership):
        round_url = partnership_url("performance:round_detail", partnership, pk=data_return.round_id)
        trail.insert(0, (str(data_return.round.period), round_url))
    return trail


def _round(request: HttpRequest, pk: int) -> ReturnRound:
    return get_object_or_404(rounds_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def _return(request: HttpRequest, pk: int) -> DataReturn:
    returns = with_progress(returns_visible_to(user=request.user, partnership=request.partnership))
    return get_object_or_404(returns, pk=pk)


def _enterable_return(request: HttpRequest, pk: int) -> DataReturn:
    data_return = _return(request, pk)
    if not may_enter_return(user=request.user, data_return=data_return):
        raise Http404
    return data_return


# --- rounds ------------------------------------------------------------------------------------


@requires("returns.view")
def returns(request: HttpRequest) -> HttpResponse:
    """The business unit and auditors see every round with its counts; an agency lead sees their
    own agency's returns."""
    user, partnership = request.user, request.partnership
    if is_agency_scoped(user=user, partnership=partnership):
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
            "may_moderate": can_moderate_returns(user=user, partnership=partnership),
            "crumbs": crumbs(partnership),
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
            return redirect(partnership_url("performance:round_assign", request.partnership, pk=round.pk))
    return render(
        request,
        "performance/returns/round_form.html",
        {
            "form": form,
            "crumbs": _returns_crumbs(request.partnership),
            "cancel_url": partnership_url("performance:returns", request.partnership),
        },
    )


@requires("returns.view")
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round = _round(request, pk)
    returns = round_returns(user=request.user, round=round)
    may_remind = can_remind_returns(user=request.user, partnership=request.partnership)
    table = RoundReturnTable(
        returns,
        partnership=request.partnership,
        reminded=last_reminded(model=DataReturn, ids=returns.values_list("pk", flat=True)),
        remind_token=get_token(request) if may_remind else "",
    )
    return register_response(
        request,
        table=table,
        template="performance/returns/round_detail.html",
        context={
            "round": round,
            "is_past_deadline": round.deadline < timezone.localdate(),
            "may_moderate": can_moderate_returns(user=request.user, partnership=request.partnership),
            "crumbs": _returns_crumbs(request.partnership),
        },
        export_name=f"{request.partnership.slug}-returns-{round.period.label.replace(' ', '-').lower()}",
    )


@requires("performance.manage")
def round_assign(request: HttpRequest, pk: int) -> HttpResponse:
    """Without ``?agency=``: every agency with what it is asked for. With it: choose that
    agency's indicators."""
    partnership = request.partnership
    round = _round(request, pk)
    agencies = round_agencies(user=request.user, round=round)
    round_crumb = (str(round.period), partnership_url("performance:round_detail", partnership, pk=round.pk))
    assign_url = partnership_url("performance:round_assign", partnership, pk=round.pk)
    chosen = request.POST.get("agency") or request.GET.get("agency")
    if not chosen:
        return render(
            request,
            "performance/returns/round_assign.html",
            {"round": round, "agencies": agencies, "crumbs": _returns_crumbs(partnership, round_crumb)},
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
            return redirect(assign_url)
    return render(
        request,
        "performance/returns/round_assign_agency.html",
        {
            "round": round,
            "agency": agency,
            "data_return": data_return,
            "form": form,
            "crumbs": _returns_crumbs(partnership, round_crumb, ("Who is asked for what", assign_url)),
        },
    )


# --- one return --------------------------------------------------------------------------------


@requires("returns.view")
def return_detail(request: HttpRequest, pk: int) -> HttpResponse:
    data_return = _return(request, pk)
    user = request.user
    rows = return_rows(user=user, data_return=data_return)
    may_enter = may_enter_return(user=user, data_return=data_return)
    may_moderate = can_moderate_returns(user=user, partnership=request.partnership)
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
            "problems": return_problems(rows=rows) if data_return.is_editable else [],
            "may_enter": may_enter,
            "is_editable": data_return.is_editable,
            "may_moderate": may_moderate,
            "steps": steps,
            "history": return_history(user=user, data_return=data_return)[:20],
            "crumbs": _returns_crumbs(
                request.partnership,
                *_return_trail(data_return, user=request.user, partnership=request.partnership)[:-1],
            ),
        },
    )


@requires("returns.submit")
def return_edit(request: HttpRequest, pk: int) -> HttpResponse:
    data_return = _enterable_return(request, pk)
    rows = return_rows(user=request.user, data_return=data_return)
    context = {
        "data_return": data_return,
        "rows": rows,
        "crumbs": _returns_crumbs(
            request.partnership, *_return_trail(data_return, user=request.user, partnership=request.partnership)
        ),
    }
    if not data_return.is_editable:
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
    form = UploadForm(request.POST or None, request.FILES or None) if data_return.is_editable else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            result = return_upload(actor=request.user, data_return=data_return, file=form.cleaned_data["file"])
        except ValidationError as error:
            # Every row of a file can be wrong: the first of each kind of problem, and a count.
            shown = error if hasattr(error, "error_dict") else ValidationError(problems_summary(error.messages))
            attach(form, shown, field="file")
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
        {
            "data_return": data_return,
            "form": form,
            "crumbs": _returns_crumbs(
                request.partnership, *_return_trail(data_return, user=request.user, partnership=request.partnership)
            ),
        },
    )


@requires("returns.submit")
def return_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    data_return = _enterable_return(request, pk)
    rows = return_rows(user=request.user, data_return=data_return)
    problems = return_problems(rows=rows) if data_return.is_editable else []
    if request.method == "POST" and data_return.is_editable:
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
            "is_editable": data_return.is_editable,
            "crumbs": _returns_crumbs(
                request.partnership, *_return_trail(data_return, user=request.user, partnership=request.partnership)
            ),
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
            return redirect(partnership_url("performance:round_detail", request.partnership, pk=data_return.round_id))
    return render(
        request,
        "performance/returns/return_validate.html",
        {
            "data_return": data_return,
            "rows": return_rows(user=request.user, data_return=data_return),
            "may_validate": data_return.status == Status.SUBMITTED,
            "problem": problem,
            "crumbs": _returns_crumbs(
                request.partnership, *_return_trail(data_return, user=request.user, partnership=request.partnership)
            ),
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
            return redirect(partnership_url("performance:round_detail", request.partnership, pk=data_return.round_id))
    return render(
        request,
        "performance/returns/return_send_back.html",
        {
            "data_return": data_return,
            "form": form,
            "crumbs": _returns_crumbs(
                request.partnership, *_return_trail(data_return, user=request.user, partnership=request.partnership)
            ),
        },
    )
