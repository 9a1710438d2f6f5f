"""Recording an audit's findings: who may, what is checked, their order, deleting them, taking
one to another record, and raising an action from one."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.actions.models import Action
from assure.audit.models import Event
from assure.audits.models import Audit, Finding
from assure.audits.services.findings import (
    finding_action_raise,
    finding_create,
    finding_delete,
    finding_move,
    finding_update,
)
from assure.governance.tests.factories import ChallengeFactory

from .factories import AuditFactory, CaseAuditFactory, FindingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def audit(partnership, agency, business_unit):
    return AuditFactory(
        partnership=partnership, created_by=business_unit, agencies=[agency], status=Audit.Status.MODERATION
    )


def _record(actor, audit, **fields) -> Finding:
    values = {"kind": Finding.Kind.DEVELOPMENT, "theme": "Core groups", "text": "Core groups met late."} | fields
    return finding_create(actor=actor, audit=audit, **values)


def test_an_auditor_records_a_finding_after_the_others(audit, auditor):
    first = _record(auditor, audit)
    second = _record(auditor, audit, kind=Finding.Kind.STRENGTH, theme="Voice of the child", text="Heard well.")
    assert (first.position, second.position) == (1, 2)
    assert second.partnership == audit.partnership
    assert Event.objects.filter(verb="audits.finding_recorded", target_id=str(audit.pk)).count() == 2


def test_an_agency_lead_may_not_record_a_finding(audit, agency_lead):
    with pytest.raises(PermissionDenied):
        _record(agency_lead, audit)


def test_no_finding_is_recorded_once_the_audit_is_reported(audit, business_unit):
    Audit.objects.filter(pk=audit.pk).update(status=Audit.Status.REPORTED)
    audit.refresh_from_db()
    with pytest.raises(PermissionDenied):
        _record(business_unit, audit)


def test_a_finding_needs_a_theme_and_text(audit, business_unit):
    with pytest.raises(ValidationError) as error:
        _record(business_unit, audit, theme=" ", text="")
    assert set(error.value.message_dict) == {"theme", "text"}


def test_a_finding_names_a_case_file_of_its_own_audit_only(audit, business_unit, partnership):
    elsewhere = CaseAuditFactory(audit=AuditFactory(partnership=partnership, created_by=business_unit))
    with pytest.raises(ValidationError) as error:
        _record(business_unit, audit, case=elsewhere)
    assert "case" in error.value.message_dict
    own = CaseAuditFactory(audit=audit)
    assert _record(business_unit, audit, case=own).case == own


def test_a_finding_taken_to_a_record_keeps_it_and_its_label(audit, business_unit, partnership, agency):
    challenge = ChallengeFactory(partnership=partnership, agency=agency, raised_by=business_unit)
    finding = _record(business_unit, audit, link=challenge, link_label=f"Challenge {challenge.reference}")
    finding.refresh_from_db()
    assert finding.link == challenge
    assert finding.link_label == f"Challenge {challenge.reference}"


def test_changing_a_finding_can_keep_its_link(audit, business_unit, partnership, agency):
    challenge = ChallengeFactory(partnership=partnership, agency=agency, raised_by=business_unit)
    finding = _record(business_unit, audit, link=challenge, link_label="Challenge")
    changed = finding_update(
        actor=business_unit, finding=finding, kind=finding.kind, theme="Core groups", text="Late.", keep_link=True
    )
    finding.refresh_from_db()
    assert changed == ["text"]
    assert finding.link == challenge


def test_moving_a_finding_swaps_it_with_the_one_of_its_kind_above(audit, business_unit):
    first = _record(business_unit, audit, theme="Planning")
    _record(business_unit, audit, kind=Finding.Kind.STRENGTH, theme="Voice of the child")
    third = _record(business_unit, audit, theme="Core groups")
    finding_move(actor=business_unit, finding=third, direction="up")
    order = list(Finding.objects.filter(audit=audit, kind=Finding.Kind.DEVELOPMENT).values_list("theme", flat=True))
    assert order == ["Core groups", "Planning"]
    first.refresh_from_db()
    assert first.position == 3


def test_deleting_a_finding_renumbers_the_rest(audit, business_unit):
    first = _record(business_unit, audit, theme="Planning")
    second = _record(business_unit, audit, theme="Core groups")
    finding_delete(actor=business_unit, finding=first)
    second.refresh_from_db()
    assert second.position == 1
    assert not Finding.objects.filter(pk=first.pk).exists()


def test_a_finding_that_raised_an_action_is_not_deleted(audit, business_unit, agency):
    finding = FindingFactory(audit=audit, created_by=business_unit)
    finding_action_raise(
        actor=business_unit, finding=finding, title="Core groups within ten days", owner_agency=agency, due_on=_soon()
    )
    with pytest.raises(ValidationError):
        finding_delete(actor=business_unit, finding=finding)


def _soon() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=30)


def test_an_action_raised_from_a_finding_has_the_finding_as_its_source(audit, business_unit, agency):
    finding = FindingFactory(audit=audit, created_by=business_unit, theme="Core groups")
    action = finding_action_raise(
        actor=business_unit, finding=finding, title="Core groups within ten days", owner_agency=agency, due_on=_soon()
    )
    stored = Action.objects.get(pk=action.pk)
    assert stored.source == finding
    assert stored.source_label == f"Audit {audit.reference}, area for development: Core groups"


def test_an_auditor_may_not_raise_an_action(audit, auditor, agency):
    finding = FindingFactory(audit=audit, created_by=auditor)
    with pytest.raises(PermissionDenied):
        finding_action_raise(actor=auditor, finding=finding, title="Act", owner_agency=agency, due_on=_soon())


def test_actions_are_still_raised_once_the_audit_is_reported(audit, business_unit, agency):
    finding = FindingFactory(audit=audit, created_by=business_unit)
    Audit.objects.filter(pk=audit.pk).update(status=Audit.Status.REPORTED)
    finding.audit.refresh_from_db()
    action = finding_action_raise(
        actor=business_unit, finding=finding, title="Act", owner_agency=agency, due_on=_soon()
    )
    assert action.source == finding
