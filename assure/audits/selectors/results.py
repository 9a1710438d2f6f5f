"""The results of case-file audits: files audited, the grades (the grade the moderation meeting
agreed, else the lead auditor's) by programme, term, theme and agency, grades over time by term,
"% yes" to each yes-no question of the tool by term, and the findings with the actions they
raised; and a re-audit beside the audit it follows.

Every function takes the requesting user and reads through ``audits_visible_to``, so an agency
lead counts only the audits their agency takes part in, and of the answers only their own
agency's. The figures come from the questionnaire engine's results (``compared``)."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast
from django.http import HttpResponse

from assure.accounts.models import User
from assure.accounts.permissions import agencies_of
from assure.core.charts import FILLS, grouped_bars_spec, value_axis
from assure.core.tables import export_response
from assure.library.schemas_audits import AuditFrameworkItem
from assure.partnerships.models import Agency, Partnership
from assure.questionnaires.charts import compared_chart
from assure.questionnaires.definition import questionnaire_of
from assure.questionnaires.models import Response
from assure.questionnaires.results import ComparedRow, compared, percent

from ..models import Audit, CaseAudit
from ..permissions import is_audit_scoped
from .findings import FindingRow, finding_rows, findings_visible_to
from .programme import audits_visible_to, framework_for, framework_of, programmes_visible_to, year_label

GRADE_QUESTION = "overall-grade"
NOT_GRADED = "Not graded yet"


# --- grades ---------------------------------------------------------------------------------------


def grade_of(case: CaseAudit) -> str:
    """The case file's grade: the one the moderation meeting agreed, else the lead auditor's."""
    return case.agreed_grade or case.grade


def grade_scale(audits: Iterable[Audit]) -> list[tuple[str, str]]:
    """The grades the audits' tools offer (code, label), best first, from each tool's overall grade
    question; the tools' versions read once each."""
    scale: dict[str, str] = {}
    seen: set[int] = set()
    for audit in audits:
        if audit.questionnaire_id in seen:
            continue
        seen.add(audit.questionnaire_id)
        questionnaire = questionnaire_of(audit.questionnaire)
        try:
            question = questionnaire.question(GRADE_QUESTION)
        except KeyError:
            continue
        for choice in questionnaire.choices(question):
            scale.setdefault(choice.code, choice.label)
    return list(scale.items())


@dataclass
class GradeColumn:
    """One group's files (a term, an audit): how many were graded, and how many had each grade."""

    group: str
    files: int
    graded: int
    counts: dict[str, int]

    def count(self, code: str) -> int:
        return self.counts.get(code, 0)

    def share(self, code: str) -> int | None:
        return percent(self.count(code), self.graded)


@dataclass
class GradeTable:
    """Grades of case files in groups, side by side: ``scale`` the grades best first."""

    scale: list[tuple[str, str]]
    columns: list[GradeColumn]

    @property
    def rows(self) -> list[dict]:
        """One row per grade: its label and each group's count and percentage of graded files."""
        return [
            {"code": code, "label": label, "cells": [(c.count(code), c.share(code)) for c in self.columns]}
            for code, label in self.scale
        ]

    @property
    def is_empty(self) -> bool:
        return not any(column.files for column in self.columns)

    def chart(self, *, description: str) -> dict:
        """Grouped bars: one group per column (a term), one bar per grade, each the percentage of
        the group's graded files."""
        groups = [column.group for column in self.columns]
        series = {
            label: [None if (s := c.share(code)) is None else Decimal(s) for c in self.columns]
            for code, label in self.scale
        }
        return grouped_bars_spec(
            description=f"{description} The table beside the chart holds the same figures.",
            categories=groups,
            series=series,
            shown={
                label: ["" if (s := c.share(code)) is None else f"{s}%" for c in self.columns]
                for code, label in self.scale
            },
            figure_axis=value_axis("Case files graded (%)", domain=[0, 100], whole_numbers=True),
            fills=FILLS[: len(series)],
            figure_title="Share of files graded",
        )

    def export_rows(self) -> tuple[list[str], list[list]]:
        headers = ["Grade"]
        for column in self.columns:
            headers += [f"{column.group}: files", f"{column.group}: % of graded"]
        rows = []
        for row in self.rows:
            line: list = [row["label"]]
            for count, share in row["cells"]:
                line += [count, "" if share is None else share]
            rows.append(line)
        rows.append(["Files graded", *[value for c in self.columns for value in (c.graded, "")]])
        rows.append(["Files audited", *[value for c in self.columns for value in (c.files, "")]])
        return headers, rows


