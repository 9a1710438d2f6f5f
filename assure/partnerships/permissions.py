"""Who may read and change a partnership's records; used by selectors, services, views and
templates alike."""

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import has_permission, has_restricted_grant

from .models import ConfidentialMinute, Partnership


def can_view(user, partnership: Partnership) -> bool:
    return has_permission(user, "partnerships.view", partnership)


def can_manage(user, partnership: Partnership) -> bool:
    return has_permission(user, "partnerships.manage", partnership)


def can_read_confidential_minutes(user, partnership: Partnership) -> bool:
    """Reading confidential minutes needs both the permission (from a role) and a live explicit
    grant for the restricted area."""
    return has_permission(user, "minutes.read_confidential", partnership) and has_restricted_grant(
        user, partnership, ConfidentialMinute.RESTRICTED_AREA
    )


def ensure_may_manage(user, partnership: Partnership) -> None:
    """Services call this first: only the partnership's managers change its records."""
    if not can_manage(user, partnership):
        raise PermissionDenied
