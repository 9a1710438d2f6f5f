"""The results of case-file audits: grades (agreed, else the lead auditor's), grades by term, "%
yes" by term from the submitted answers, findings with their actions, and an agency lead's view
narrowed to the audits their agency took part in and to their own agency's answers."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType

from assure.actions.models import Action
from assure.actions.tests.factories import ActionFactory
from assure.audits.models import Audit, CaseAudit
from assure.audits.selectors.results import Filters, audit_results, comparison, filter_choices, read_filters
from assure.partnerships.tests.factories import AgencyFactory
from assure.questionnaires.definition import questionnaire_of
from assure.questionnaires.models import Answer, Response

from .factories import AuditFactory, CaseAuditFactory, FindingFactory, ProgrammeFactory, ThemedAuditFactory

pytestmark = pytest.mark.django_db

QUESTION = "police-information-shared"


def answered(case: CaseAudit, agency, values: dict, *, section="police", status="submitted") -> Response:
    """An agency's response about the case file with ``values`` stored as its answers (how they
    were answered is the engine's business, tested there)."""
    item = case.audit.questionnaire
    response = Response.objects.create(
        partnership=case.partnership,
        questionnaire=item,
        about_type=ContentType.objects.get_for_model(CaseAudit),
        about_id=str(case.pk),
        sections=[section],
        status=status,
        agency=agency,
    )
    questionnaire = questionnaire_of(item)
    for code, value in values.items():
        answer = Answer(response=response, question=code)
        answer.set_value(value, kind=questionnaire.question(code).type)
        answer.save()
    return response


def case(audit, **fields) -> CaseAudit:
    return CaseAuditFactory(audit=audit, reference=f"{audit.reference}/{CaseAudit.objects.count() + 1:02d}", **fields)


@pytest.fixture
def programme(partnership):
    return ProgrammeFactory(partnership=partnership, year=2014)


@pytest.fixture
def autumn(partnership, agency, business_unit, programme):
    return AuditFactory(
        partnership=partnership,
        programme=programme,
        term="autumn",
        created_by=business_unit,
        agencies=[agency],
        status=Audit.Status.MODERATION,
    )


@pytest.fixture
def spring(partnership, agency, business_unit, programme):
    return AuditFactory(
        partnership=partnership,
        programme=programme,
        term="spring",
        starts_on=dt.date(2015, 1, 5),
        ends_on=dt.date(2015, 4, 17),
        created_by=business_unit,
        agencies=[agency],
        theme="Neglect",
    )


def results(user, partnership, **filters):
    return audit_results(user=user, partnership=partnership, filters=Filters(**filters))


def test_a_files_grade_is_the_agreed_one_else_the_lead_auditors(business_unit, partnership, autumn):
    case(autumn, grade="good", agreed_grade="inadequate")
    case(autumn, grade="good")
    case(autumn)
    found = results(business_unit, partnership)
    column = found.grades.columns[0]
    assert (found.files, found.graded) == (3, 2)
    assert (column.count("inadequate"), column.count("good"), column.count("outstanding")) == (1, 1, 0)
    assert column.share("good") == 50
    assert [label for _, label in found.grades.scale] == ["Outstanding", "Good", "Requires improvement", "Inadequate"]


def test_grades_over_time_are_by_term_in_order(business_unit, partnership, agency, autumn, spring):
    case(spring, agreed_grade="good")
    case(autumn, agreed_grade="inadequate")
    themed = ThemedAuditFactory(partnership=partnership, created_by=business_unit, starts_on=dt.date(2014, 10, 6))
    case(themed, agreed_grade="requires-improvement")
    found = results(business_unit, partnership)
    assert [column.group for column in found.by_term.columns] == ["Autumn term 2014-15", "Spring term 2014-15"]
    autumn_column, spring_column = found.by_term.columns
    assert (autumn_column.files, autumn_column.count("requires-improvement")) == (2, 1)
    assert spring_column.count("good") == 1
    assert found.by_term_chart["data"]["values"]


def test_percent_yes_is_by_term_from_submitted_answers(business_unit, partnership, agency, autumn, spring):
    first, second = case(autumn), case(autumn)
    answered(first, agency, {QUESTION: "yes"})
    answered(second, agency, {QUESTION: "no"})
    answered(case(autumn), agency, {QUESTION: "yes"}, status="draft")
    answered(case(spring), agency, {QUESTION: "yes"})
    row = next(row for row in results(business_unit, partnership).questions if row.code == QUESTION)
    autumn_figure, spring_figure = row.figures
    assert (autumn_figure.asked, autumn_figure.count, autumn_figure.percent) == (2, 1, 50)
    assert (spring_figure.asked, spring_figure.percent) == (1, 100)


