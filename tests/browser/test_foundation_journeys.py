"""The foundation's journeys in a real browser, with axe-core on every page visited."""

import re
import time

import pytest
from playwright.sync_api import expect

from assure.accounts.tests.factories import DEFAULT_PASSWORD, MembershipFactory, totp_code
from assure.demo.totp import seconds_left
from assure.partnerships.models import Agency, Attendance
from assure.partnerships.tests.factories import AgencyFactory, MeetingFactory
from conftest import make_member

pytestmark = pytest.mark.browser


@pytest.fixture
def officer(partnership, other_partnership):
    """A business unit officer (MFA enrolled) who works for two partnerships."""
    user = make_member("business-unit", partnership, full_name="Bea Unitt", email="bea@example.org")
    MembershipFactory(user=user, partnership=other_partnership, role="business-unit")
    return user


def sign_in_with_mfa(pages, email: str) -> None:
    page = pages.goto("/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    pages.check()
    # A code typed in the last moments of its 30 seconds can reach the server after it has
    # expired when the machine is busy: wait for a fresh period first.
    while seconds_left() < 10:
        time.sleep(0.5)
    page.get_by_label(re.compile("code", re.I)).first.fill(totp_code())
    page.get_by_role("button", name="Continue").click()
    pages.check()


def test_business_unit_signs_in_with_mfa_and_switches_partnership(pages, officer, partnership, other_partnership):
    sign_in_with_mfa(pages, officer.email)
    page = pages.page
    expect(page.get_by_role("heading", name="Your partnerships")).to_be_visible()
    page.get_by_role("link", name=partnership.name).click()
    pages.check()
    expect(page.get_by_test_id("current-partnership")).to_have_text(partnership.name)

    page.get_by_role("link", name="Switch partnership").click()
    pages.check()
    page.get_by_role("link", name=other_partnership.name).click()
    pages.check()
    expect(page.get_by_test_id("current-partnership")).to_have_text(other_partnership.name)


def test_wrong_code_keeps_the_person_at_the_second_step(pages, officer):
    page = pages.goto("/accounts/login/")
    page.get_by_label("Email").fill(officer.email)
    page.get_by_label("Password", exact=True).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label(re.compile("code", re.I)).first.fill("000000" if totp_code() != "000000" else "111111")
    page.get_by_role("button", name="Continue").click()
    pages.check()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.get_by_role("heading", name="Your partnerships")).to_have_count(0)


def test_business_unit_adds_an_agency_after_correcting_a_mistake(pages, officer, partnership):
    sign_in_with_mfa(pages, officer.email)
    page = pages.goto(f"/p/{partnership.slug}/agencies/")
    page.get_by_role("link", name="Add an agency").click()
    pages.check()

    page.get_by_label("Name").fill("Northshire Hospitals NHS Trust")
    page.get_by_label("Type of agency").select_option(label="Acute hospital trust")
    page.get_by_label("Sector").select_option(label="Police")
    page.get_by_role("button", name=re.compile("Save|Add")).click()
    pages.check()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("Northshire Hospitals NHS Trust")

    page.get_by_label("Sector").select_option(label="Health")
    page.get_by_role("button", name=re.compile("Save|Add")).click()
    pages.check()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    assert Agency.objects.filter(name="Northshire Hospitals NHS Trust", partnerships=partnership).exists()


def test_business_unit_records_attendance_and_sees_the_report(pages, officer, partnership):
    police = AgencyFactory(name="Mercian Police", partnerships=[partnership])
    health = AgencyFactory(name="Northshire Community Health Trust", partnerships=[partnership])
    meeting = MeetingFactory(partnership=partnership, title="Board meeting")
    sign_in_with_mfa(pages, officer.email)

    page = pages.goto(f"/p/{partnership.slug}/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Record attendance").click()
    pages.check()
    page.get_by_label("Attendance of Mercian Police").select_option(label="Attended")
    page.get_by_label("Representative of Mercian Police").fill("Chief Inspector Dale")
    page.get_by_label("Attendance of Northshire Community Health Trust").select_option(label="Sent apologies")
    page.get_by_role("button", name="Save attendance").click()
    pages.check()
    assert Attendance.objects.get(meeting=meeting, agency=police).status == "present"
    assert Attendance.objects.get(meeting=meeting, agency=health).status == "apologies"

    page = pages.goto(f"/p/{partnership.slug}/attendance/?year=2014-15")
    police_row = page.locator("tr", has_text="Mercian Police")
    expect(police_row).to_contain_text("100")
    health_row = page.locator("tr", has_text="Northshire Community Health Trust")
    expect(health_row).to_contain_text("0")


def test_register_filters_in_place_as_the_person_types(pages, officer, partnership):
    AgencyFactory(name="Mercian Police", partnerships=[partnership])
    AgencyFactory(name="Northshire Hospitals NHS Trust", partnerships=[partnership])
    sign_in_with_mfa(pages, officer.email)
    page = pages.goto(f"/p/{partnership.slug}/agencies/")
    page.get_by_text("Filter and search").click()
    page.get_by_label("Name contains").press_sequentially("Mercian")
    expect(page.locator("#register-results")).not_to_contain_text("Northshire Hospitals")
    expect(page.locator("#register-results")).to_contain_text("Mercian Police")
    assert "q=Mercian" in page.url
    pages.check()
