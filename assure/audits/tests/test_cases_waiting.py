"""What the case files have waiting on people's home pages, the daily reminders of answers
awaited, and the case file's privacy by design."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assure.audits.models import CaseAudit, CaseReference
from assure.audits.services.cases import answers_remind, audit_start
from assure.audits.tests.factories import (
    AuditFactory,
    agency_answers,
    answered_and_submitted,
    case_added,
    graded,
)
from assure.audits.waiting_cases import (
    answers_overdue,
    answers_reminders_due,
    answers_to_give,
    cases_to_grade,
    cases_to_moderate,
)
from assure.notifications.models import Message
from assure.notifications.reminders import scheduled_reminders_send
from assure.partnerships.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

DUE = dt.date(2014, 12, 19)  # the factory audit's answers date
BEFORE = dt.date(2014, 12, 1)
AFTER = dt.date(2015, 1, 5)


def test_an_agency_lead_has_each_file_to_answer_about(started, agency, agency_lead, partnership):
    [item] = answers_to_give(user=agency_lead, partnership=partnership, today=BEFORE)
    assert started.reference in item.title
    assert item.due == DUE and not item.overdue
    assert item.url == f"/p/northshire/audits/answers/{agency_answers(started, agency).pk}/"


def test_answers_past_their_date_are_flagged_overdue(started, agency_lead, partnership):
    [item] = answers_to_give(user=agency_lead, partnership=partnership, today=AFTER)
    assert item.overdue


def test_submitted_answers_no_longer_wait(started, agency, agency_lead, partnership):
    answered_and_submitted(started, agency, agency_lead)
    assert answers_to_give(user=agency_lead, partnership=partnership, today=BEFORE) == []


def test_the_business_unit_has_no_answers_to_give(started, business_unit, partnership):
    assert answers_to_give(user=business_unit, partnership=partnership, today=BEFORE) == []


def test_the_lead_auditor_has_the_file_to_grade_once_answered(answered, auditor, partnership):
    [item] = cases_to_grade(user=auditor, partnership=partnership, today=BEFORE)
    assert item.url == f"/p/northshire/audits/case-files/{answered.pk}/grade/"


def test_a_file_still_being_answered_is_not_to_grade(started, auditor, partnership):
    assert cases_to_grade(user=auditor, partnership=partnership, today=BEFORE) == []


def test_another_auditor_has_no_file_to_grade(answered, partnership):
    from conftest import make_member

    another = make_member("auditor", partnership, full_name="Al Tor", email="al@example.org")
    assert cases_to_grade(user=another, partnership=partnership, today=BEFORE) == []


def test_graded_files_wait_for_moderation(answered, auditor, business_unit, partnership):
    graded(answered, auditor)
    [item] = cases_to_moderate(user=business_unit, partnership=partnership, today=BEFORE)
    assert item.url == f"/p/northshire/audits/case-files/{answered.pk}/moderate/"
    assert cases_to_moderate(user=auditor, partnership=partnership, today=BEFORE) == []


def test_overdue_answers_are_listed_once_for_each_agency_with_a_reminder(
    started, business_unit, auditor, agency, partnership
):
    case_added(started.audit, business_unit, auditor, (agency, "HT-9"))
    items = answers_overdue(user=business_unit, partnership=partnership, today=AFTER)
    assert sorted(item.agency for item in items) == ["Mercian Police", "Northshire Community Health Trust"]
    mine = next(item for item in items if item.agency == agency.name)
    assert mine.detail == f"Still to answer: {started.reference}, {started.audit.reference}/02"
    assert mine.remind_url == f"/p/northshire/audits/answers/{agency_answers(started, agency).pk}/remind/"
    assert mine.last_reminded is None


def test_answers_not_yet_due_are_not_overdue(started, business_unit, partnership):
    assert answers_overdue(user=business_unit, partnership=partnership, today=BEFORE) == []


def test_the_overdue_list_shows_when_the_agency_was_last_reminded(started, business_unit, agency, partnership):
    answers_remind(actor=business_unit, response=agency_answers(started, agency), today=AFTER)
    mine = next(
        item
        for item in answers_overdue(user=business_unit, partnership=partnership, today=AFTER)
        if item.agency == agency.name
    )
    assert mine.last_reminded is not None


def test_an_agency_without_a_lead_is_flagged_and_not_reminded(business_unit, auditor, partnership, agency):
    leaderless = AgencyFactory(name="Northshire Youth Offending Service", partnerships=[partnership])
    audit = AuditFactory(partnership=partnership, agencies=[leaderless], created_by=business_unit)
    case_added(audit, business_unit, auditor, (leaderless, "YOS-1"))
    audit_start(actor=business_unit, audit=audit)
    [item] = answers_overdue(user=business_unit, partnership=partnership, today=AFTER)
    assert item.flag and item.remind_url == ""


def _another_started_audit(partnership, business_unit, auditor, agencies):
    audit = AuditFactory(partnership=partnership, agencies=agencies, created_by=business_unit)
    for number in range(3):
        case_added(audit, business_unit, auditor, *[(agency, f"REF-{number}") for agency in agencies])
    audit_start(actor=business_unit, audit=audit)
    return audit


def test_the_home_page_items_read_in_constant_queries(
    started, answered, business_unit, auditor, agency_lead, agency, other_agency, partnership
):
    graded(answered, auditor)

    def read():
        answers_to_give(user=agency_lead, partnership=partnership, today=AFTER)
        cases_to_grade(user=auditor, partnership=partnership, today=AFTER)
        answers_overdue(user=business_unit, partnership=partnership, today=AFTER)
        cases_to_moderate(user=business_unit, partnership=partnership, today=AFTER)

    _another_started_audit(partnership, business_unit, auditor, [agency])
    read()
    with CaptureQueriesContext(connection) as few:
        read()
    for _ in range(2):
        _another_started_audit(partnership, business_unit, auditor, [agency, other_agency, AgencyFactory()])
    with CaptureQueriesContext(connection) as many:
        read()
    assert len(many) == len(few)


# --- the daily reminders ------------------------------------------------------------------------------


def test_one_reminder_is_due_for_each_agency_and_audit(started, business_unit, auditor, agency, agency_lead):
    case_added(started.audit, business_unit, auditor, (agency, "HT-9"))
    due = answers_reminders_due(today=AFTER)
    assert len(due) == 2
    mine = next(d for d in due if d.recipients == [agency_lead])
    assert (mine.deadline, mine.kind) == (DUE, "audits.answers_reminder")
    assert mine.target == agency_answers(started, agency)


def test_the_daily_job_reminds_agencies_on_the_rules_days(started, agency_lead):
    # The "audit-answers" rule: 7 and 2 days before the answers date, the first day overdue, then weekly.
    assert scheduled_reminders_send(today=DUE - dt.timedelta(days=3)).reminded == []
    run = scheduled_reminders_send(today=DUE - dt.timedelta(days=2))
    assert len(run.reminded) == 2
    assert Message.objects.filter(recipient=agency_lead, kind="audits.answers_reminder").count() == 1


def test_answers_submitted_are_not_reminded(answered):
    assert answers_reminders_due(today=AFTER) == []


# --- privacy by design -------------------------------------------------------------------------------

IDENTIFYING = ("name", "birth", "dob", "born", "address", "postcode", "street", "nhs_number", "surname", "forename")


@pytest.mark.parametrize("model", [CaseAudit, CaseReference], ids=lambda m: m.__name__)
def test_a_case_file_has_no_field_for_a_name_a_date_of_birth_or_an_address(model):
    fields = [field.name.lower() for field in model._meta.get_fields()]
    assert [name for name in fields if any(word in name for word in IDENTIFYING)] == []
