"""Who may do what in allegations management. Predicates follow docs/architecture.md section 2
(``can_`` for the role, ``may_`` for the role and the record's state now, ``ensure_`` to refuse);
each part keeps its predicates in a block here.

Anything about one referral (and above all the person it is about) needs the ``lado`` restricted
grant on top of the designated officer's role, every read logged. Everyone else with
``lado.view`` (the business unit, the board, the chair) sees figures only, small numbers
suppressed. An agency's lead refers an allegation through the employer's form and cannot read it
back; an employer outside the partnership refers through the public form and follows only its own
referral's status by a link."""

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import has_permission, has_restricted_grant

# The restricted area of allegation records (library/assure/restricted-areas.yaml).
LADO_AREA = "lado"


def can_view_figures(*, user, partnership) -> bool:
    """True when the user reads the allegations figures (suppressed unless they may also manage
    the cases)."""
    return has_permission(user=user, permission="lado.view", partnership=partnership)


def can_manage_cases(*, user, partnership) -> bool:
    """True when the user (a designated officer with the ``lado`` grant) reads and manages the
    referrals, the people they are about and their repeat matches."""
    return has_permission(user=user, permission="lado.manage", partnership=partnership) and has_restricted_grant(
        user=user, partnership=partnership, area=LADO_AREA
    )


def ensure_can_manage_cases(*, user, partnership) -> None:
    if not can_manage_cases(user=user, partnership=partnership):
        raise PermissionDenied


def sees_unsuppressed(*, user, partnership) -> bool:
    """True when figures are shown to the user without small-number suppression: only the
    designated officers who may read the cases themselves."""
    return can_manage_cases(user=user, partnership=partnership)


# --- referrals --------------------------------------------------------------------------------


def can_refer(*, user, partnership) -> bool:
    """True when the user (an agency lead, for their agency as the employer) refers an allegation
    through the employer's form, which makes a draft for the officer."""
    return has_permission(user=user, permission="lado.refer", partnership=partnership)


def ensure_can_refer(*, user, partnership) -> None:
    if not can_refer(user=user, partnership=partnership):
        raise PermissionDenied


def may_edit_referral(*, user, partnership, referral) -> bool:
    """True when the officer may change the referral now: a draft or an open one."""
    return can_manage_cases(user=user, partnership=partnership) and referral.is_editable


def may_handle_referral(*, user, partnership, referral) -> bool:
    """True when the officer may record the handling of the referral (consideration, meetings,
    the police's and the employer's actions, referrals on, updates asked): an open one."""
    return can_manage_cases(user=user, partnership=partnership) and referral.is_open


# --- people -----------------------------------------------------------------------------------


def may_edit_person(*, user, partnership, person) -> bool:
    """True when the officer may correct the person's name and date of birth, or decide whether
    they are the same as another person: a person of the partnership."""
    return can_manage_cases(user=user, partnership=partnership) and person.partnership_id == partnership.pk


def ensure_may_edit_person(*, user, partnership, person) -> None:
    if not may_edit_person(user=user, partnership=partnership, person=person):
        raise PermissionDenied


# --- handling ---------------------------------------------------------------------------------


def ensure_may_handle_referral(*, user, partnership, referral) -> None:
    if not may_handle_referral(user=user, partnership=partnership, referral=referral):
        raise PermissionDenied


def may_reopen_referral(*, user, partnership, referral) -> bool:
    """True when the officer may reopen the referral: a closed one."""
    return can_manage_cases(user=user, partnership=partnership) and referral.status == referral.Status.CLOSED


def may_chase_update(*, user, partnership, update) -> bool:
    """True when the officer may remind the employer of an update asked of them, or withdraw it:
    one still outstanding, on a referral still open."""
    return may_handle_referral(user=user, partnership=partnership, referral=update.referral) and update.is_outstanding


# --- figures ----------------------------------------------------------------------------------


def can_set_expectations(*, user, partnership) -> bool:
    """True when the user sets the referrals the partnership expects from each sector a year (the
    designated officer with the ``lado`` grant, who reads the figures unsuppressed)."""
    return can_manage_cases(user=user, partnership=partnership)


def ensure_can_set_expectations(*, user, partnership) -> None:
    if not can_set_expectations(user=user, partnership=partnership):
        raise PermissionDenied
