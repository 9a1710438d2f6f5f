"""Who may do what with an action. An agency lead works only on actions their agency owns."""

from assure.accounts.permissions import agencies_of, has_permission, is_agency_scoped

from .models import Action


def can_update_action(user, action: Action) -> bool:
    """True when the user may record progress on the action or move it along its pipeline."""
    if not has_permission(user, "actions.update", action.partnership):
        return False
    if is_agency_scoped(user, action.partnership):
        return action.owner_agency_id in agencies_of(user, action.partnership)
    return True


def can_manage_actions(user, partnership) -> bool:
    """True when the user may raise and edit any action of the partnership."""
    return has_permission(user, "actions.manage", partnership)
