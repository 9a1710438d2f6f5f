"""The public case consideration form, for practitioners of partner agencies who are not members,
and what follows it: "check your e-mail", the one-time confirmation link and the status link.

Nobody signs in. The partnership is named by its slug (404 when unknown). A referral is kept only
once its referrer has confirmed it from the work address they gave; the status link shows that one
referral's reference, status, dates and, once decided, the decision and its letter, and nothing
else. Links that are unknown, used or expired answer 404 with a page saying so; those answers are
not written to the request log, whose lines hold the path and so the secret."""

import hashlib

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control

from assure.core.access import public
from assure.core.forms import attach
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
RATE_LIMIT = getattr(settings, "ASSURE_PUBLIC_REFERRALS_PER_HOUR", 5)
RATE_WINDOW_SECONDS = 60 * 60
HONEYPOT = "website"


def _partnership(slug: str) -> Partnership:
    """The partnership of the public form: an active one of that slug. Public, so no user."""
    found = Partnership.objects.filter(slug=slug, is_active=True).first()
    if found is None:
        raise Http404
    return found


def _posted(request: HttpRequest):
    """What was sent, when something was (an empty form sent is still a form sent)."""
    return request.POST if request.method == "POST" else None


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    # A link's secret in the path never goes to another site. Not "no-referrer": under it
    # browsers send "Origin: null" with the page's own forms, which Django's CSRF check refuses.
    response["Referrer-Policy"] = "same-origin"
    return response


def _not_logged(response: HttpResponse) -> HttpResponse:
    """Keep a refusal out of the request log (django.request logs every 4xx with its path, and
    these paths hold a link's secret)."""
    response._has_been_logged = True  # noqa: SLF001 - Django's own marker for a response already logged
    return response


def _rate_key(request: HttpRequest) -> str:
    try:
        address = get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        address = "unknown"
    return "reviews:refer:" + hashlib.sha256(address.encode()).hexdigest()


def _limited(key: str) -> bool:
    return (cache.get(key) or 0) >= RATE_LIMIT


def _count(key: str) -> None:
    if not cache.add(key, 1, RATE_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, RATE_WINDOW_SECONDS)


def _link_not_valid(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    response = render(
        request,
        "reviews/refer/link_not_valid.html",
        {"partnership": partnership, "form_url": reverse("refer:form", kwargs={"partnership": partnership.slug})},
        status=404,
    )
    return _not_logged(_private(response))


@public
def form(request: HttpRequest, partnership: str) -> HttpResponse:
    found = _partnership(partnership)
    form = ReferralForm(
        _posted(request), agencies=list(partnership_agencies(found)), routes=scheme_choices(found, "routes")
    )
    warnings: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        key = _rate_key(request)
        if request.POST.get(HONEYPOT):
            # Filled in by a machine, not a person: answer as if sent, keep nothing.
            return redirect("refer:sent", partnership=found.slug)
        if _limited(key):
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
                    _count(key)
                    return redirect("refer:sent", partnership=found.slug)
    return _private(
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
    found = _partnership(partnership)
    return render(request, "reviews/refer/sent.html", {"partnership": found, "hours": CONFIRMATION_HOURS})


@public
def confirm(request: HttpRequest, partnership: str, token: str) -> HttpResponse:
    found = _partnership(partnership)
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
    return _private(
        render(
            request,
            "reviews/refer/confirm.html",
            {"partnership": found, "referral": referral, "route": scheme.title_of("routes", referral.route)},
        )
    )


@public
def status(request: HttpRequest, partnership: str, token: str) -> HttpResponse:
    found = _partnership(partnership)
    try:
        referral = referral_by_status_token(partnership=found, token=token)
    except LinkNotValid:
        return _link_not_valid(request, found)
    scheme = scheme_for(found)
    decided = referral.status == Referral.Status.DECIDED
    return _private(
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
