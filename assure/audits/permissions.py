"""Who may do what in audits: the programme and its audits, the case files and their answers,
findings, and the quality assurance of child protection conferences. Predicates follow
docs/architecture.md section 2 (``can_`` for the role, ``may_`` for the role and the record's
state now, ``ensure_`` to refuse). Each part of audits keeps its predicates in a block here."""

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import agencies_of, has_permission, is_agency_scoped

from .models import Audit, CaseAudit

# The statuses an audit may be cancelled from: any before its report to the board.
CANCELLABLE = (Audit.Status.PLANNED, Audit.Status.AUDITING, Audit.Status.MODERATION)

# --- the programme and its audits ----------------------------------------------------------------
# The business unit plans the programme; the board, the auditors and agency leads read it (an agency
# lead only the audits their agency takes part in); auditors grade the cases they lead.


def can_view_audits(*, user, partnership) -> bool:
    """True when the user may read the partnership's audit programme and audits (an agency lead:
    only the audits their agency takes part in, as ``audits_visible_to`` narrows them)."""
    return has_permission(user=user, permission="audits.view", partnership=partnership)


def can_manage_audits(*, user, partnership) -> bool:
    """True when the user plans the programme, its audits and their case files, and moderates."""
    return has_permission(user=user, permission="audits.manage", partnership=partnership)


def can_grade(*, user, partnership) -> bool:
    """True when the user's role grades case files (as their lead auditor) and records findings."""
    return has_permission(user=user, permission="audits.grade", partnership=partnership)


def can_answer_for(*, user, partnership, agency_id: int | None) -> bool:
    """True when the user answers an audit's questions for the agency: a lead of that agency."""
    if agency_id is None or not has_permission(user=user, permission="audits.answer", partnership=partnership):
        return False
    if is_agency_scoped(user=user, partnership=partnership):
        return agency_id in agencies_of(user=user, partnership=partnership)
    return True


def is_audit_scoped(*, user, partnership) -> bool:
    """True when the user reads only the audits their own agency takes part in."""
    return is_agency_scoped(user=user, partnership=partnership)


def may_view_audit(*, user, audit: Audit) -> bool:
    """True when the user may read the audit: they read audits, and an agency lead's agency takes
    part in it."""
    partnership = audit.partnership
    if not can_view_audits(user=user, partnership=partnership):
        return False
    if not is_audit_scoped(user=user, partnership=partnership):
        return True
    return audit.agencies.filter(pk__in=agencies_of(user=user, partnership=partnership)).exists()


def may_edit_audit(*, user, audit: Audit) -> bool:
    """True when the user may change the audit's plan now: the business unit, while it is planned."""
    return audit.status == Audit.Status.PLANNED and can_manage_audits(user=user, partnership=audit.partnership)


def may_cancel_audit(*, user, audit: Audit) -> bool:
    """True when the user may cancel the audit now: the business unit, before it is reported."""
    return audit.status in CANCELLABLE and can_manage_audits(user=user, partnership=audit.partnership)


def ensure_can_manage_audits(*, user, partnership) -> None:
    if not can_manage_audits(user=user, partnership=partnership):
        raise PermissionDenied("Only the business unit plans the audit programme and its audits.")


def ensure_may_edit_audit(*, user, audit: Audit) -> None:
    if not may_edit_audit(user=user, audit=audit):
        raise PermissionDenied(f"{audit.reference} can be changed only by the business unit, while it is planned.")


def ensure_may_cancel_audit(*, user, audit: Audit) -> None:
    if not may_cancel_audit(user=user, audit=audit):
        raise PermissionDenied(f"{audit.reference} can be cancelled only by the business unit, before it is reported.")


# --- answers to the audit tool -------------------------------------------------------------------


def may_answer(*, user, response) -> bool:
    """True when the user may answer the response now: it is an agency's response, the user is a
    lead of that agency, and it is not yet submitted (submitted answers are locked)."""
    if response.status in response.LOCKED:
        return False
    return can_answer_for(user=user, partnership=response.partnership, agency_id=response.agency_id)


def ensure_may_answer(*, user, response) -> None:
    if not may_answer(user=user, response=response):
        raise PermissionDenied("Only a lead of the agency asked may answer, until the answers are submitted.")


