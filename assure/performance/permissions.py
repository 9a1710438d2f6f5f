"""Who may see and do what with the partnership's performance: its scorecard and indicators,
agency data returns and exception reports. An agency lead enters and comments for their own
agency only.

can_ = the role allows it; may_ = the role and the record's state allow it now; ensure_ raises
PermissionDenied. Every predicate takes keyword arguments only (see assure/accounts/permissions.py).
"""

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import agencies_of, has_permission, is_agency_scoped
from assure.partnerships.models import Partnership

from .models import DataReturn, ExceptionItem
from .pipeline import MODERATE, REMIND, SUBMIT

# --- the scorecard and its set-up --------------------------------------------------------------


def can_view_performance(*, user, partnership: Partnership) -> bool:
    """True when the user may read the scorecard, the indicators, exception reports and the API."""
    return has_permission(user=user, permission="performance.view", partnership=partnership)


def can_manage_performance(*, user, partnership: Partnership) -> bool:
    """True when the user may set up the scorecard: its priorities and lines."""
    return has_permission(user=user, permission="performance.manage", partnership=partnership)


def ensure_can_manage_performance(*, user, partnership: Partnership) -> None:
    if not can_manage_performance(user=user, partnership=partnership):
        raise PermissionDenied


# --- agency data returns -----------------------------------------------------------------------


def can_view_returns(*, user, partnership: Partnership) -> bool:
    return has_permission(user=user, permission="returns.view", partnership=partnership)


def can_moderate_returns(*, user, partnership: Partnership) -> bool:
    """True when the user may open rounds, assign indicators and validate or send back returns."""
    return has_permission(user=user, permission=MODERATE, partnership=partnership)


def can_remind_returns(*, user, partnership: Partnership) -> bool:
    """True when the user may chase an agency for its return ("Send a reminder")."""
    return has_permission(user=user, permission=REMIND, partnership=partnership)


def can_submit_returns_for_own_agency(*, user, partnership: Partnership) -> bool:
    """True when the user enters and submits returns as their agency's lead (an agency-scoped
    role with ``returns.submit``), rather than on any agency's behalf."""
    return has_permission(user=user, permission=SUBMIT, partnership=partnership) and is_agency_scoped(
        user=user, partnership=partnership
    )


def may_remind(*, user, data_return: DataReturn) -> bool:
    """True when the user may remind the agency of this return now: it is still with the agency
    (a draft, or sent back and not submitted again)."""
    return data_return.is_editable and can_remind_returns(user=user, partnership=data_return.round.partnership)


def may_enter_return(*, user, data_return: DataReturn) -> bool:
    """True when the return is the user's to enter figures in and submit: the agency's own lead,
    or the business unit on the agency's behalf. Whether its figures can still change is the
    return's own state (``DataReturn.is_editable``), which the pages and services ask besides, as
    a submitted return stays open to them read-only."""
    partnership = data_return.round.partnership
    if not has_permission(user=user, permission=SUBMIT, partnership=partnership):
        return False
    if is_agency_scoped(user=user, partnership=partnership):
        return data_return.agency_id in agencies_of(user=user, partnership=partnership)
    return True


# --- exception reports -------------------------------------------------------------------------


def can_manage_exceptions(*, user, partnership: Partnership) -> bool:
    """True when the user may make exception reports and raise actions from them."""
    return has_permission(user=user, permission="performance.manage", partnership=partnership)


def may_comment(*, user, item: ExceptionItem) -> bool:
    """True when the user may write the owning agency's commentary on an item: the business
    unit on any item, an agency lead only on their own agency's items."""
    partnership = item.report.partnership
    if not has_permission(user=user, permission="exceptions.comment", partnership=partnership):
        return False
    if is_agency_scoped(user=user, partnership=partnership):
        return item.owner_agency_id is not None and item.owner_agency_id in agencies_of(
            user=user, partnership=partnership
        )
    return True