def grade_table(*, scale: list[tuple[str, str]], groups: dict[str, Sequence[CaseAudit]]) -> GradeTable:
    """The grades of each group's case files (in the order given)."""
    columns = []
    for name, cases in groups.items():
        grades = Counter(grade for case in cases if (grade := grade_of(case)))
        columns.append(GradeColumn(group=name, files=len(cases), graded=sum(grades.values()), counts=dict(grades)))
    known = {code for code, _ in scale}
    extra = sorted({code for column in columns for code in column.counts} - known)
    return GradeTable(scale=[*scale, *((code, code) for code in extra)], columns=columns)


# --- answers ---------------------------------------------------------------------------------------


def answers_about(*, user: User, partnership: Partnership, cases: QuerySet[CaseAudit], agency: Agency | None = None):
    """The submitted answers about the case files (responses of the audit tool), an agency lead's
    only of their own agency, or only ``agency``'s when one is asked for."""
    ids = cases.annotate(key=Cast("pk", CharField())).values("key")
    responses = Response.objects.filter(
        partnership=partnership,
        about_type=ContentType.objects.get_for_model(CaseAudit),
        about_id__in=ids,
        status__in=Response.LOCKED,
    )
    if is_audit_scoped(user=user, partnership=partnership):
        responses = responses.filter(agency_id__in=agencies_of(user=user, partnership=partnership))
    if agency is not None:
        responses = responses.filter(agency=agency)
    return responses


# --- terms -------------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Period:
    """A term of an audit year, in time order: (year, position of the term in the framework)."""

    year: int
    position: int
    label: str = field(compare=False)


def period_of(audit: Audit, framework: AuditFrameworkItem | None) -> Period | None:
    """The term an audit belongs to: its own term in its programme's year, or for an audit outside
    the terms (a themed audit) the term its start falls in."""
    if framework is None:
        return None
    codes = [term.code for term in framework.terms]
    if audit.term and audit.programme_id and audit.term in codes:
        term = framework.term(audit.term)
        return Period(audit.programme.year, codes.index(term.code), f"{term.title} {year_label(audit.programme.year)}")
    day = audit.starts_on
    for position, term in enumerate(framework.terms):
        if day.month not in term.months():
            continue
        # The calendar year of the day's month in the term of each candidate audit year.
        over_new_year = 1 if day.month < term.first_month else 0
        for year in (day.year, day.year - 1):
            if framework.term_years(year)[term.code] + over_new_year == day.year:
                return Period(year, position, f"{term.title} {year_label(year)}")
    return None


# --- the results page ------------------------------------------------------------------------------


@dataclass
class Filters:
    year: int | None = None
    term: str = ""
    theme: str = ""
    agency: Agency | None = None

    @property
    def any(self) -> bool:
        return bool(self.year or self.term or self.theme or self.agency)


@dataclass
class FilterChoices:
    years: list[tuple[int, str]]
    terms: list[tuple[str, str]]
    themes: list[str]
    agencies: list[Agency]


def filter_choices(*, user: User, partnership: Partnership) -> FilterChoices:
    """What the results can be narrowed to: the programmes' years, the framework's terms, the
    themes and the agencies of the audits the user may see."""
    audits = audits_visible_to(user=user, partnership=partnership).exclude(status=Audit.Status.CANCELLED)
    item = framework_for(partnership)
    framework = framework_of(item) if item else None
    years = programmes_visible_to(user=user, partnership=partnership).values_list("year", flat=True)
    agencies = Agency.objects.filter(audits__in=audits).distinct().order_by("name")
    if is_audit_scoped(user=user, partnership=partnership):
        agencies = agencies.filter(pk__in=agencies_of(user=user, partnership=partnership))
    return FilterChoices(
        years=[(year, year_label(year)) for year in years],
        terms=[(term.code, term.title) for term in framework.terms] if framework else [],
        themes=sorted(set(audits.values_list("theme", flat=True))),
        agencies=list(agencies),
    )


