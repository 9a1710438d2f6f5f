"""The report blocks of audits: the conferences' absences, the year's multi-agency auditing and
what the audits found."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from assure.actions.models import Action
from assure.actions.tests.factories import ActionFactory
from assure.audits.models import Audit, CaseAudit, Finding
from assure.audits.tests.factories import (
    AuditFactory,
    CaseAuditFactory,
    FindingFactory,
    ThemedAuditFactory,
    checklist_conference,
)
from assure.reports.blocks import compute_block

pytestmark = pytest.mark.django_db

TODAY = dt.date(2015, 5, 1)
MODERATED = timezone.make_aware(dt.datetime(2014, 12, 10, 12, 0))


def _compute(kind: str, partnership, **params):
    data, problem = compute_block(
        kind=kind,
        report=SimpleNamespace(partnership=partnership, year="2014-15", pk=1),
        section=None,
        params=params,
        today=TODAY,
    )
    assert problem == ""
    return data


def test_the_absences_give_each_agencys_share_of_the_conferences_with_one_absent(partnership, other_partnership):
    checklist_conference(partnership=partnership, **{"agencies-absent": ["gp", "police"]})
    checklist_conference(partnership=partnership, **{"agencies-absent": ["gp"]})
    checklist_conference(partnership=partnership)
    checklist_conference(partnership=other_partnership, **{"agencies-absent": ["housing"]})
    data = _compute("conference-absences", partnership)
    assert data.paragraphs[0] == (
        "In 2014-15, 2 of the 3 conferences checked (67%) had an agency that neither attended nor sent a report."
    )
    assert data.tables[0].rows == [["GP", "2", "100%"], ["Police", "1", "50%"]]
    assert data.charts[0].table == 0


def test_the_absences_say_so_when_no_checklist_was_submitted(partnership):
    checklist_conference(partnership=partnership, status="draft")
    assert _compute("conference-absences", partnership).empty == "No conference checklist was submitted in 2014-15."


def test_the_programme_counts_files_audited_by_term_and_their_grades(partnership):
    audit = AuditFactory(partnership=partnership, term="autumn", files_planned=10)
    CaseAuditFactory(audit=audit, status=CaseAudit.Status.MODERATED, moderated_at=MODERATED, agreed_grade="good")
    CaseAuditFactory(
        audit=audit, status=CaseAudit.Status.MODERATED, moderated_at=MODERATED, grade="good", agreed_grade="inadequate"
    )
    CaseAuditFactory(audit=audit, status=CaseAudit.Status.ANSWERING)
    AuditFactory(partnership=partnership, status=Audit.Status.CANCELLED)
    data = _compute("audit-programme", partnership)
    assert (
        data.paragraphs[0]
        == "In 2014-15 the partnership ran 1 audit: 2 case files audited and moderated of the 10 planned."
    )
    assert data.tables[0].rows == [["Autumn term", "1", "10", "2"]]
    assert data.tables[1].rows == [["Good", "1", "50%"], ["Inadequate", "1", "50%"]]


def test_the_programme_gives_a_themed_audits_question_and_summary(partnership):
    ThemedAuditFactory(
        partnership=partnership,
        reference="AU-009",
        starts_on=dt.date(2014, 9, 1),
        summary="Second plans often repeated the first.",
    )
    themed = _compute("audit-programme", partnership).tables[-1]
    assert themed.rows == [
        [
            "AU-009 Children on a second child protection plan (planned)",
            "Why has the number of children on a second plan within two years risen so fast?",
            "Second plans often repeated the first.",
        ]
    ]


def test_the_findings_carry_the_actions_they_raised_and_their_progress(partnership, business_unit):
    audit = AuditFactory(partnership=partnership, reference="AU-003")
    finding = FindingFactory(audit=audit, kind=Finding.Kind.DEVELOPMENT, theme="Core groups", text="Weak.")
    FindingFactory(audit=audit, kind=Finding.Kind.STRENGTH, theme="Risk", text="Good analysis.")
    ActionFactory(
        partnership=partnership,
        reference="A-0007",
        title="Strengthen core groups",
        status=Action.Status.COMPLETED,
        due_on=dt.date(2015, 3, 1),
        source_type=ContentType.objects.get_for_model(Finding),
        source_id=str(finding.pk),
        created_by=business_unit,
    )
    data = _compute("audit-findings", partnership, audit="AU-003")
    assert data.paragraphs == ["The audits recorded 2 findings, which raised 1 action, 1 of them completed."]
    [findings] = data.tables
    assert findings.caption.startswith("AU-003")
    strength, development = findings.rows
    assert strength[0] == "Strength: Risk. Good analysis."
    assert development[1].startswith("A-0007 Strengthen core groups (")
    assert "completed, due 1 March 2015" in development[1]


def test_the_findings_say_so_when_an_audit_has_none(partnership):
    AuditFactory(partnership=partnership, reference="AU-004")
    assert (
        _compute("audit-findings", partnership, audit="AU-004").empty
        == "No finding has been recorded for audit AU-004."
    )


def test_the_years_findings_read_one_table_for_each_audit(partnership):
    first = AuditFactory(partnership=partnership, reference="AU-001", starts_on=dt.date(2014, 9, 1))
    second = AuditFactory(partnership=partnership, reference="AU-002", starts_on=dt.date(2015, 1, 5))
    FindingFactory(audit=second, kind=Finding.Kind.STRENGTH, theme="Risk", text="Good analysis.")
    FindingFactory(audit=first, kind=Finding.Kind.DEVELOPMENT, theme="Plans", text="Not SMART.")
    FindingFactory(audit=first, kind=Finding.Kind.STRENGTH, theme="Voice", text="Children heard.")
    data = _compute("audit-findings", partnership)
    assert [(t.caption[:6], len(t.rows)) for t in data.tables] == [("AU-001", 2), ("AU-002", 1)]
    assert data.tables[0].rows[0][0] == "Strength: Voice. Children heard."
