"""API tokens: the form of a key, and the authentication the API uses to recognise one.

A key reads ``assure_<public id>_<secret>``. The prefix lets a person (or a secret scanner) see
what it is; the public id finds the token's row; the secret is 32 random bytes, of which only a
SHA-256 hash is kept. A plain hash is enough for a secret that random (a slow password hash would
only slow every API request down), and hashes are compared in constant time.
"""

import hashlib
import hmac
import secrets
import string
from datetime import datetime, timedelta

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from .models import ApiToken, User

KEY_PREFIX = "assure"
PUBLIC_ID_LENGTH = 8
PUBLIC_ID_ALPHABET = string.ascii_lowercase + string.digits
SECRET_BYTES = 32
# A token's last use is noted at most this often, so that a busy program does not cost a write
# to the database on every request.
USE_NOTED_EVERY = timedelta(minutes=1)
INVALID = "Invalid token."


def public_id_new() -> str:
    return "".join(secrets.choice(PUBLIC_ID_ALPHABET) for _ in range(PUBLIC_ID_LENGTH))


def secret_new() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


def key_of(*, public_id: str, secret: str) -> str:
    return f"{KEY_PREFIX}_{public_id}_{secret}"


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _day(moment: datetime) -> str:
    moment = timezone.localtime(moment)
    return f"{moment.day} {moment:%B %Y}"


def token_matching(key: str) -> ApiToken | None:
    """The token whose key this is, revoked and expired ones included; None when the key is not
    in Assure's form, names no token, or has the wrong secret."""
    prefix, _, rest = key.partition("_")
    public_id, _, secret = rest.partition("_")
    if prefix != KEY_PREFIX or len(public_id) != PUBLIC_ID_LENGTH or not secret:
        return None
    token = ApiToken.objects.select_related("user").filter(public_id=public_id).first()
    if token is None or not hmac.compare_digest(token.key_hash, secret_hash(secret)):
        return None
    return token


class ApiTokenAuthentication(BaseAuthentication):
    """``Authorization: Token <key>``. A request without that header is left to the other
    authentications (the session); one with a key that does not work is answered 401, saying
    why when the key is right but revoked or expired."""

    keyword = "Token"

    def authenticate(self, request) -> tuple[User, ApiToken] | None:
        words = get_authorization_header(request).split()
        if not words or words[0].lower() != self.keyword.lower().encode():
            return None
        if len(words) == 1:
            raise AuthenticationFailed("Invalid token header. No credentials provided.")
        if len(words) > 2:
            raise AuthenticationFailed("Invalid token header. Token string should not contain spaces.")
        try:
            key = words[1].decode()
        except UnicodeError:
            raise AuthenticationFailed("Invalid token header. Token string should not contain invalid characters.")
        return self.authenticate_credentials(key)

    def authenticate_credentials(self, key: str) -> tuple[User, ApiToken]:
        token = token_matching(key)
        if token is None:
            raise AuthenticationFailed(INVALID)
        now = timezone.now()
        if token.revoked_at is not None:
            raise AuthenticationFailed(
                f"This token was revoked on {_day(token.revoked_at)}. Create a new one on your API token page."
            )
        if token.is_expired(now):
            raise AuthenticationFailed(
                f"This token expired on {_day(token.expires_at)}. Create a new one on your API token page."
            )
        if not token.user.is_active:
            raise AuthenticationFailed("User inactive or deleted.")
        if token.last_used_at is None or now - token.last_used_at >= USE_NOTED_EVERY:
            # An update of the one column: no signals, no field history, no race with a revocation.
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token.user, token

    def authenticate_header(self, request) -> str:
        return self.keyword


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """Describes the token to the API's OpenAPI schema."""

    target_class = "assure.accounts.api_auth.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(header_name="Authorization", token_prefix=self.target.keyword)
