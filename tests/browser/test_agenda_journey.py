"""Meetings' business in a real browser: from a meeting's page the business unit builds its
agenda with a paper chosen from Assure's records, records the decision and minutes after the
meeting, records their approval at the next meeting, and makes the next meeting's board pack,
whose agenda section lists its items. axe-core runs on every page visited."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assure.core.navigation import partnership_url
from assure.governance.models import AgendaItem, MeetingMinutes
from assure.partnerships.tests.factories import MeetingFactory
from assure.performance.tests.factories import ExceptionReportFactory

pytestmark = pytest.mark.browser


def test_business_unit_builds_an_agenda_minutes_it_and_approves_the_minutes(pages, business_unit, partnership):
    today = timezone.localdate()
    held = MeetingFactory(partnership=partnership, held_on=today - dt.timedelta(days=14), title="Board meeting")
    following = MeetingFactory(partnership=partnership, held_on=today, title="Board meeting")
    ExceptionReportFactory(partnership=partnership, meeting=held, created_by=business_unit)

    pages.sign_in_as(business_unit)
    page = pages.goto(partnership_url("partnerships:meeting_detail", partnership, pk=held.pk))
    page.get_by_role("link", name="Agenda and papers").click()
    pages.check()
    expect(page.get_by_text("This meeting has no agenda yet.")).to_be_visible()

    page.get_by_role("button", name="Add an item").click()
    pages.check()
    page.get_by_role("button", name="Save").click()
    pages.check()  # the title was left out
    expect(page.get_by_text("Enter the item's title.").first).to_be_visible()
    page.get_by_label("Item", exact=True).fill("Scorecard and exception report")
    page.get_by_role("group", name="What is the board asked to do?").get_by_label("For decision").check()
    page.get_by_label("Presenter (optional)", exact=True).fill("Performance lead")
    paper = page.get_by_label("Paper: a record in Assure (optional)")
    paper.select_option(label=paper.locator("option", has_text="Exception report").first.inner_text())
    page.get_by_role("button", name="Save").click()
    pages.check()
    expect(page.get_by_role("heading", name="1. Scorecard and exception report")).to_be_visible()
    expect(page.get_by_role("link", name="Exception report", exact=False).first).to_be_visible()

    page.get_by_role("button", name="Record the minutes of item 1").click()
    pages.check()
    page.get_by_label("Decision (optional)").fill("The board accepted the explanation of re-referrals.")
    page.get_by_label("Minutes (optional)").fill("Children's social care explained the change in recording.")
    page.get_by_role("button", name="Save the minutes").click()
    pages.check()
    expect(page.get_by_text("The board accepted the explanation of re-referrals.")).to_be_visible()

    page.get_by_role("link", name="Read the minutes").click()
    pages.check()
    expect(page.get_by_text("Draft", exact=True)).to_be_visible()
    page.get_by_role("button", name="Record their approval").click()
    pages.check()
    page.get_by_label("Amendments (optional)").fill("Item 1: the presenter's title corrected.")
    page.get_by_role("button", name="Record the approval").click()
    pages.check()
    expect(page.get_by_text("Approved", exact=True)).to_be_visible()
    record = MeetingMinutes.objects.get(meeting=held)
    assert record.is_approved and record.approved_at_meeting == following

    # The next meeting's agenda, then its board pack.
    page = pages.goto(partnership_url("governance:agenda", partnership, meeting=following.pk))
    pages.check()
    expect(page.get_by_text("for approval at this meeting")).to_have_count(0)
    page.get_by_role("button", name="Add an item").click()
    page.get_by_label("Item", exact=True).fill("Section 11 results")
    page.get_by_role("group", name="What is the board asked to do?").get_by_label("For information").check()
    page.get_by_role("button", name="Save").click()
    pages.check()
    assert AgendaItem.objects.filter(meeting=following).count() == 1

    page = pages.goto(partnership_url("reports:board_pack_create", partnership))
    page.get_by_label("Board meeting").select_option(value=str(following.pk))
    page.get_by_role("button", name="Make it").click()
    pages.check()
    page.get_by_role("link", name="1 Agenda", exact=True).click()
    pages.check()
    agenda = page.get_by_role("table", name="Agenda items")
    expect(agenda.get_by_role("row").filter(has_text="Section 11 results")).to_contain_text("For information")