def read_filters(*, choices: FilterChoices, query) -> Filters:
    """The filters asked for in the page's query, each kept only when it is one of the choices."""
    year = query.get("year", "")
    term = query.get("term", "")
    theme = query.get("theme", "")
    agency = query.get("agency", "")
    return Filters(
        year=int(year) if year.isdigit() and int(year) in {y for y, _ in choices.years} else None,
        term=term if term in {code for code, _ in choices.terms} else "",
        theme=theme if theme in choices.themes else "",
        agency=next((a for a in choices.agencies if str(a.pk) == agency), None),
    )


@dataclass
class Results:
    filters: Filters
    audits: list[Audit]
    files: int
    graded: int
    grades: GradeTable  # every file counted, one column
    by_term: GradeTable  # a column per term, in time order
    by_term_chart: dict
    questions: list[ComparedRow]
    questions_chart: dict
    findings: list[FindingRow]

    def export(self, table: str, *, export_format: str, name: str) -> HttpResponse | None:
        """A CSV or XLSX of one of the page's tables ("grades", "terms", "questions", "findings")."""
        if table == "grades":
            headers, rows = self.grades.export_rows()
        elif table == "terms":
            headers, rows = self.by_term.export_rows()
        elif table == "questions":
            headers, rows = questions_export(self.questions)
        elif table == "findings":
            headers, rows = findings_export(self.findings)
        else:
            return None
        return export_response(headers=headers, rows=rows, name=f"{name}-{table}", export_format=export_format)


def questions_export(rows: list[ComparedRow]) -> tuple[list[str], list[list]]:
    groups = [figure.group for figure in rows[0].figures] if rows else []
    headers = ["Question", "Asked when"]
    for group in groups:
        headers += [f"{group}: asked", f"{group}: yes", f"{group}: % yes"]
    lines = []
    for row in rows:
        line: list = [row.label, row.asked_when]
        for group in groups:
            figure = row.figure(group)
            line += (
                [figure.asked, figure.count, "" if figure.percent is None else figure.percent]
                if figure
                else ["", "", ""]
            )
        lines.append(line)
    return headers, lines


def findings_export(rows: list[FindingRow]) -> tuple[list[str], list[list]]:
    headers = ["Audit", "Kind", "Theme", "Finding", "Actions raised", "Actions completed", "Actions"]
    lines = []
    for row in rows:
        finding = row.finding
        lines.append(
            [
                finding.audit.reference,
                finding.get_kind_display(),
                finding.theme,
                finding.text,
                len(row.actions),
                row.actions_done,
                "; ".join(
                    f"{p.action.reference} {p.action.title} ({p.action.get_status_display().lower()})"
                    for p in row.actions
                ),
            ]
        )
    return headers, lines


