"""The demo's audits (assure/audits/demo): Shropshire's 2014-15 programme, the themed audit of
second child protection plans with its findings and actions, its re-audit, and the live audits of
the terms around the day of loading, in every state."""

import datetime as dt
from collections import Counter

import pytest
from django.utils import timezone

from assure.actions.models import Action
from assure.audits.demo.programme import FRAMEWORK, AuditsDemoWriter, live_specs
from assure.audits.models import Audit, CaseAudit, Finding
from assure.library.schemas_audits import AuditFrameworkItem
from assure.library.selectors import current_item
from assure.partnerships.models import Partnership
from assure.questionnaires.definition import questionnaire_of
from assure.questionnaires.models import Response
from tests.real_names import real_names_in

S = Audit.Status


@pytest.fixture
def shropshire(demo_region, db) -> Partnership:
    """Of the shared demo region (conftest.py), each test in a transaction of its own."""
    return Partnership.objects.get(slug="shropshire")


def _audits(shropshire):
    return Audit.objects.filter(partnership=shropshire)


def _second_plans(shropshire) -> Audit:
    return _audits(shropshire).get(kind=Audit.Kind.THEMED, starts_on=dt.date(2014, 9, 1))


def _responses(audit: Audit):
    return Response.objects.filter(
        about_type__model="caseaudit", about_id__in=[str(pk) for pk in audit.cases.all().values_list("pk", flat=True)]
    )


class TestTheProgramme2014To15:
    def test_three_terms_of_ten_files_each(self, shropshire):
        audits = _audits(shropshire).filter(programme__year=2014, kind=Audit.Kind.PROGRAMME)
        assert sorted(audits.values_list("term", flat=True)) == ["autumn", "spring", "summer"]
        assert [audit.cases.count() for audit in audits] == [10, 10, 10]

    def test_every_term_is_reported_with_every_file_moderated(self, shropshire):
        for audit in _audits(shropshire).filter(programme__year=2014, kind=Audit.Kind.PROGRAMME):
            assert audit.status == S.REPORTED and audit.reported_on and audit.summary
            assert not audit.cases.exclude(status=CaseAudit.Status.MODERATED).exists()
            assert not audit.cases.filter(agreed_grade="").exists()
            assert not _responses(audit).exclude(status="moderated").exists()

    def test_audits_are_themed_on_the_business_plans_priorities(self, shropshire):
        audits = _audits(shropshire).filter(programme__year=2014)
        assert not audits.filter(priority=None).exists()
        assert audits.values("priority").distinct().count() == 3

    def test_grades_are_mostly_good_or_requiring_improvement(self, shropshire):
        grades = Counter(
            CaseAudit.objects.filter(partnership=shropshire)
            .exclude(agreed_grade="")
            .values_list("agreed_grade", flat=True)
        )
        middling = grades["good"] + grades["requires-improvement"]
        assert middling >= 0.8 * sum(grades.values())
        assert grades["inadequate"] > 0

    def test_moderation_moved_some_grades(self, shropshire):
        cases = CaseAudit.objects.filter(partnership=shropshire, status=CaseAudit.Status.MODERATED)
        moved = [case for case in cases if case.agreed_grade != case.grade]
        assert moved and all(case.moderation_notes for case in moved)


class TestTheAnswers:
    def test_submitted_answers_answer_every_required_question_shown(self, shropshire):
        for response in (
            Response.objects.filter(partnership=shropshire, about_type__model="caseaudit")
            .exclude(status="draft")
            .prefetch_related("answers")[:80]
        ):
            definition = questionnaire_of(response.questionnaire)
            values = response.values()
            assert definition.missing(values, response.sections) == {}
            assert (response.answered, response.asked) == definition.progress(values, response.sections)

    def test_each_agency_answers_its_own_section_and_the_lead_auditor_the_overall(self, shropshire):
        audit = _audits(shropshire).get(programme__year=2014, term="autumn")
        sections = {
            (r.agency.agency_type.code if r.agency else "lead auditor", tuple(r.sections))
            for r in _responses(audit).select_related("agency__agency_type")
        }
        assert ("police", ("police",)) in sections
        assert ("childrens-social-care", ("social-care",)) in sections
        assert ("lead auditor", ("overall",)) in sections

    def test_the_lead_auditors_grade_is_the_case_files(self, shropshire):
        for case in CaseAudit.objects.filter(partnership=shropshire).exclude(grade="")[:20]:
            overall = Response.objects.get(about_type__model="caseaudit", about_id=str(case.pk), agency=None)
            assert overall.values()["overall-grade"] == case.grade


