"""Codes of the demo's shared TOTP secret, for people trying the demo without an authenticator
app. The secret is public: it protects nothing but demo accounts."""

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from .people import DEMO_TOTP_SECRET


def current_code(*, secret: str = DEMO_TOTP_SECRET, at: float | None = None) -> str:
    """The six-digit code an authenticator app shows for the secret now (or at a given time)."""
    moment = time.time() if at is None else at
    return format_hotp_value(hotp_value(secret, int(moment) // app_settings.TOTP_PERIOD))


def seconds_left(*, at: float | None = None) -> int:
    """Seconds until the current code is replaced by the next."""
    moment = time.time() if at is None else at
    return app_settings.TOTP_PERIOD - int(moment) % app_settings.TOTP_PERIOD
