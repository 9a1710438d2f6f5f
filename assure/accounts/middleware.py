"""Session rules: end a session a fixed time after signing in and after a period without
requests, and send anyone whose role requires multi-factor authentication to set it up before
they can do anything else."""

from datetime import datetime, timedelta

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from .permissions import requires_mfa

SIGNED_IN_AT = "assure_signed_in_at"
LAST_SEEN = "assure_last_seen"
MFA_CHECKED = "assure_mfa_checked"


def record_sign_in(sender: type, request: HttpRequest | None, user, **kwargs) -> None:
    """Receiver of user_logged_in: the moment the session's lifetime starts (after the second
    step for anyone with an authenticator app, as that is when they are signed in)."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = timezone.now().isoformat()


def _signed_out(request: HttpRequest, message: str) -> HttpResponseRedirect:
    logout(request)
    messages.info(request, message)
    return redirect(f"{reverse('account_login')}?next={request.path}")


class SessionLifetimeMiddleware:
    """Ends a session ASSURE_SESSION_LIFETIME after signing in, however busy it has been. A
    session with no sign-in time (begun before Assure recorded one) is ended too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            signed_in_at = request.session.get(SIGNED_IN_AT)
            lifetime = settings.ASSURE_SESSION_LIFETIME
            if not signed_in_at or timezone.now() - datetime.fromisoformat(signed_in_at) > lifetime:
                return _signed_out(
                    request, "You were signed out because you had been signed in for longer than Assure allows."
                )
        return self.get_response(request)


# How stale the recorded time of the last request may be. Recording it changes the session, and a
# changed session is written to the database at the end of the request; at most once a minute
# keeps a busy session from being written on every page. A session may therefore end up to this
# much sooner than ASSURE_INACTIVITY_TIMEOUT after its true last request, never later.
LAST_SEEN_PRECISION = timedelta(minutes=1)


class InactivityTimeoutMiddleware:
    """Ends a session ASSURE_INACTIVITY_TIMEOUT after its last request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = timezone.now()
            recorded = request.session.get(LAST_SEEN)
            last_seen = datetime.fromisoformat(recorded) if recorded else None
            if last_seen and now - last_seen > settings.ASSURE_INACTIVITY_TIMEOUT:
                return _signed_out(request, "You were signed out because you had not used Assure for a while.")
            if last_seen is None or now - last_seen >= LAST_SEEN_PRECISION:
                request.session[LAST_SEEN] = now.isoformat()
        return self.get_response(request)


# Paths a person who must set up MFA may still reach: the MFA pages, confirming their password
# (setting up an authenticator app asks for it first), signing out, static files and the
# accessibility statement.
_MFA_EXEMPT_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/reauthenticate/",
    "/accounts/logout/",
    "/static/",
    "/accessibility/",
)


class RequireMfaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(_MFA_EXEMPT_PREFIXES)
            and not request.session.get(MFA_CHECKED)
        ):
            if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                request.session[MFA_CHECKED] = True
            elif requires_mfa(user=user):
                messages.warning(request, "Your role needs multi-factor authentication. Set it up to continue.")
                return redirect("mfa_activate_totp")
        return self.get_response(request)
