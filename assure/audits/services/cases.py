"""Every change to the case files of an audit: adding and removing a file, starting the audit (the
agencies are asked for their answers), an agency's answers submitted, the lead auditor's grade,
the moderation meeting's agreed grade, and chasing answers still awaited.

A case file holds no name, date of birth or address of the child: each agency finds it by its own
case reference. The answers are responses of the questionnaire engine; these services check the
audit's own rules first, then call the engine's. Every request goes through ``notify`` with a link
to the page where it is acted on."""

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.navigation import partnership_url
from assure.core.references import next_reference
from assure.notifications.models import Reminder
from assure.notifications.services import notify, reminder_send
from assure.partnerships.models import Agency
from assure.questionnaires.models import Response
from assure.questionnaires.services import response_start, response_status_set, response_submit

from ..models import Audit, CaseAudit, CaseReference
from ..permissions import (
    ensure_may_add_case,
    ensure_may_answer_case,
    ensure_may_grade_case,
    ensure_may_moderate_case,
    ensure_may_remind_about_answers,
    ensure_may_remove_case,
    ensure_may_start_audit,
)
from ..selectors.cases import (
    GRADE_QUESTION,
    GRADE_REASON_QUESTION,
    agency_responses,
    agency_sections,
    audit_agency_leads,
    auditor_sections,
    grade_choices,
    lead_auditor_choices,
    responses_about,
    tool_of,
)

MODERATED = "moderated"
# The oldest age of a child whose file is audited (a care leaver's file may be audited to 25).
OLDEST = 25


def answers_path(response: Response) -> str:
    """The address of an agency's answers about a case file, which every e-mail about them links to."""
    return partnership_url("audits:case_answers", response.partnership, pk=response.pk)


def grading_path(case: CaseAudit) -> str:
    return partnership_url("audits:case_grade", case.partnership, pk=case.pk)


def _day(value: dt.date) -> str:
    return f"{value:%-d %B %Y}"


# --- adding and removing files ---------------------------------------------------------------------


