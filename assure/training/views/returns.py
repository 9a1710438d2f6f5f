"""Single-agency training returns. The agency's lead answers the year's return of their agency on
the questionnaire engine's page (made when first opened) or uploads its template; the business
unit sees every agency's return of a year, sends reminders to those not returned, reads each
return and reopens one with a reason."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import back_to, crumbs, partnership_url
from assure.core.spreadsheets import CONTENT_TYPES
from assure.core.tables import record_address, register_response
from assure.notifications.selectors import last_reminded
from assure.partnerships.years import financial_year_problem
from assure.questionnaires.pages import answer_page, answers_summary

from ..forms_returns import ReopenForm, ReturnUploadForm
from ..imports import template_workbook
from ..models import TrainingReturn
from ..permissions import may_edit_return
from ..selectors.returns import (
    asked_year,
    current_agencies,
    due_on,
    is_late,
    lead_agencies,
    return_for,
    return_years,
    returns_overview,
    single_agency_levels,
)
from ..services.returns import return_open, return_remind, return_reopen, return_submit, return_upload
from ..tables_returns import ReturnTable

TITLE = "Single-agency training returns"
MINE = "Your agency's training return"


def _year(request: HttpRequest, today: dt.date) -> str:
    year = (request.POST.get("year") or request.GET.get("year") or "").strip()
    return year if year and financial_year_problem(year) is None else asked_year(today)


def _lead_agency(request: HttpRequest):
    """The agency whose return the lead is working on: the one chosen, or their first."""
    agencies = list(lead_agencies(user=request.user, partnership=request.partnership))
    chosen = request.GET.get("agency", "")
    for agency in agencies:
        if str(agency.pk) == chosen:
            return agency, agencies
    return (agencies[0] if agencies else None), agencies


@requires("training.return")
def return_mine(request: HttpRequest) -> HttpResponse:
    partnership, user = request.partnership, request.user
    today = timezone.localdate()
    year = asked_year(today)
    agency, agencies = _lead_agency(request)
    if agency is None:
        return render(request, "training/return_none.html", {"crumbs": crumbs(partnership, (MINE, None))})
    training_return = return_open(actor=user, partnership=partnership, agency=agency, year=year)
    query = f"?agency={agency.pk}" if len(agencies) > 1 else ""
    here = partnership_url("training:return_mine", partnership) + query

    def submit(response) -> None:
        return_submit(actor=user, partnership=partnership, training_return=training_return)
        messages.success(request, f"{agency}'s single-agency training return for {year} has been submitted.")

    return answer_page(
        request,
        response=training_return.response,
        template="training/return_mine.html",
        context={
            "training_return": training_return,
            "agency": agency,
            "agencies": agencies if len(agencies) > 1 else [],
            "year": year,
            "due_on": due_on(year),
            "late": is_late(year=year, today=today),
            "reopen_reason": training_return.response.reopen_reason
            if training_return.status == TrainingReturn.Status.DRAFT
            else "",
            "upload_url": partnership_url("training:return_upload", partnership) + query,
            "template_url": partnership_url("training:return_template", partnership) + query,
            "crumbs": crumbs(partnership, (MINE, None)),
        },
        editable=may_edit_return(user=user, partnership=partnership, training_return=training_return),
        on_submit=submit,
        done_url=here,
        known_names=[a.name for a in current_agencies(partnership)],
    )


@requires("training.return")
def return_template(request: HttpRequest) -> HttpResponse:
    agency, _ = _lead_agency(request)
    if agency is None:
        raise Http404
    year = asked_year(timezone.localdate())
    data = template_workbook(agency=agency.name, year=year, levels=single_agency_levels())
    response = HttpResponse(data, content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="training-return-{year}.xlsx"'
    return response


@requires("training.return")
def return_upload_view(request: HttpRequest) -> HttpResponse:
    partnership, user = request.partnership, request.user
    agency, agencies = _lead_agency(request)
    if agency is None:
        raise Http404
    year = asked_year(timezone.localdate())
    query = f"?agency={agency.pk}" if len(agencies) > 1 else ""
    mine = partnership_url("training:return_mine", partnership) + query
    training_return = return_open(actor=user, partnership=partnership, agency=agency, year=year)
    editable = may_edit_return(user=user, partnership=partnership, training_return=training_return)
    form = ReturnUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and editable and form.is_valid():
        try:
            return_upload(
                actor=user, partnership=partnership, training_return=training_return, upload=form.cleaned_data["upload"]
            )
        except ValidationError as error:
            attach(form, error, "upload")
        else:
            messages.success(request, f"{agency}'s single-agency training return for {year} has been submitted.")
            return redirect(mine)
    return render(
        request,
        "training/return_upload.html",
        {
            "form": form,
            "agency": agency,
            "year": year,
            "editable": editable,
            "back": mine,
            "template_url": partnership_url("training:return_template", partnership) + query,
            "crumbs": crumbs(partnership, (MINE, mine), ("Upload the return", None)),
        },
    )


@requires("training.manage")
def returns(request: HttpRequest) -> HttpResponse:
    partnership, user = request.partnership, request.user
    today = timezone.localdate()
    year = _year(request, today)
    lines = returns_overview(user=user, partnership=partnership, year=year)
    levels = single_agency_levels()
    table = ReturnTable(
        lines, levels=levels, detail_url=record_address("training:return_detail", partnership=partnership.slug)
    )
    waiting = [line for line in lines if not line.is_submitted]
    reminded = last_reminded(
        model=TrainingReturn, ids=[line.training_return.pk for line in waiting if line.training_return]
    )
    return register_response(
        request,
        table=table,
        template="training/returns.html",
        context={
            "year": year,
            "years": return_years(user=user, partnership=partnership, today=today),
            "due_on": due_on(year),
            "late": is_late(year=year, today=today),
            "returned": len(lines) - len(waiting),
            "agencies_count": len(lines),
            "waiting": [
                {
                    "agency": line.agency,
                    "remind_url": partnership_url("training:return_remind", partnership, agency=line.agency.pk),
                    "last_reminded": reminded.get(str(line.training_return.pk)) if line.training_return else None,
                }
                for line in waiting
            ],
            "crumbs": crumbs(partnership, (TITLE, None)),
        },
        export_name=f"training-returns-{year}",
    )


def _return(request: HttpRequest, pk: int) -> TrainingReturn:
    found = return_for(user=request.user, partnership=request.partnership, pk=pk)
    if found is None:
        raise Http404
    return found


@requires("training.manage")
def return_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    training_return = _return(request, pk)
    overview = partnership_url("training:returns", partnership) + f"?year={training_return.year}"
    levels = single_agency_levels(training_return.response.questionnaire if training_return.response else None)
    return render(
        request,
        "training/return_detail.html",
        {
            "training_return": training_return,
            "figures": [(title, training_return.completions.get(code)) for code, title in levels],
            "answers": answers_summary(training_return.response) if training_return.response else [],
            "reopen_url": partnership_url("training:return_reopen", partnership, pk=training_return.pk),
            "crumbs": crumbs(
                partnership, (TITLE, overview), (f"{training_return.agency} {training_return.year}", None)
            ),
        },
    )


@requires("training.manage")
def return_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    training_return = _return(request, pk)
    detail = partnership_url("training:return_detail", partnership, pk=training_return.pk)
    form = ReopenForm(request.POST or None)
    problem = "" if training_return.status == TrainingReturn.Status.SUBMITTED else "The return has not been submitted."
    if request.method == "POST" and not problem and form.is_valid():
        try:
            return_reopen(
                actor=request.user,
                partnership=partnership,
                training_return=training_return,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(
                request, f"{training_return.agency}'s return for {training_return.year} has been reopened."
            )
            return redirect(detail)
    return render(
        request,
        "training/return_reopen.html",
        {
            "form": form,
            "training_return": training_return,
            "problem": problem,
            "back": detail,
            "crumbs": crumbs(
                partnership,
                (TITLE, partnership_url("training:returns", partnership)),
                (f"{training_return.agency} {training_return.year}", detail),
                ("Reopen", None),
            ),
        },
    )


@requires("training.manage")
def return_remind_view(request: HttpRequest, agency: int) -> HttpResponse:
    """Asks on GET; sends on POST, then goes back to ``next`` (a page of this site) or the
    overview."""
    partnership = request.partnership
    found = current_agencies(partnership).filter(pk=agency).first()
    if found is None:
        raise Http404
    today = timezone.localdate()
    year = _year(request, today)
    overview = partnership_url("training:returns", partnership) + f"?year={year}"
    if request.method == "POST":
        try:
            sent = return_remind(actor=request.user, partnership=partnership, agency=found, year=year, today=today)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except PermissionDenied:
            raise
        else:
            if sent is None:
                messages.info(
                    request, f"No reminder sent: {found} was reminded today already, or has no lead to remind."
                )
            else:
                messages.success(request, f"A reminder has been sent to {found}'s lead.")
        return redirect(back_to(request, overview))
    return render(
        request,
        "training/return_remind.html",
        {
            "agency": found,
            "year": year,
            "due_on": due_on(year),
            "back": overview,
            "crumbs": crumbs(partnership, (TITLE, overview), ("Send a reminder", None)),
        },
    )
