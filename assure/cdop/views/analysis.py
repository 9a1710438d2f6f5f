"""The panel's pages on one death after the notification: the child death review meeting (the
manager), the analysis that completes the review (a panel member or the manager), its reopening
(the manager), the factors, the recommendations raised as actions and the link to the case
consideration the death was referred as. Every page is about one child: it needs the ``cdop``
grant, logs the read and is never stored by the browser."""

from contextlib import suppress

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.utils.cache import patch_cache_control

from assure.audit.services import restricted_read_record
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url

from ..forms_analysis import (
    AnalysisForm,
    ConfirmForm,
    FactorForm,
    RecommendationForm,
    ReferralLinkForm,
    ReopenForm,
    ReviewMeetingForm,
)
from ..models import ChildDeath, Factor
from ..permissions import CDOP_AREA
from ..selectors.analysis import (
    CONTRIBUTION,
    DOMAIN,
    agency_choices,
    category_items,
    library_choices,
    meeting_choices,
    referral_choices,
)
from ..selectors.panels import death_for
from ..services.analysis import (
    analysis_record,
    analysis_reopen,
    factor_add,
    factor_remove,
    recommendation_raise,
    referral_link,
    review_meeting_record,
)


def _death(request: HttpRequest, pk: int) -> ChildDeath:
    death = death_for(user=request.user, partnership=request.partnership, pk=pk)
    if death is None:
        raise Http404
    return death


def _death_url(request: HttpRequest, death: ChildDeath) -> str:
    """The death's page (the deaths part's), or the analysis page while there is none."""
    try:
        return partnership_url("cdop:death_detail", request.partnership, pk=death.pk)
    except NoReverseMatch:
        return partnership_url("cdop:death_analysis", request.partnership, pk=death.pk)


def _crumbs(request: HttpRequest, death: ChildDeath, title: str) -> list[Crumb]:
    trail: list[Crumb] = []
    with suppress(NoReverseMatch):
        trail.append(("Child deaths", partnership_url("cdop:deaths", request.partnership)))
    return crumbs(request.partnership, *trail, (death.reference, _death_url(request, death)), (title, None))


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _page(request: HttpRequest, template: str, death: ChildDeath, title: str, context: dict) -> HttpResponse:
    """Render a page about one death: its read logged first, never stored by the browser."""
    restricted_read_record(
        user=request.user,
        partnership=request.partnership,
        area=CDOP_AREA,
        record=death,
        label=f"{title} of child death {death.reference}",
    )
    back = _death_url(request, death)
    response = render(
        request, template, {"death": death, "back": back, **context, "crumbs": _crumbs(request, death, title)}
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def _done(request: HttpRequest, death: ChildDeath, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect(_death_url(request, death))


# --- the review meeting ---------------------------------------------------------------------------


@requires("cdop.manage")
def review_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    death = _death(request, pk)
    initial = {"held_on": death.review_meeting_on, "notes": death.review_meeting_notes}
    form = ReviewMeetingForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            review_meeting_record(actor=request.user, partnership=request.partnership, death=death, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            return _done(request, death, f"The review meeting of {death.reference} is recorded.")
    return _page(request, "cdop/review_meeting_form.html", death, "The child death review meeting", {"form": form})


# --- the analysis ---------------------------------------------------------------------------------


@requires("cdop.review")
def death_analysis(request: HttpRequest, pk: int) -> HttpResponse:
    death = _death(request, pk)
    initial = {
        "panel_meeting": str(death.panel_meeting_id or ""),
        "category": death.category.code if death.category_id else "",
        "modifiable": death.modifiable,
        "learning": death.learning,
        "referred_for_review": death.referred_for_review,
    }
    form = AnalysisForm(
        _posted(request),
        meetings=meeting_choices(death),
        categories=category_items(),
        modifiable=ChildDeath.Modifiable.choices,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            analysis_record(
                actor=request.user,
                partnership=request.partnership,
                death=death,
                panel_meeting=form.chosen_meeting(),
                category=form.chosen_category(),
                modifiable=form.cleaned_data["modifiable"],
                learning=form.cleaned_data["learning"],
                referred_for_review=form.cleaned_data["referred_for_review"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            return _done(request, death, f"The review of {death.reference} is complete.")
    return _page(request, "cdop/analysis_form.html", death, "The panel's analysis", {"form": form})


@requires("cdop.manage")
def analysis_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    death = _death(request, pk)
    form = ReopenForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            analysis_reopen(
                actor=request.user, partnership=request.partnership, death=death, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            attach(form, error)
        else:
            return _done(request, death, f"The review of {death.reference} is reopened.")
    return _page(request, "cdop/analysis_reopen.html", death, "Reopen the review", {"form": form})


# --- factors --------------------------------------------------------------------------------------


@requires("cdop.review")
def factor_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    death = _death(request, pk)
    form = FactorForm(_posted(request), domains=library_choices(DOMAIN), contributions=library_choices(CONTRIBUTION))
    if request.method == "POST" and form.is_valid():
        try:
            factor_add(actor=request.user, partnership=request.partnership, death=death, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            return _done(request, death, f"The factor is added to {death.reference}.")
    return _page(request, "cdop/factor_form.html", death, "Add a factor", {"form": form})


@requires("cdop.review")
def factor_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    factor = Factor.objects.filter(pk=pk).select_related("death").first()
    if factor is None:
        raise Http404
    death = _death(request, factor.death_id)
    form = ConfirmForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            factor_remove(actor=request.user, partnership=request.partnership, factor=factor)
        except ValidationError as error:
            attach(form, error)
        else:
            return _done(request, death, f"The factor is removed from {death.reference}.")
    domains = dict(library_choices(DOMAIN))
    return _page(
        request,
        "cdop/factor_remove.html",
        death,
        "Remove a factor",
        {"form": form, "factor": factor, "domain": domains.get(factor.domain, factor.domain)},
    )


# --- recommendations ------------------------------------------------------------------------------


@requires("cdop.review")
def recommendation_add(request: HttpRequest, pk: int) -> HttpResponse:
    death = _death(request, pk)
    form = RecommendationForm(_posted(request), agencies=agency_choices(partnership=request.partnership))
    if request.method == "POST" and form.is_valid():
        try:
            action = recommendation_raise(
                actor=request.user,
                partnership=request.partnership,
                death=death,
                title=form.cleaned_data["title"],
                owner_agency=form.chosen_agency(),
                due_on=form.cleaned_data["due_on"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            return _done(request, death, f"Action {action.reference} raised from {death.reference}.")
    return _page(request, "cdop/recommendation_form.html", death, "Raise a recommendation as an action", {"form": form})


# --- the referral ---------------------------------------------------------------------------------


@requires("cdop.review")
def death_referral(request: HttpRequest, pk: int) -> HttpResponse:
    death = _death(request, pk)
    choices = referral_choices(user=request.user, partnership=request.partnership)
    form = ReferralLinkForm(_posted(request), referrals=choices)
    if request.method == "POST" and form.is_valid():
        key, _, record_pk = form.cleaned_data["referral"].partition(":")
        try:
            referral_link(actor=request.user, partnership=request.partnership, death=death, kind_key=key, pk=record_pk)
        except ValidationError as error:
            attach(form, error)
        else:
            return _done(request, death, f"{death.reference} is linked to {death.referral_label}.")
    try:
        refer_url = partnership_url("reviews:referral_create", request.partnership)
    except NoReverseMatch:
        refer_url = ""
    return _page(
        request,
        "cdop/analysis_referral.html",
        death,
        "The referral for a practice review",
        {"form": form, "has_choices": bool(choices), "refer_url": refer_url},
    )
