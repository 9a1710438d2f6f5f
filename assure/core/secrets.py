"""Secrets sent in links by e-mail (a public form's confirmation, an employer's answer page):
the secret goes out in the link and is never kept; only its digest is stored and compared."""

import hashlib
import secrets


def token_digest(token: str) -> str:
    """The SHA-256 digest kept in place of a secret sent by e-mail."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh secret for a link (sent, never kept) and its digest (kept)."""
    token = secrets.token_urlsafe(32)
    return token, token_digest(token)
