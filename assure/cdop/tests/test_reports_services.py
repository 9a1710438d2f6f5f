"""Agency reports on a child's death: asked of agencies by the manager (their leads told by the
death's reference, never the child's name), answered and submitted by the agency's own lead on
the questionnaire engine, withdrawn with a reason, and chased by hand and by the daily reminders."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.cdop.models import AgencyReport
from assure.cdop.services.reports import (
    report_remind,
    report_request,
    report_submit,
    report_withdraw,
    reports_reminders_due,
)
from assure.cdop.tests.factories import AgencyReportFactory, ChildDeathFactory, panel_of
from assure.notifications.models import Message, Reminder
from assure.notifications.reminders import scheduled_reminders_send
from assure.questionnaires.services import answers_save

pytestmark = pytest.mark.django_db

DUE = timezone.localdate() + dt.timedelta(days=20)

# A complete set of answers to the agency report questionnaire (the form's entries).
ANSWERS = {
    "involved-with": ["child", "parents"],
    "services": ["Health visiting from birth; two missed developmental checks."],
    "antenatal-concerns": ["no"],
    "born-preterm": ["no"],
    "development-concerns": ["no"],
    "long-term-condition": ["no"],
    "smoking": ["yes"],
    "housing": ["no"],
    "domestic-abuse": ["not-known"],
    "substance-use": ["no"],
    "child-protection-plan": ["never"],
    "looked-after": ["no"],
    "early-help": ["no"],
    "factors-seen": ["family-and-environment"],
    "factors-detail": ["Smoking in the home was recorded at each visit."],
    "learning": ["Safer sleep advice is now repeated at every contact."],
}


@pytest.fixture
def manager(cdop_manager, partnership):
    RestrictedGrantFactory(user=cdop_manager, partnership=partnership, area="cdop")
    return cdop_manager


@pytest.fixture
def death(partnership):
    return ChildDeathFactory(panel=panel_of(partnership), child_name="Robin Example")


def _ask(manager, partnership, death, agencies, **kwargs):
    return report_request(actor=manager, partnership=partnership, death=death, agencies=agencies, due_on=DUE, **kwargs)


# --- asking ----------------------------------------------------------------------------------------


def test_asking_makes_one_report_per_agency_with_a_draft_response(manager, partnership, death, agency, other_agency):
    made = _ask(manager, partnership, death, [agency, other_agency])
    assert sorted(r.agency.name for r in made) == sorted([agency.name, other_agency.name])
    assert all(r.response is not None and r.status == AgencyReport.Status.REQUESTED for r in made)


def test_an_agency_asked_already_is_not_asked_again(manager, partnership, death, agency):
    _ask(manager, partnership, death, [agency])
    assert _ask(manager, partnership, death, [agency]) == []


def test_the_agency_reference_is_kept(manager, partnership, death, agency):
    [report] = _ask(manager, partnership, death, [agency], agency_references={agency.pk: "NHS-7731"})
    assert report.agency_reference == "NHS-7731"


def test_the_lead_is_told_by_reference_and_never_by_name(manager, partnership, death, agency, agency_lead):
    [report] = _ask(manager, partnership, death, [agency], agency_references={agency.pk: "NHS-7731"})
    message = Message.objects.get(recipient=agency_lead)
    assert message.kind == "cdop.report_requested"
    assert message.path == f"/p/{partnership.slug}/cdop/reports/{report.pk}/answer/"
    assert death.reference in message.subject and "NHS-7731" in message.body
    assert "Robin" not in message.subject + message.body


def test_asking_needs_the_grant(cdop_manager, partnership, death, agency):
    with pytest.raises(PermissionDenied):
        _ask(cdop_manager, partnership, death, [agency])


def test_a_past_due_date_is_refused(manager, partnership, death, agency):
    with pytest.raises(ValidationError) as error:
        report_request(
            actor=manager, partnership=partnership, death=death, agencies=[agency], due_on=dt.date(2001, 1, 1)
        )
    assert "due_on" in error.value.message_dict


def test_a_reviewed_death_is_not_asked_about(manager, partnership, agency):
    reviewed = ChildDeathFactory(panel=panel_of(partnership), status="reviewed")
    with pytest.raises(ValidationError):
        _ask(manager, partnership, reviewed, [agency])


# --- answering -------------------------------------------------------------------------------------


def test_the_lead_submits_a_complete_report(manager, partnership, death, agency, agency_lead):
    [report] = _ask(manager, partnership, death, [agency])
    assert answers_save(actor=agency_lead, response=report.response, data=ANSWERS) == {}
    report_submit(actor=agency_lead, partnership=partnership, report=report)
    report.refresh_from_db()
    assert report.status == AgencyReport.Status.SUBMITTED and report.response.is_locked


def test_the_manager_is_told_a_report_came_in(manager, partnership, death, agency, agency_lead):
    [report] = _ask(manager, partnership, death, [agency])
    answers_save(actor=agency_lead, response=report.response, data=ANSWERS)
    report_submit(actor=agency_lead, partnership=partnership, report=report)
    message = Message.objects.get(recipient=manager, kind="cdop.report_submitted")
    assert "Robin" not in message.subject + message.body


def test_an_incomplete_report_is_not_submitted(manager, partnership, death, agency, agency_lead):
    [report] = _ask(manager, partnership, death, [agency])
    with pytest.raises(ValidationError):
        report_submit(actor=agency_lead, partnership=partnership, report=report)


def test_a_lead_of_another_agency_may_not_submit(partnership, death, other_agency, agency_lead):
    report = AgencyReportFactory(death=death, agency=other_agency)
    with pytest.raises(PermissionDenied):
        report_submit(actor=agency_lead, partnership=partnership, report=report)


# --- withdrawing -----------------------------------------------------------------------------------


def test_withdrawing_needs_a_reason(manager, partnership, death, agency):
    report = AgencyReportFactory(death=death, agency=agency)
    with pytest.raises(ValidationError):
        report_withdraw(actor=manager, partnership=partnership, report=report, reason=" ")


def test_a_withdrawn_report_is_no_longer_needed(manager, partnership, death, agency, agency_lead):
    report = AgencyReportFactory(death=death, agency=agency)
    report_withdraw(actor=manager, partnership=partnership, report=report, reason="No involvement after all.")
    assert report.status == AgencyReport.Status.WITHDRAWN
    assert Message.objects.filter(recipient=agency_lead, kind="cdop.report_withdrawn").exists()


# --- reminders -------------------------------------------------------------------------------------


def test_the_manager_reminds_the_leads_once_a_day(manager, partnership, death, agency, agency_lead):
    report = AgencyReportFactory(death=death, agency=agency, due_on=dt.date(2020, 1, 1))
    assert report_remind(actor=manager, partnership=partnership, report=report) is not None
    assert report_remind(actor=manager, partnership=partnership, report=report) is None
    assert Message.objects.filter(recipient=agency_lead, kind="cdop.report_reminder").count() == 1


def test_a_reminder_never_names_the_child(manager, partnership, death, agency, agency_lead):
    report = AgencyReportFactory(death=death, agency=agency, due_on=dt.date(2020, 1, 1))
    report_remind(actor=manager, partnership=partnership, report=report)
    message = Message.objects.get(recipient=agency_lead, kind="cdop.report_reminder")
    assert message.subject.startswith("Overdue:") and "Robin" not in message.subject + message.body


def test_the_reminder_source_offers_outstanding_reports_with_their_leads(death, agency, agency_lead):
    report = AgencyReportFactory(death=death, agency=agency)
    [due] = [d for d in reports_reminders_due(today=timezone.localdate()) if d.target == report]
    assert due.recipients == [agency_lead] and due.deadline == report.due_on


def test_the_reminder_source_leaves_submitted_reports_out(death, agency, agency_lead):
    AgencyReportFactory(death=death, agency=agency, status=AgencyReport.Status.SUBMITTED)
    assert reports_reminders_due(today=timezone.localdate()) == []


def test_the_daily_job_reminds_a_report_due_in_a_week(death, agency, agency_lead):
    today = timezone.localdate()
    report = AgencyReportFactory(death=death, agency=agency, due_on=today + dt.timedelta(days=7))
    scheduled_reminders_send(today=today)
    assert Reminder.objects.filter(target_id=str(report.pk)).exists()