def audit_results(*, user: User, partnership: Partnership, filters: Filters) -> Results:
    """The results of the audits the user may see, narrowed by ``filters``."""
    item = framework_for(partnership)
    framework = framework_of(item) if item else None
    audits_qs = audits_visible_to(user=user, partnership=partnership).exclude(status=Audit.Status.CANCELLED)
    if filters.theme:
        audits_qs = audits_qs.filter(theme=filters.theme)
    if filters.agency is not None:
        audits_qs = audits_qs.filter(agencies=filters.agency)
    audits = []
    periods: dict[int, Period | None] = {}
    for audit in audits_qs.order_by("starts_on", "reference"):
        period = period_of(audit, framework)
        year = audit.programme.year if audit.programme_id else (period.year if period else None)
        if filters.year is not None and year != filters.year:
            continue
        if filters.term and (period is None or framework.terms[period.position].code != filters.term):
            continue
        audits.append(audit)
        periods[audit.pk] = period
    audit_ids = [audit.pk for audit in audits]
    cases_qs = CaseAudit.objects.filter(partnership=partnership, audit_id__in=audit_ids)
    cases = list(cases_qs)
    scale = grade_scale(audits)
    grades = grade_table(scale=scale, groups={"Every file": cases})
    by_period: dict[Period, list[CaseAudit]] = {}
    for period in sorted({p for p in periods.values() if p is not None}):
        by_period[period] = []
    for case in cases:
        period = periods.get(case.audit_id)
        if period is not None:
            by_period[period].append(case)
    by_term = grade_table(scale=scale, groups={period.label: found for period, found in by_period.items()})
    groups = {
        period.label: answers_about(
            user=user,
            partnership=partnership,
            cases=cases_qs.filter(audit_id__in=[pk for pk, p in periods.items() if p == period]),
            agency=filters.agency,
        )
        for period in by_period
    }
    questions = compared(groups=groups) if groups else []
    questions = [row for row in questions if any(figure.asked for figure in row.figures)]
    findings = findings_visible_to(user=user, partnership=partnership).filter(audit_id__in=audit_ids)
    return Results(
        filters=filters,
        audits=audits,
        files=len(cases),
        graded=grades.columns[0].graded,
        grades=grades,
        by_term=by_term,
        by_term_chart=by_term.chart(description="The grades of the case files audited in each term.")
        if by_period
        else {},
        questions=questions,
        questions_chart=compared_chart(questions, title="Answering yes, by term") if questions else {},
        findings=finding_rows(user=user, partnership=partnership, findings=findings),
    )


# --- a re-audit beside the audit it follows --------------------------------------------------------------


@dataclass
class Comparison:
    first: Audit
    second: Audit
    grades: GradeTable
    grades_chart: dict
    questions: list[ComparedRow]
    questions_chart: dict
    first_findings: list[FindingRow]
    second_findings: list[FindingRow]

    def export(self, table: str, *, export_format: str, name: str) -> HttpResponse | None:
        if table == "grades":
            headers, rows = self.grades.export_rows()
        elif table == "questions":
            headers, rows = questions_export(self.questions)
        elif table == "findings":
            headers, rows = findings_export(self.first_findings + self.second_findings)
        else:
            return None
        return export_response(headers=headers, rows=rows, name=f"{name}-compared-{table}", export_format=export_format)


def comparison(*, user: User, first: Audit, second: Audit) -> Comparison:
    """The re-audit ``second`` beside the audit ``first`` it follows (both found by the caller
    among the audits the user may see): the grades agreed, "% yes" to each yes-no question, and
    the findings of each."""
    partnership = second.partnership
    names = {first.pk: f"{first.reference} (first)", second.pk: f"{second.reference} (re-audit)"}
    cases = CaseAudit.objects.filter(partnership=partnership, audit_id__in=[first.pk, second.pk])
    by_audit: dict[int, list[CaseAudit]] = {first.pk: [], second.pk: []}
    for case in cases:
        by_audit[case.audit_id].append(case)
    grades = grade_table(
        scale=grade_scale([first, second]), groups={names[pk]: found for pk, found in by_audit.items()}
    )
    groups = {
        names[audit.pk]: answers_about(user=user, partnership=partnership, cases=cases.filter(audit=audit))
        for audit in (first, second)
    }
    questions = [row for row in compared(groups=groups) if any(figure.asked for figure in row.figures)]
    findings = findings_visible_to(user=user, partnership=partnership).filter(audit_id__in=[first.pk, second.pk])
    rows = finding_rows(user=user, partnership=partnership, findings=findings)
    return Comparison(
        first=first,
        second=second,
        grades=grades,
        grades_chart=grades.chart(
            description=f"The grades of the case files of {first.reference} and {second.reference}."
        )
        if not grades.is_empty
        else {},
        questions=questions,
        questions_chart=compared_chart(questions, title="Answering yes, first audit and re-audit") if questions else {},
        first_findings=[row for row in rows if row.finding.audit_id == first.pk],
        second_findings=[row for row in rows if row.finding.audit_id == second.pk],
    )
