"""Reads of partnerships and their registers. Every function takes the requesting user."""

from django.db.models import QuerySet

from .models import Partnership


def partnerships_of(*, user) -> QuerySet[Partnership]:
    """The active partnerships in which the user holds an active membership."""
    if not getattr(user, "is_authenticated", False):
        return Partnership.objects.none()
    return (
        Partnership.objects.filter(is_active=True, memberships__user=user, memberships__is_active=True)
        .distinct()
        .order_by("name")
    )


def partnership_for_member(*, user, slug: str) -> Partnership | None:
    """The partnership with this slug if the user is a member of it, else None."""
    return partnerships_of(user=user).filter(slug=slug).first()
