"""A person's API token: made, shown once, revoked. The token is the person's own: it carries
their permissions in every partnership they belong to, no more."""

from django.core.exceptions import ValidationError
from django.db import transaction
from rest_framework.authtoken.models import Token

from assure.audit.services import event_record


def api_token_of(*, user) -> Token | None:
    """The user's token, if they have one."""
    return Token.objects.filter(user=user).first()


@transaction.atomic
def api_token_create(*, actor, partnership) -> Token:
    """Make the actor a token and return it; its key is to be shown to them once. Refused when
    they already have one (revoke it first, so an old copy stops working)."""
    if Token.objects.filter(user=actor).exists():
        raise ValidationError("You already have an API token. Revoke it before you create another.")
    token = Token.objects.create(user=actor)
    # The event names the person, never the token: its key is the token's primary key.
    event_record(
        actor=actor,
        verb="api_token.created",
        target=actor,
        partnership=partnership,
        summary=f"API token created by {actor}",
    )
    return token


@transaction.atomic
def api_token_revoke(*, actor, partnership) -> None:
    """Delete the actor's token, so requests with it are refused from now on."""
    deleted, _ = Token.objects.filter(user=actor).delete()
    if not deleted:
        raise ValidationError("You have no API token to revoke.")
    event_record(
        actor=actor,
        verb="api_token.revoked",
        target=actor,
        partnership=partnership,
        summary=f"API token revoked by {actor}",
    )
