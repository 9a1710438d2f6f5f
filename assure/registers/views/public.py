"""The public pages of private providers: signing up with a work e-mail, and the link that
confirms it.

Nobody signs in to read them. The partnership is named by its slug (404 when unknown). The
sign-up answers the same whether or not the address has an account; a few sign-ups an hour are
taken from one network, and a form filled in by a machine (the hidden field) is dropped. The
verification link works once, for 24 hours; refusals are kept out of the request log, whose lines
hold the path and so the secret."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from assure.core.access import public
from assure.core.forms import attach
from assure.core.public_links import RateLimit, not_logged, private, public_partnership_or_404
from assure.partnerships.models import Partnership

from ..forms_providers import SignUpForm
from ..services.providers import (
    VERIFICATION_HOURS,
    LinkNotValid,
    awaiting_verification,
    provider_email_confirm,
    provider_sign_up,
)

LIMIT = RateLimit("registers:provider_signup", limit=getattr(settings, "ASSURE_PUBLIC_SIGNUPS_PER_HOUR", 5))
HONEYPOT = "website"
AUTH_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def _mine_path(partnership: Partnership) -> str:
    return reverse("registers:notifications_mine", kwargs={"partnership": partnership.slug})


def _sign_in_path(next_path: str) -> str:
    return f"{reverse('account_login')}?{urlencode({'next': next_path})}"


@public
def signup(request: HttpRequest, partnership: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    form = SignUpForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        key = LIMIT.key(request)
        if request.POST.get(HONEYPOT):
            # Filled in by a machine, not a person: answer as if sent, keep nothing.
            return redirect("providers:signup_sent", partnership=found.slug)
        if LIMIT.reached(key):
            form.is_valid()
            form.add_error(
                None,
                "Several people have signed up from your network in the last hour. Please wait an hour and try again.",
            )
            status = 429
        elif form.is_valid():
            try:
                provider_sign_up(partnership=found, **form.service_values())
            except ValidationError as error:
                attach(form, error)
            else:
                LIMIT.count(key)
                return redirect("providers:signup_sent", partnership=found.slug)
    return private(
        render(
            request,
            "registers/signup.html",
            {
                "form": form,
                "partnership": found,
                "honeypot": HONEYPOT,
                "hours": VERIFICATION_HOURS,
                "sign_in_url": _sign_in_path(_mine_path(found)),
            },
            status=status,
        )
    )


@public
def signup_sent(request: HttpRequest, partnership: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    return render(
        request,
        "registers/signup_sent.html",
        {"partnership": found, "hours": VERIFICATION_HOURS, "sign_in_url": _sign_in_path(_mine_path(found))},
    )


def _link_not_valid(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    response = render(
        request,
        "registers/signup_link_not_valid.html",
        {
            "partnership": partnership,
            "hours": VERIFICATION_HOURS,
            "signup_url": reverse("providers:signup", kwargs={"partnership": partnership.slug}),
            "sign_in_url": _sign_in_path(_mine_path(partnership)),
        },
        status=404,
    )
    return not_logged(private(response))


@public
def verify(request: HttpRequest, partnership: str, token: str) -> HttpResponse:
    """The link e-mailed on sign-up. Opening it asks to confirm (mail scanners open links too);
    confirming confirms the e-mail once. A new account is signed in and goes to "My
    notifications", where it waits for the business unit's check; an account that had a password
    already signs in with it (its two-step check, if any, too)."""
    found = public_partnership_or_404(partnership)
    try:
        waiting = awaiting_verification(partnership=found, token=token)
    except LinkNotValid:
        return _link_not_valid(request, found)
    if request.method == "POST":
        was_active = waiting.user.is_active
        try:
            provider = provider_email_confirm(partnership=found, token=token)
        except LinkNotValid:
            return _link_not_valid(request, found)
        user = provider.user
        if request.user.is_authenticated and request.user.pk == user.pk:
            return redirect(_mine_path(found))
        if was_active:
            return redirect(_sign_in_path(_mine_path(found)))
        login(request, user, backend=AUTH_BACKEND)
        return redirect(_mine_path(found))
    return private(
        render(
            request,
            "registers/signup_verify.html",
            {"partnership": found, "existing": waiting.user.is_active},
        )
    )
