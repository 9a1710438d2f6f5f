"""The business unit's pages of surveys: the register (with its download), adding and changing
a survey, a survey's page with its public link, its results question by question, the
comparison with the previous survey of its series (with its download), and the free-text
answers to review. The board and the chair (``engagement.view``) read the register, a survey,
its results and the comparison; the free-text answers are the business unit's only."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import export_response, register_response
from assure.questionnaires.exports import results_export

from ..forms_surveys import ReviewForm, SurveyForm, questionnaires_offered, survey_initial
from ..models import Survey
from ..permissions import can_manage
from ..selectors.surveys import (
    Status,
    free_text_answer,
    free_text_to_review,
    priority_choices,
    questionnaire_choices,
    series_choices,
    status_of,
    survey_comparison,
    survey_for,
    survey_results,
    surveys_visible_to,
    voice_sources,
)
from ..services.surveys import QUOTE, free_text_review, survey_create, survey_update
from ..tables_surveys import SurveyFilter, SurveyTable

TITLE = "Surveys"
DOWNLOADS = ("csv", "xlsx")
DEFAULT_SOURCE = "child"
PAGE_SIZE = 20


def survey_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("engagement:surveys", partnership)), *trail)


def survey_url(partnership, survey: Survey) -> str:
    return partnership_url("engagement:survey_detail", partnership, pk=survey.pk)


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _survey(request: HttpRequest, pk: int) -> Survey:
    survey = survey_for(user=request.user, partnership=request.partnership, pk=pk)
    if survey is None:
        raise Http404
    return survey


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


@requires("engagement.view")
def survey_list(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    filterset = SurveyFilter(
        request.GET or None, queryset=surveys_visible_to(user=request.user, partnership=partnership), request=request
    )
    return register_response(
        request,
        table=SurveyTable(filterset.qs, partnership=partnership),
        filterset=filterset,
        template="engagement/survey_list.html",
        context={
            "crumbs": crumbs(partnership, (TITLE, None)),
            "may_manage": can_manage(user=request.user, partnership=partnership),
        },
        export_name=f"{partnership.slug}-surveys",
    )


def _form_page(request: HttpRequest, context: dict) -> HttpResponse:
    partnership = request.partnership
    context["series_known"] = series_choices(user=request.user, partnership=partnership)
    return render(request, "engagement/survey_form.html", context)


@requires("engagement.manage")
def survey_create_view(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    offered = questionnaire_choices(user=request.user, partnership=partnership)
    today = timezone.localdate()
    form = SurveyForm(
        _posted(request),
        questionnaires=offered,
        priorities=priority_choices(user=request.user, partnership=partnership),
        initial={"opens_on": today, "questionnaire": str(offered[0].pk) if len(offered) == 1 else ""},
    )
    if request.method == "POST" and form.is_valid():
        try:
            survey = survey_create(
                actor=request.user, partnership=partnership, values=form.service_values(), offered=offered
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{survey.title} added. Its public link is below.")
            return redirect(survey_url(partnership, survey))
    return _form_page(
        request,
        {
            "form": form,
            "heading": "Add a survey",
            "button": "Add the survey",
            "cancel_url": partnership_url("engagement:surveys", partnership),
            "crumbs": survey_crumbs(partnership, ("Add a survey", None)),
        },
    )


@requires("engagement.manage")
def survey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    survey = _survey(request, pk)
    offered = questionnaires_offered(survey, questionnaire_choices(user=request.user, partnership=partnership))
    form = SurveyForm(
        _posted(request),
        questionnaires=offered,
        priorities=priority_choices(user=request.user, partnership=partnership),
        initial=survey_initial(survey),
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = survey_update(actor=request.user, survey=survey, values=form.service_values(), offered=offered)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{survey.title} changed." if changed else "Nothing was changed.")
            return redirect(survey_url(partnership, survey))
    return _form_page(
        request,
        {
            "form": form,
            "survey": survey,
            "has_responses": survey.responses > 0,
            "heading": f"Change {survey.title}",
            "button": "Save the changes",
            "cancel_url": survey_url(partnership, survey),
            "crumbs": survey_crumbs(partnership, (survey.title, survey_url(partnership, survey)), ("Change", None)),
        },
    )


@requires("engagement.view")
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    survey = _survey(request, pk)
    status = status_of(survey, timezone.localdate())
    manager = can_manage(user=request.user, partnership=partnership)
    public_path = reverse("survey:answer", kwargs={"partnership": partnership.slug, "token": survey.token})
    return render(
        request,
        "engagement/survey_detail.html",
        {
            "survey": survey,
            "status": status,
            "status_label": Status.LABELS[status],
            "status_tag": Status.TAGS[status],
            "public_link": request.build_absolute_uri(public_path),
            "may_manage": manager,
            "free_text": len(free_text_to_review(user=request.user, partnership=partnership, survey=survey))
            if manager
            else 0,
            "crumbs": survey_crumbs(partnership, (survey.title, None)),
        },
    )


@requires("engagement.view")
def survey_results_view(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    survey = _survey(request, pk)
    results = survey_results(user=request.user, partnership=partnership, survey=survey)
    if results is None:
        raise Http404
    download = request.GET.get("format", "")
    if download in DOWNLOADS:
        return _private(results_export(results.results, name=f"survey-{survey.pk}-results", export_format=download))
    return _private(
        render(
            request,
            "engagement/survey_results.html",
            {
                "survey": survey,
                "results": results,
                "may_manage": can_manage(user=request.user, partnership=partnership),
                "crumbs": survey_crumbs(
                    partnership, (survey.title, survey_url(partnership, survey)), ("Results", None)
                ),
            },
        )
    )


@requires("engagement.view")
def survey_compare(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    survey = _survey(request, pk)
    comparison = survey_comparison(user=request.user, partnership=partnership, survey=survey)
    if comparison is None:
        raise Http404
    download = request.GET.get("format", "")
    if download in DOWNLOADS and comparison.previous is not None:
        headers, rows = comparison.table()
        return _private(
            export_response(headers=headers, rows=rows, name=f"survey-{survey.pk}-compared", export_format=download)
        )
    return _private(
        render(
            request,
            "engagement/survey_compare.html",
            {
                "survey": survey,
                "comparison": comparison,
                "crumbs": survey_crumbs(
                    partnership, (survey.title, survey_url(partnership, survey)), ("Year on year", None)
                ),
            },
        )
    )


@requires("engagement.manage")
def survey_free_text(request: HttpRequest, pk: int) -> HttpResponse:
    """Each free-text answer still to review, with a form of its own: "May be quoted" makes it a
    voice that may be quoted, "Not to be quoted" withholds it with a reason; either way it leaves
    the list. A form with a mistake is drawn again with what was typed."""
    partnership = request.partnership
    survey = _survey(request, pk)
    sources = voice_sources()
    initial_source = DEFAULT_SOURCE if DEFAULT_SOURCE in dict(sources) else (sources[0][0] if sources else "")
    posted_answer = request.POST.get("answer", "") if request.method == "POST" else ""
    here = partnership_url("engagement:survey_free_text", partnership, pk=survey.pk)
    forms_by_answer = {}
    if posted_answer.isdigit():
        answer = free_text_answer(user=request.user, partnership=partnership, survey=survey, pk=int(posted_answer))
        if answer is None:
            messages.error(request, "That answer has already been reviewed.")
            return redirect(here)
        form = ReviewForm(request.POST, prefix=f"answer-{answer.pk}", sources=sources)
        if form.is_valid():
            try:
                free_text_review(
                    actor=request.user,
                    partnership=partnership,
                    survey=survey,
                    answer=answer,
                    decision=form.cleaned_data["decision"],
                    text=form.cleaned_data["text"],
                    source_type=form.cleaned_data["source_type"],
                    consent=form.cleaned_data["consent"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                attach(form, error)
            else:
                quoted = form.cleaned_data["decision"] == QUOTE
                messages.success(
                    request,
                    "The answer is kept as a voice that may be quoted."
                    if quoted
                    else "The answer is kept as a voice not to be quoted.",
                )
                return redirect(here)
        forms_by_answer[answer.pk] = form
    elif request.method == "POST":
        messages.error(request, "Choose an answer to review.")
        return redirect(here)
    page = Paginator(
        free_text_to_review(user=request.user, partnership=partnership, survey=survey), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    rows = [
        {
            "item": item,
            "form": forms_by_answer.get(item.answer.pk)
            or ReviewForm(
                prefix=f"answer-{item.answer.pk}",
                sources=sources,
                initial={"text": item.answer.text, "source_type": initial_source},
            ),
        }
        for item in page.object_list
    ]
    return _private(
        render(
            request,
            "engagement/survey_free_text.html",
            {
                "survey": survey,
                "rows": rows,
                "page": page,
                "has_errors": bool(forms_by_answer),
                "crumbs": survey_crumbs(
                    partnership, (survey.title, survey_url(partnership, survey)), ("Free-text answers", None)
                ),
            },
        )
    )
