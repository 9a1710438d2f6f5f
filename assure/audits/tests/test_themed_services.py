"""Themed audits commissioned from a record, an audit's report to the board, and a re-audit of a
theme that follows the first audit."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audits.models import Audit
from assure.audits.services.themed import audit_re_audit, audit_report, themed_audit_commission
from assure.governance.tests.factories import ChallengeFactory

from .factories import ThemedAuditFactory, case_file_audit_tool

pytestmark = pytest.mark.django_db


def _commission(actor, partnership, **fields) -> Audit:
    values = {
        "title": "Children on a second child protection plan",
        "question": "Why do so many children come back onto a plan within two years?",
        "theme": "Second child protection plans",
        "tier": "oversight",
        "questionnaire": case_file_audit_tool(),
        "starts_on": dt.date(2014, 9, 1),
        "ends_on": dt.date(2014, 10, 31),
    } | fields
    return themed_audit_commission(actor=actor, partnership=partnership, **values)


def test_a_themed_audit_commissioned_from_a_challenge_keeps_it(business_unit, partnership, agency):
    challenge = ChallengeFactory(partnership=partnership, agency=agency, raised_by=business_unit)
    audit = _commission(
        business_unit, partnership, source=challenge, source_label=f"Challenge {challenge.reference}", agencies=[agency]
    )
    audit.refresh_from_db()
    assert (audit.kind, audit.term, audit.programme) == (Audit.Kind.THEMED, "", None)
    assert audit.source == challenge
    assert audit.source_label == f"Challenge {challenge.reference}"
    assert list(audit.agencies.all()) == [agency]
    assert audit.reference.startswith("AU-")


def test_a_themed_audit_needs_its_question(business_unit, partnership):
    with pytest.raises(ValidationError) as error:
        _commission(business_unit, partnership, question=" ")
    assert "question" in error.value.message_dict


def test_a_themed_audit_is_not_commissioned_from_another_partnerships_record(
    business_unit, partnership, other_partnership, outsider
):
    foreign = ChallengeFactory(partnership=other_partnership, raised_by=outsider)
    with pytest.raises(ValidationError) as error:
        _commission(business_unit, partnership, source=foreign)
    assert "source" in error.value.message_dict


def test_only_the_business_unit_commissions_a_themed_audit(auditor, partnership):
    with pytest.raises(PermissionDenied):
        _commission(auditor, partnership)


@pytest.fixture
def moderated(partnership, agency, business_unit):
    return ThemedAuditFactory(
        partnership=partnership, created_by=business_unit, agencies=[agency], status=Audit.Status.MODERATION
    )


def test_reporting_an_audit_keeps_its_summary_and_marks_it_reported(moderated, business_unit):
    audit_report(
        actor=business_unit, audit=moderated, summary="Plans ended too soon.", reported_on=dt.date(2015, 1, 20)
    )
    moderated.refresh_from_db()
    assert (moderated.status, moderated.summary, moderated.reported_on) == (
        Audit.Status.REPORTED,
        "Plans ended too soon.",
        dt.date(2015, 1, 20),
    )


def test_a_report_needs_its_summary_and_a_date_after_the_start(moderated, business_unit):
    with pytest.raises(ValidationError) as error:
        audit_report(actor=business_unit, audit=moderated, summary="", reported_on=dt.date(2014, 1, 1))
    assert set(error.value.message_dict) == {"summary", "reported_on"}


def test_a_planned_audit_is_not_reported(partnership, business_unit):
    planned = ThemedAuditFactory(partnership=partnership, created_by=business_unit)
    with pytest.raises(PermissionDenied):
        audit_report(actor=business_unit, audit=planned, summary="Early.", reported_on=dt.date(2015, 1, 1))


def test_a_re_audit_follows_the_first_with_its_theme_tool_and_agencies(moderated, business_unit, agency):
    re_audit = audit_re_audit(
        actor=business_unit, audit=moderated, starts_on=dt.date(2015, 9, 1), ends_on=dt.date(2015, 10, 30)
    )
    assert re_audit.follows == moderated
    assert (re_audit.theme, re_audit.tier, re_audit.files_planned) == (
        moderated.theme,
        moderated.tier,
        moderated.files_planned,
    )
    assert re_audit.questionnaire == moderated.questionnaire
    assert list(re_audit.agencies.all()) == [agency]
    assert re_audit.status == Audit.Status.PLANNED
    assert re_audit.reference != moderated.reference


def test_a_theme_is_re_audited_only_once_its_files_are_moderated(partnership, business_unit):
    planned = ThemedAuditFactory(partnership=partnership, created_by=business_unit)
    with pytest.raises(PermissionDenied):
        audit_re_audit(actor=business_unit, audit=planned, starts_on=dt.date(2015, 9, 1), ends_on=dt.date(2015, 10, 1))