# --- child protection conferences ----------------------------------------------------------------


def can_view_conferences(*, user, partnership) -> bool:
    """True when the user may read the conferences checked and the year's quality-assurance table."""
    return has_permission(user=user, permission="conferences.view", partnership=partnership)


def can_record_conferences(*, user, partnership) -> bool:
    """True when the user records a conference's quality-assurance checklist."""
    return has_permission(user=user, permission="conferences.record", partnership=partnership)


def sees_own_conferences_only(*, user, partnership) -> bool:
    """True when the user sees only the conferences they recorded: someone who records
    checklists for their agency (the chair's service) without reading the board's figures."""
    return not can_view_conferences(user=user, partnership=partnership) and is_agency_scoped(
        user=user, partnership=partnership
    )


def may_answer_checklist(*, user, conference) -> bool:
    """True when the user may answer and submit the conference's checklist now: they record
    checklists, and it has not been submitted."""
    response = conference.response
    return (
        response is not None
        and response.is_editable
        and can_record_conferences(user=user, partnership=conference.partnership)
        and (
            conference.recorded_by_id == user.pk
            or not sees_own_conferences_only(user=user, partnership=conference.partnership)
        )
    )


def ensure_can_record_conferences(*, user, partnership) -> None:
    if not can_record_conferences(user=user, partnership=partnership):
        raise PermissionDenied("Only the business unit or the conference chair's service records a conference.")


def ensure_may_answer_checklist(*, user, conference) -> None:
    if not may_answer_checklist(user=user, conference=conference):
        raise PermissionDenied("The checklist can be answered by whoever records it, until it is submitted.")


# --- case files: agencies answer, the lead auditor grades, the moderation meeting agrees --------

# The statuses of an audit in which case files may be added: planned, or its files being audited
# (a file added then is asked of the agencies at once).
CASES_ADDABLE = (Audit.Status.PLANNED, Audit.Status.AUDITING)


def may_add_case(*, user, audit) -> bool:
    """The business unit adds a case file while the audit is planned or its files are being audited."""
    return audit.status in CASES_ADDABLE and can_manage_audits(user=user, partnership=audit.partnership)


def may_remove_case(*, user, case) -> bool:
    """The business unit removes a case file before answering starts (while its audit is planned)."""
    return case.audit.status == Audit.Status.PLANNED and can_manage_audits(user=user, partnership=case.partnership)


def may_start_audit(*, user, audit) -> bool:
    """The business unit starts a planned audit: the agencies are asked for their answers."""
    return audit.status == Audit.Status.PLANNED and can_manage_audits(user=user, partnership=audit.partnership)


def may_answer_case(*, user, response, case) -> bool:
    """The agency's own lead answers its sections about a case file, while the agencies are
    answering and until the answers are submitted."""
    return (
        response.agency_id is not None
        and not response.is_locked
        and case.status == CaseAudit.Status.ANSWERING
        and can_answer_for(user=user, partnership=case.partnership, agency_id=response.agency_id)
    )


def may_open_grading(*, user, case) -> bool:
    """The case's lead auditor (who may grade) or the business unit opens its grading page."""
    partnership = case.partnership
    if can_manage_audits(user=user, partnership=partnership):
        return True
    return case.lead_auditor_id == user.pk and can_grade(user=user, partnership=partnership)


def may_grade_case(*, user, case) -> bool:
    """The lead auditor (or the business unit) grades a case file once every agency has answered."""
    return case.status == CaseAudit.Status.GRADING and may_open_grading(user=user, case=case)


def may_moderate_case(*, user, case) -> bool:
    """The business unit records the moderation meeting's agreed grade of a graded case file."""
    return case.status == CaseAudit.Status.MODERATION and can_manage_audits(user=user, partnership=case.partnership)


def may_remind_about_answers(*, user, response, case) -> bool:
    """The business unit chases an agency's answers still awaited while the files are audited."""
    return (
        response.agency_id is not None
        and not response.is_locked
        and case.status == CaseAudit.Status.ANSWERING
        and can_manage_audits(user=user, partnership=case.partnership)
    )


