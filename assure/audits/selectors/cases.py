"""Reads of the case files audited: the files of an audit for its page, one file with the
agencies' answers, who is asked to answer or grade, and what waits.

Every function that shows records takes the requesting user: someone without ``audits.view`` sees
none, an agency lead sees only the files of audits their agency takes part in, and of the answers
only their own agency's; the lead auditor and the business unit read every agency's answers."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast

from assure.accounts.models import User
from assure.accounts.permissions import agencies_of, is_agency_scoped
from assure.accounts.recipients import agency_people_with, roles_granting
from assure.partnerships.models import Agency, Partnership
from assure.questionnaires.definition import Questionnaire, questionnaire_of
from assure.questionnaires.models import Response
from assure.questionnaires.pages import answers_summary

from ..models import Audit, CaseAudit, CaseReference
from ..permissions import (
    can_view_audits,
    may_add_case,
    may_answer_case,
    may_moderate_case,
    may_open_grading,
    may_remove_case,
    may_start_audit,
)

# The overall section's questions the lead auditor's grade and its reason are copied from.
GRADE_QUESTION = "overall-grade"
GRADE_REASON_QUESTION = "grade-reason"
# The role whose sections an agency answers, and the roles whose section the lead auditor answers.
AGENCY_ROLE = "agency-lead"
AUDITOR_ROLE = "auditor"


# --- scope -------------------------------------------------------------------------------------


def case_type() -> ContentType:
    return ContentType.objects.get_for_model(CaseAudit)


def as_about_ids(cases: QuerySet[CaseAudit]) -> QuerySet:
    """The case files' ids as a response's ``about_id`` holds them (text), for a subquery."""
    return cases.annotate(about_key=Cast("pk", CharField())).values("about_key")


def cases_visible_to(*, user: User, partnership: Partnership) -> QuerySet[CaseAudit]:
    """The case files the user may read: every file of the partnership's audits for those with
    ``audits.view``, narrowed for an agency lead to audits their agency takes part in."""
    if not can_view_audits(user=user, partnership=partnership):
        return CaseAudit.objects.none()
    cases = CaseAudit.objects.filter(partnership=partnership)
    if is_agency_scoped(user=user, partnership=partnership):
        taking_part = Audit.objects.filter(
            partnership=partnership, agencies__in=agencies_of(user=user, partnership=partnership)
        )
        cases = cases.filter(audit__in=taking_part.values("pk"))
    return cases.select_related("audit", "audit__partnership", "audit__questionnaire", "lead_auditor", "partnership")


def sees_every_agency(*, user: User, partnership: Partnership) -> bool:
    """Whether the user reads every agency's answers (the business unit, auditors, board
    members) rather than only their own agency's."""
    return can_view_audits(user=user, partnership=partnership) and not is_agency_scoped(
        user=user, partnership=partnership
    )


def responses_about(case_ids: Iterable[int], *, with_answers: bool = False) -> dict[int, list[Response]]:
    """Every response about the case files given, by case id, agencies' first (by agency name)
    and the lead auditor's last, in one query (two ``with_answers``). Reads no user: callers
    scope the cases."""
    ids = [str(pk) for pk in case_ids]
    found: dict[int, list[Response]] = defaultdict(list)
    if not ids:
        return found
    responses = (
        Response.objects.filter(about_type=case_type(), about_id__in=ids)
        .select_related("agency", "respondent", "questionnaire")
        .order_by("agency__name", "pk")
    )
    if with_answers:
        responses = responses.prefetch_related("answers")
    for response in responses:
        found[int(response.about_id)].append(response)
    for rows in found.values():
        rows.sort(key=lambda r: (r.agency_id is None, r.agency.name if r.agency else "", r.pk))
    return found


def agency_responses(responses: Iterable[Response]) -> list[Response]:
    return [response for response in responses if response.agency_id is not None]


def grading_response(responses: Iterable[Response]) -> Response | None:
    """The lead auditor's response (the overall section): the one with no agency."""
    return next((response for response in responses if response.agency_id is None), None)


