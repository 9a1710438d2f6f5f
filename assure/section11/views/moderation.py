"""Moderation pages: reviewing a criterion (challenge, or accept with a moderated rating), the
agency's answer, accepting and reopening a return."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import partnership_url

from ..forms.moderation import AnswerForm, ChallengeForm, ModerateForm, ReopenForm
from ..framework import framework_of
from ..permissions import can_complete_for, may_answer, may_moderate, may_reopen
from ..selectors.returns import criterion_row
from ..services.moderation import (
    open_challenges,
    response_answer,
    response_challenge,
    response_moderate,
    return_accept,
    return_reopen,
)
from .common import criterion_url, find_response, find_return, return_trail, section11_crumbs


@requires("section11.moderate")
def response_moderate_view(request: HttpRequest, pk: int) -> HttpResponse:
    """One criterion for the moderator: challenge it with a question, or accept it (with a
    moderated rating where it differs)."""
    user, partnership = request.user, request.partnership
    response = find_response(request, pk)
    return_record = response.return_record
    row = criterion_row(response)
    allowed = may_moderate(user=user, partnership=partnership, return_record=return_record) and not row.by_framework
    scale = framework_of(return_record.cycle.framework).moderated_scale
    decision = request.POST.get("decision") if request.method == "POST" else None
    challenge = ChallengeForm(request.POST if decision == "challenge" else None, prefix="challenge")
    moderate = ModerateForm(
        request.POST if decision == "accept" else None,
        prefix="moderate",
        scale=scale,
        initial={"moderated_rating": response.moderated_rating},
    )
    if allowed and decision == "challenge" and challenge.is_valid():
        try:
            response_challenge(
                actor=user, partnership=partnership, response=response, question=challenge.cleaned_data["question"]
            )
        except ValidationError as error:
            attach(challenge, error, field="question")
        else:
            messages.success(request, f"Criterion {response.criterion} challenged: the agency is asked to answer.")
            return redirect(criterion_url(partnership, response))
    if allowed and decision == "accept" and moderate.is_valid():
        try:
            response_moderate(actor=user, partnership=partnership, response=response, **moderate.cleaned_data)
        except ValidationError as error:
            attach(moderate, error, field="moderated_rating")
        else:
            messages.success(request, f"Criterion {response.criterion} accepted.")
            return redirect(criterion_url(partnership, response))
    return render(
        request,
        "section11/returns/response_moderate.html",
        {
            "return_record": return_record,
            "row": row,
            "allowed": allowed,
            "challenge": challenge,
            "moderate": moderate,
            "crumbs": section11_crumbs(partnership, *return_trail(partnership, return_record)),
        },
    )


@requires("section11.complete")
def response_answer_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The agency lead answers a challenge in the criterion's thread."""
    user, partnership = request.user, request.partnership
    response = find_response(request, pk)
    return_record = response.return_record
    if not can_complete_for(user=user, partnership=partnership, agency_id=return_record.agency_id):
        raise Http404
    allowed = may_answer(user=user, partnership=partnership, response=response)
    form = AnswerForm(request.POST or None, request.FILES or None) if allowed else None
    if form is not None and request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        try:
            response_answer(
                actor=user,
                partnership=partnership,
                response=response,
                answer=form.cleaned_data["answer"],
                upload=upload,
            )
        except ValidationError as error:
            attach(form, error, field="answer")
        else:
            sent = f"Answer sent to the moderator, with “{upload.name}”." if upload else "Answer sent to the moderator."
            messages.success(request, sent)
            return redirect(criterion_url(partnership, response))
    return render(
        request,
        "section11/returns/response_answer.html",
        {
            "return_record": return_record,
            "row": criterion_row(response),
            "form": form,
            "crumbs": section11_crumbs(partnership, *return_trail(partnership, return_record)),
        },
    )


@requires("section11.moderate")
def return_accept_view(request: HttpRequest, pk: int) -> HttpResponse:
    user, partnership = request.user, request.partnership
    return_record = find_return(request, pk)
    allowed = may_moderate(user=user, partnership=partnership, return_record=return_record)
    problems = [f"Criterion {ref} is still challenged or awaits your review." for ref in open_challenges(return_record)]
    if request.method == "POST" and allowed:
        try:
            return_accept(actor=user, partnership=partnership, return_record=return_record)
        except (ValidationError, PermissionDenied) as error:
            problems = getattr(error, "messages", [str(error)])
        else:
            messages.success(request, f"{return_record.agency}’s return accepted.")
            return redirect(partnership_url("section11:return_detail", partnership, pk=return_record.pk))
    return render(
        request,
        "section11/returns/return_accept.html",
        {
            "return_record": return_record,
            "allowed": allowed,
            "problems": problems,
            "crumbs": section11_crumbs(partnership, *return_trail(partnership, return_record)),
        },
    )


@requires("section11.moderate")
def return_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    user, partnership = request.user, request.partnership
    return_record = find_return(request, pk)
    allowed = may_reopen(user=user, partnership=partnership, return_record=return_record)
    form = ReopenForm(request.POST or None) if allowed else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            return_reopen(
                actor=user, partnership=partnership, return_record=return_record, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            attach(form, error, field="reason")
        else:
            messages.success(request, f"{return_record.agency}’s return reopened: the agency can change it again.")
            return redirect(partnership_url("section11:return_detail", partnership, pk=return_record.pk))
    return render(
        request,
        "section11/returns/return_reopen.html",
        {
            "return_record": return_record,
            "form": form,
            "crumbs": section11_crumbs(partnership, *return_trail(partnership, return_record)),
        },
    )
