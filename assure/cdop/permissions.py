"""Who may do what in child death reviews. Predicates follow docs/architecture.md section 2
(``can_`` for the role, ``may_`` for the role and the record's state now, ``ensure_`` to refuse);
each part keeps its predicates in a block here.

Case details (anything about one child) need the ``cdop`` restricted grant on top of the role:
panel members read the cases and record the panel's analysis; the child death review manager
also records notifications, asks agencies for reports, passes deaths on and exchanges cases with
another panel. Everyone else with ``cdop.view`` (the business unit, the board, the chair) sees
figures only, small numbers suppressed. An agency's leads see the reports asked of their agency,
by the death's reference and the agency's own record number, never the child's name."""

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import agencies_of, has_permission, has_restricted_grant

# The restricted area of child death records (library/assure/restricted-areas.yaml).
CDOP_AREA = "cdop"


def can_view_figures(*, user, partnership) -> bool:
    """True when the user reads the child death figures of the partnership's panel (suppressed
    unless they may also read the cases)."""
    return has_permission(user=user, permission="cdop.view", partnership=partnership)


def can_read_cases(*, user, partnership) -> bool:
    """True when the user may read the panel's cases: a panel role and an explicit ``cdop`` grant
    in the partnership."""
    return has_permission(user=user, permission="cdop.review", partnership=partnership) and has_restricted_grant(
        user=user, partnership=partnership, area=CDOP_AREA
    )


def ensure_can_read_cases(*, user, partnership) -> None:
    if not can_read_cases(user=user, partnership=partnership):
        raise PermissionDenied


def can_manage_cases(*, user, partnership) -> bool:
    """True when the user (the child death review manager, with the grant) records notifications,
    asks agencies for reports, passes deaths on, pauses them and runs exchanges."""
    return has_permission(user=user, permission="cdop.manage", partnership=partnership) and has_restricted_grant(
        user=user, partnership=partnership, area=CDOP_AREA
    )


def ensure_can_manage_cases(*, user, partnership) -> None:
    if not can_manage_cases(user=user, partnership=partnership):
        raise PermissionDenied


def sees_unsuppressed(*, user, partnership) -> bool:
    """True when figures are shown to the user without small-number suppression: only those who
    may read the cases themselves."""
    return can_read_cases(user=user, partnership=partnership)


# --- panels -------------------------------------------------------------------------------------


def can_set_up_panels(*, user, partnership) -> bool:
    """True when the user (the business unit) sets up a panel, invites partnerships to it, and
    joins one it is invited to."""
    return has_permission(user=user, permission="cdop.setup", partnership=partnership)


def ensure_can_set_up_panels(*, user, partnership) -> None:
    if not can_set_up_panels(user=user, partnership=partnership):
        raise PermissionDenied


# --- notifications from agencies ----------------------------------------------------------------


def can_notify(*, user, partnership) -> bool:
    """True when the user (an agency lead) notifies a death through the agency form, which makes a
    draft for the manager. They cannot read it back."""
    return has_permission(user=user, permission="cdop.notify", partnership=partnership)


def ensure_can_notify(*, user, partnership) -> None:
    if not can_notify(user=user, partnership=partnership):
        raise PermissionDenied


# --- agency reports -----------------------------------------------------------------------------


def can_write_reports(*, user, partnership) -> bool:
    """True when the user (an agency lead) answers the reports asked of their agency."""
    return has_permission(user=user, permission="cdop.report", partnership=partnership)


def may_write_report(*, user, partnership, report) -> bool:
    """True when the user answers for the report's agency and the report is still outstanding."""
    return (
        can_write_reports(user=user, partnership=partnership)
        and report.agency_id in agencies_of(user=user, partnership=partnership)
        and report.is_outstanding
    )
