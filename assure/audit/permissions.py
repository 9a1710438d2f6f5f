"""Who may read the audit trail: the partnership's business unit (``audit.view``), and only that
partnership's part of it.

can_ = the role allows it; may_ = the role and the record's state allow it now; ensure_ raises
PermissionDenied. Every predicate takes keyword arguments only (see assure/accounts/permissions.py).
"""

from assure.accounts.permissions import has_permission
from assure.partnerships.models import Partnership


def can_view_trail(*, user, partnership: Partnership) -> bool:
    return has_permission(user=user, permission="audit.view", partnership=partnership)
