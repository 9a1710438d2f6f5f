"""allauth adapters: nobody signs themselves up (the business unit adds people), and nobody
whose role requires multi-factor authentication can switch it off."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator

from .permissions import requires_mfa


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        if authenticator.type == Authenticator.Type.TOTP and requires_mfa(user=authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)
