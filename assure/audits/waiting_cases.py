"""What the case files of audits have waiting for a person, for their home page, and the answers
the daily reminders job may chase. Each function reads in a constant number of queries, however
many audits, files and answers there are, and only the partnership asked about.

- an agency lead: each case file their agency still has to answer about ("Case-file audit answers
  to give"), due the audit's answers date;
- a lead auditor: each file of theirs every agency has answered ("Case files to grade");
- the business unit: each agency whose answers to an audit are overdue, with a reminder to send
  ("Audit answers overdue"), and each graded file ("Case files to moderate")."""

import datetime as dt
from collections import defaultdict

from django.db.models import QuerySet

from assure.accounts.models import User
from assure.accounts.permissions import agencies_of, is_agency_scoped
from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.notifications.reminders import ReminderDue
from assure.notifications.selectors import last_reminded
from assure.partnerships.models import Partnership
from assure.questionnaires.models import Response

from .models import Audit, CaseAudit
from .permissions import can_answer_for, can_grade, can_manage_audits
from .selectors.cases import as_about_ids, audit_agency_leads, case_type
from .services.cases import answers_path, grading_path, reminder_text

ANSWERS_TO_GIVE = "audits.answers_to_give"
CASES_TO_GRADE = "audits.cases_to_grade"
ANSWERS_OVERDUE = "audits.answers_overdue"
CASES_TO_MODERATE = "audits.cases_to_moderate"


def _awaited(partnership: Partnership | None, **cases) -> QuerySet[Response]:
    """Agencies' answers still awaited (in the partnership, or every one for None): draft
    responses about files still being answered, of audits whose files are being audited."""
    answering = CaseAudit.objects.filter(
        status=CaseAudit.Status.ANSWERING, audit__status=Audit.Status.AUDITING, **cases
    )
    if partnership is not None:
        answering = answering.filter(partnership=partnership)
    return Response.objects.filter(
        about_type=case_type(),
        about_id__in=as_about_ids(answering),
        agency__isnull=False,
        status=Response.Status.DRAFT,
    )


def _cases(responses: list[Response]) -> dict[int, CaseAudit]:
    ids = {int(response.about_id) for response in responses}
    return {
        case.pk: case for case in CaseAudit.objects.filter(pk__in=ids).select_related("audit", "audit__partnership")
    }


