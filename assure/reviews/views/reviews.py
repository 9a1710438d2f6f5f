"""The pages of running a review: the register, commissioning, a review's page (everything not
restricted), its details edited and its pipeline, the case file (named case content: the
case-review grant, every read logged, never cached), agencies' contributions (asked for, uploaded,
downloaded, chased), practitioners' conversations, the final report and publication. Each view
finds the review through ``reviews_visible_to``, so a review the person may not see answers 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.cache import patch_cache_control

from assure.audit.services import restricted_read_record
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, back_to, crumbs, partnership_url
from assure.core.tables import register_response
from assure.notifications.selectors import last_reminded
from assure.questionnaires.identifying import identifying_warning

from ..clocks import review_clocks
from ..documents import content_type_of
from ..filters_reviews import ReviewFilter
from ..forms_reviews import (
    ConfirmForm,
    ContributionRequestForm,
    ConversationForm,
    DocumentForm,
    MoveForm,
    PublishForm,
    ReviewForm,
)
from ..models import Briefing, Contribution, Review
from ..permissions import (
    CASE_REVIEW_AREA,
    can_manage_reviews,
    can_read_case_content,
    can_run_reviews,
    may_change_review,
    may_download_contribution,
    may_upload_contribution,
)
from ..pipeline import PUBLISH, next_steps
from ..scheme import scheme_for
from ..selectors.briefings import briefings_of_review
from ..selectors.reviews import (
    agency_choices,
    cancellation_reason,
    contribution_kind_choices,
    contribution_visible_to,
    contributions_of,
    conversations_of,
    priority_choices,
    referral_choices,
    review_events,
    review_figures,
    review_register,
    reviews_visible_to,
    type_choices,
)
from ..selectors.reviews import (
    contributions_mine as contributions_mine_of,
)
from ..services.contributions import contribution_remind, contribution_upload, contributions_request
from ..services.reviews import (
    conversation_add,
    is_statutory,
    review_commission,
    review_move,
    review_publish,
    review_report_attach,
    review_update,
)
from ..tables_reviews import ContributionTable, ReviewTable, review_status_tag

TITLE = "Case reviews"


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("reviews:reviews", partnership)), *trail)


def _review_crumb(review: Review) -> Crumb:
    return (review.reference, partnership_url("reviews:review_detail", review.partnership, pk=review.pk))


def _review(request: HttpRequest, pk: int) -> Review:
    return get_object_or_404(
        reviews_visible_to(user=request.user, partnership=request.partnership).select_related("partnership"), pk=pk
    )


def _detail_url(review: Review) -> str:
    return partnership_url("reviews:review_detail", review.partnership, pk=review.pk)


def _maybe_url(name: str, partnership, **kwargs) -> str:
    """The address of another part's page, or "" while that page is not there."""
    try:
        return partnership_url(name, partnership, **kwargs)
    except NoReverseMatch:
        return ""


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _known_names(review: Review) -> list[str]:
    return [agency.name for agency in review.agencies.all()] + [review.partnership.name]


# --- the register and commissioning ----------------------------------------------------------------


