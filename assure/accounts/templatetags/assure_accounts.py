"""Template tags of the sign-in pages."""

from django import template

from assure.accounts.permissions import requires_mfa

register = template.Library()


@register.simple_tag
def mfa_required_for(user) -> bool:
    """Whether any of the user's roles requires multi-factor authentication (so the pages do not
    offer to switch it off)."""
    return requires_mfa(user=user)


@register.filter
def in_groups_of_four(secret: str) -> str:
    """An authenticator secret in groups of four characters, easier to type from the screen."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
