"""Who may read and change a partnership's records; used by selectors, services, views and
templates alike.

can_ = the role allows it; may_ = the role and the record's state allow it now; ensure_ raises
PermissionDenied. Every predicate takes keyword arguments only (see assure/accounts/permissions.py).
"""

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import has_installation_permission, has_permission, has_restricted_grant

from .models import ConfidentialMinute, Partnership


def can_view(*, user, partnership: Partnership) -> bool:
    return has_permission(user=user, permission="partnerships.view", partnership=partnership)


def can_manage(*, user, partnership: Partnership) -> bool:
    return has_permission(user=user, permission="partnerships.manage", partnership=partnership)


def can_attend_meetings(*, user, partnership: Partnership) -> bool:
    """The person's role sits at the board's meetings (a board member, the business unit): the
    next one is on their home page."""
    return has_permission(user=user, permission="meetings.attend", partnership=partnership)


def can_read_confidential_minutes(*, user, partnership: Partnership) -> bool:
    """Reading confidential minutes needs both the permission (from a role) and a live explicit
    grant for the restricted area."""
    return has_permission(user=user, permission="minutes.read_confidential", partnership=partnership) and (
        has_restricted_grant(user=user, partnership=partnership, area=ConfidentialMinute.RESTRICTED_AREA)
    )


def ensure_can_manage(*, user, partnership: Partnership) -> None:
    """Services call this first: only the partnership's managers change its records."""
    if not can_manage(user=user, partnership=partnership):
        raise PermissionDenied


def can_create_partnership(*, user) -> bool:
    """True when the user's installation role (the operator's) lets them create partnerships and
    invite each one's first business unit officer. It opens no partnership's records."""
    return has_installation_permission(user=user, permission="partnerships.create")


def ensure_can_create_partnership(*, user) -> None:
    if not can_create_partnership(user=user):
        raise PermissionDenied
