"""Evidence of impact on a priority section: indicators of the scorecard, Section 11 cycles and
actions of the partnership, never another partnership's."""

import pytest
from django.core.exceptions import ValidationError

from assure.actions.tests.factories import ActionFactory
from assure.performance.tests.factories import PriorityFactory, ScorecardLineFactory, indicator
from assure.reports.services.evidence import evidence_add, evidence_remove
from assure.section11.tests.factories import CycleFactory

from .factories import ReportFactory, SectionFactory


@pytest.fixture
def section(partnership, business_unit):
    report = ReportFactory(partnership=partnership, created_by=business_unit)
    return SectionFactory(report=report, priority=PriorityFactory(partnership=partnership))


def test_an_action_of_the_partnership(section, business_unit, partnership):
    evidence = evidence_add(section=section, action=ActionFactory(partnership=partnership), actor=business_unit)
    assert evidence.section == section


def test_an_indicator_of_the_scorecard(section, business_unit, partnership):
    line = ScorecardLineFactory(priority=section.priority, indicator=indicator("csc-referrals"))
    assert evidence_add(section=section, indicator=line.indicator, actor=business_unit, note="Fewer re-referrals.")


def test_an_indicator_off_the_scorecard_is_refused(section, business_unit):
    with pytest.raises(ValidationError):
        evidence_add(section=section, indicator=indicator("csc-referrals"), actor=business_unit)


def test_a_section11_cycle_of_the_partnership(section, business_unit, partnership):
    assert evidence_add(section=section, cycle=CycleFactory(lead_partnership=partnership), actor=business_unit)


def test_another_partnerships_action_is_refused(section, business_unit, other_partnership):
    with pytest.raises(ValidationError):
        evidence_add(section=section, action=ActionFactory(partnership=other_partnership), actor=business_unit)


def test_another_partnerships_cycle_is_refused(section, business_unit, other_partnership):
    with pytest.raises(ValidationError):
        evidence_add(section=section, cycle=CycleFactory(lead_partnership=other_partnership), actor=business_unit)


def test_exactly_one_kind_of_evidence(section, business_unit, partnership):
    with pytest.raises(ValidationError):
        evidence_add(section=section, actor=business_unit)


def test_only_priority_sections_take_evidence(business_unit, partnership):
    section = SectionFactory(report=ReportFactory(partnership=partnership))
    with pytest.raises(ValidationError):
        evidence_add(section=section, action=ActionFactory(partnership=partnership), actor=business_unit)


def test_removing_evidence(section, business_unit, partnership):
    evidence = evidence_add(section=section, action=ActionFactory(partnership=partnership), actor=business_unit)
    evidence_remove(evidence=evidence, actor=business_unit)
    assert not section.evidence.exists()
