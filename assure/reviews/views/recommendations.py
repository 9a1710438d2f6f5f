"""The pages of a review's findings, recommendations and action plan: the findings and
recommendations of a review; adding, changing and deleting them; raising an action from a
recommendation; the action plan with the progress reported to the subgroup; and the register of
every review's action plan. Each view finds the review (or the finding, the recommendation) through
the reviews the person may read, so one they may not read answers 404, and calls one service to
change it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from assure.actions.forms import ActionForm
from assure.actions.selectors import action_agency_choices, action_owner_choices
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response
from assure.partnerships.selectors.agencies import partnership_agencies
from assure.questionnaires.identifying import identifying_warning

from ..filters_recommendations import ActionPlanFilter
from ..forms_recommendations import ProgressReportForm, RecommendationForm, ReviewFindingForm
from ..links import review_url
from ..models import Recommendation, Review, ReviewFinding
from ..permissions import can_manage_reviews, may_raise_review_actions, may_record_findings
from ..selectors.recommendations import (
    action_plan,
    action_plan_rows,
    plan_reviews_visible_to,
    progress_meetings,
    recommendation_choices_of,
    recommendations_visible_to,
    review_findings,
    review_findings_visible_to,
)
from ..services.recommendations import (
    RAISED_PROBLEM,
    actions_raised,
    finding_delete_problem,
    progress_report_add,
    recommendation_action_raise,
    recommendation_create,
    recommendation_delete,
    recommendation_update,
    review_finding_create,
    review_finding_delete,
    review_finding_update,
)
from ..tables_recommendations import ActionPlanTable


def findings_url(review: Review) -> str:
    return partnership_url("reviews:review_findings", review.partnership, pk=review.pk)


def plan_url(review: Review) -> str:
    return partnership_url("reviews:action_plan", review.partnership, pk=review.pk)


def plan_crumbs(partnership, review: Review | None, *trail: Crumb) -> list[Crumb]:
    """Breadcrumbs through the action plans (and the review, when there is one)."""
    here = [("Action plans", partnership_url("reviews:action_plans", partnership))]
    if review is not None:
        here.append((review.reference, review_url(review)))
    return crumbs(partnership, *here, *trail)


def _review(request: HttpRequest, pk: int) -> Review:
    return get_object_or_404(plan_reviews_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def _recordable(request: HttpRequest, review: Review) -> Review:
    """The review, when the person may change its findings and recommendations now; 404 otherwise
    (a step not open to them is not offered, so its page does not exist for them)."""
    if not may_record_findings(user=request.user, review=review):
        raise Http404
    return review


def _known_names(review: Review) -> list[str]:
    return [agency.name for agency in review.agencies.all()] + [review.partnership.name]


def _warned(form, text: str, review: Review) -> str:
    """The warning that the text may name a person, the first time only ("" once warned: saving
    again keeps it as it is)."""
    warning = identifying_warning(text, known=_known_names(review))
    if warning and not form.data.get("warned"):
        form.data = form.data.copy()
        form.data["warned"] = "1"
        return warning
    return ""


# --- findings and recommendations ------------------------------------------------------------------


@requires("reviews.view")
def review_findings_view(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    context = review_findings(user=request.user, review=review)
    return render(
        request,
        "reviews/recommendations/findings.html",
        {
            **context,
            "review_url": review_url(review),
            "crumbs": plan_crumbs(request.partnership, review, ("Findings and recommendations", None)),
        },
    )


def _text_form_page(request, form, *, review, title: str, warning: str, cancel: str, button: str) -> HttpResponse:
    return render(
        request,
        "reviews/recommendations/text_form.html",
        {
            "form": form,
            "review": review,
            "title": title,
            "warning": warning,
            "cancel_url": cancel,
            "button": button,
            "crumbs": plan_crumbs(
                request.partnership, review, ("Findings and recommendations", findings_url(review)), (title, None)
            ),
        },
    )


@requires("reviews.run")
def finding_add(request: HttpRequest, review: int) -> HttpResponse:
    record = _recordable(request, _review(request, review))
    form = ReviewFindingForm(request.POST or None)
    warning = ""
    if request.method == "POST" and form.is_valid():
        warning = _warned(form, form.cleaned_data["text"], record)
        if not warning:
            try:
                finding = review_finding_create(actor=request.user, review=record, text=form.cleaned_data["text"])
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(request, f"Finding {finding.number} recorded.")
                return redirect(f"{findings_url(record)}#finding-{finding.number}")
    return _text_form_page(
        request,
        form,
        review=record,
        title="Add a finding",
        warning=warning,
        cancel=findings_url(record),
        button="Add the finding",
    )


def _finding(request: HttpRequest, pk: int) -> ReviewFinding:
    finding = get_object_or_404(review_findings_visible_to(user=request.user, partnership=request.partnership), pk=pk)
    _recordable(request, finding.review)
    return finding


@requires("reviews.run")
def finding_edit(request: HttpRequest, pk: int) -> HttpResponse:
    finding = _finding(request, pk)
    review = finding.review
    form = ReviewFindingForm(request.POST or None, initial={"text": finding.text})
    warning = ""
    if request.method == "POST" and form.is_valid():
        warning = _warned(form, form.cleaned_data["text"], review)
        if not warning:
            try:
                review_finding_update(actor=request.user, finding=finding, text=form.cleaned_data["text"])
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(request, f"Finding {finding.number} saved.")
                return redirect(f"{findings_url(review)}#finding-{finding.number}")
    return _text_form_page(
        request,
        form,
        review=review,
        title=f"Change finding {finding.number}",
        warning=warning,
        cancel=findings_url(review),
        button="Save",
    )


@requires("reviews.run")
def finding_delete(request: HttpRequest, pk: int) -> HttpResponse:
    finding = _finding(request, pk)
    review = finding.review
    problem = finding_delete_problem(finding)
    if not problem and request.method == "POST":
        try:
            review_finding_delete(actor=request.user, finding=finding)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(request, f"Finding {finding.number} deleted.")
            return redirect(f"{findings_url(review)}#findings")
    return render(
        request,
        "core/confirm_delete.html",
        {
            "heading": f"Delete finding {finding.number} of review {review.reference}?",
            "description": finding.text,
            "cancel_url": findings_url(review),
            "button": "Delete the finding",
            "problem": problem,
            "blocked": bool(problem),
            "back_label": "Back to the findings",
            "crumbs": plan_crumbs(
                request.partnership,
                review,
                ("Findings and recommendations", findings_url(review)),
                (f"Delete finding {finding.number}", None),
            ),
        },
    )


def _recommendation_form(request, review: Review, **kwargs) -> RecommendationForm:
    return RecommendationForm(
        request.POST or None,
        findings=recommendation_choices_of(review),
        agencies=partnership_agencies(user=request.user, partnership=request.partnership),
        **kwargs,
    )


def _recommendation_data(form, review: Review) -> dict:
    data = dict(form.cleaned_data)
    data.pop("warned", None)
    chosen = data.pop("finding") or ""
    data["finding"] = ReviewFinding.objects.filter(review=review, pk=chosen).first() if chosen.isdigit() else None
    return data


@requires("reviews.run")
def recommendation_add(request: HttpRequest, review: int) -> HttpResponse:
    record = _recordable(request, _review(request, review))
    form = _recommendation_form(request, record)
    warning = ""
    if request.method == "POST" and form.is_valid():
        warning = _warned(form, form.cleaned_data["text"], record)
        if not warning:
            try:
                recommendation = recommendation_create(
                    actor=request.user, review=record, **_recommendation_data(form, record)
                )
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(request, f"Recommendation {recommendation.number} recorded.")
                return redirect(f"{findings_url(record)}#recommendation-{recommendation.number}")
    return _text_form_page(
        request,
        form,
        review=record,
        title="Add a recommendation",
        warning=warning,
        cancel=findings_url(record),
        button="Add the recommendation",
    )


def _recommendation(request: HttpRequest, pk: int) -> Recommendation:
    return get_object_or_404(recommendations_visible_to(user=request.user, partnership=request.partnership), pk=pk)


@requires("reviews.run")
def recommendation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = _recommendation(request, pk)
    review = _recordable(request, recommendation.review)
    form = _recommendation_form(
        request,
        review,
        initial={
            "text": recommendation.text,
            "finding": str(recommendation.finding_id or ""),
            "agency": recommendation.agency_id,
        },
    )
    warning = ""
    if request.method == "POST" and form.is_valid():
        warning = _warned(form, form.cleaned_data["text"], review)
        if not warning:
            try:
                recommendation_update(
                    actor=request.user, recommendation=recommendation, **_recommendation_data(form, review)
                )
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(request, f"Recommendation {recommendation.number} saved.")
                return redirect(f"{findings_url(review)}#recommendation-{recommendation.number}")
    return _text_form_page(
        request,
        form,
        review=review,
        title=f"Change recommendation {recommendation.number}",
        warning=warning,
        cancel=findings_url(review),
        button="Save",
    )


@requires("reviews.run")
def recommendation_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = _recommendation(request, pk)
    review = _recordable(request, recommendation.review)
    problem = RAISED_PROBLEM if actions_raised(recommendation).exists() else ""
    if not problem and request.method == "POST":
        try:
            recommendation_delete(actor=request.user, recommendation=recommendation)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(request, f"Recommendation {recommendation.number} deleted.")
            return redirect(f"{findings_url(review)}#recommendations")
    return render(
        request,
        "core/confirm_delete.html",
        {
            "heading": f"Delete recommendation {recommendation.number} of review {review.reference}?",
            "description": recommendation.text,
            "cancel_url": findings_url(review),
            "button": "Delete the recommendation",
            "problem": problem,
            "blocked": bool(problem),
            "back_label": "Back to the recommendations",
            "crumbs": plan_crumbs(
                request.partnership,
                review,
                ("Findings and recommendations", findings_url(review)),
                (f"Delete recommendation {recommendation.number}", None),
            ),
        },
    )


@requires("reviews.manage")
def recommendation_action(request: HttpRequest, pk: int) -> HttpResponse:
    """Raise an action in the tracker from the recommendation."""
    recommendation = _recommendation(request, pk)
    review = recommendation.review
    if not may_raise_review_actions(user=request.user, review=review):
        raise Http404
    partnership = request.partnership
    form = ActionForm(
        request.POST or None,
        agencies=action_agency_choices(user=request.user, partnership=partnership),
        owners=action_owner_choices(user=request.user, partnership=partnership),
        initial={"owner_agency": recommendation.agency_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            action = recommendation_action_raise(actor=request.user, recommendation=recommendation, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Action {action.reference} raised from recommendation {recommendation.number}.")
            return redirect(f"{plan_url(review)}#recommendation-{recommendation.number}")
    return render(
        request,
        "reviews/recommendations/action_form.html",
        {
            "form": form,
            "recommendation": recommendation,
            "review": review,
            "crumbs": plan_crumbs(partnership, review, ("Action plan", plan_url(review)), ("Raise an action", None)),
        },
    )


# --- the action plan -------------------------------------------------------------------------------


@requires("reviews.view")
def action_plan_view(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    return render(
        request,
        "reviews/recommendations/action_plan.html",
        {
            **action_plan(user=request.user, review=review),
            "review_url": review_url(review),
            "findings_url": findings_url(review),
            "crumbs": plan_crumbs(request.partnership, review, ("Action plan", None)),
        },
    )


@requires("reviews.manage")
def progress_add(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    if not may_raise_review_actions(user=request.user, review=review):
        raise Http404
    form = ProgressReportForm(request.POST or None, meetings=progress_meetings(user=request.user, review=review))
    if request.method == "POST" and form.is_valid():
        try:
            report = progress_report_add(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Progress reported to {report.meeting} recorded.")
            return redirect(f"{plan_url(review)}#progress")
    return render(
        request,
        "reviews/recommendations/progress_form.html",
        {
            "form": form,
            "review": review,
            "crumbs": plan_crumbs(
                request.partnership, review, ("Action plan", plan_url(review)), ("Report progress", None)
            ),
        },
    )


@requires("reviews.view")
def action_plans(request: HttpRequest) -> HttpResponse:
    """Every review with recommendations: how far its action plan has got."""
    partnership = request.partnership
    reviews = plan_reviews_visible_to(user=request.user, partnership=partnership)
    filterset = ActionPlanFilter(request.GET or None, queryset=reviews, request=request, partnership=partnership)
    rows = action_plan_rows(user=request.user, partnership=partnership, reviews=filterset.qs)
    return register_response(
        request,
        table=ActionPlanTable(rows, partnership=partnership),
        filterset=filterset,
        template="reviews/recommendations/action_plans.html",
        context={
            "may_manage": can_manage_reviews(user=request.user, partnership=partnership),
            "crumbs": crumbs(partnership, ("Action plans", None)),
        },
        export_name=f"{partnership.slug}-review-action-plans",
    )
