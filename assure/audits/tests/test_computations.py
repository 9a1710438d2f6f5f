"""The figures audits counts for the core dataset: conferences checked, "% yes" among those asked,
absences, and case files moderated."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from assure.audits import computations
from assure.audits.models import CaseAudit
from assure.audits.services.cases import case_moderate
from assure.audits.tests.factories import AuditFactory, CaseAuditFactory, checklist_conference
from assure.core.computations import computation_named
from assure.performance.models import Observation
from assure.performance.tests.factories import indicator

pytestmark = pytest.mark.django_db

APRIL_2014, MARCH_2014 = dt.date(2014, 4, 10), dt.date(2014, 3, 20)


def _figures(found):
    return {f.year: (f.numerator, f.denominator) for f in found}


def test_conferences_checked_counts_submitted_checklists_by_the_conferences_year(partnership):
    checklist_conference(partnership=partnership, held_on=APRIL_2014)
    checklist_conference(partnership=partnership, held_on=dt.date(2015, 3, 31))
    checklist_conference(partnership=partnership, held_on=MARCH_2014)
    found = computations.conferences_checked(partnership=partnership)
    assert _figures(found) == {"2013-14": (Decimal(1), None), "2014-15": (Decimal(2), None)}


def test_a_draft_checklist_is_not_counted(partnership):
    checklist_conference(partnership=partnership, status="draft")
    assert computations.conferences_checked(partnership=partnership) == []


def test_another_partnerships_checklists_are_not_counted(partnership, other_partnership):
    checklist_conference(partnership=other_partnership)
    assert computations.conferences_checked(partnership=partnership) == []


def test_yes_percent_is_of_the_checklists_answering_the_question(partnership):
    checklist_conference(partnership=partnership, **{"report-on-time": "yes"})
    checklist_conference(partnership=partnership, **{"report-on-time": "no"})
    checklist_conference(partnership=partnership, **{"report-on-time": "yes"})
    (figure,) = computations.conference_yes_percent(partnership=partnership, question="report-on-time")
    assert (figure.numerator, figure.denominator) == (Decimal(2), Decimal(3))


def test_a_conditional_questions_denominator_is_the_checklists_that_asked_it(partnership):
    checklist_conference(partnership=partnership, **{"parents-saw-report": "yes"})
    checklist_conference(partnership=partnership, **{"parents-saw-report": "no", "parents-aware-of-view": "yes"})
    checklist_conference(partnership=partnership, **{"parents-saw-report": "no", "parents-aware-of-view": "no"})
    (figure,) = computations.conference_yes_percent(partnership=partnership, question="parents-aware-of-view")
    assert (figure.numerator, figure.denominator) == (Decimal(1), Decimal(2))


def test_the_years_asked_limit_the_figures(partnership):
    checklist_conference(partnership=partnership, held_on=APRIL_2014)
    checklist_conference(partnership=partnership, held_on=MARCH_2014)
    found = computations.conference_yes_percent(partnership=partnership, question="report-on-time", years={"2013-14"})
    assert [f.year for f in found] == ["2013-14"]


def test_conferences_with_an_agency_absent_leave_out_none(partnership):
    checklist_conference(partnership=partnership, **{"agencies-absent": ["none"]})
    checklist_conference(partnership=partnership, **{"agencies-absent": ["gp", "police"]})
    checklist_conference(partnership=partnership, **{"agencies-absent": ["housing"]})
    (count,) = computations.conferences_with_absence(partnership=partnership, question="agencies-absent")
    (share,) = computations.conference_absence_percent(partnership=partnership, question="agencies-absent")
    assert count.numerator == Decimal(2)
    assert (share.numerator, share.denominator) == (Decimal(2), Decimal(3))


def test_an_agencys_absences_are_a_share_of_the_conferences_with_an_agency_absent(partnership):
    checklist_conference(partnership=partnership, **{"agencies-absent": ["none"]})
    checklist_conference(partnership=partnership, **{"agencies-absent": ["gp", "police"]})
    checklist_conference(partnership=partnership, **{"agencies-absent": ["housing"]})
    (gp,) = computations.conference_absence_percent(partnership=partnership, question="agencies-absent", agency="gp")
    assert (gp.numerator, gp.denominator) == (Decimal(1), Decimal(2))


def test_case_files_audited_counts_moderated_files_by_the_day_of_moderation(partnership):
    audit = AuditFactory(partnership=partnership)
    moderated = timezone.make_aware(dt.datetime(2015, 1, 20, 14, 0))
    CaseAuditFactory(audit=audit, status=CaseAudit.Status.MODERATED, moderated_at=moderated)
    CaseAuditFactory(audit=audit, status=CaseAudit.Status.MODERATION)
    assert _figures(computations.case_files_audited(partnership=partnership)) == {"2014-15": (Decimal(1), None)}


def test_every_computation_is_registered_with_the_parameters_it_takes():
    assert computation_named("audits.conference_yes_percent").problems({"question": "report-on-time"}) == []
    assert computation_named("audits.conference_absence_percent").problems({"question": "agencies-absent"}) == []
    assert computation_named("audits.conferences_checked").problems({"question": "x"}) != []
    assert computation_named("audits.case_files_audited") is not None


def test_moderating_a_case_file_counts_it_in_the_core_dataset_at_once(business_unit, partnership):
    case = CaseAuditFactory(
        audit=AuditFactory(partnership=partnership), status=CaseAudit.Status.MODERATION, grade="good"
    )
    case_moderate(actor=business_unit, case=case, agreed_grade="good", notes="")
    figure = Observation.objects.get(
        source=Observation.Source.COMPUTED, partnership=partnership, indicator=indicator("audit-case-files-audited")
    )
    assert figure.value == Decimal(1)
