"""Pages of one return: the return by standard and criterion, answering a criterion (saved as
you go, in place with htmx or by reloading the page), raising an action, and submitting."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import partnership_url

from ..forms.returns import CriterionActionForm, ResponseForm, SubmitForm
from ..models import Response
from ..permissions import can_complete_for, may_complete, may_moderate, may_reopen
from ..selectors.returns import (
    CriterionRow,
    action_owner_agencies,
    criterion_row,
    link_challenged,
    return_layout,
    return_reopenings,
    unrated_criteria,
)
from ..services.moderation import open_challenges
from ..services.returns import evidence_add, response_action_raise, response_save, return_submit
from ..tables import status_tag
from .common import criterion_url, find_response, find_return, return_trail, section11_crumbs


def response_form(row: CriterionRow, data=None, files=None) -> ResponseForm:
    response = row.response
    initial = {"rating": response.self_rating, "not_applicable": response.not_applicable, "evidence": response.evidence}
    return ResponseForm(data, files, initial=initial, scale=row.scale, prefix=f"c{response.pk}")


@requires("section11.view")
def return_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The return by standard: progress, each criterion's answer, evidence, thread and actions;
    for the agency lead while it is editable, each criterion's form."""
    user, partnership = request.user, request.partnership
    return_record = find_return(request, pk)
    layout = return_layout(user=user, partnership=partnership, return_record=return_record)
    completing = may_complete(user=user, partnership=partnership, return_record=return_record)
    challenged = link_challenged(layout)
    if completing:
        for row in layout.rows:
            if not row.by_framework:
                row.form = response_form(row)
    return render(
        request,
        "section11/returns/return_detail.html",
        {
            "return_record": return_record,
            "status_tag": status_tag(return_record),
            "layout": layout,
            "challenged": challenged,
            "to_answer": [row for row in challenged if row.response.moderation == Response.Moderation.CHALLENGED],
            "to_review": [row for row in challenged if row.response.moderation == Response.Moderation.ANSWERED],
            "unrated": layout.unrated,
            "may_complete": completing,
            "is_lead": can_complete_for(user=user, partnership=partnership, agency_id=return_record.agency_id),
            "may_moderate": may_moderate(user=user, partnership=partnership, return_record=return_record),
            "may_reopen": may_reopen(user=user, partnership=partnership, return_record=return_record),
            "open_challenges": open_challenges(return_record),
            "reopenings": return_reopenings(user=user, partnership=partnership, return_record=return_record),
            "crumbs": section11_crumbs(partnership, *return_trail(partnership, return_record)[:-1]),
        },
    )


def _completable_response(request: HttpRequest, pk: int) -> Response:
    response = find_response(request, pk)
    if not can_complete_for(
        user=request.user, partnership=request.partnership, agency_id=response.return_record.agency_id
    ):
        raise Http404
    return response


@requires("section11.complete")
def response_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Save one criterion's answer (and an evidence file). With htmx the criterion is swapped in
    place; without JavaScript the page reloads at the criterion, or shows this form's errors."""
    user, partnership = request.user, request.partnership
    response = _completable_response(request, pk)
    return_record = response.return_record
    row = criterion_row(response)
    editable = may_complete(user=user, partnership=partnership, return_record=return_record) and not row.by_framework
    form = response_form(row, request.POST or None, request.FILES or None) if editable else None
    saved = False
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            response_save(
                actor=user,
                partnership=partnership,
                response=response,
                rating=data["rating"],
                evidence=data["evidence"],
                not_applicable=data["not_applicable"],
            )
            if data.get("file"):
                evidence_add(actor=user, partnership=partnership, response=response, upload=data["file"])
        except ValidationError as error:
            attach(form, error)
        else:
            saved = True
            if not request.htmx:
                messages.success(request, f"Criterion {response.criterion} saved.")
                return redirect(criterion_url(partnership, response))
            row = criterion_row(response)
            form = response_form(row)
    row.form = form
    context = {
        "return_record": return_record,
        "row": row,
        "may_complete": editable,
        "saved": saved,
        "crumbs": section11_crumbs(partnership, *return_trail(partnership, return_record)),
    }
    if request.htmx:
        return render(request, "section11/returns/_criterion.html", context)
    return render(request, "section11/returns/response_edit.html", context)


@requires("section11.complete")
def response_action(request: HttpRequest, pk: int) -> HttpResponse:
    """Raise an action in this partnership's tracker for a criterion rated below fully met."""
    user, partnership = request.user, request.partnership
    response = _completable_response(request, pk)
    return_record = response.return_record
    row = criterion_row(response)
    allowed = may_complete(user=user, partnership=partnership, return_record=return_record) and row.not_fully_met
    agencies = action_owner_agencies(user=user, partnership=partnership)
    form = (
        CriterionActionForm(request.POST or None, agencies=agencies, initial={"owner_agency": return_record.agency})
        if allowed
        else None
    )
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            action = response_action_raise(actor=user, partnership=partnership, response=response, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Action {action.reference} raised in the action tracker.")
            return redirect(criterion_url(partnership, response))
    return render(
        request,
        "section11/returns/response_action.html",
        {
            "return_record": return_record,
            "row": row,
            "form": form,
            "crumbs": section11_crumbs(partnership, *return_trail(partnership, return_record)),
        },
    )


@requires("section11.complete")
def return_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Check and submit: refused, naming the criteria, until every applicable one is rated."""
    user, partnership = request.user, request.partnership
    return_record = find_return(request, pk)
    if not can_complete_for(user=user, partnership=partnership, agency_id=return_record.agency_id):
        raise Http404
    editable = return_record.is_editable
    problems = [f"Rate criterion {ref}, or say why it does not apply." for ref in unrated_criteria(return_record)]
    form = SubmitForm(request.POST or None)
    if request.method == "POST" and editable:
        try:
            return_submit(actor=user, partnership=partnership, return_record=return_record)
        except (ValidationError, PermissionDenied) as error:
            problems = getattr(error, "messages", [str(error)])
        else:
            messages.success(request, "Return submitted. Its answers are now locked.")
            return redirect(partnership_url("section11:return_detail", partnership, pk=return_record.pk))
    return render(
        request,
        "section11/returns/return_submit.html",
        {
            "return_record": return_record,
            "form": form,
            "problems": problems,
            "is_editable": editable,
            "crumbs": section11_crumbs(partnership, *return_trail(partnership, return_record)),
        },
    )