class TestEveryState:
    def test_audits_in_every_state(self, shropshire):
        assert set(_audits(shropshire).values_list("status", flat=True)) == set(S.values)

    def test_an_audit_in_moderation_has_files_moderated_and_files_waiting(self, shropshire):
        audit = _audits(shropshire).get(status=S.MODERATION)
        statuses = Counter(audit.cases.values_list("status", flat=True))
        assert statuses[CaseAudit.Status.MODERATED] and statuses[CaseAudit.Status.MODERATION]
        assert set(statuses) == {CaseAudit.Status.MODERATED, CaseAudit.Status.MODERATION}

    def test_this_terms_audit_has_answers_submitted_and_drafts_not_yet_due(self, shropshire):
        audit = _audits(shropshire).get(status=S.AUDITING, kind=Audit.Kind.PROGRAMME)
        assert audit.ends_on > timezone.localdate()
        statuses = Counter(_responses(audit).exclude(agency=None).values_list("status", flat=True))
        assert statuses["submitted"] and statuses["draft"]
        begun = _responses(audit).filter(status="draft", answered__gt=0).exclude(agency=None)
        assert begun.exists() and all(r.answered < r.asked for r in begun)

    def test_answers_overdue_are_two_agencies_with_leads_in_the_re_audit(self, shropshire):
        overdue = Response.objects.filter(
            partnership=shropshire, about_type__model="caseaudit", status="draft", agency__isnull=False
        )
        overdue = [
            r for r in overdue if r.about.audit.status == S.AUDITING and r.about.audit.ends_on < timezone.localdate()
        ]
        assert sorted(r.agency.agency_type.code for r in overdue) == ["community-health-trust", "police"]
        assert {r.about.audit.follows_id for r in overdue} == {_second_plans(shropshire).pk}

    def test_the_home_page_shows_the_agency_lead_their_overdue_answers_and_the_business_unit_both(self, shropshire):
        from assure.accounts.models import User
        from assure.audits.waiting_cases import answers_overdue, answers_to_give

        today = timezone.localdate()
        lead = User.objects.get(email="agency-lead@shropshire.demo.assure.test")
        mine = answers_to_give(user=lead, partnership=shropshire, today=today)
        assert [item.agency for item in mine if item.overdue] == ["Shropshire Community Health NHS Trust"]
        assert any(not item.overdue for item in mine)
        manager = User.objects.get(email="business-unit@shropshire.demo.assure.test")
        overdue = answers_overdue(user=manager, partnership=shropshire, today=today)
        assert sorted(item.agency for item in overdue) == [
            "Shropshire Community Health NHS Trust",
            "West Mercia Police",
        ]

    def test_the_next_terms_audit_is_planned_with_files_added_and_nothing_asked(self, shropshire):
        audit = _audits(shropshire).get(status=S.PLANNED)
        assert audit.starts_on > timezone.localdate()
        assert audit.cases.exists() and not _responses(audit).exists()

    def test_each_live_audits_term_is_the_term_of_its_start(self, shropshire):
        framework = AuditFrameworkItem.model_validate(current_item(kind="audit-framework", code=FRAMEWORK).data)
        for audit in _audits(shropshire).exclude(term=""):
            assert audit.starts_on.month in framework.term(audit.term).months(), audit


class TestSecondPlans:
    def test_the_september_2014_audit_was_commissioned_from_the_indicator_and_reported_in_october(self, shropshire):
        audit = _second_plans(shropshire)
        assert audit.status == S.REPORTED and audit.reported_on == dt.date(2014, 10, 16)
        assert audit.question and audit.source_type.model == "indicator"
        assert audit.source.code == "csc-cp-plans-second-2-years-percent"

    def test_its_findings_a_strength_and_the_areas_for_development(self, shropshire):
        findings = Finding.objects.filter(audit=_second_plans(shropshire))
        assert list(findings.filter(kind=Finding.Kind.STRENGTH).values_list("theme", flat=True)) == ["Analysis of risk"]
        themes = set(findings.filter(kind=Finding.Kind.DEVELOPMENT).values_list("theme", flat=True))
        assert {"The voice of the child", "Repeated plans", "SMARTer plans", "Core groups"} <= themes
        assert "Ending a plan and stepping down" in themes

    def test_three_findings_raised_actions_completed_in_their_year(self, shropshire):
        findings = Finding.objects.filter(audit=_second_plans(shropshire))
        actions = Action.objects.filter(source_type__model="finding", source_id__in=[str(f.pk) for f in findings])
        assert actions.count() == 3
        assert all(a.status == Action.Status.COMPLETED and a.completed_on.year in (2014, 2015) for a in actions)

    def test_the_further_audit_follows_it_and_is_in_progress(self, shropshire):
        reaudit = Audit.objects.get(follows=_second_plans(shropshire))
        assert reaudit.kind == Audit.Kind.THEMED and reaudit.status == S.AUDITING
        assert reaudit.cases.count() == reaudit.files_planned == 20


class TestNobodyReal:
    def test_no_real_name_in_the_audits_words(self, shropshire):
        texts = []
        for audit in _audits(shropshire):
            texts += [audit.title, audit.theme, audit.question, audit.summary, audit.cancel_reason, audit.source_label]
        texts += [f"{f.theme} {f.text}" for f in Finding.objects.filter(partnership=shropshire)]
        texts += [f"{c.grade_reason} {c.moderation_notes}" for c in CaseAudit.objects.filter(partnership=shropshire)]
        texts += [
            str(v)
            for r in Response.objects.filter(partnership=shropshire, about_type__model="caseaudit")
            for v in r.values().values()
        ]
        found = [name for text in texts for name in real_names_in(text)]
        assert found == []


class TestLiveTerms:
    """The live audits' terms, whatever the day the demo is loaded."""

    @pytest.mark.parametrize("month", range(1, 13))
    def test_the_last_this_and_next_term_in_order_around_the_day(self, db, month):
        framework = AuditFrameworkItem.model_validate(current_item(kind="audit-framework", code=FRAMEWORK).data)
        today = dt.date(2026, month, 15)
        moderation, answering, planned = live_specs(framework, today)
        assert len({moderation.term, answering.term, planned.term}) == 3
        assert moderation.ends_on < answering.starts_on <= today - dt.timedelta(days=21)
        assert answering.ends_on > today and planned.starts_on > today
        for spec in (moderation, answering, planned):
            assert spec.starts_on.month in framework.term(spec.term).months()
            assert framework.term_years(spec.year)[spec.term] == spec.starts_on.year


def test_the_writer_reads_the_shipped_tool_and_framework(db):
    assert AuditsDemoWriter.case_reference("shropshire-csc", "x|1").startswith("SC-")
    assert current_item(kind="questionnaire", code="case-file-audit") is not None
