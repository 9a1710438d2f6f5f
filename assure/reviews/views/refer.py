"""The public case consideration form, for practitioners of partner agencies who are not members,
and what follows it: "check your e-mail", the one-time confirmation link and the status link.

Nobody signs in. The partnership is named by its slug (404 when unknown). A referral is kept only
once its referrer has confirmed it from the work address they gave; the status link shows that one
referral's reference, status, dates and, once decided, the decision and its letter, and nothing
else. Links that are unknown, used or expired answer 404 with a page saying so; those answers are
not written to the request log, whose lines hold the path and so the secret."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from assure.core.access import public
from assure.core.forms import attach
from assure.core.public_links import RateLimit, not_logged, private, public_partnership_or_404
from assure.partnerships.models import Partnership

from ..forms_referrals import ReferralForm
from ..models import Referral
from ..scheme import scheme_for
from ..selectors.referrals import scheme_choices
from ..services.referrals import (
    CONFIRMATION_HOURS,
    LinkNotValid,
    awaiting_confirmation,
    partnership_agencies,
    referral_by_status_token,
    referral_confirm,
    referral_submit_public,
    status_path,
)

# At most this many referrals from one client address an hour.
LIMIT = RateLimit("reviews:refer", limit=getattr(settings, "ASSURE_PUBLIC_REFERRALS_PER_HOUR", 5))
HONEYPOT = "website"


def _posted(request: HttpRequest):
    """What was sent, when something was (an empty form sent is still a form sent)."""
    return request.POST if request.method == "POST" else None


def _link_not_valid(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    response = render(
        request,
        "reviews/refer/link_not_valid.html",
        {"partnership": partnership, "form_url": reverse("refer:form", kwargs={"partnership": partnership.slug})},
        status=404,
    )
    return not_logged(private(response))


@public
def form(request: HttpRequest, partnership: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    form = ReferralForm(
        _posted(request), agencies=list(partnership_agencies(found)), routes=scheme_choices(found, "routes")
    )
    warnings: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        key = LIMIT.key(request)
        if request.POST.get(HONEYPOT):
            # Filled in by a machine, not a person: answer as if sent, keep nothing.
            return redirect("refer:sent", partnership=found.slug)
        if LIMIT.reached(key):
            form.is_valid()
            form.add_error(
                None,
                "Several referrals have been sent from your network in the last hour. Please wait an hour and "
                "try again, or contact the partnership's business unit.",
            )
            status = 429
        elif form.is_valid():
            warnings = form.warnings()
            if warnings and not form.cleaned_data.get("warned"):
                form.data = form.data.copy()
                form.data["warned"] = "1"
            else:
                warnings = {}
                try:
                    referral_submit_public(partnership=found, **form.service_values())
                except ValidationError as error:
                    attach(form, error)
                else:
                    LIMIT.count(key)
                    return redirect("refer:sent", partnership=found.slug)
    return private(
        render(
            request,
            "reviews/referrals/referral_form.html",
            {
                "form": form,
                "warnings": warnings,
                "public": True,
                "partnership": found,
                "honeypot": HONEYPOT,
                "route_terms": scheme_for(found).routes,
            },
            status=status,
        )
    )


@public
def sent(request: HttpRequest, partnership: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    return render(request, "reviews/refer/sent.html", {"partnership": found, "hours": CONFIRMATION_HOURS})


@public
def confirm(request: HttpRequest, partnership: str, token: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    try:
        referral = awaiting_confirmation(partnership=found, token=token)
    except LinkNotValid:
        return _link_not_valid(request, found)
    if request.method == "POST":
        try:
            _, status_token = referral_confirm(partnership=found, token=token)
        except LinkNotValid:
            return _link_not_valid(request, found)
        return redirect(status_path(found, status_token) + "?confirmed=1")
    scheme = scheme_for(found)
    return private(
        render(
            request,
            "reviews/refer/confirm.html",
            {"partnership": found, "referral": referral, "route": scheme.title_of("routes", referral.route)},
        )
    )


@public
def status(request: HttpRequest, partnership: str, token: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    try:
        referral = referral_by_status_token(partnership=found, token=token)
    except LinkNotValid:
        return _link_not_valid(request, found)
    scheme = scheme_for(found)
    decided = referral.status == Referral.Status.DECIDED
    return private(
        render(
            request,
            "reviews/refer/status.html",
            {
                "partnership": found,
                "referral": referral,
                "route": scheme.title_of("routes", referral.route),
                "decision": scheme.title_of("decisions", referral.decision) if decided else "",
                "decided": decided,
                "confirmed": request.GET.get("confirmed") == "1",
            },
        )
    )
