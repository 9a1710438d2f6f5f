"""Session rules: end a session after a period without requests, and send anyone whose role
requires multi-factor authentication to set it up before they can do anything else."""

from datetime import datetime

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from .permissions import requires_mfa

LAST_SEEN = "assure_last_seen"
MFA_CHECKED = "assure_mfa_checked"


class InactivityTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = timezone.now()
            last_seen = request.session.get(LAST_SEEN)
            if last_seen and now - datetime.fromisoformat(last_seen) > settings.ASSURE_INACTIVITY_TIMEOUT:
                logout(request)
                messages.info(request, "You were signed out because you had not used Assure for a while.")
                return redirect(f"{reverse('account_login')}?next={request.path}")
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
            elif requires_mfa(user):
                messages.warning(request, "Your role needs multi-factor authentication. Set it up to continue.")
                return redirect("mfa_activate_totp")
        return self.get_response(request)