def test_an_agency_lead_counts_only_the_audits_of_their_agency_and_its_answers(
    agency_lead, business_unit, partnership, agency, other_agency, autumn
):
    not_ours = AuditFactory(
        partnership=partnership, created_by=business_unit, agencies=[other_agency], theme="Private fostering"
    )
    case(not_ours, agreed_grade="good")
    ours = case(autumn, agreed_grade="inadequate")
    answered(ours, agency, {QUESTION: "yes"})
    answered(ours, other_agency, {QUESTION: "no"})
    FindingFactory(audit=not_ours, created_by=business_unit, theme="Fostering checks")
    for_lead = results(agency_lead, partnership)
    assert [audit.pk for audit in for_lead.audits] == [autumn.pk]
    assert for_lead.grades.columns[0].counts == {"inadequate": 1}
    figure = next(row for row in for_lead.questions if row.code == QUESTION).figures[0]
    assert (figure.asked, figure.count) == (1, 1)
    assert for_lead.findings == []
    assert "Private fostering" not in filter_choices(user=agency_lead, partnership=partnership).themes
    for_unit = results(business_unit, partnership)
    assert for_unit.files == 2
    assert next(row for row in for_unit.questions if row.code == QUESTION).figures[0].asked == 2


def test_filters_narrow_to_a_theme_a_term_and_an_agency(business_unit, partnership, agency, autumn, spring):
    probation = AgencyFactory(name="Northshire Probation", partnerships=[partnership])
    elsewhere = AuditFactory(partnership=partnership, created_by=business_unit, agencies=[probation])
    assert [a.pk for a in results(business_unit, partnership, theme="Neglect").audits] == [spring.pk]
    assert [a.pk for a in results(business_unit, partnership, term="autumn").audits] == [autumn.pk, elsewhere.pk]
    assert [a.pk for a in results(business_unit, partnership, agency=probation).audits] == [elsewhere.pk]
    assert results(business_unit, partnership, year=2015).audits == []


def test_filters_not_offered_are_ignored(business_unit, partnership, autumn):
    choices = filter_choices(user=business_unit, partnership=partnership)
    filters = read_filters(choices=choices, query={"year": "1999", "term": "winter", "theme": autumn.theme})
    assert (filters.year, filters.term, filters.theme) == (None, "", autumn.theme)


def test_findings_come_with_the_actions_they_raised(business_unit, partnership, agency, autumn):
    finding = FindingFactory(audit=autumn, created_by=business_unit)
    ActionFactory(
        partnership=partnership,
        owner_agency=agency,
        created_by=business_unit,
        source=finding,
        status=Action.Status.COMPLETED,
    )
    ActionFactory(partnership=partnership, owner_agency=agency, created_by=business_unit, source=finding)
    (row,) = results(business_unit, partnership).findings
    assert row.finding == finding
    assert (len(row.actions), row.actions_done) == (2, 1)


def test_a_re_audit_is_compared_with_the_first(business_unit, partnership, agency, autumn):
    re_audit = ThemedAuditFactory(
        partnership=partnership, created_by=business_unit, agencies=[agency], follows=autumn, theme=autumn.theme
    )
    for grade in ("inadequate", "inadequate", "good"):
        answered(case(autumn, agreed_grade=grade), agency, {QUESTION: "no" if grade == "inadequate" else "yes"})
    for grade in ("good", "good", "requires-improvement", "outstanding"):
        answered(case(re_audit, agreed_grade=grade), agency, {QUESTION: "yes"})
    FindingFactory(audit=autumn, created_by=business_unit, theme="Planning")
    FindingFactory(audit=re_audit, created_by=business_unit, theme="Planning improved", kind="strength")
    result = comparison(user=business_unit, first=autumn, second=re_audit)
    first, second = result.grades.columns
    assert (first.group, second.group) == (f"{autumn.reference} (first)", f"{re_audit.reference} (re-audit)")
    assert (first.share("inadequate"), first.share("good")) == (67, 33)
    assert (second.share("good"), second.share("outstanding"), second.share("inadequate")) == (50, 25, 0)
    row = next(row for row in result.questions if row.code == QUESTION)
    assert [figure.percent for figure in row.figures] == [33, 100]
    assert [r.finding.theme for r in result.first_findings] == ["Planning"]
    assert [r.finding.theme for r in result.second_findings] == ["Planning improved"]
