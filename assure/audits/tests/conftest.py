"""Fixtures shared by the audits app's tests, one block per part."""

import pytest

from assure.audits.tests.factories import AuditFactory, answered_and_submitted, case_added
from conftest import make_member

# --- case files --------------------------------------------------------------------------------------


@pytest.fixture
def other_lead(partnership, other_agency):
    """The lead of the second agency taking part (Mercian Police)."""
    return make_member("agency-lead", partnership, agency=other_agency, full_name="Olu Leed", email="olu@example.org")


@pytest.fixture
def planned_audit(partnership, agency, other_agency, business_unit):
    """A planned audit the agency lead's agency and Mercian Police take part in (both police forces)."""
    return AuditFactory(partnership=partnership, agencies=[agency, other_agency], created_by=business_unit)


@pytest.fixture
def started(planned_audit, business_unit, auditor, agency, other_agency, agency_lead, other_lead):
    """The audit started with one case file led by the auditor; returns the case file."""
    from assure.audits.services.cases import audit_start

    case = case_added(planned_audit, business_unit, auditor, (agency, "HT-2231"), (other_agency, "MP/14/0087"))
    audit_start(actor=business_unit, audit=planned_audit)
    case.refresh_from_db()
    return case


@pytest.fixture
def answered(started, agency, other_agency, agency_lead, other_lead):
    """The started file both agencies have answered about: it awaits its lead auditor's grade."""
    answered_and_submitted(started, agency, agency_lead)
    answered_and_submitted(started, other_agency, other_lead)
    started.refresh_from_db()
    return started
