"""Services of the audit programme: programmes by year, audits planned on the framework (numbered
AU-001...), changed while planned and cancelled with a reason, each with its event."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.models import Event
from assure.audits.models import Audit, Programme
from assure.audits.services.programme import (
    audit_cancel,
    audit_plan,
    audit_update,
    programme_create,
    programme_update,
)
from assure.library.selectors import current_item
from assure.partnerships.tests.factories import AgencyFactory, MeetingFactory
from assure.plans.tests.factories import PriorityFactory

from .factories import AuditFactory, ProgrammeFactory, case_file_audit_tool

pytestmark = pytest.mark.django_db


def _plan(actor, partnership, **changes) -> Audit:
    fields = {
        "programme": ProgrammeFactory(partnership=partnership, year=2014),
        "title": "Autumn multi-agency audit",
        "theme": "Compromised parenting",
        "tier": "practice",
        "term": "autumn",
        "questionnaire": case_file_audit_tool(),
        "starts_on": dt.date(2014, 9, 1),
        "ends_on": dt.date(2014, 11, 28),
        **changes,
    }
    return audit_plan(actor=actor, partnership=partnership, **fields)


def _problems(caught) -> dict:
    return caught.value.message_dict


# --- programmes ---------------------------------------------------------------------------------


def test_the_business_unit_adds_a_years_programme(business_unit, partnership):
    programme = programme_create(
        actor=business_unit, partnership=partnership, year=2014, title="  Audits 2014-15 ", description=""
    )
    assert (programme.year, programme.title) == (2014, "Audits 2014-15")
    assert Event.objects.filter(verb="audits.programme_added", target_id=str(programme.pk)).exists()


def test_a_second_programme_for_the_same_year_is_refused(business_unit, partnership):
    ProgrammeFactory(partnership=partnership, year=2014)
    with pytest.raises(ValidationError) as caught:
        programme_create(actor=business_unit, partnership=partnership, year=2014, title="Again")
    assert _problems(caught)["year"] == ["There is already a programme for 2014-15: edit that one."]


def test_only_the_business_unit_adds_a_programme(auditor, partnership):
    with pytest.raises(PermissionDenied):
        programme_create(actor=auditor, partnership=partnership, year=2014, title="Audits")
    assert not Programme.objects.exists()


def test_editing_a_programme_names_the_fields_changed(business_unit, partnership):
    programme = ProgrammeFactory(partnership=partnership, year=2014, title="Old", description="")
    changed = programme_update(actor=business_unit, programme=programme, year=2014, title="New", description="")
    assert changed == ["title"]
    programme.refresh_from_db()
    assert programme.title == "New"
    assert Event.objects.filter(verb="audits.programme_changed").count() == 1


# --- planning an audit ---------------------------------------------------------------------------


def test_planning_numbers_the_audits_in_the_partnership(business_unit, partnership):
    first = _plan(business_unit, partnership)
    second = _plan(
        business_unit, partnership, term="spring", starts_on=dt.date(2015, 1, 5), ends_on=dt.date(2015, 3, 27)
    )
    assert (first.reference, second.reference) == ("AU-001", "AU-002")
    assert Event.objects.filter(verb="audits.audit_planned").count() == 2


def test_files_planned_default_to_the_frameworks_files_per_term(business_unit, partnership):
    assert _plan(business_unit, partnership).files_planned == 10


def test_the_audit_keeps_its_agencies_priority_meeting_and_lead(business_unit, auditor, partnership, agency):
    priority = PriorityFactory(partnership=partnership, title="Compromised parenting")
    meeting = MeetingFactory(partnership=partnership, held_on=dt.date(2014, 12, 11))
    audit = _plan(
        business_unit,
        partnership,
        agencies=[agency],
        priority=priority,
        moderation_meeting=meeting,
        lead=auditor,
    )
    assert list(audit.agencies.all()) == [agency]
    assert (audit.priority, audit.moderation_meeting, audit.lead) == (priority, meeting, auditor)


def test_a_tier_not_of_the_framework_is_refused(business_unit, partnership):
    with pytest.raises(ValidationError) as caught:
        _plan(business_unit, partnership, tier="deep-dive")
    assert _problems(caught)["tier"] == ["Choose a tier of the Three tiers of quality assurance."]


def test_a_termly_audit_needs_a_term(business_unit, partnership):
    with pytest.raises(ValidationError) as caught:
        _plan(business_unit, partnership, term="")
    assert _problems(caught)["term"] == ["Choose the term the audit runs in."]


def test_answers_due_before_the_start_are_refused(business_unit, partnership):
    with pytest.raises(ValidationError) as caught:
        _plan(business_unit, partnership, ends_on=dt.date(2014, 8, 1))
    assert _problems(caught)["ends_on"] == ["The answers cannot be due before the audit starts."]


def test_a_moderation_meeting_before_the_answers_are_due_is_refused(business_unit, partnership):
    meeting = MeetingFactory(partnership=partnership, held_on=dt.date(2014, 10, 1))
    with pytest.raises(ValidationError) as caught:
        _plan(business_unit, partnership, moderation_meeting=meeting)
    assert _problems(caught)["moderation_meeting"] == ["The moderation meeting must come after the answers are due."]


def test_another_partnerships_agency_is_refused(business_unit, partnership, other_partnership):
    stranger = AgencyFactory(partnerships=[other_partnership])
    with pytest.raises(ValidationError) as caught:
        _plan(business_unit, partnership, agencies=[stranger])
    assert "agencies" in _problems(caught)


def test_a_questionnaire_of_another_purpose_is_refused(business_unit, partnership):
    checklist = current_item(kind="questionnaire", code="conference-checklist")
    with pytest.raises(ValidationError) as caught:
        _plan(business_unit, partnership, questionnaire=checklist)
    assert _problems(caught)["questionnaire"] == ["Choose a case-file audit tool of the library."]


def test_a_lead_who_does_not_grade_is_refused(business_unit, agency_lead, partnership):
    with pytest.raises(ValidationError) as caught:
        _plan(business_unit, partnership, lead=agency_lead)
    assert "lead" in _problems(caught)


def test_only_the_business_unit_plans_an_audit(auditor, partnership):
    with pytest.raises(PermissionDenied):
        _plan(auditor, partnership)


# --- changing and cancelling -----------------------------------------------------------------------


def test_a_planned_audit_is_changed_with_its_agencies(business_unit, partnership, agency, other_agency):
    audit = AuditFactory(partnership=partnership, agencies=[agency])
    changed = audit_update(actor=business_unit, audit=audit, title="Neglect", agencies=[agency, other_agency])
    assert changed == ["title", "agencies"]
    assert set(audit.agencies.all()) == {agency, other_agency}
    assert Event.objects.get(verb="audits.audit_changed").data == {"fields": ["title", "agencies"]}


def test_an_unchanged_plan_records_nothing(business_unit, partnership):
    audit = AuditFactory(partnership=partnership)
    assert audit_update(actor=business_unit, audit=audit, title=audit.title) == []
    assert not Event.objects.filter(verb="audits.audit_changed").exists()


def test_an_audit_under_way_cannot_be_changed(business_unit, partnership):
    audit = AuditFactory(partnership=partnership, status=Audit.Status.AUDITING)
    with pytest.raises(PermissionDenied):
        audit_update(actor=business_unit, audit=audit, title="Neglect")


def test_cancelling_keeps_the_reason_on_the_audit(business_unit, partnership):
    audit = AuditFactory(partnership=partnership, status=Audit.Status.AUDITING)
    audit_cancel(actor=business_unit, audit=audit, reason="  The subgroup chose a themed audit instead. ")
    audit.refresh_from_db()
    assert (audit.status, audit.cancel_reason) == (Audit.Status.CANCELLED, "The subgroup chose a themed audit instead.")
    assert Event.objects.get(verb="audits.audit_cancelled").data["was"] == "auditing"


def test_cancelling_needs_a_reason(business_unit, partnership):
    audit = AuditFactory(partnership=partnership)
    with pytest.raises(ValidationError) as caught:
        audit_cancel(actor=business_unit, audit=audit, reason=" ")
    assert _problems(caught)["reason"] == ["Say why the audit is cancelled."]


def test_a_reported_audit_cannot_be_cancelled(business_unit, partnership):
    audit = AuditFactory(partnership=partnership, status=Audit.Status.REPORTED)
    with pytest.raises(PermissionDenied):
        audit_cancel(actor=business_unit, audit=audit, reason="Too late")
