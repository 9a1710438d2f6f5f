"""Who may do what in engagement. Predicates follow docs/architecture.md section 2 (``can_`` for
the role, ``may_`` for the role and the record's state now, ``ensure_`` to refuse); each part
keeps its predicates in a block here.

The business unit (``engagement.manage``) keeps the campaigns, surveys, voices and events,
reviews free-text answers and chooses quotes; the board and the chair (``engagement.view``) read
them and their figures (never a survey's unreviewed free text). Anyone answers an open survey on
its public link, anonymously."""

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import has_permission


def can_view(*, user, partnership) -> bool:
    return has_permission(user=user, permission="engagement.view", partnership=partnership)


def ensure_can_view(*, user, partnership) -> None:
    if not can_view(user=user, partnership=partnership):
        raise PermissionDenied


def can_manage(*, user, partnership) -> bool:
    return has_permission(user=user, permission="engagement.manage", partnership=partnership)


def ensure_can_manage(*, user, partnership) -> None:
    if not can_manage(user=user, partnership=partnership):
        raise PermissionDenied


# --- surveys -----------------------------------------------------------------------------------


def may_answer(*, survey, today) -> bool:
    """Anyone may answer a survey on its public link while it is open."""
    return survey.is_open_on(today)
