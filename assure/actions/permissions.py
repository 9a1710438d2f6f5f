"""Who may do what with actions. An agency lead works only on actions their agency owns.

can_ = the role allows it; may_ = the role and the record's state allow it now; ensure_ raises
PermissionDenied. Every predicate takes keyword arguments only (see assure/accounts/permissions.py).
"""

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import agencies_of, has_permission, is_agency_scoped

from .models import Action
from .pipeline import Step, step_to


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


def may_take_step(*, user, action: Action, step: Step) -> bool:
    """True when the user may move the action along this step of its pipeline: they may work on
    it, and hold the step's own permission if it names one (cancelling and restoring: the
    business unit's)."""
    if not may_update_action(user=user, action=action):
        return False
    return not step.permission or has_permission(user=user, permission=step.permission, partnership=action.partnership)


def may_cancel_action(*, user, action: Action) -> bool:
    """True when the user may cancel the action now: the business unit, while it is not started
    or in progress."""
    step = step_to(action.status, Action.Status.CANCELLED)
    return step is not None and may_take_step(user=user, action=action, step=step)


def may_propose_cancelling(*, user, action: Action) -> bool:
    """True when the user may propose that the business unit cancel the action: someone who
    works on it but may not cancel it (an agency lead, on their agency's action), while it is
    still to be done and no proposal waits for a decision."""
    step = step_to(action.status, Action.Status.CANCELLED)
    if step is None or may_take_step(user=user, action=action, step=step):
        return False
    return may_update_action(user=user, action=action) and not action.has_pending_cancellation


def may_decide_cancellation(*, user, action: Action) -> bool:
    """True when the user may accept or decline the proposal to cancel the action: whoever may
    cancel it, while a proposal waits."""
    return may_cancel_action(user=user, action=action) and action.has_pending_cancellation


def ensure_may_cancel_action(*, user, action: Action) -> None:
    if not may_cancel_action(user=user, action=action):
        raise PermissionDenied("Only the business unit may cancel an action, while it is still to be done.")


def ensure_may_propose_cancelling(*, user, action: Action) -> None:
    if not may_propose_cancelling(user=user, action=action):
        raise PermissionDenied("You cannot propose cancelling this action.")


def ensure_may_decide_cancellation(*, user, action: Action) -> None:
    if not may_decide_cancellation(user=user, action=action):
        raise PermissionDenied("There is no proposal to cancel this action for you to decide.")