def visible_responses(*, user: User, partnership: Partnership, responses: Iterable[Response]) -> list[Response]:
    """The responses of a case the user may read: every one for those who see every agency, an
    agency lead's own agency's only."""
    if sees_every_agency(user=user, partnership=partnership):
        return list(responses)
    mine = agencies_of(user=user, partnership=partnership)
    return [response for response in responses if response.agency_id in mine]


def response_case(*, user: User, partnership: Partnership, pk: int) -> tuple[Response, CaseAudit] | None:
    """An agency's response about a case file the user may read, with its case (None: none)."""
    response = (
        Response.objects.filter(partnership=partnership, about_type=case_type(), pk=pk, agency__isnull=False)
        .select_related("agency", "agency__agency_type", "questionnaire")
        .first()
    )
    if response is None:
        return None
    case = cases_visible_to(user=user, partnership=partnership).filter(pk=response.about_id).first()
    if case is None:
        return None
    if response not in visible_responses(user=user, partnership=partnership, responses=[response]):
        return None
    return response, case


# --- the tool -----------------------------------------------------------------------------------


def tool_of(audit: Audit) -> Questionnaire:
    return questionnaire_of(audit.questionnaire)


def agency_sections(tool: Questionnaire, agency: Agency) -> list[str]:
    """The codes of the sections an agency of this type answers (none: it is not asked)."""
    return [section.code for section in tool.sections_for(agency_type=agency.agency_type.code, role=AGENCY_ROLE)]


def auditor_sections(tool: Questionnaire) -> list[str]:
    """The codes of the sections the lead auditor answers: those answered by the auditor's role."""
    return [section.code for section in tool.sections if AUDITOR_ROLE in section.answered_by.roles]


def grade_choices(tool: Questionnaire) -> list[tuple[str, str]]:
    """The grades a case may be given (the overall grade question's choices), code and label."""
    try:
        question = tool.question(GRADE_QUESTION)
    except KeyError:
        return []
    return [(choice.code, choice.label) for choice in tool.choices(question)]


def grade_label(tool: Questionnaire, code: str) -> str:
    return dict(grade_choices(tool)).get(code, code)


# --- who is asked -------------------------------------------------------------------------------


def audit_agency_leads(*, partnership_ids: Iterable[int]) -> dict[tuple[int, int], list[User]]:
    """The people who answer audits for an agency (agency-scoped roles with ``audits.answer``),
    by (partnership id, agency id), in one query. Reads no user: it addresses a request."""
    return agency_people_with(permission="audits.answer", partnership_ids=partnership_ids)


def lead_auditor_choices(*, partnership: Partnership) -> QuerySet[User]:
    """Who may lead the audit of a case file: the partnership's active members whose role grades
    audits and acts for no one agency (its auditors and business unit). Reads no user."""
    return (
        User.objects.filter(
            memberships__partnership=partnership,
            memberships__is_active=True,
            memberships__role__in=roles_granting("audits.grade", agency_scoped=False),
            is_active=True,
        )
        .distinct()
        .order_by("full_name", "pk")
    )


def audit_managers(*, partnership: Partnership) -> list[User]:
    """The business unit (``audits.manage``), told when a case file is ready to moderate. Reads no user."""
    return list(
        User.objects.filter(
            memberships__partnership=partnership,
            memberships__is_active=True,
            memberships__role__in=roles_granting("audits.manage"),
            is_active=True,
        )
        .distinct()
        .order_by("full_name", "pk")
    )


# --- the audit's page -----------------------------------------------------------------------------


@dataclass
class AgencyAnswers:
    """One agency's answers about one case file, as a row of the audit's page shows them."""

    response: Response
    may_answer: bool = False
    rows: list = field(default_factory=list)  # the answers in words, where the page shows them


# The colour of each case file status's tag (GOV.UK tag modifiers).
STATUS_COLOURS = {
    CaseAudit.Status.ANSWERING: "blue",
    CaseAudit.Status.GRADING: "yellow",
    CaseAudit.Status.MODERATION: "purple",
    CaseAudit.Status.MODERATED: "green",
}


