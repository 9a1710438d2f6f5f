"""The action tracker in a real browser: an agency lead proposes cancelling their agency's action,
the business unit declines once (a note is needed) and then accepts; the budget page shows each
line's plan, variance and forecast. axe-core runs on every page visited."""

import datetime as dt
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from assure.actions.models import Action
from assure.actions.tests.factories import ActionFactory
from assure.partnerships.tests.factories import ExpenditureFactory
from assure.partnerships.years import current_financial_year

pytestmark = pytest.mark.browser


def test_agency_lead_proposes_cancelling_and_the_business_unit_decides(
    pages, second_pages, agency_lead, business_unit, agency, partnership
):
    action = ActionFactory(
        partnership=partnership,
        owner_agency=agency,
        created_by=business_unit,
        title="Refresh the escalation policy",
        due_on=dt.date.today() + dt.timedelta(days=20),
    )
    pages.sign_in_as(agency_lead)
    page = pages.goto(action.get_absolute_url())
    expect(page.get_by_role("button", name="Cancel the action")).to_have_count(0)
    page.get_by_role("button", name="Propose cancelling").click()
    pages.check()
    page.get_by_role("button", name="Send the proposal").click()
    pages.check()  # the error page: a reason is needed
    expect(page.get_by_text("Give the reason the action should be cancelled.").first).to_be_visible()
    page.get_by_label("Why should the action be cancelled?").fill("The new multi-agency procedure replaces it.")
    page.get_by_role("button", name="Send the proposal").click()
    pages.check()
    expect(page.get_by_role("region", name="Cancelling proposed")).to_contain_text("The business unit decides")

    second_pages.sign_in_as(business_unit)
    desk = second_pages.goto(action.get_absolute_url())
    banner = desk.get_by_role("region", name="Cancelling proposed")
    expect(banner).to_contain_text("The new multi-agency procedure replaces it.")
    banner.get_by_role("link", name="Decide the proposal").click()
    second_pages.check()
    desk.get_by_label("Decline: the action carries on").check()
    desk.get_by_role("button", name="Record the decision").click()
    second_pages.check()  # a decline needs a note
    expect(desk.get_by_text("Say why the action should carry on.").first).to_be_visible()
    desk.get_by_label("Accept: cancel the action").check()
    desk.get_by_role("button", name="Record the decision").click()
    second_pages.check()
    expect(desk.get_by_text("is cancelled").first).to_be_visible()
    expect(desk.get_by_text("Reason for cancelling", exact=True)).to_be_visible()
    action.refresh_from_db()
    assert (action.status, action.cancellation_reason) == (
        Action.Status.CANCELLED,
        "The new multi-agency procedure replaces it.",
    )


def test_business_unit_confirms_before_cancelling(pages, business_unit, agency, partnership):
    action = ActionFactory(partnership=partnership, owner_agency=agency, created_by=business_unit)
    pages.sign_in_as(business_unit)
    page = pages.goto(action.get_absolute_url())
    page.get_by_role("button", name="Cancel the action").click()
    pages.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to cancel this action?")
    page.get_by_label("Why is the action being cancelled?").fill("Merged into A-0002.")
    page.get_by_role("button", name="Yes, cancel the action").click()
    pages.check()
    expect(page.get_by_text("Merged into A-0002.").first).to_be_visible()


def test_business_unit_reads_the_budgets_variance_and_forecast(pages, business_unit, partnership):
    year = current_financial_year()
    ExpenditureFactory(
        partnership=partnership, year=year, line="Independent chair", planned=Decimal("10000"), amount=Decimal("11200")
    )
    ExpenditureFactory(
        partnership=partnership,
        year=year,
        line="Training",
        planned=Decimal("5000"),
        amount=Decimal("1000"),
        forecast=Decimal("4000"),
    )
    pages.sign_in_as(business_unit)
    page = pages.goto(f"/p/{partnership.slug}/budget/?year={year}")
    table = page.get_by_role("table", name="Expenditure")
    expect(table).to_contain_text("£1,200.00 over (12.0%)")
    expect(table).to_contain_text("Recorded by the business unit")
    expect(table).to_contain_text("Total expenditure")
    page.get_by_text("How the forecast is worked out").click()
    expect(page.get_by_text("from the months begun")).to_be_visible()