def answers_to_give(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For an agency lead: each case file their agency still has to answer about."""
    if not is_agency_scoped(user=user, partnership=partnership):
        return []
    mine = [
        agency_id
        for agency_id in agencies_of(user=user, partnership=partnership)
        if can_answer_for(user=user, partnership=partnership, agency_id=agency_id)
    ]
    if not mine:
        return []
    responses = list(_awaited(partnership).filter(agency_id__in=mine).select_related("agency", "partnership"))
    cases = _cases(responses)
    items = []
    for response in responses:
        case = cases[int(response.about_id)]
        audit = case.audit
        items.append(
            WaitingItem(
                kind=ANSWERS_TO_GIVE,
                title=f"Case file {case.reference} of audit {audit.reference}: {response.agency}'s answers",
                url=answers_path(response),
                due=audit.ends_on,
                detail=f"{audit.title}; {response.answered} of {response.asked} questions answered",
                agency=response.agency.name,
                overdue=audit.ends_on < today,
            )
        )
    return items


def cases_to_grade(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For a lead auditor: each of their case files every agency has answered about."""
    if not can_grade(user=user, partnership=partnership):
        return []
    cases = (
        CaseAudit.objects.filter(partnership=partnership, lead_auditor=user, status=CaseAudit.Status.GRADING)
        .select_related("audit", "partnership")
        .order_by("audit__ends_on", "reference")
    )
    return [
        WaitingItem(
            kind=CASES_TO_GRADE,
            title=f"Case file {case.reference} of audit {case.audit.reference}: your grade",
            url=grading_path(case),
            detail=f"{case.audit.title}; every agency has answered",
        )
        for case in cases
    ]


def answers_overdue(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: each agency whose answers to an audit are overdue, how many files
    it still owes, with a reminder to send and when one was last sent; flagged when the agency has
    no lead with an account to answer."""
    if not can_manage_audits(user=user, partnership=partnership):
        return []
    responses = list(_awaited(partnership, audit__ends_on__lt=today).select_related("agency", "partnership"))
    if not responses:
        return []
    cases = _cases(responses)
    groups: dict[tuple[int, int], list[Response]] = defaultdict(list)
    for response in sorted(responses, key=lambda r: cases[int(r.about_id)].reference):
        groups[(cases[int(response.about_id)].audit_id, response.agency_id)].append(response)
    leads = audit_agency_leads(partnership_ids=[partnership.pk])
    reminded = last_reminded(model=Response, ids=[response.pk for response in responses])
    items = []
    for (_, agency_id), owed in groups.items():
        first = owed[0]
        audit = cases[int(first.about_id)].audit
        who = leads.get((partnership.pk, agency_id), [])
        sent = [reminded[str(response.pk)] for response in owed if str(response.pk) in reminded]
        files = ", ".join(cases[int(response.about_id)].reference for response in owed)
        items.append(
            WaitingItem(
                kind=ANSWERS_OVERDUE,
                title=f"Audit {audit.reference}: {first.agency}'s answers",
                url=audit.get_absolute_url(),
                due=audit.ends_on,
                detail=f"Still to answer: {files}",
                agency=first.agency.name,
                overdue=True,
                flag="" if who else "No agency lead with an account to answer them",
                remind_url=partnership_url("audits:answers_remind", partnership, pk=first.pk) if who else "",
                last_reminded=max(sent) if sent else None,
            )
        )
    return items


def cases_to_moderate(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: each graded case file awaiting the moderation meeting's grade."""
    if not can_manage_audits(user=user, partnership=partnership):
        return []
    cases = (
        CaseAudit.objects.filter(partnership=partnership, status=CaseAudit.Status.MODERATION)
        .select_related("audit", "audit__moderation_meeting", "partnership")
        .order_by("audit__ends_on", "reference")
    )
    items = []
    for case in cases:
        meeting = case.audit.moderation_meeting
        items.append(
            WaitingItem(
                kind=CASES_TO_MODERATE,
                title=f"Case file {case.reference} of audit {case.audit.reference}: the agreed grade",
                url=partnership_url("audits:case_moderate", partnership, pk=case.pk),
                due=meeting.held_on if meeting is not None else None,
                due_label="For the meeting on",
                detail=f"{case.audit.title}; graded by the lead auditor",
            )
        )
    return items


def answers_reminders_due(*, today: dt.date) -> list[ReminderDue]:
    """Every agency's answers still awaited, in every partnership, one reminder for each agency
    and audit (its first answer awaited stands for them all), with the agency's leads to remind
    and the audit's answers date: the daily job applies the library's "audit-answers" rule."""
    responses = list(_awaited(None).select_related("agency", "partnership"))
    if not responses:
        return []
    cases = _cases(responses)
    groups: dict[tuple[int, int], list[Response]] = defaultdict(list)
    for response in sorted(responses, key=lambda r: cases[int(r.about_id)].reference):
        groups[(cases[int(response.about_id)].audit_id, response.agency_id)].append(response)
    leads = audit_agency_leads(partnership_ids={response.partnership_id for response in responses})
    due = []
    for (_, agency_id), owed in groups.items():
        first = owed[0]
        audit = cases[int(first.about_id)].audit
        subject, body = reminder_text(
            audit, first.agency, [cases[int(response.about_id)].reference for response in owed], today
        )
        due.append(
            ReminderDue(
                target=first,
                partnership=first.partnership,
                recipients=leads.get((first.partnership_id, agency_id), []),
                deadline=audit.ends_on,
                subject=subject,
                body=body,
                path=answers_path(first),
                kind="audits.answers_reminder",
            )
        )
    return due