@requires("reviews.view")
def register(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    reviews = review_register(user=request.user, partnership=partnership)
    filterset = ReviewFilter(request.GET or None, queryset=reviews, request=request)
    return register_response(
        request,
        table=ReviewTable(filterset.qs, partnership=partnership, today=timezone.localdate()),
        filterset=filterset,
        template="reviews/reviews/register.html",
        context={
            "can_manage": can_manage_reviews(user=request.user, partnership=partnership),
            "crumbs": crumbs(partnership, (TITLE, None)),
        },
        export_name=f"{partnership.slug}-case-reviews",
    )


def _review_form(request: HttpRequest, *, editing: bool, initial=None) -> ReviewForm:
    partnership, user = request.partnership, request.user
    return ReviewForm(
        request.POST or None,
        initial=initial,
        types=type_choices(partnership),
        referrals=referral_choices(user=user, partnership=partnership),
        priorities=priority_choices(user=user, partnership=partnership),
        agencies=agency_choices(user=user, partnership=partnership),
        editing=editing,
    )


@requires("reviews.manage")
def review_create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    form = _review_form(request, editing=False, initial={"decided_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            review = review_commission(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Review {review.reference} commissioned.")
            return redirect(_detail_url(review))
    return render(
        request,
        "reviews/reviews/review_form.html",
        {"form": form, "review": None, "crumbs": _crumbs(partnership, ("Commission a review", None))},
    )


# --- a review's page --------------------------------------------------------------------------------


@requires("reviews.view")
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    partnership, user = request.partnership, request.user
    today = timezone.localdate()
    scheme = scheme_for(partnership)
    manage = can_manage_reviews(user=user, partnership=partnership)
    briefings = [
        {
            "briefing": briefing,
            "url": _maybe_url("learning:briefing", partnership, slug=briefing.slug)
            if briefing.status == Briefing.Status.PUBLISHED
            else "",
        }
        for briefing in briefings_of_review(user=user, review=review)
    ]
    chasing = []
    if manage:
        asked = list(contributions_of(user=user, review=review))
        reminded = last_reminded(model=Contribution, ids=[c.pk for c in asked])
        chasing = [
            {
                "contribution": c,
                "kind": scheme.title_of("contribution_kinds", c.kind),
                "overdue": c.is_overdue(today),
                "last_reminded": reminded.get(str(c.pk)),
            }
            for c in asked
        ]
    return render(
        request,
        "reviews/reviews/detail.html",
        {
            "review": review,
            "kind": scheme.title_of("review_types", review.kind),
            "statutory": is_statutory(review),
            "status_tag": review_status_tag(review),
            "agencies": list(review.agencies.all()),
            "clocks": review_clocks(review, today),
            "figures": review_figures(user=user, review=review, today=today),
            "cancel_reason": cancellation_reason(user=user, review=review),
            "chasing": chasing,
            "briefings": briefings,
            "findings_url": _maybe_url("reviews:review_findings", partnership, pk=review.pk),
            "action_plan_url": _maybe_url("reviews:action_plan", partnership, pk=review.pk),
            "events": review_events(user=user, review=review)[:50],
            "can_manage": manage,
            "may_change": may_change_review(user=user, review=review),
            "may_move": manage and any(not step.own_page for step in next_steps(review.status)),
            "may_publish": manage and PUBLISH in next_steps(review.status),
            "may_request": manage and review.is_open,
            "may_converse": can_run_reviews(user=user, partnership=partnership) and review.is_open,
            "may_read_case": can_read_case_content(user=user, partnership=partnership),
            "today": today,
            "crumbs": _crumbs(partnership, (review.reference, None)),
        },
    )


@requires("reviews.manage")
def review_edit(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    if not may_change_review(user=request.user, review=review):
        raise PermissionDenied
    form = _review_form(request, editing=True, initial=ReviewForm.initial_for(review))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        agencies = data.pop("agencies")
        try:
            changed = review_update(actor=request.user, review=review, agencies=agencies, **data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Review {review.reference} saved." if changed else "Nothing was changed.")
            return redirect(_detail_url(review))
    response = render(
        request,
        "reviews/reviews/review_form.html",
        {
            "form": form,
            "review": review,
            "crumbs": _crumbs(request.partnership, _review_crumb(review), ("Edit", None)),
        },
    )
    # The form holds the terms of reference and the panel: never kept by a browser or proxy.
    return _private(response)


@requires("reviews.manage")
def review_move_view(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    steps = [step for step in next_steps(review.status) if not step.own_page]
    if not steps:
        return render(
            request,
            "reviews/reviews/move.html",
            {
                "review": review,
                "form": None,
                "may_publish": PUBLISH in next_steps(review.status),
                "crumbs": _crumbs(request.partnership, _review_crumb(review), ("Move on", None)),
            },
        )
    form = MoveForm(request.POST or None, steps=steps)
    if request.method == "POST" and form.is_valid():
        try:
            moved = review_move(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Review {moved.reference} is now {moved.get_status_display().lower()}.")
            return redirect(_detail_url(moved))
    return render(
        request,
        "reviews/reviews/move.html",
        {
            "review": review,
            "form": form,
            "may_publish": PUBLISH in next_steps(review.status),
            "crumbs": _crumbs(request.partnership, _review_crumb(review), ("Move on", None)),
        },
    )


# --- the case file (named case content) ------------------------------------------------------------


@requires("reviews.view")
def review_case(request: HttpRequest, pk: int) -> HttpResponse:
    """The review's case file: terms of reference, panel, agencies' documents, practitioners'
    conversations and the final report. Only with the case-review grant (403 otherwise); each read
    is logged before the page is made, and the page is never cached."""
    review = _review(request, pk)
    partnership, user = request.partnership, request.user
    if not can_read_case_content(user=user, partnership=partnership):
        raise PermissionDenied("The case file needs a case-review grant.")
    restricted_read_record(
        user=user,
        partnership=partnership,
        area=CASE_REVIEW_AREA,
        record=review,
        label=f"Case file of review {review.reference}",
    )
    scheme = scheme_for(partnership)
    contributions = [
        {
            "contribution": c,
            "kind": scheme.title_of("contribution_kinds", c.kind),
            "overdue": c.is_overdue(timezone.localdate()),
        }
        for c in contributions_of(user=user, review=review)
    ]
    response = render(
        request,
        "reviews/reviews/case.html",
        {
            "review": review,
            "kind": scheme.title_of("review_types", review.kind),
            "contributions": contributions,
            "conversations": list(conversations_of(user=user, review=review)),
            "may_converse": can_run_reviews(user=user, partnership=partnership) and review.is_open,
            "may_change": may_change_review(user=user, review=review),
            "crumbs": _crumbs(partnership, _review_crumb(review), ("Case file", None)),
        },
    )
    return _private(response)


def _stream(field, *, name: str) -> FileResponse:
    try:
        handle = field.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    streamed = FileResponse(handle, as_attachment=True, filename=name, content_type=content_type_of(name))
    streamed["X-Content-Type-Options"] = "nosniff"
    streamed["Cache-Control"] = "private, no-store"
    return streamed


@requires("reviews.view")
def review_report_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The final report, to a reader of case content; each download logged."""
    review = _review(request, pk)
    if not can_read_case_content(user=request.user, partnership=request.partnership):
        raise PermissionDenied("The final report needs a case-review grant.")
    if not review.report_file:
        raise Http404
    restricted_read_record(
        user=request.user,
        partnership=request.partnership,
        area=CASE_REVIEW_AREA,
        record=review,
        label=f"Final report of review {review.reference}",
    )
    return _stream(review.report_file, name=review.report_file_name or f"{review.reference}.pdf")


@requires("reviews.manage")
def review_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach (or replace) the review's final report."""
    review = _review(request, pk)
    if not may_change_review(user=request.user, review=review):
        raise PermissionDenied
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            review_report_attach(actor=request.user, review=review, upload=form.cleaned_data["file"])
        except ValidationError as error:
            attach(form, error, field="file")
        else:
            messages.success(request, f"Final report of review {review.reference} attached.")
            return redirect(_detail_url(review))
    return render(
        request,
        "reviews/reviews/report_form.html",
        {
            "review": review,
            "form": form,
            "crumbs": _crumbs(request.partnership, _review_crumb(review), ("Final report", None)),
        },
    )


@requires("reviews.manage")
def review_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    if PUBLISH not in next_steps(review.status):
        raise PermissionDenied
    form = PublishForm(
        request.POST or None,
        initial={"completed_on": review.completed_on, "summary": review.summary, "published_url": review.published_url},
    )
    warning = ""
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        warned = data.pop("warned")
        warning = identifying_warning(data["summary"], known=_known_names(review)) or ""
        if warning and not warned:
            form.data = form.data.copy()
            form.data["warned"] = "1"
        else:
            warning = ""
            try:
                review_publish(actor=request.user, review=review, **data)
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(request, f"Review {review.reference} recorded as published.")
                return redirect(_detail_url(review))
    return render(
        request,
        "reviews/reviews/publish_form.html",
        {
            "review": review,
            "form": form,
            "warning": warning,
            "statutory": is_statutory(review),
            "crumbs": _crumbs(request.partnership, _review_crumb(review), ("Publication", None)),
        },
    )


# --- conversations ---------------------------------------------------------------------------------


@requires("reviews.run")
def conversation_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a practitioner's conversation. The page shows no case content (it only adds to it);
    once saved, those with the case-review grant see it in the case file."""
    review = _review(request, pk)
    if not review.is_open:
        raise PermissionDenied
    form = ConversationForm(
        request.POST or None,
        initial={"held_on": timezone.localdate()},
        agencies=agency_choices(user=request.user, partnership=request.partnership),
    )
    warning = ""
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        warned = data.pop("warned")
        warning = identifying_warning(data["notes"], known=_known_names(review)) or ""
        if warning and not warned:
            form.data = form.data.copy()
            form.data["warned"] = "1"
        else:
            warning = ""
            try:
                conversation_add(actor=request.user, review=review, **data)
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(request, "Conversation recorded in the case file.")
                if can_read_case_content(user=request.user, partnership=request.partnership):
                    return redirect(partnership_url("reviews:review_case", review.partnership, pk=review.pk))
                return redirect(_detail_url(review))
    response = render(
        request,
        "reviews/reviews/conversation_form.html",
        {
            "review": review,
            "form": form,
            "warning": warning,
            "crumbs": _crumbs(request.partnership, _review_crumb(review), ("Record a conversation", None)),
        },
    )
    return _private(response)


# --- contributions ---------------------------------------------------------------------------------


@requires("reviews.manage")
def contribution_request(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    if not review.is_open:
        raise PermissionDenied
    partnership = request.partnership
    form = ContributionRequestForm(
        request.POST or None,
        initial={"agencies": list(review.agencies.all())},
        agencies=agency_choices(user=request.user, partnership=partnership),
        kinds=contribution_kind_choices(partnership),
    )
    if request.method == "POST" and form.is_valid():
        try:
            made = contributions_request(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            if made:
                messages.success(
                    request,
                    f"{len(made)} {'agency' if len(made) == 1 else 'agencies'} asked; their leads have been told.",
                )
            else:
                messages.info(request, "Those agencies had been asked for that already: nobody was asked again.")
            return redirect(_detail_url(review))
    return render(
        request,
        "reviews/reviews/request_form.html",
        {
            "review": review,
            "form": form,
            "crumbs": _crumbs(partnership, _review_crumb(review), ("Ask agencies to contribute", None)),
        },
    )


def _contribution(request: HttpRequest, pk: int) -> Contribution:
    found = contribution_visible_to(user=request.user, partnership=request.partnership, pk=pk)
    if found is None:
        raise Http404
    return found


@requires("reviews.contribute")
def contributions_mine(request: HttpRequest) -> HttpResponse:
    """An agency lead's "Review contributions": what their agency has been asked for."""
    partnership = request.partnership
    table = ContributionTable(
        contributions_mine_of(user=request.user, partnership=partnership),
        partnership=partnership,
        today=timezone.localdate(),
        scheme=scheme_for(partnership),
    )
    return register_response(
        request,
        table=table,
        template="reviews/reviews/contributions_mine.html",
        context={"crumbs": crumbs(partnership, ("Review contributions", None))},
        export_name=f"{partnership.slug}-review-contributions",
    )


@requires("reviews.contribute")
def contribution_upload_view(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = _contribution(request, pk)
    if not may_upload_contribution(user=request.user, contribution=contribution):
        raise PermissionDenied
    partnership = request.partnership
    mine_url = partnership_url("reviews:contributions_mine", partnership)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            contribution_upload(actor=request.user, contribution=contribution, upload=form.cleaned_data["file"])
        except ValidationError as error:
            attach(form, error, field="file")
        else:
            messages.success(
                request, f"{contribution.agency}'s contribution to {contribution.review.reference} uploaded."
            )
            return redirect(mine_url)
    return render(
        request,
        "reviews/reviews/upload_form.html",
        {
            "contribution": contribution,
            "review": contribution.review,
            "kind": scheme_for(partnership).title_of("contribution_kinds", contribution.kind),
            "overdue": contribution.is_overdue(timezone.localdate()),
            "form": form,
            "cancel_url": mine_url,
            "crumbs": crumbs(partnership, ("Review contributions", mine_url), ("Upload", None)),
        },
    )


@requires("reviews.refer")
def contribution_download(request: HttpRequest, pk: int) -> HttpResponse:
    """A contribution's file: to a reader of case content (the grant), or to a lead of the agency
    that uploaded it (their own document). Declared with ``reviews.refer``, which every role that
    may read one holds; the contribution narrows it. Each download is logged."""
    contribution = _contribution(request, pk)
    user, partnership = request.user, request.partnership
    if not may_download_contribution(user=user, contribution=contribution):
        raise PermissionDenied("Agencies' documents need a case-review grant.")
    if not contribution.is_received or not contribution.file:
        raise Http404
    restricted_read_record(
        user=user,
        partnership=partnership,
        area=CASE_REVIEW_AREA,
        record=contribution,
        label=f"{contribution.agency}'s contribution to review {contribution.review.reference}",
    )
    return _stream(contribution.file, name=contribution.file_name or "contribution.pdf")


@requires("reviews.manage")
def contribution_remind_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The business unit's "Send a reminder" about a contribution not yet uploaded: asks for
    confirmation on GET; on POST reminds the agency's leads (once a day) and goes back."""
    contribution = _contribution(request, pk)
    review = contribution.review
    if contribution.is_received or not review.is_open:
        raise Http404
    fallback = _detail_url(review)
    if request.method != "POST":
        return render(
            request,
            "reviews/reviews/remind.html",
            {
                "contribution": contribution,
                "review": review,
                "kind": scheme_for(request.partnership).title_of("contribution_kinds", contribution.kind),
                "overdue": contribution.is_overdue(timezone.localdate()),
                "form": ConfirmForm(),
                "next": back_to(request, fallback),
                "crumbs": _crumbs(request.partnership, _review_crumb(review), ("Send a reminder", None)),
            },
        )
    if contribution_remind(actor=request.user, contribution=contribution) is None:
        messages.info(
            request,
            f"No reminder was sent to {contribution.agency}: it was already reminded today, or it has no lead "
            "with an account.",
        )
    else:
        messages.success(request, f"Reminder sent to {contribution.agency}'s leads.")
    return redirect(back_to(request, fallback))