def ensure_may_add_case(*, user, audit) -> None:
    if not may_add_case(user=user, audit=audit):
        raise PermissionDenied("Only the business unit may add a case file, before the audit's files are moderated.")


def ensure_may_remove_case(*, user, case) -> None:
    if not may_remove_case(user=user, case=case):
        raise PermissionDenied("Only the business unit may remove a case file, before the audit starts.")


def ensure_may_start_audit(*, user, audit) -> None:
    if not may_start_audit(user=user, audit=audit):
        raise PermissionDenied("Only the business unit may start an audit, once, while it is planned.")


def ensure_may_answer_case(*, user, response, case) -> None:
    if not may_answer_case(user=user, response=response, case=case):
        raise PermissionDenied("Only the agency's own lead may answer its questions, until they are submitted.")


def ensure_may_grade_case(*, user, case) -> None:
    if not may_grade_case(user=user, case=case):
        raise PermissionDenied(
            "Only the case's lead auditor or the business unit may grade it, once agencies have answered."
        )


def ensure_may_moderate_case(*, user, case) -> None:
    if not may_moderate_case(user=user, case=case):
        raise PermissionDenied("Only the business unit may record the moderated grade of a graded case file.")


def ensure_may_remind_about_answers(*, user, response, case) -> None:
    if not may_remind_about_answers(user=user, response=response, case=case):
        raise PermissionDenied("Only the business unit may chase answers still awaited.")


# --- findings, themed audits and re-audits --------------------------------------------------------
# Whoever grades (the business unit, the auditors) records an audit's findings until its report to
# the board; the business unit, which runs the action tracker, raises actions from them, commissions
# themed audits, reports audits to the board and re-audits a theme.

# The statuses an audit is reported to the board from, and those a theme may be re-audited from.
REPORTABLE = (Audit.Status.AUDITING, Audit.Status.MODERATION)
RE_AUDITABLE = (Audit.Status.MODERATION, Audit.Status.REPORTED)


def may_record_findings(*, user, audit: Audit) -> bool:
    """True when the user may add, change, reorder and delete the audit's findings now: someone
    who grades, until the audit is reported to the board (or cancelled)."""
    return audit.status not in (Audit.Status.REPORTED, Audit.Status.CANCELLED) and can_grade(
        user=user, partnership=audit.partnership
    )


def may_raise_actions_from_findings(*, user, audit: Audit) -> bool:
    """True when the user may raise an action from the audit's findings: the business unit (which
    also runs the action tracker), unless the audit was cancelled; after the report too."""
    partnership = audit.partnership
    return (
        audit.status != Audit.Status.CANCELLED
        and can_grade(user=user, partnership=partnership)
        and has_permission(user=user, permission="actions.manage", partnership=partnership)
    )


def may_report_audit(*, user, audit: Audit) -> bool:
    """True when the user may record the audit's report to the board: the business unit, once its
    files are being audited and before it is reported."""
    return audit.status in REPORTABLE and can_manage_audits(user=user, partnership=audit.partnership)


def may_re_audit(*, user, audit: Audit) -> bool:
    """True when the user may plan a re-audit of the audit's theme: the business unit, once the
    first audit's files are moderated or it is reported."""
    return audit.status in RE_AUDITABLE and can_manage_audits(user=user, partnership=audit.partnership)


def ensure_may_record_findings(*, user, audit: Audit) -> None:
    if not may_record_findings(user=user, audit=audit):
        raise PermissionDenied(
            f"The findings of {audit.reference} are recorded by its auditors or the business unit, "
            "until it is reported to the board."
        )


def ensure_may_raise_actions_from_findings(*, user, audit: Audit) -> None:
    if not may_raise_actions_from_findings(user=user, audit=audit):
        raise PermissionDenied("Only the business unit may raise an action from a finding of an audit not cancelled.")


def ensure_may_report_audit(*, user, audit: Audit) -> None:
    if not may_report_audit(user=user, audit=audit):
        raise PermissionDenied(
            f"{audit.reference} is reported to the board by the business unit, once its files are being audited."
        )


def ensure_may_re_audit(*, user, audit: Audit) -> None:
    if not may_re_audit(user=user, audit=audit):
        raise PermissionDenied(
            f"{audit.reference} can be re-audited by the business unit once its files are moderated."
        )
