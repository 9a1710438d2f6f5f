"""The business unit's morning from the home page: an overdue return is chased from "What needs
you", in a real browser, every page checked with axe."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from assure.notifications.models import Reminder
from assure.performance.tests.factories import ReturnRoundFactory, indicator, return_with

pytestmark = pytest.mark.browser


@pytest.fixture
def overdue_return(partnership, agency, agency_lead):
    today = timezone.localdate()
    ReturnRoundFactory(
        partnership=partnership, opens_on=today - dt.timedelta(days=40), deadline=today - dt.timedelta(days=8)
    )
    return return_with(partnership=partnership, agency=agency, indicators=[indicator("csc-referrals")])


def test_the_business_unit_chases_an_overdue_return_from_the_home_page(
    pages, business_unit, partnership, overdue_return
):
    pages.sign_in_as(business_unit)
    page = pages.goto(reverse("partnerships:home", kwargs={"partnership": partnership.slug}))
    item = page.locator('[data-testid="waiting-item"][data-kind="performance.returns_overdue"]').filter(
        has_text=str(overdue_return.agency)
    )
    expect(item).to_contain_text("Overdue")
    expect(item.get_by_test_id("last-reminded")).to_have_text("Last reminded: Never")
    expect(page.get_by_test_id("overdue-by-agency")).to_contain_text(str(overdue_return.agency))

    item.get_by_role("button", name="Send a reminder").click()
    pages.check()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Reminder sent")
    today = timezone.localdate()
    item = page.locator('[data-testid="waiting-item"][data-kind="performance.returns_overdue"]').filter(
        has_text=str(overdue_return.agency)
    )
    expect(item.get_by_test_id("last-reminded")).to_have_text(f"Last reminded: {today.day} {today:%B %Y}")
    assert Reminder.objects.get().sent_by == business_unit


def test_a_person_chooses_the_weekly_digest(pages, agency_lead):
    pages.sign_in_as(agency_lead)
    page = pages.goto(reverse("mfa_index"))
    page.get_by_role("link", name="Change how you receive e-mails from Assure").click()
    pages.check()
    page.get_by_label("In a weekly digest").check()
    page.get_by_role("button", name="Save your choice").click()
    pages.check()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("in a weekly digest")
