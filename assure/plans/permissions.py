"""Who may read and change the business plan.

can_ = the role allows it; ensure_ raises PermissionDenied. Every predicate takes keyword arguments
only (see assure/accounts/permissions.py). Every member reads the plan (``plan.view``); the
business unit keeps it (``plan.manage``): the plan, its priorities and objectives, each year's
review and its evidence, and the actions raised under an objective.
"""

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import has_permission


def can_view_plan(*, user, partnership) -> bool:
    """True when the user may read the partnership's business plan and its reviews."""
    return has_permission(user=user, permission="plan.view", partnership=partnership)


def can_manage_plan(*, user, partnership) -> bool:
    """True when the user may change the plan, its priorities, objectives and reviews."""
    return has_permission(user=user, permission="plan.manage", partnership=partnership)


def ensure_can_manage_plan(*, user, partnership) -> None:
    if not can_manage_plan(user=user, partnership=partnership):
        raise PermissionDenied("Only the business unit may change the business plan.")