@dataclass
class CaseRow:
    case: CaseAudit
    references: list[CaseReference] = field(default_factory=list)
    answers: list[AgencyAnswers] = field(default_factory=list)
    submitted: int = 0
    expected: int = 0
    grade: str = ""
    agreed_grade: str = ""
    may_remove: bool = False
    may_grade: bool = False
    may_moderate: bool = False

    @property
    def status_colour(self) -> str:
        return STATUS_COLOURS.get(self.case.status, "grey")


def audit_cases(*, user: User, audit: Audit) -> dict:
    """The context of the audit page's part about its case files (``audits/cases/_audit_cases.html``):
    each file with its agencies' references, how many agencies have submitted, its grades, and the
    steps the user may take. An agency lead sees only their own agency's references and answers.
    Reads in a constant number of queries however many files there are."""
    partnership = audit.partnership
    cases = list(
        cases_visible_to(user=user, partnership=partnership)
        .filter(audit=audit)
        .prefetch_related("references__agency")
        .order_by("reference")
    )
    every_agency = sees_every_agency(user=user, partnership=partnership)
    mine = agencies_of(user=user, partnership=partnership)
    responses = responses_about(case.pk for case in cases)
    tool = tool_of(audit)
    rows = []
    for case in cases:
        case.audit = audit
        given = agency_responses(responses.get(case.pk, []))
        shown = given if every_agency else [response for response in given if response.agency_id in mine]
        references = [ref for ref in case.references.all() if every_agency or ref.agency_id in mine]
        rows.append(
            CaseRow(
                case=case,
                references=references,
                answers=[
                    AgencyAnswers(
                        response=response, may_answer=may_answer_case(user=user, response=response, case=case)
                    )
                    for response in shown
                ],
                submitted=sum(1 for response in given if response.is_locked),
                expected=len(given),
                grade=grade_label(tool, case.grade) if case.grade else "",
                agreed_grade=grade_label(tool, case.agreed_grade) if case.agreed_grade else "",
                may_remove=may_remove_case(user=user, case=case),
                may_grade=may_open_grading(user=user, case=case) and case.status != CaseAudit.Status.ANSWERING,
                may_moderate=may_moderate_case(user=user, case=case),
            )
        )
    moderated = sum(1 for case in cases if case.status == CaseAudit.Status.MODERATED)
    return {
        "case_rows": rows,
        "cases_every_agency": every_agency,
        "cases_may_add": may_add_case(user=user, audit=audit),
        "cases_may_start": may_start_audit(user=user, audit=audit),
        "cases_count": len(cases),
        "cases_moderated": moderated,
        "cases_all_moderated": bool(cases) and moderated == len(cases),
    }


def case_detail(*, user: User, case: CaseAudit) -> dict:
    """One case file: its agencies' references and the answers the user may read (every agency's
    for its lead auditor and the business unit, their own agency's for an agency lead, none for
    the board and other auditors), with the lead auditor's grading and the moderated grade."""
    partnership = case.partnership
    every_agency = sees_every_agency(user=user, partnership=partnership)
    mine = agencies_of(user=user, partnership=partnership)
    responses = responses_about([case.pk], with_answers=True).get(case.pk, [])
    given = agency_responses(responses)
    tool = tool_of(case.audit)
    references = [ref for ref in case.references.select_related("agency") if every_agency or ref.agency_id in mine]
    # Every agency's answers are the lead auditor's and the business unit's to read; an agency
    # lead reads their own agency's; the board and other auditors read the grades only.
    reads_all = may_open_grading(user=user, case=case)
    grading = grading_response(responses) if reads_all else None
    return {
        "references": references,
        "answers": [
            AgencyAnswers(
                response=response,
                may_answer=may_answer_case(user=user, response=response, case=case),
                rows=answers_summary(response),
            )
            for response in given
            if reads_all or (not every_agency and response.agency_id in mine)
        ],
        "grading": grading,
        "grading_rows": answers_summary(grading) if grading is not None and grading.is_locked else [],
        "submitted": sum(1 for response in given if response.is_locked),
        "expected": len(given),
        "grade": grade_label(tool, case.grade) if case.grade else "",
        "agreed_grade": grade_label(tool, case.agreed_grade) if case.agreed_grade else "",
        "every_agency": every_agency,
        "status_colour": STATUS_COLOURS.get(case.status, "grey"),
    }
