"""What reports have waiting for each person (their home page), the sections the daily reminders
job chases, and the requests that reach people with a link to the section."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from assure.core.waiting import waiting_kinds
from assure.notifications.reminders import reminder_sources
from assure.reports.models import Report, Section
from assure.reports.services.sections import section_accept, section_draft_save, section_return, section_write
from assure.reports.waiting import (
    board_papers,
    report_section_reminders_due,
    sections_overdue,
    sections_to_accept,
    sections_to_write,
)

from .factories import ReportFactory, SectionFactory

TODAY = dt.date(2015, 5, 1)


def _asked(report, agency, lead, *, due=TODAY + dt.timedelta(days=7), status=Section.Status.REQUESTED, **fields):
    return SectionFactory(report=report, agency=agency, requested_from=lead, due_on=due, status=status, **fields)


@pytest.fixture
def report(partnership, business_unit):
    return ReportFactory(partnership=partnership, created_by=business_unit)


def test_the_kinds_and_the_reminder_source_are_registered():
    assert {"reports.sections_to_write", "reports.sections_to_accept"} <= {kind.key for kind in waiting_kinds()}
    assert "report-section" in reminder_sources()


def test_an_agency_lead_sees_the_sections_asked_of_their_agency(report, agency, agency_lead, partnership):
    section = _asked(report, agency, agency_lead)
    [item] = sections_to_write(user=agency_lead, partnership=partnership, today=TODAY)
    assert (item.title, item.due, item.agency) == (
        f"Report section to write: {section.title}",
        section.due_on,
        agency.name,
    )
    assert resolve(item.url).kwargs["pk"] == section.pk


def test_a_section_being_drafted_still_waits_for_its_lead(report, agency, agency_lead, partnership):
    _asked(report, agency, agency_lead, status=Section.Status.DRAFTING)
    [item] = sections_to_write(user=agency_lead, partnership=partnership, today=TODAY)
    assert "not yet sent" in item.detail


def test_a_section_sent_to_the_business_unit_no_longer_waits_for_its_lead(report, agency, agency_lead, partnership):
    _asked(report, agency, agency_lead, status=Section.Status.WRITTEN)
    assert sections_to_write(user=agency_lead, partnership=partnership, today=TODAY) == []


def test_another_agencys_section_does_not_wait_for_the_lead(
    report, other_agency, business_unit, agency_lead, partnership
):
    _asked(report, other_agency, business_unit)
    assert sections_to_write(user=agency_lead, partnership=partnership, today=TODAY) == []


def test_a_published_reports_section_does_not_wait(partnership, business_unit, agency, agency_lead):
    published = ReportFactory(partnership=partnership, created_by=business_unit, status=Report.Status.PUBLISHED)
    _asked(published, agency, agency_lead)
    assert sections_to_write(user=agency_lead, partnership=partnership, today=TODAY) == []


def test_sections_come_from_the_partnership_asked_about_only(report, agency, agency_lead, other_partnership):
    _asked(report, agency, agency_lead)
    assert sections_to_write(user=agency_lead, partnership=other_partnership, today=TODAY) == []


def test_a_section_past_its_due_date_is_overdue(report, agency, agency_lead, partnership):
    _asked(report, agency, agency_lead, due=TODAY - dt.timedelta(days=1))
    [item] = sections_to_write(user=agency_lead, partnership=partnership, today=TODAY)
    assert item.overdue


def test_the_business_unit_sees_the_sections_written_awaiting_acceptance(report, agency, agency_lead, business_unit):
    written = _asked(report, agency, agency_lead, status=Section.Status.WRITTEN)
    _asked(report, agency, agency_lead, status=Section.Status.DRAFTING)
    [item] = sections_to_accept(user=business_unit, partnership=report.partnership, today=TODAY)
    assert resolve(item.url).kwargs["pk"] == written.pk
    assert str(agency_lead) in item.detail


def test_only_the_business_unit_is_asked_to_accept(report, agency, agency_lead, board_member):
    _asked(report, agency, agency_lead, status=Section.Status.WRITTEN)
    assert sections_to_accept(user=board_member, partnership=report.partnership, today=TODAY) == []
    assert sections_to_accept(user=agency_lead, partnership=report.partnership, today=TODAY) == []


def test_sections_to_accept_come_from_the_partnership_asked_about_only(
    report, agency, agency_lead, business_unit, other_partnership
):
    _asked(report, agency, agency_lead, status=Section.Status.WRITTEN)
    from conftest import make_member

    other_business_unit = make_member("business-unit", other_partnership)
    assert sections_to_accept(user=other_business_unit, partnership=other_partnership, today=TODAY) == []


@pytest.mark.parametrize("items", [sections_to_write, sections_to_accept])
def test_the_items_take_as_many_queries_for_one_section_as_for_many(
    items, report, agency, agency_lead, business_unit, partnership
):
    status = Section.Status.REQUESTED if items is sections_to_write else Section.Status.WRITTEN
    user = agency_lead if items is sections_to_write else business_unit
    _asked(report, agency, agency_lead, status=status)
    items(user=user, partnership=partnership, today=TODAY)  # the person's roles, looked up once
    with CaptureQueriesContext(connection) as one:
        assert len(items(user=user, partnership=partnership, today=TODAY)) == 1
    for _ in range(4):
        _asked(ReportFactory(partnership=partnership, created_by=business_unit), agency, agency_lead, status=status)
    with CaptureQueriesContext(connection) as many:
        assert len(items(user=user, partnership=partnership, today=TODAY)) == 5
    assert len(many) == len(one)


# Scheduled reminders


def test_the_reminder_source_gives_each_section_still_with_an_agency(report, agency, agency_lead):
    waiting = _asked(report, agency, agency_lead, status=Section.Status.DRAFTING)
    _asked(report, agency, agency_lead, status=Section.Status.WRITTEN)
    [due] = report_section_reminders_due(today=TODAY)
    assert (due.target, due.recipients, due.deadline, due.partnership) == (
        waiting,
        [agency_lead],
        waiting.due_on,
        report.partnership,
    )
    assert resolve(due.path).kwargs["pk"] == waiting.pk


def test_the_reminder_source_takes_as_many_queries_for_one_section_as_for_many(
    report, agency, agency_lead, partnership
):
    _asked(report, agency, agency_lead)
    with CaptureQueriesContext(connection) as one:
        report_section_reminders_due(today=TODAY)
    for _ in range(3):
        _asked(report, agency, agency_lead)
    with CaptureQueriesContext(connection) as many:
        assert len(report_section_reminders_due(today=TODAY)) == 4
    assert len(many) == len(one)


# Requests that reach people


def _link(message) -> str:
    return re.search(r"Open it in Assure: \S+?(/p/\S+)", message.body).group(1)


@pytest.fixture
def asked(report, agency, agency_lead, business_unit, django_capture_on_commit_callbacks):
    from assure.reports.services.sections import section_request

    section = SectionFactory(report=report)
    with django_capture_on_commit_callbacks(execute=True):
        section_request(
            section=section,
            agency=agency,
            user=agency_lead,
            due_on=dt.date.today() + dt.timedelta(7),
            actor=business_unit,
        )
    return section


def test_asking_for_a_section_emails_the_lead_a_link_to_its_page(asked, agency_lead):
    [message] = mail.outbox
    assert message.to == [agency_lead.email]
    match = resolve(_link(message))
    assert (match.view_name, match.kwargs["pk"]) == ("reports:section_detail", asked.pk)


def test_sending_a_section_back_emails_the_lead_the_reason_and_the_link(
    asked, agency_lead, business_unit, django_capture_on_commit_callbacks
):
    section_write(section=asked, body="Text.", actor=agency_lead)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        section_return(section=asked, reason="Add the audit results.", actor=business_unit)
    [message] = mail.outbox
    assert message.to == [agency_lead.email] and "Add the audit results." in message.body
    assert resolve(_link(message)).kwargs["pk"] == asked.pk


def test_accepting_a_section_tells_its_lead(asked, agency_lead, business_unit, django_capture_on_commit_callbacks):
    section_write(section=asked, body="Text.", actor=agency_lead)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        section_accept(section=asked, actor=business_unit)
    [message] = mail.outbox
    assert message.to == [agency_lead.email] and "accepted" in message.subject
    assert resolve(_link(message)).kwargs["pk"] == asked.pk


def test_saving_a_draft_sends_nothing(asked, agency_lead, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        section_draft_save(section=asked, body="Draft.", actor=agency_lead)
    assert mail.outbox == []


def _pack(partnership, business_unit, held_on, *, status=Report.Status.PUBLISHED):
    from assure.partnerships.tests.factories import MeetingFactory

    meeting = MeetingFactory(partnership=partnership, held_on=held_on)
    return ReportFactory(
        partnership=partnership,
        created_by=business_unit,
        kind=Report.Kind.BOARD_PACK,
        title=f"Board pack {held_on:%B %Y}",
        year="",
        meeting=meeting,
        status=status,
    )


def test_a_board_member_sees_the_published_papers_of_a_meeting_to_come(partnership, business_unit, board_member):
    pack = _pack(partnership, business_unit, TODAY + dt.timedelta(days=10))
    [item] = board_papers(user=board_member, partnership=partnership, today=TODAY)
    assert (item.title, item.due) == (f"Papers to read: {pack.title}", pack.meeting.held_on)
    assert resolve(item.url).kwargs["pk"] == pack.pk


def test_papers_of_a_meeting_held_or_still_in_draft_are_not_waiting(partnership, business_unit, board_member):
    _pack(partnership, business_unit, TODAY - dt.timedelta(days=1))
    _pack(partnership, business_unit, TODAY + dt.timedelta(days=10), status=Report.Status.DRAFT)
    assert board_papers(user=board_member, partnership=partnership, today=TODAY) == []


def test_a_viewer_who_does_not_sit_at_the_board_is_not_sent_papers(partnership, business_unit, viewer):
    _pack(partnership, business_unit, TODAY + dt.timedelta(days=10))
    assert board_papers(user=viewer, partnership=partnership, today=TODAY) == []


def test_another_partnerships_papers_do_not_wait_for_the_board_member(
    other_partnership, business_unit, board_member, partnership
):
    _pack(other_partnership, business_unit, TODAY + dt.timedelta(days=10))
    assert board_papers(user=board_member, partnership=partnership, today=TODAY) == []


# --- overdue sections and the business unit's reminder ----------------------------------------


def test_the_business_unit_sees_an_overdue_section_with_a_reminder_button(
    report, agency, agency_lead, business_unit, partnership
):
    section = _asked(report, agency, agency_lead, due=TODAY - dt.timedelta(days=3))
    _asked(report, agency, agency_lead, due=TODAY + dt.timedelta(days=3))  # not overdue yet
    [item] = sections_overdue(user=business_unit, partnership=partnership, today=TODAY)
    assert (item.overdue, item.agency, item.last_reminded) == (True, agency.name, None)
    assert resolve(item.url).kwargs["pk"] == section.pk
    assert resolve(item.remind_url).url_name == "section_remind"


@pytest.mark.parametrize("persona", ["board_member", "agency_lead", "viewer"], indirect=True)
def test_only_the_business_unit_is_given_overdue_sections(report, agency, agency_lead, persona, partnership):
    _asked(report, agency, agency_lead, due=TODAY - dt.timedelta(days=3))
    assert sections_overdue(user=persona, partnership=partnership, today=TODAY) == []


def test_overdue_sections_take_two_queries_however_many(report, agency, agency_lead, business_unit, partnership):
    _asked(report, agency, agency_lead, due=TODAY - dt.timedelta(days=3))
    sections_overdue(user=business_unit, partnership=partnership, today=TODAY)
    with CaptureQueriesContext(connection) as one:
        sections_overdue(user=business_unit, partnership=partnership, today=TODAY)
    for _ in range(5):
        _asked(report, agency, agency_lead, due=TODAY - dt.timedelta(days=3))
    with CaptureQueriesContext(connection) as six:
        assert len(sections_overdue(user=business_unit, partnership=partnership, today=TODAY)) == 6
    assert len(six) == len(one)


def test_the_reminder_button_e_mails_the_lead_once_a_day_and_goes_back_home(
    client, report, agency, agency_lead, business_unit, partnership, django_capture_on_commit_callbacks
):
    section = _asked(report, agency, agency_lead, due=TODAY - dt.timedelta(days=3))
    client.force_login(business_unit)
    url = reverse("reports:section_remind", kwargs={"partnership": partnership.slug, "pk": section.pk})
    home = reverse("partnerships:home", kwargs={"partnership": partnership.slug})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"next": home})
        again = client.post(url, {"next": home}, follow=True)
    assert response.status_code == 302 and response["Location"] == home
    assert [message.to for message in mail.outbox] == [[agency_lead.email]]
    assert f"/reports/sections/{section.pk}/" in mail.outbox[0].body
    assert "already reminded today" in again.content.decode()
    [item] = sections_overdue(user=business_unit, partnership=partnership, today=TODAY)
    assert item.last_reminded is not None


def test_a_section_already_sent_cannot_be_chased(report, agency, agency_lead, business_unit):
    from django.core.exceptions import ValidationError

    from assure.reports.services.sections import section_remind

    section = _asked(report, agency, agency_lead, status=Section.Status.WRITTEN)
    with pytest.raises(ValidationError):
        section_remind(section=section, actor=business_unit)
