"""Who may do what in governance: the challenge log, the risk register and meetings' agendas.
Predicates follow docs/architecture.md section 2 (``can_`` for the role, ``may_`` for the role
and the record's state now, ``ensure_`` to refuse)."""

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import agencies_of, has_permission, is_agency_scoped
from assure.partnerships.permissions import can_read_confidential_minutes

from .models import Challenge
from .pipeline_challenges import ESCALATE, RESPOND, Step, step_to

# --- the risk register -----------------------------------------------------------------------


def can_view_risks(*, user, partnership) -> bool:
    """True when the user may read the partnership's risk register and heat map."""
    return has_permission(user=user, permission="risks.view", partnership=partnership)


def can_manage_risks(*, user, partnership) -> bool:
    """True when the user may add, edit, review, close and reopen any risk of the partnership."""
    return has_permission(user=user, permission="risks.manage", partnership=partnership)


def may_edit_risk(*, user, risk) -> bool:
    """True when the user may change the risk's details now: the business unit, while it is open."""
    return risk.status == risk.Status.OPEN and can_manage_risks(user=user, partnership=risk.partnership)


def may_review_risk(*, user, risk) -> bool:
    """True when the user may record a review of the risk now, while it is open: the business
    unit, or the risk's own owner if they may read the register."""
    if risk.status != risk.Status.OPEN:
        return False
    if can_manage_risks(user=user, partnership=risk.partnership):
        return True
    return risk.owner_id == user.pk and can_view_risks(user=user, partnership=risk.partnership)


def may_close_risk(*, user, risk) -> bool:
    return may_edit_risk(user=user, risk=risk)


def may_reopen_risk(*, user, risk) -> bool:
    return risk.status == risk.Status.CLOSED and can_manage_risks(user=user, partnership=risk.partnership)


def may_remind_risk_owner(*, user, risk) -> bool:
    """True when the user may remind the owner to review the risk: the business unit, while the
    risk is open and its owner has an account to be reminded through."""
    return risk.owner_id is not None and may_edit_risk(user=user, risk=risk)


def ensure_may_edit_risk(*, user, risk) -> None:
    if not may_edit_risk(user=user, risk=risk):
        raise PermissionDenied("Only the business unit may change a risk, while it is open.")


def ensure_may_review_risk(*, user, risk) -> None:
    if not may_review_risk(user=user, risk=risk):
        raise PermissionDenied("Only the business unit or the risk's owner may review an open risk.")


def ensure_may_reopen_risk(*, user, risk) -> None:
    if not may_reopen_risk(user=user, risk=risk):
        raise PermissionDenied("Only the business unit may reopen a closed risk.")


def ensure_may_remind_risk_owner(*, user, risk) -> None:
    if not may_remind_risk_owner(user=user, risk=risk):
        raise PermissionDenied("Only the business unit may remind the owner of an open risk who has an account.")


# --- agendas, papers and minutes (meetings' business) ----------------------------------------


def can_view_agendas(*, user, partnership) -> bool:
    """The person reads meetings' agendas, their papers and their open minutes."""
    return has_permission(user=user, permission="agendas.view", partnership=partnership)


def can_manage_agendas(*, user, partnership) -> bool:
    """The person builds agendas, records decisions and minutes, and records their approval."""
    return has_permission(user=user, permission="agendas.manage", partnership=partnership)


def ensure_can_manage_agendas(*, user, partnership) -> None:
    if not can_manage_agendas(user=user, partnership=partnership):
        raise PermissionDenied("Only the business unit changes a meeting's agenda and minutes.")


def may_read_paper(*, user, item) -> bool:
    """An agenda item's paper may be opened: the person reads agendas, and a confidential
    (part B) item's paper also needs the grant for confidential minutes."""
    partnership = item.meeting.partnership
    if not can_view_agendas(user=user, partnership=partnership):
        return False
    return not item.confidential or can_read_confidential_minutes(user=user, partnership=partnership)


def may_change_agenda(*, user, meeting, minutes) -> bool:
    """The agenda and its minutes may be changed until the minutes are approved."""
    return can_manage_agendas(user=user, partnership=meeting.partnership) and not (
        minutes is not None and minutes.is_approved
    )