def _case_problems(
    *, audit: Audit, age: int | None, lead_auditor: User | None, references: Mapping[int, str]
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if age is None:
        problems["age"] = "Enter the child's age in years."
    elif not 0 <= age <= OLDEST:
        problems["age"] = f"Enter an age from 0 to {OLDEST}."
    if lead_auditor is None or not lead_auditor_choices(partnership=audit.partnership).filter(pk=lead_auditor.pk):
        problems["lead_auditor"] = "Choose the lead auditor from the partnership's auditors and business unit."
    taking_part = set(audit.agencies.values_list("pk", flat=True))
    if any(agency_id not in taking_part for agency_id, text in references.items() if text):
        problems["references"] = "Give references only for the agencies taking part in the audit."
    elif not any(text for text in references.values()):
        problems["references"] = "Enter the case reference of at least one agency taking part."
    return problems


@transaction.atomic
def case_add(
    *,
    actor: User,
    audit: Audit,
    age: int | None,
    lead_auditor: User | None,
    references: Mapping[int, str],
) -> CaseAudit:
    """Add a case file to the audit, numbered in it (AU-001/01, AU-001/02...): the child's age,
    the lead auditor, and each agency's own case reference (``references``: agency id → text; at
    least one). No name, date of birth or address is taken. A file added once the audit has
    started is asked of the agencies at once. Needs ``audits.manage``."""
    ensure_may_add_case(user=actor, audit=audit)
    references = {agency_id: (text or "").strip() for agency_id, text in references.items()}
    problems = _case_problems(audit=audit, age=age, lead_auditor=lead_auditor, references=references)
    if problems:
        raise ValidationError(problems)
    case = CaseAudit(
        audit=audit,
        partnership=audit.partnership,
        reference=next_reference(
            partnership=audit.partnership, records=audit.cases.all(), prefix=f"{audit.reference}/", digits=2
        ),
        age=age,
        lead_auditor=lead_auditor,
    )
    case.full_clean()
    case.save()
    CaseReference.objects.bulk_create(
        CaseReference(case=case, agency_id=agency_id, reference=text[:60])
        for agency_id, text in sorted(references.items())
        if text
    )
    event_record(
        actor=actor,
        verb="audits.case_added",
        target=case,
        partnership=audit.partnership,
        summary=f"Case file {case.reference} added to {audit.reference}",
    )
    if audit.status == Audit.Status.AUDITING:
        _ask(actor=actor, audit=audit, cases=[case])
    return case


@transaction.atomic
def case_remove(*, actor: User, case: CaseAudit) -> None:
    """Remove a case file from a planned audit (before anyone is asked to answer about it)."""
    ensure_may_remove_case(user=actor, case=case)
    audit = case.audit
    event_record(
        actor=actor,
        verb="audits.case_removed",
        target=audit,
        partnership=audit.partnership,
        summary=f"Case file {case.reference} removed from {audit.reference}",
    )
    case.delete()


# --- starting: asking the agencies --------------------------------------------------------------


def _ask(*, actor: User, audit: Audit, cases: list[CaseAudit]) -> None:
    """Start a draft response for each case and each agency taking part that answers a section of
    the tool, and one for each case's lead auditor; tell each agency's leads what is asked of it."""
    tool = tool_of(audit)
    agencies = list(audit.agencies.select_related("agency_type").order_by("name"))
    overall = auditor_sections(tool)
    asked: dict[Agency, int] = {}
    for case in cases:
        for agency in agencies:
            sections = agency_sections(tool, agency)
            if not sections:
                continue
            response_start(
                actor=actor,
                partnership=audit.partnership,
                questionnaire=audit.questionnaire,
                about=case,
                sections=sections,
                agency=agency,
            )
            asked[agency] = asked.get(agency, 0) + 1
        if overall:
            response_start(
                actor=actor,
                partnership=audit.partnership,
                questionnaire=audit.questionnaire,
                about=case,
                sections=overall,
                respondent=case.lead_auditor,
            )
        if not any(agency_sections(tool, agency) for agency in agencies):
            # No agency taking part answers a section: the lead auditor grades it from the start.
            case.status = CaseAudit.Status.GRADING
            case.save(update_fields=["status"])
    leads = audit_agency_leads(partnership_ids=[audit.partnership_id])
    for agency, count in asked.items():
        files = "1 case file" if count == 1 else f"{count} case files"
        notify(
            recipients=leads.get((audit.partnership_id, agency.pk), []),
            partnership=audit.partnership,
            kind="audits.answers_asked",
            subject=f"Audit {audit.reference}: {agency}'s answers about {files} by {_day(audit.ends_on)}",
            body=(
                f"{audit.partnership} is auditing case files: {audit.title} ({audit.theme}).\n\n"
                f"{agency} is asked to answer the audit's questions about {files}, from its own records "
                f"found by its own case reference, by {_day(audit.ends_on)}.\n\n"
                "Each file's questions are listed on your home page in Assure."
            ),
            path=partnership_url("partnerships:home", audit.partnership),
            target=audit,
        )


@transaction.atomic
def audit_start(*, actor: User, audit: Audit) -> Audit:
    """Start a planned audit: each agency taking part is asked its sections of the tool about
    every case file, and each file's lead auditor gets the overall section to answer once the
    agencies have. The audit's files are then being audited. Needs ``audits.manage``."""
    ensure_may_start_audit(user=actor, audit=audit)
    cases = list(audit.cases.select_related("partnership", "lead_auditor").order_by("reference"))
    problems = {}
    if not cases:
        problems["cases"] = "Add at least one case file before you start the audit."
    if not audit.agencies.exists():
        problems["agencies"] = "Choose the agencies taking part before you start the audit."
    if problems:
        raise ValidationError(problems)
    _ask(actor=actor, audit=audit, cases=cases)
    audit.status = Audit.Status.AUDITING
    audit.save(update_fields=["status"])
    event_record(
        actor=actor,
        verb="audits.audit_started",
        target=audit,
        partnership=audit.partnership,
        summary=f"Audit {audit.reference} started: {len(cases)} case files asked of the agencies",
    )
    return audit


# --- answers, grading and moderation ---------------------------------------------------------


def _all_graded(audit: Audit) -> None:
    """Once every file is graded, the audit awaits moderation."""
    waiting = audit.cases.exclude(status__in=[CaseAudit.Status.MODERATION, CaseAudit.Status.MODERATED])
    if audit.status == Audit.Status.AUDITING and not waiting.exists():
        audit.status = Audit.Status.MODERATION
        audit.save(update_fields=["status"])


@transaction.atomic
def case_answers_submit(*, actor: User, case: CaseAudit, response: Response) -> Response:
    """Submit an agency's answers about a case file (every shown required question answered; the
    errors are keyed by question code); they are then locked. When every agency taking part has
    submitted, the file waits for its lead auditor's grade and they are told."""
    case = CaseAudit.objects.select_for_update().select_related("audit", "partnership").get(pk=case.pk)
    ensure_may_answer_case(user=actor, response=response, case=case)
    response = response_submit(
        actor=actor,
        response=response,
        summary=f"{response.agency}'s answers about case file {case.reference} submitted",
    )
    given = agency_responses(responses_about([case.pk]).get(case.pk, []))
    if all(other.is_locked for other in given):
        case.status = CaseAudit.Status.GRADING
        case.save(update_fields=["status"])
        event_record(
            actor=actor,
            verb="audits.case_answered",
            target=case,
            partnership=case.partnership,
            summary=f"Every agency has answered about case file {case.reference}: it awaits the lead auditor's grade",
        )
        if case.lead_auditor is not None:
            notify(
                recipients=[case.lead_auditor],
                partnership=case.partnership,
                kind="audits.case_to_grade",
                subject=f"Case file {case.reference} is ready for your grade",
                body=(
                    f"Every agency has submitted its answers about case file {case.reference} of the audit "
                    f"{case.audit.reference} {case.audit.title}.\n\nRead them and give the file your overall "
                    "grade, with your reasons, before the moderation meeting."
                ),
                path=grading_path(case),
                target=case,
            )
    return response


@transaction.atomic
def case_grade_submit(*, actor: User, case: CaseAudit, response: Response) -> CaseAudit:
    """Submit the lead auditor's overall section: its grade and reason are copied to the case
    file, which then waits for the moderation meeting."""
    case = CaseAudit.objects.select_for_update().select_related("audit", "partnership").get(pk=case.pk)
    ensure_may_grade_case(user=actor, case=case)
    response = response_submit(actor=actor, response=response, summary=f"Case file {case.reference} graded")
    values = response.values()
    case.grade = str(values.get(GRADE_QUESTION) or "")
    case.grade_reason = str(values.get(GRADE_REASON_QUESTION) or "")
    case.graded_at = timezone.now()
    case.status = CaseAudit.Status.MODERATION
    case.save(update_fields=["grade", "grade_reason", "graded_at", "status"])
    event_record(
        actor=actor,
        verb="audits.case_graded",
        target=case,
        partnership=case.partnership,
        summary=f"Case file {case.reference} graded: {case.grade or 'no grade'}",
    )
    _all_graded(case.audit)
    return case


@transaction.atomic
def case_moderate(*, actor: User, case: CaseAudit, agreed_grade: str, notes: str) -> CaseAudit:
    """Record the moderation meeting's agreed grade of a graded case file and its notes. The
    file's answers are then moderated: nobody changes them again."""
    case = CaseAudit.objects.select_for_update().select_related("audit", "partnership").get(pk=case.pk)
    ensure_may_moderate_case(user=actor, case=case)
    notes = notes.strip()
    if agreed_grade not in dict(grade_choices(tool_of(case.audit))):
        raise ValidationError({"agreed_grade": "Choose the grade the moderation meeting agreed."})
    case.agreed_grade = agreed_grade
    case.moderation_notes = notes
    case.moderated_at = timezone.now()
    case.moderated_by = actor
    case.status = CaseAudit.Status.MODERATED
    case.full_clean()
    case.save(update_fields=["agreed_grade", "moderation_notes", "moderated_at", "moderated_by", "status"])
    for response in responses_about([case.pk]).get(case.pk, []):
        if response.status != MODERATED:
            response_status_set(
                actor=actor,
                response=response,
                status=MODERATED,
                summary=f"Answers about case file {case.reference} moderated",
            )
    event_record(
        actor=actor,
        verb="audits.case_moderated",
        target=case,
        partnership=case.partnership,
        summary=f"Case file {case.reference} moderated: agreed grade {agreed_grade}"
        + ("" if agreed_grade == case.grade else f" (the lead auditor's was {case.grade or 'none'})"),
    )
    # The case files audited in the year are counted for the core dataset (audits.case_files_audited).
    records_changed("audits", partnership_ids=[case.partnership_id])
    _all_graded(case.audit)
    return case


# --- chasing ---------------------------------------------------------------------------------------


def outstanding_of(*, audit: Audit, agency_id: int) -> list[tuple[CaseAudit, Response]]:
    """The agency's answers still awaited by the audit (its drafts about files still being
    answered), each with its file, in the files' order."""
    cases = {case.pk: case for case in audit.cases.filter(status=CaseAudit.Status.ANSWERING).order_by("reference")}
    found = responses_about(cases)
    return [
        (case, response)
        for case_id, case in cases.items()
        for response in found.get(case_id, [])
        if response.agency_id == agency_id and not response.is_locked
    ]


def reminder_text(audit: Audit, agency: Agency, files: list[str], today: dt.date) -> tuple[str, str]:
    due = _day(audit.ends_on)
    listed = ", ".join(files)
    count = "1 case file" if len(files) == 1 else f"{len(files)} case files"
    if audit.ends_on < today:
        subject = f"Overdue: {agency}'s answers to audit {audit.reference}, due {due}"
        opening = f"{agency}'s answers about {count} of audit {audit.reference} were due on {due}:"
    else:
        subject = f"Reminder: {agency}'s answers to audit {audit.reference} are due on {due}"
        opening = f"{agency}'s answers about {count} of audit {audit.reference} are due on {due}:"
    return subject, f"{opening} {listed}.\n\n{audit.title}\n\nAnswer each file's questions in Assure and submit them."


def answers_remind(*, actor: User, response: Response, today: dt.date | None = None) -> Reminder | None:
    """The business unit's "Send a reminder": remind the agency's leads of every answer it still
    owes the audit of ``response``'s case file. Once a day at most: returns None when it was
    reminded already today or the agency has no lead with an account."""
    case = CaseAudit.objects.select_related("audit", "partnership").get(pk=response.about_id)
    ensure_may_remind_about_answers(user=actor, response=response, case=case)
    today = today or timezone.localdate()
    outstanding = outstanding_of(audit=case.audit, agency_id=response.agency_id) or [(case, response)]
    subject, body = reminder_text(case.audit, response.agency, [file.reference for file, _ in outstanding], today)
    leads = audit_agency_leads(partnership_ids=[case.partnership_id]).get((case.partnership_id, response.agency_id), [])
    # The agency's first answer awaited stands for them all: one reminder a day for the agency.
    first = outstanding[0][1]
    return reminder_send(
        actor=actor,
        target=first,
        partnership=case.partnership,
        recipients=leads,
        subject=subject,
        body=body,
        path=answers_path(first),
        kind="audits.answers_reminder",
        today=today,
    )
