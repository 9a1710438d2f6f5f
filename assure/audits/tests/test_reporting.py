"""The readers the report's blocks use: only what the reader may see, of the report's year."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.audits.models import Audit, CaseAudit
from assure.audits.selectors.reporting import (
    audit_findings_report,
    audit_programme_report,
    conference_absences_report,
)
from assure.audits.tests.factories import (
    AuditFactory,
    CaseAuditFactory,
    FindingFactory,
    ProgrammeFactory,
    checklist_conference,
)

pytestmark = pytest.mark.django_db

MODERATED = timezone.make_aware(dt.datetime(2015, 2, 3, 12, 0))


def test_the_programme_counts_only_the_years_audits(business_unit, partnership):
    this_year = AuditFactory(partnership=partnership, files_planned=10)
    AuditFactory(
        partnership=partnership, programme=ProgrammeFactory(partnership=partnership, year=2013), files_planned=8
    )
    CaseAuditFactory(audit=this_year, status=CaseAudit.Status.MODERATED, moderated_at=MODERATED)
    report = audit_programme_report(user=business_unit, partnership=partnership, year="2014-15")
    assert (report.audits, report.files_planned, report.files_audited) == (1, 10, 1)


def test_a_cancelled_audit_is_left_out_of_the_programme(business_unit, partnership):
    AuditFactory(partnership=partnership, status=Audit.Status.CANCELLED)
    assert audit_programme_report(user=business_unit, partnership=partnership, year="2014-15").audits == 0


def test_someone_who_may_not_read_audits_is_given_nothing(viewer, partnership):
    FindingFactory(audit=AuditFactory(partnership=partnership))
    assert audit_findings_report(user=viewer, partnership=partnership, year="2014-15") == []
    assert audit_programme_report(user=viewer, partnership=partnership, year="2014-15").audits == 0


def test_the_findings_are_those_of_the_years_audits_in_the_partnership(business_unit, partnership, other_partnership):
    FindingFactory(audit=AuditFactory(partnership=partnership), theme="Core groups")
    FindingFactory(audit=AuditFactory(partnership=other_partnership), theme="Elsewhere")
    found = audit_findings_report(user=business_unit, partnership=partnership, year="2014-15")
    assert [f.theme for f in found] == ["Core groups"]


def test_the_absences_need_the_right_to_read_the_conference_figures(agency_lead, business_unit, partnership):
    checklist_conference(partnership=partnership, **{"agencies-absent": ["gp"]})
    assert conference_absences_report(user=business_unit, partnership=partnership, year="2014-15").with_absence == 1
    assert conference_absences_report(user=agency_lead, partnership=partnership, year="2014-15").checked == 0
