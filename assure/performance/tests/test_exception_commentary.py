"""Exception reports for the board: one per meeting (asking again opens it), the owning agency's
leads asked by e-mail for their commentary with a link to where they write it, what waits for
them on their home page, and the scheduled reminders' records."""

import datetime as dt
import re
from decimal import Decimal as D
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from assure.accounts.permissions import forget_permissions
from assure.core.waiting import waiting_kinds
from assure.notifications.reminders import reminder_sources
from assure.partnerships.tests.factories import AgencyFactory, MeetingFactory
from assure.performance.models import ExceptionReport
from assure.performance.periods import period_for_year
from assure.performance.selectors.exceptions import (
    commentary_reminders_due,
    commentary_to_write,
    exception_reports_to_read,
)
from assure.performance.services.exceptions import exception_commentary_write, exception_report_create
from assure.performance.tests.factories import (
    ExceptionItemFactory,
    ExceptionReportFactory,
    PriorityFactory,
    ScorecardLineFactory,
    scorecard_test_indicators,
    validated_figures,
)
from conftest import make_member

TODAY = dt.date(2026, 12, 6)


def u(name, partnership, **kwargs) -> str:
    return reverse(f"performance:{name}", kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def year(db):
    return period_for_year("2014-15")


@pytest.fixture
def red_line(partnership, agency, year):
    indicators = scorecard_test_indicators()
    priority = PriorityFactory(partnership=partnership, title="Early help")
    ScorecardLineFactory(
        priority=priority, indicator=indicators["sc-referrals"], target=D(1000), tolerance=D(50), owner_agency=agency
    )
    validated_figures(partnership=partnership, agency=agency, period=year, figures={indicators["sc-referrals"]: 900})
    return indicators["sc-referrals"]


@pytest.fixture
def meeting(partnership):
    return MeetingFactory(partnership=partnership, held_on=TODAY + dt.timedelta(days=20))


@pytest.fixture
def report(business_unit, partnership, red_line, year, meeting):
    return exception_report_create(actor=business_unit, partnership=partnership, period=year, meeting=meeting)


def link_in(body: str) -> str:
    return re.search(r"Open it in Assure: (\S+)", body).group(1)


# --- one report per meeting --------------------------------------------------------------------


def test_a_second_report_for_the_same_meeting_is_refused(business_unit, partnership, report, year, meeting):
    with pytest.raises(ValidationError) as refused:
        exception_report_create(actor=business_unit, partnership=partnership, period=year, meeting=meeting)
    assert "already an exception report for this meeting" in str(refused.value.message_dict["meeting"])
    assert ExceptionReport.objects.count() == 1


def test_the_database_holds_one_report_per_meeting(business_unit, partnership, report, year, meeting):
    with pytest.raises(IntegrityError), transaction.atomic():
        ExceptionReport.objects.create(partnership=partnership, period=year, meeting=meeting, created_by=business_unit)


def test_reports_for_no_particular_meeting_may_be_several(business_unit, partnership, red_line, year):
    exception_report_create(actor=business_unit, partnership=partnership, period=year)
    exception_report_create(actor=business_unit, partnership=partnership, period=year)
    assert ExceptionReport.objects.filter(meeting=None).count() == 2


def test_asking_again_for_a_meeting_opens_its_report_and_keeps_the_commentary(
    client, business_unit, partnership, report, year, meeting
):
    item = report.items.get()
    exception_commentary_write(actor=business_unit, item=item, commentary="Referrals fell while the door was rebuilt.")
    client.force_login(business_unit)
    response = client.post(u("exception_create", partnership), {"period": year.pk, "meeting": meeting.pk}, follow=True)
    assert response.redirect_chain[-1][0] == u("exception_detail", partnership, pk=report.pk)
    page = response.content.decode()
    assert "There is already an exception report for the" in page
    assert "Referrals fell while the door was rebuilt." in page
    assert ExceptionReport.objects.count() == 1


def test_the_meeting_field_says_optional_once(client, business_unit, partnership, red_line):
    client.force_login(business_unit)
    page = client.get(u("exception_create", partnership)).content.decode()
    assert "Board meeting (optional)" in page
    assert "(optional) (optional)" not in page


# --- commentary asked by e-mail ------------------------------------------------------------------


def test_the_owning_agencys_lead_is_asked_by_email_with_a_link_to_write_it(
    business_unit, agency_lead, partnership, red_line, year, meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = exception_report_create(actor=business_unit, partnership=partnership, period=year, meeting=meeting)
    item = report.items.get()
    assert [m.to for m in mail.outbox] == [[agency_lead.email]]
    message = mail.outbox[0]
    assert "Commentary asked of Northshire Community Health Trust" in message.subject
    assert "Referrals (scorecard test)" in message.body
    match = resolve(urlparse(link_in(message.body)).path)
    assert match.view_name == "performance:exception_comment" and match.kwargs["pk"] == item.pk


def test_another_agencys_lead_is_not_asked(
    business_unit, partnership, other_agency, red_line, year, django_capture_on_commit_callbacks
):
    make_member("agency-lead", partnership, agency=other_agency, email="other-lead@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        exception_report_create(actor=business_unit, partnership=partnership, period=year)
    assert mail.outbox == []


def test_the_lead_of_the_agency_in_another_partnership_is_not_asked(
    business_unit, partnership, other_partnership, agency, red_line, year, django_capture_on_commit_callbacks
):
    agency.partnerships.add(other_partnership)
    make_member("agency-lead", other_partnership, agency=agency, email="elsewhere@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        exception_report_create(actor=business_unit, partnership=partnership, period=year)
    assert mail.outbox == []


def test_the_agency_lead_writes_the_commentary_from_the_emails_link(
    client, agency_lead, partnership, report, django_capture_on_commit_callbacks
):
    item = report.items.get()
    client.force_login(agency_lead)
    path = u("exception_comment", partnership, pk=item.pk)
    assert client.get(path).status_code == 200
    client.post(path, {"commentary": "We are recruiting two social workers."})
    item.refresh_from_db()
    assert item.commentary == "We are recruiting two social workers." and item.commentary_by == agency_lead


# --- what waits for the agency lead ----------------------------------------------------------------


def test_the_agency_lead_has_the_commentary_waiting_due_on_the_meeting_day(agency_lead, partnership, report, meeting):
    [waiting] = commentary_to_write(user=agency_lead, partnership=partnership, today=TODAY)
    item = report.items.get()
    assert waiting.title == "Commentary on Referrals (scorecard test)"
    assert waiting.due == meeting.held_on and waiting.agency == "Northshire Community Health Trust"
    assert waiting.url == u("exception_comment", partnership, pk=item.pk)


def test_the_kind_is_registered_for_the_home_page(db):
    kind = next(k for k in waiting_kinds() if k.key == "performance.exception_commentary")
    assert kind.label == "Commentary to write for the exception report" and kind.items is commentary_to_write


def test_written_commentary_no_longer_waits(agency_lead, partnership, report):
    exception_commentary_write(actor=agency_lead, item=report.items.get(), commentary="Recruiting.")
    assert commentary_to_write(user=agency_lead, partnership=partnership, today=TODAY) == []


def test_another_agencys_items_do_not_wait_for_the_lead(partnership, other_agency, report):
    other_lead = make_member("agency-lead", partnership, agency=other_agency)
    assert commentary_to_write(user=other_lead, partnership=partnership, today=TODAY) == []


def test_another_partnerships_items_do_not_wait_for_the_lead(agency_lead, partnership, other_partnership, report):
    other_report = ExceptionReportFactory(partnership=other_partnership, created_by=report.created_by)
    ExceptionItemFactory(report=other_report, owner_agency=report.items.get().owner_agency)
    found = commentary_to_write(user=agency_lead, partnership=partnership, today=TODAY)
    assert [w.url for w in found] == [u("exception_comment", partnership, pk=report.items.get().pk)]


def test_commentary_for_a_meeting_already_held_no_longer_waits(agency_lead, partnership, report, meeting):
    later = meeting.held_on + dt.timedelta(days=1)
    assert commentary_to_write(user=agency_lead, partnership=partnership, today=later) == []


def test_the_business_unit_and_board_members_have_no_commentary_waiting(
    business_unit, board_member, partnership, report
):
    assert commentary_to_write(user=business_unit, partnership=partnership, today=TODAY) == []
    assert commentary_to_write(user=board_member, partnership=partnership, today=TODAY) == []


def queries_of(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def test_what_waits_takes_as_many_queries_for_many_items(agency_lead, partnership, agency, report):
    def ask():
        forget_permissions(user=agency_lead)
        return commentary_to_write(user=agency_lead, partnership=partnership, today=TODAY)

    few = queries_of(ask)
    for indicator in scorecard_test_indicators().values():
        ExceptionItemFactory(report=report, indicator=indicator, owner_agency=agency)
    assert queries_of(ask) == few
    assert len(ask()) > 3


# --- scheduled reminders -------------------------------------------------------------------------


def test_the_reminder_source_is_registered_under_its_rule(db):
    assert reminder_sources()["exception-commentary"] is commentary_reminders_due


def test_each_item_waiting_is_due_a_reminder_to_its_agencys_leads(agency_lead, partnership, report, meeting):
    [due] = commentary_reminders_due(today=TODAY)
    item = report.items.get()
    assert due.target == item and due.partnership == partnership and due.recipients == [agency_lead]
    assert due.deadline == meeting.held_on
    assert due.path == u("exception_comment", partnership, pk=item.pk)
    assert due.kind == "performance.exception_commentary_reminder"


def test_an_item_with_commentary_is_due_no_reminder(agency_lead, report):
    exception_commentary_write(actor=agency_lead, item=report.items.get(), commentary="Recruiting.")
    assert commentary_reminders_due(today=TODAY) == []


def test_the_reminders_take_as_many_queries_for_many_partnerships(agency_lead, other_partnership, report):
    few = queries_of(lambda: commentary_reminders_due(today=TODAY))
    elsewhere = AgencyFactory(partnerships=[other_partnership])
    make_member("agency-lead", other_partnership, agency=elsewhere)
    other_report = ExceptionReportFactory(
        partnership=other_partnership,
        created_by=report.created_by,
        meeting=MeetingFactory(partnership=other_partnership, held_on=TODAY + dt.timedelta(days=3)),
    )
    ExceptionItemFactory(report=other_report, owner_agency=elsewhere)
    assert queries_of(lambda: commentary_reminders_due(today=TODAY)) == few
    found = commentary_reminders_due(today=TODAY)
    assert len(found) == 2 and all(len(due.recipients) == 1 for due in found)


# --- board papers on the home page -------------------------------------------------------------


def test_a_board_member_is_given_the_exception_report_of_the_next_meeting(board_member, partnership, report):
    [item] = exception_reports_to_read(user=board_member, partnership=partnership, today=TODAY)
    assert item.due == report.meeting.held_on
    assert "1 indicator for the board's attention, commentary awaited on 1" in item.detail
    assert resolve(urlparse(item.url).path).kwargs["pk"] == report.pk


def test_the_exception_report_of_a_meeting_held_is_no_longer_to_read(board_member, partnership, report):
    assert exception_reports_to_read(user=board_member, partnership=partnership, today=report.meeting.held_on) != []
    later = report.meeting.held_on + dt.timedelta(days=1)
    assert exception_reports_to_read(user=board_member, partnership=partnership, today=later) == []


def test_a_viewer_who_does_not_sit_at_the_board_is_not_given_exception_reports(viewer, partnership, report):
    assert exception_reports_to_read(user=viewer, partnership=partnership, today=TODAY) == []


def test_another_partnerships_exception_reports_are_not_given(outsider, other_partnership, report):
    assert exception_reports_to_read(user=outsider, partnership=other_partnership, today=TODAY) == []
