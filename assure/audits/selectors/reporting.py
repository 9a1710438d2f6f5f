"""What audits gives the annual report and the board pack: the year's multi-agency auditing (files
audited term by term, the grades agreed, the themed audits with their question and summary), the
findings with the actions they raised and their progress, and the conferences' absences.

The report's blocks read these as ``report_reader(partnership)`` (assure/reports/blocks), so each
function takes the reader and reads only what it may: audits through ``audits_visible_to``, actions
through the tracker's selector, conferences through ``conferences_visible_to``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from assure.accounts.models import User
from assure.actions.models import Action
from assure.partnerships.models import Partnership
from assure.questionnaires.definition import questionnaire_of

from ..models import Audit, CaseAudit, Finding
from ..permissions import can_view_audits
from .conferences import Absences, conference_absences
from .findings import finding_actions
from .programme import audit_year_q, audits_visible_to, term_title


def _start(year: str) -> int:
    return int(year[:4])


def _grades_of(audit: Audit) -> list[tuple[str, str]]:
    """The grades the audit's tool offers (its grade question's choices), best first."""
    tool = questionnaire_of(audit.questionnaire)
    for question in tool.questions():
        if question.type == "grade":
            return [(choice.code, choice.label) for choice in tool.choices(question)]
    return []


@dataclass(frozen=True)
class TermFiles:
    term: str  # the term's title, or "Themed audits"
    audits: int
    planned: int
    audited: int  # files moderated


@dataclass(frozen=True)
class ThemedAudit:
    reference: str
    title: str
    question: str
    summary: str
    status: str
    files: int


@dataclass
class ProgrammeReport:
    year: str
    audits: int = 0
    files_planned: int = 0
    files_audited: int = 0
    terms: list[TermFiles] = field(default_factory=list)
    grades: list[tuple[str, int]] = field(default_factory=list)  # (label, files), best first
    themed: list[ThemedAudit] = field(default_factory=list)


def audit_programme_report(*, user: User, partnership: Partnership, year: str) -> ProgrammeReport:
    """The year's auditing: its audits (not cancelled) by term, the files planned and audited
    (moderated), the grades the moderation agreed (the lead auditor's where none was agreed yet),
    and the themed audits with their question and their report to the board."""
    report = ProgrammeReport(year=year)
    if not can_view_audits(user=user, partnership=partnership):
        return report
    audits = list(
        audits_visible_to(user=user, partnership=partnership)
        .filter(audit_year_q(_start(year)))
        .exclude(status=Audit.Status.CANCELLED)
        .order_by("starts_on", "reference")
    )
    cases = list(CaseAudit.objects.filter(audit__in=audits).values_list("audit_id", "status", "grade", "agreed_grade"))
    audited: Counter = Counter(audit_id for audit_id, status, _, _ in cases if status == CaseAudit.Status.MODERATED)
    counted: Counter = Counter()
    labels: dict[str, str] = {}
    for audit in audits:
        labels.update({code: label for code, label in _grades_of(audit) if code not in labels})
    order = list(labels)
    for _audit, status, grade, agreed in cases:
        given = agreed or grade
        if given and status in (CaseAudit.Status.MODERATION, CaseAudit.Status.MODERATED):
            counted[given] += 1
    report.grades = [(labels.get(code, code), counted[code]) for code in order if counted[code]] + [
        (code, count) for code, count in counted.items() if code not in labels
    ]
    terms: dict[str, list[Audit]] = {}
    for audit in audits:
        key = term_title(partnership, audit.term) if audit.kind == Audit.Kind.PROGRAMME else "Themed audits"
        terms.setdefault(key or "Outside the terms", []).append(audit)
    report.terms = [
        TermFiles(
            term=key,
            audits=len(found),
            planned=sum(a.files_planned for a in found),
            audited=sum(audited[a.pk] for a in found),
        )
        for key, found in terms.items()
    ]
    report.audits = len(audits)
    report.files_planned = sum(a.files_planned for a in audits)
    report.files_audited = sum(audited.values())
    report.themed = [
        ThemedAudit(
            reference=a.reference,
            title=a.title,
            question=a.question,
            summary=a.summary,
            status=a.get_status_display(),
            files=audited[a.pk],
        )
        for a in audits
        if a.kind == Audit.Kind.THEMED
    ]
    return report


@dataclass(frozen=True)
class FindingAction:
    reference: str
    title: str
    owner: str
    status: str
    due_on: object
    overdue: bool


@dataclass(frozen=True)
class ReportedFinding:
    audit: str
    kind: str
    theme: str
    text: str
    actions: list[FindingAction]


def audit_findings_report(
    *, user: User, partnership: Partnership, year: str | None = None, audit_reference: str = ""
) -> list[ReportedFinding]:
    """The findings of one audit (by reference) or of the year's audits, strengths first in each
    audit, each with the actions it raised and where they stand."""
    if not can_view_audits(user=user, partnership=partnership):
        return []
    audits = audits_visible_to(user=user, partnership=partnership).exclude(status=Audit.Status.CANCELLED)
    if audit_reference:
        audits = audits.filter(reference=audit_reference)
    elif year:
        audits = audits.filter(audit_year_q(_start(year)))
    findings = sorted(
        Finding.objects.filter(partnership=partnership, audit__in=audits).select_related("audit"),
        key=lambda f: (f.audit.starts_on, f.audit.reference, f.kind != Finding.Kind.STRENGTH, f.position, f.pk),
    )
    actions = finding_actions(user=user, partnership=partnership, findings=findings)
    return [
        ReportedFinding(
            audit=f"{finding.audit.reference} {finding.audit.title}",
            kind=finding.get_kind_display(),
            theme=finding.theme,
            text=finding.text,
            actions=[
                FindingAction(
                    reference=progress.action.reference,
                    title=progress.action.title,
                    owner=str(progress.action.owner_agency or ""),
                    status=progress.action.get_status_display(),
                    due_on=progress.action.due_on,
                    overdue=progress.action.is_overdue,
                )
                for progress in actions.get(finding.pk, [])
            ],
        )
        for finding in findings
    ]


def actions_completed(findings: list[ReportedFinding]) -> tuple[int, int]:
    """Of the actions the findings raised, (completed, all)."""
    every = [action for finding in findings for action in finding.actions]
    done = sum(1 for action in every if action.status == Action.Status.COMPLETED.label)
    return done, len(every)


def conference_absences_report(*, user: User, partnership: Partnership, year: str) -> Absences:
    """The year's conferences with an agency not adequately represented, and each agency's share."""
    return conference_absences(user=user, partnership=partnership, year=year)