def ensure_may_change_agenda(*, user, meeting, minutes) -> None:
    ensure_can_manage_agendas(user=user, partnership=meeting.partnership)
    if not may_change_agenda(user=user, meeting=meeting, minutes=minutes):
        raise PermissionDenied("The minutes of this meeting have been approved: its agenda and minutes are final.")


# --- the challenge log ---------------------------------------------------------------------------
# Any member but the viewer reads the log and raises a challenge; an agency lead reads only the
# challenges to and from their own agency, and answers those to it. The business unit assesses,
# escalates, closes, reopens and chases.


def can_view_challenges(*, user, partnership) -> bool:
    """True when the user may read the partnership's challenge log (an agency lead: the
    challenges to and from their agency, as ``challenges_visible_to`` narrows them)."""
    return has_permission(user=user, permission="challenges.view", partnership=partnership)


def can_raise_challenges(*, user, partnership) -> bool:
    """True when the user may record a challenge to an agency of the partnership."""
    return has_permission(user=user, permission="challenges.raise", partnership=partnership)


def can_manage_challenges(*, user, partnership) -> bool:
    """True when the user runs the challenge log: assesses, escalates, closes, reopens, chases."""
    return has_permission(user=user, permission="challenges.manage", partnership=partnership)


def can_respond_for(*, user, partnership, agency_id: int) -> bool:
    """True when the user may answer a challenge to the agency: its lead, or the business unit
    recording an answer the agency sent another way."""
    if not has_permission(user=user, permission="challenges.respond", partnership=partnership):
        return False
    if is_agency_scoped(user=user, partnership=partnership):
        return agency_id in agencies_of(user=user, partnership=partnership)
    return True


def may_take_challenge_step(*, user, challenge: Challenge, step: Step) -> bool:
    """True when the user may move the challenge along this step of its pipeline now."""
    if step_to(challenge.status, step.to_status) != step:
        return False
    if step is RESPOND:
        return can_respond_for(user=user, partnership=challenge.partnership, agency_id=challenge.agency_id)
    return has_permission(user=user, permission=step.permission, partnership=challenge.partnership)


def may_respond_to_challenge(*, user, challenge: Challenge) -> bool:
    """True when the user may record the agency's response now: while it awaits one."""
    return may_take_challenge_step(user=user, challenge=challenge, step=RESPOND)


def may_assess_challenge(*, user, challenge: Challenge) -> bool:
    """True when the user may record whether the board is satisfied and the impact: the business
    unit, once the agency has responded and before the challenge is closed."""
    return challenge.status == Challenge.Status.RESPONDED and can_manage_challenges(
        user=user, partnership=challenge.partnership
    )


def may_escalate_challenge(*, user, challenge: Challenge) -> bool:
    return may_take_challenge_step(user=user, challenge=challenge, step=ESCALATE)


def may_close_challenge(*, user, challenge: Challenge) -> bool:
    step = step_to(challenge.status, Challenge.Status.CLOSED)
    return step is not None and may_take_challenge_step(user=user, challenge=challenge, step=step)


def may_reopen_challenge(*, user, challenge: Challenge) -> bool:
    step = step_to(challenge.status, Challenge.Status.OPEN)
    return step is not None and may_take_challenge_step(user=user, challenge=challenge, step=step)


def may_remind_about_challenge(*, user, challenge: Challenge) -> bool:
    """True when the user may chase the agency for its response: the business unit, while the
    challenge awaits one."""
    return challenge.is_awaiting_response and can_manage_challenges(user=user, partnership=challenge.partnership)


def may_raise_action_from_challenge(*, user, challenge: Challenge) -> bool:
    """True when the user may raise an action from the challenge: the business unit, which also
    runs the action tracker, while the challenge is not closed."""
    return (
        challenge.status != Challenge.Status.CLOSED
        and can_manage_challenges(user=user, partnership=challenge.partnership)
        and has_permission(user=user, permission="actions.manage", partnership=challenge.partnership)
    )


def ensure_can_raise_challenges(*, user, partnership) -> None:
    if not can_raise_challenges(user=user, partnership=partnership):
        raise PermissionDenied("You cannot raise a challenge in this partnership.")


def ensure_may_take_challenge_step(*, user, challenge: Challenge, step: Step) -> None:
    if not may_take_challenge_step(user=user, challenge=challenge, step=step):
        raise PermissionDenied(f"You cannot {step.label.lower()} {challenge.reference} now.")
