"""Who may do what with actions. An agency lead works only on actions their agency owns.

can_ = the role allows it; may_ = the role and the record's state allow it now; ensure_ raises
PermissionDenied. Every predicate takes keyword arguments only (see assure/accounts/permissions.py).
"""

from assure.accounts.permissions import agencies_of, has_permission, is_agency_scoped

from .models import Action


def can_view_actions(*, user, partnership) -> bool:
    """True when the user may read the partnership's action tracker (an agency lead: their
    agency's actions only, as ``actions_visible_to`` narrows them)."""
    return has_permission(user=user, permission="actions.view", partnership=partnership)


def can_manage_actions(*, user, partnership) -> bool:
    """True when the user may raise and edit any action of the partnership."""
    return has_permission(user=user, permission="actions.manage", partnership=partnership)


def may_update_action(*, user, action: Action) -> bool:
    """True when the user may record progress on the action or move it along its pipeline: an
    agency lead only while their agency owns it."""
    partnership = action.partnership
    if not has_permission(user=user, permission="actions.update", partnership=partnership):
        return False
    if is_agency_scoped(user=user, partnership=partnership):
        return action.owner_agency_id in agencies_of(user=user, partnership=partnership)
    return True
