"""Audits and their findings as records other parts of Assure point at (``assure/core/links.py``):
offered and found only for those who may read the audit."""

import pytest
from django.contrib.contenttypes.models import ContentType

from assure.audits.models import Audit
from assure.core.links import linkable_kinds, linked_record, linked_url
from assure.partnerships.tests.factories import AgencyFactory

from .factories import AuditFactory, FindingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def audit(partnership, agency, business_unit):
    return AuditFactory(partnership=partnership, created_by=business_unit, agencies=[agency])


def test_an_audit_is_what_a_challenge_may_be_about_and_a_finding_evidence_of_a_review():
    assert "audits.audit" in {kind.key for kind in linkable_kinds(use="challenge")}
    assert "audits.audit" in {kind.key for kind in linkable_kinds(use="paper")}
    assert "audits.finding" in {kind.key for kind in linkable_kinds(use="evidence")}


def test_the_audits_offered_are_those_the_person_may_read(partnership, business_unit, agency_lead, audit):
    elsewhere = AuditFactory(
        partnership=partnership,
        created_by=business_unit,
        agencies=[AgencyFactory(name="Northshire Probation", partnerships=[partnership])],
    )
    cancelled = AuditFactory(partnership=partnership, created_by=business_unit, status=Audit.Status.CANCELLED)
    kind = next(k for k in linkable_kinds(use="challenge") if k.key == "audits.audit")
    for_lead = {pk for pk, _ in kind.choices(user=agency_lead, partnership=partnership)}
    for_unit = {pk for pk, _ in kind.choices(user=business_unit, partnership=partnership)}
    assert for_lead == {str(audit.pk)}
    assert for_unit == {str(audit.pk), str(elsewhere.pk)}
    assert str(cancelled.pk) not in for_unit


def test_a_finding_is_found_with_its_label_and_address(partnership, business_unit, audit):
    finding = FindingFactory(audit=audit, created_by=business_unit, theme="Core groups")
    kind, record = linked_record(user=business_unit, partnership=partnership, key="audits.finding", pk=str(finding.pk))
    assert record == finding
    assert kind.describe(record) == f"Audit {audit.reference}, area for development: Core groups"
    assert kind.url(record) == finding.get_absolute_url()


def test_another_partnerships_audit_is_not_found(partnership, other_partnership, business_unit, outsider):
    foreign = AuditFactory(partnership=other_partnership, created_by=outsider)
    assert linked_record(user=business_unit, partnership=partnership, key="audits.audit", pk=str(foreign.pk)) is None
    assert (
        linked_url(
            user=business_unit,
            partnership=partnership,
            content_type=ContentType.objects.get_for_model(Audit),
            object_id=str(foreign.pk),
        )
        == ""
    )
