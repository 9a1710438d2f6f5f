"""The case files' services: adding and removing files, starting the audit, the agencies' answers,
the lead auditor's grade, moderation and the reminder of answers awaited."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audits.models import Audit, CaseAudit, CaseReference
from assure.audits.selectors.cases import responses_about
from assure.audits.services.cases import (
    answers_remind,
    audit_start,
    case_answers_submit,
    case_moderate,
    case_remove,
)
from assure.audits.tests.factories import (
    AuditFactory,
    agency_answers,
    answered_and_submitted,
    case_added,
    graded,
)
from assure.notifications.models import Message, Reminder
from assure.partnerships.tests.factories import AgencyFactory, library_item
from assure.questionnaires.services import answers_save
from conftest import make_member

# --- adding and removing ---------------------------------------------------------------------------


def test_case_files_are_numbered_in_their_audit(planned_audit, business_unit, auditor, agency):
    first = case_added(planned_audit, business_unit, auditor, (agency, "HT-1"))
    second = case_added(planned_audit, business_unit, auditor, (agency, "HT-2"))
    assert (first.reference, second.reference) == (f"{planned_audit.reference}/01", f"{planned_audit.reference}/02")


def test_a_case_file_keeps_each_agencys_own_reference(planned_audit, business_unit, auditor, agency, other_agency):
    case = case_added(planned_audit, business_unit, auditor, (agency, " HT-2231 "), (other_agency, ""))
    assert list(CaseReference.objects.filter(case=case).values_list("agency_id", "reference")) == [
        (agency.pk, "HT-2231")
    ]


def test_a_case_file_needs_one_agencys_reference(planned_audit, business_unit, auditor, agency):
    with pytest.raises(ValidationError) as raised:
        case_added(planned_audit, business_unit, auditor, (agency, "  "))
    assert "at least one agency" in raised.value.message_dict["references"][0]


def test_a_reference_is_only_for_an_agency_taking_part(planned_audit, business_unit, auditor, partnership):
    outside = AgencyFactory(name="Northshire Fire and Rescue", partnerships=[partnership])
    with pytest.raises(ValidationError) as raised:
        case_added(planned_audit, business_unit, auditor, (outside, "F-1"))
    assert "references" in raised.value.message_dict


def test_the_lead_auditor_is_an_auditor_or_the_business_unit(planned_audit, business_unit, agency_lead, agency):
    with pytest.raises(ValidationError) as raised:
        case_added(planned_audit, business_unit, agency_lead, (agency, "HT-1"))
    assert "lead_auditor" in raised.value.message_dict


def test_only_the_business_unit_adds_a_case_file(planned_audit, auditor, agency):
    with pytest.raises(PermissionDenied):
        case_added(planned_audit, auditor, auditor, (agency, "HT-1"))


def test_a_case_file_is_removed_before_the_audit_starts(planned_audit, business_unit, auditor, agency):
    case = case_added(planned_audit, business_unit, auditor, (agency, "HT-1"))
    case_remove(actor=business_unit, case=case)
    assert not CaseAudit.objects.filter(pk=case.pk).exists()


def test_a_case_file_is_not_removed_once_the_audit_has_started(started, business_unit):
    with pytest.raises(PermissionDenied):
        case_remove(actor=business_unit, case=started)


# --- starting ----------------------------------------------------------------------------------------


def test_starting_asks_each_agency_its_own_sections_about_each_file(started, agency, other_agency, auditor):
    responses = responses_about([started.pk])[started.pk]
    by_agency = {r.agency_id: r for r in responses}
    assert set(by_agency) == {agency.pk, other_agency.pk, None}
    # Both agencies are police forces: they answer the police section only.
    assert by_agency[agency.pk].sections == ["police"]
    assert by_agency[agency.pk].status == "draft"
    assert by_agency[None].sections == ["overall"]
    assert by_agency[None].respondent == auditor


def test_starting_moves_the_audit_to_auditing(started):
    assert started.audit.status == Audit.Status.AUDITING
    assert started.status == CaseAudit.Status.ANSWERING


def test_an_agency_whose_type_answers_no_section_is_not_asked(partnership, business_unit, auditor, agency):
    lay = AgencyFactory(name="Lay members", agency_type=library_item("agency-type", "lay-member"))
    audit = AuditFactory(partnership=partnership, agencies=[agency, lay], created_by=business_unit)
    case = case_added(audit, business_unit, auditor, (agency, "HT-1"))
    audit_start(actor=business_unit, audit=audit)
    assert {r.agency_id for r in responses_about([case.pk])[case.pk]} == {agency.pk, None}


def test_starting_tells_each_agencys_leads_with_a_link(started, agency_lead, other_lead):
    message = Message.objects.get(recipient=agency_lead, kind="audits.answers_asked")
    assert "1 case file" in message.subject
    assert message.path == "/p/northshire/"
    assert Message.objects.filter(recipient=other_lead, kind="audits.answers_asked").count() == 1


def test_an_audit_without_case_files_is_not_started(planned_audit, business_unit):
    with pytest.raises(ValidationError) as raised:
        audit_start(actor=business_unit, audit=planned_audit)
    assert "cases" in raised.value.message_dict


def test_a_file_added_once_started_is_asked_at_once(started, business_unit, auditor, agency):
    case = case_added(started.audit, business_unit, auditor, (agency, "HT-9"))
    assert len(responses_about([case.pk])[case.pk]) == 3


# --- the agencies' answers ---------------------------------------------------------------------------


def test_another_agencys_lead_may_not_submit_its_answers(started, agency, other_lead):
    response = agency_answers(started, agency)
    with pytest.raises(PermissionDenied):
        case_answers_submit(actor=other_lead, case=started, response=response)


def test_answers_with_a_required_question_blank_are_not_submitted(started, agency, agency_lead):
    response = agency_answers(started, agency)
    answers_save(actor=agency_lead, response=response, data={"police-information-shared": ["yes"]}, questions=None)
    with pytest.raises(ValidationError) as raised:
        case_answers_submit(actor=agency_lead, case=started, response=response)
    assert "police-strategy-discussion" in raised.value.message_dict


def test_submitted_answers_are_locked(started, agency, agency_lead):
    answered_and_submitted(started, agency, agency_lead)
    response = agency_answers(started, agency)
    assert response.is_locked
    with pytest.raises(ValidationError):
        answers_save(actor=agency_lead, response=response, data={"police-information-shared": ["no"]})


def test_the_file_waits_for_its_grade_once_every_agency_has_answered(
    started, agency, other_agency, agency_lead, other_lead, auditor
):
    answered_and_submitted(started, agency, agency_lead)
    started.refresh_from_db()
    assert started.status == CaseAudit.Status.ANSWERING
    answered_and_submitted(started, other_agency, other_lead)
    started.refresh_from_db()
    assert started.status == CaseAudit.Status.GRADING
    message = Message.objects.get(recipient=auditor, kind="audits.case_to_grade")
    assert message.path == f"/p/northshire/audits/case-files/{started.pk}/grade/"


# --- grading and moderation ---------------------------------------------------------------------------


def test_the_lead_auditors_grade_and_reason_are_copied_to_the_file(answered, auditor):
    case = graded(answered, auditor)
    assert (case.grade, case.status) == ("requires-improvement", CaseAudit.Status.MODERATION)
    assert case.grade_reason.startswith("Plans lacked timescales")
    assert case.graded_at is not None


def test_the_audit_awaits_moderation_once_every_file_is_graded(answered, auditor):
    graded(answered, auditor)
    answered.audit.refresh_from_db()
    assert answered.audit.status == Audit.Status.MODERATION


def test_an_auditor_who_does_not_lead_the_file_may_not_grade_it(answered, partnership):
    another = make_member("auditor", partnership, full_name="Al Tor", email="al@example.org")
    with pytest.raises(PermissionDenied):
        graded(answered, another)


def test_a_file_is_not_graded_before_every_agency_has_answered(started, auditor):
    with pytest.raises(PermissionDenied):
        graded(started, auditor)


def test_moderation_records_the_agreed_grade_and_locks_the_answers(answered, auditor, business_unit):
    graded(answered, auditor)
    case = case_moderate(actor=business_unit, case=answered, agreed_grade="good", notes="Agreed good: strong plan.")
    assert (case.agreed_grade, case.status, case.moderated_by) == ("good", CaseAudit.Status.MODERATED, business_unit)
    assert {r.status for r in responses_about([case.pk])[case.pk]} == {"moderated"}


def test_moderation_takes_only_a_grade_of_the_tool(answered, auditor, business_unit):
    graded(answered, auditor)
    with pytest.raises(ValidationError) as raised:
        case_moderate(actor=business_unit, case=answered, agreed_grade="excellent", notes="")
    assert "agreed_grade" in raised.value.message_dict


def test_a_file_is_moderated_only_once_graded(answered, business_unit):
    with pytest.raises(PermissionDenied):
        case_moderate(actor=business_unit, case=answered, agreed_grade="good", notes="")


# --- chasing -----------------------------------------------------------------------------------------


def test_a_reminder_goes_to_the_agencys_leads_once_a_day(started, agency, agency_lead, business_unit):
    response = agency_answers(started, agency)
    today = dt.date(2014, 12, 22)
    reminder = answers_remind(actor=business_unit, response=response, today=today)
    assert reminder is not None and reminder.recipients == 1
    message = Message.objects.get(recipient=agency_lead, kind="audits.answers_reminder")
    assert message.subject.startswith("Overdue:")
    assert started.reference in message.body
    assert answers_remind(actor=business_unit, response=response, today=today) is None
    assert Reminder.objects.count() == 1


def test_only_the_business_unit_sends_a_reminder(started, agency, auditor):
    with pytest.raises(PermissionDenied):
        answers_remind(actor=auditor, response=agency_answers(started, agency))
