"""Evaluations: a delegate's own evaluation page (their confidence in each learning outcome above
the questionnaire) and certificate; the results of the year for the business unit, the board and
the chair, with the download; the quotes the business unit chooses for the annual report."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import export_response, register_response
from assure.partnerships.years import financial_year_of, financial_year_problem
from assure.questionnaires.pages import answer_page

from ..certificates import certificate_filename, certificate_pdf
from ..evaluation_rules import CONFIDENCE_STAGES, certificate_refusal, stage_closed_reason, stage_open
from ..forms_evaluations import CONFIDENCE_FIELD, ConfirmForm, QuoteForm, confidence_scores
from ..models import Evaluation
from ..permissions import can_manage
from ..selectors.evaluations import (
    after_submitted,
    candidate_of,
    certificate_booking,
    evaluation_of,
    evaluation_results,
    evaluation_years,
    own_booking,
    quote_candidates,
    quotes_visible_to,
    result_rows,
)
from ..services.evaluations import (
    confidence_levels,
    confidences_save,
    evaluation_open,
    evaluation_start,
    evaluation_submit,
    quote_remove,
    quote_select,
)
from ..tables_evaluations import QuoteTable

TITLE = "Training evaluations"
MINE = "My training"
DOWNLOADS = ("csv", "xlsx")


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _mine_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (MINE, partnership_url("training:mine", partnership)), *trail)


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("training:evaluations", partnership)), *trail)


def _year(request: HttpRequest) -> str:
    year = request.GET.get("year", "").strip()
    if year and financial_year_problem(year) is None:
        return year
    return financial_year_of(timezone.localdate())


def _years(partnership, year: str) -> list[str]:
    years = evaluation_years(partnership=partnership, today=timezone.localdate())
    return years if year in years else sorted({*years, year}, reverse=True)


# --- the delegate's own -------------------------------------------------------------------------


def _confidence_rows(evaluation: Evaluation, posted=None, errors=None) -> list[dict]:
    """The learning outcomes to rate, each with the point chosen (as posted, or as kept) and its
    message: a point not on the scale, or none chosen when the delegate tried to submit."""
    if evaluation.stage not in CONFIDENCE_STAGES:
        return []
    outcomes = list(evaluation.booking.session.course.outcomes or [])
    stored = {c.outcome: str(c.score) for c in evaluation.confidences.all()}
    chosen = confidence_scores(posted, len(outcomes)) if posted is not None else {}
    submitting = posted is not None and posted.get("action") == "submit"
    levels = [(str(score), label) for score, label in confidence_levels()]
    rows = []
    for index, text in enumerate(outcomes):
        value = chosen.get(index) or stored.get(index, "")
        error = (errors or {}).get(index, "")
        if not error and submitting and not value:
            error = f"Choose how confident you feel: {text}"
        rows.append(
            {
                "index": index,
                "text": text,
                "name": CONFIDENCE_FIELD.format(index),
                "chosen": value,
                "error": error,
                "levels": levels,
            }
        )
    return rows


@requires("training.book")
def evaluate(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    evaluation = evaluation_of(user=request.user, partnership=partnership, pk=pk)
    if evaluation is None:
        raise Http404
    booking = evaluation.booking
    is_open = not evaluation.is_submitted and stage_open(booking, evaluation.stage)
    if evaluation.response_id is None:
        if not is_open:
            raise Http404
        evaluation_open(actor=request.user, partnership=partnership, evaluation=evaluation)
    url = partnership_url("training:evaluate", partnership, pk=evaluation.pk)
    confidence_errors: dict[int, str] = {}
    posted = None
    if request.method == "POST" and is_open and evaluation.stage in CONFIDENCE_STAGES:
        posted = request.POST
        count = len(evaluation.booking.session.course.outcomes or [])
        confidence_errors = confidences_save(
            actor=request.user, partnership=partnership, evaluation=evaluation, scores=confidence_scores(posted, count)
        )

    def submitted(response) -> None:
        evaluation_submit(actor=request.user, partnership=partnership, evaluation=evaluation, response=response)
        messages.success(request, "Thank you: your evaluation has been submitted.")

    rows = _confidence_rows(evaluation, posted, confidence_errors)
    context = {
        "evaluation": evaluation,
        "booking": booking,
        "session": booking.session,
        "course": booking.session.course,
        "stage": evaluation.get_stage_display(),
        "closed_reason": "" if is_open or evaluation.is_submitted else stage_closed_reason(booking, evaluation.stage),
        "confidences": rows,
        "confidence_errors": any(row["error"] for row in rows),
        "confidence_editable": is_open,
        "certificate_url": partnership_url("training:certificate", partnership, pk=booking.pk)
        if evaluation.stage == Evaluation.Stage.AFTER and evaluation.is_submitted
        else "",
        "crumbs": _mine_crumbs(partnership, (f"Evaluation: {booking.session.display_title}", None)),
    }
    return _private(
        answer_page(
            request,
            response=evaluation.response,
            template="training/evaluation.html",
            context=context,
            editable=is_open,
            on_submit=submitted,
            done_url=url,
        )
    )


@requires("training.book")
def evaluation_begin(request: HttpRequest, pk: int, stage: str) -> HttpResponse:
    partnership = request.partnership
    booking = own_booking(user=request.user, partnership=partnership, pk=pk)
    if booking is None or stage not in (Evaluation.Stage.BEFORE, Evaluation.Stage.AFTER):
        raise Http404
    existing = booking.evaluations.filter(stage=stage).first()
    if existing is not None and existing.response_id is not None:
        return redirect(partnership_url("training:evaluate", partnership, pk=existing.pk))
    problem = "" if stage_open(booking, stage) or existing else stage_closed_reason(booking, stage)
    if request.method == "POST" and not problem:
        try:
            evaluation = evaluation_start(actor=request.user, partnership=partnership, booking=booking, stage=stage)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            return redirect(partnership_url("training:evaluate", partnership, pk=evaluation.pk))
    context = {
        "booking": booking,
        "session": booking.session,
        "stage": Evaluation.Stage(stage).label,
        "problem": problem,
        "back": partnership_url("training:mine", partnership),
        "crumbs": _mine_crumbs(partnership, (f"Evaluate: {booking.session.display_title}", None)),
    }
    return _private(render(request, "training/evaluation_start.html", context, status=200))


def _certificate(request: HttpRequest, pk: int, *, own: bool) -> HttpResponse:
    partnership = request.partnership
    booking = certificate_booking(user=request.user, partnership=partnership, pk=pk, own=own)
    if booking is None:
        raise Http404
    reason = certificate_refusal(booking, after_submitted=after_submitted(booking))
    if reason:
        context = {
            "booking": booking,
            "reason": reason,
            "back": partnership_url("training:mine", partnership)
            if own
            else partnership_url("training:evaluations", partnership),
            "crumbs": _mine_crumbs(partnership, ("Certificate", None))
            if own
            else _crumbs(partnership, ("Certificate", None)),
        }
        return _private(render(request, "training/certificate_not_ready.html", context, status=404))
    response = HttpResponse(certificate_pdf(booking), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate_filename(booking)}"'
    return _private(response)


@requires("training.book")
def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    return _certificate(request, pk, own=True)


@requires("training.manage")
def certificate_copy(request: HttpRequest, pk: int) -> HttpResponse:
    return _certificate(request, pk, own=False)


# --- results and quotes -------------------------------------------------------------------------


@requires("training.view")
def evaluations(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    year = _year(request)
    results = evaluation_results(user=request.user, partnership=partnership, year=year)
    if results is None:
        raise Http404
    download = request.GET.get("format", "")
    if download in DOWNLOADS:
        headers, rows = result_rows(results)
        return _private(
            export_response(headers=headers, rows=rows, name=f"training-evaluations-{year}", export_format=download)
        )
    manager = can_manage(user=request.user, partnership=partnership)
    context = {
        "results": results,
        "year": year,
        "years": _years(partnership, year),
        "can_manage": manager,
        "candidates": quote_candidates(user=request.user, partnership=partnership, year=year) if manager else [],
        "quotes_url": partnership_url("training:quotes", partnership) + f"?year={year}",
        "crumbs": crumbs(partnership, (TITLE, None)),
    }
    return _private(render(request, "training/evaluations.html", context))


@requires("training.manage")
def quote_choose(request: HttpRequest, pk: int, question: str) -> HttpResponse:
    partnership = request.partnership
    candidate = candidate_of(user=request.user, partnership=partnership, evaluation_pk=pk, question=question)
    if candidate is None or candidate.chosen is not None:
        raise Http404
    year = financial_year_of(timezone.localdate(candidate.evaluation.booking.session.starts_at))
    back = partnership_url("training:evaluations", partnership) + f"?year={year}#quotes"
    form = QuoteForm(request.POST or None, initial={"text": candidate.text})
    if request.method == "POST" and form.is_valid():
        try:
            quote_select(
                actor=request.user,
                partnership=partnership,
                evaluation=candidate.evaluation,
                question=question,
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"The quote is chosen for the annual report {year}.")
            return redirect(back)
    context = {
        "candidate": candidate,
        "form": form,
        "year": year,
        "back": back,
        "crumbs": _crumbs(partnership, ("Choose a quote", None)),
    }
    return _private(render(request, "training/quote_choose.html", context))


@requires("training.view")
def quotes(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    year = _year(request)
    found = (
        quotes_visible_to(user=request.user, partnership=partnership).filter(year=year).order_by("selected_at", "pk")
    )
    manager = can_manage(user=request.user, partnership=partnership)
    table = QuoteTable(found, partnership=partnership, removable=manager)
    context = {
        "year": year,
        "years": _years(partnership, year),
        "crumbs": _crumbs(partnership, (f"Quotes for the annual report {year}", None)),
        "full_width": False,
    }
    return _private(
        register_response(
            request,
            table=table,
            template="training/quotes.html",
            context=context,
            export_name=f"training-quotes-{year}",
        )
    )


@requires("training.manage")
def quote_delete(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    quote = quotes_visible_to(user=request.user, partnership=partnership).filter(pk=pk).first()
    if quote is None:
        raise Http404
    back = partnership_url("training:quotes", partnership) + f"?year={quote.year}"
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            quote_remove(actor=request.user, partnership=partnership, quote=quote)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, "The quote is taken out of the annual report.")
            return redirect(back)
    context = {"quote": quote, "form": form, "back": back, "crumbs": _crumbs(partnership, ("Remove a quote", None))}
    return _private(render(request, "training/quote_remove.html", context))
