"""The operator creates a partnership and invites its first business unit officer; the officer
opens the e-mailed link, chooses a password, signs in, sets up two-step verification and adds the
partnership's first agency. axe-core runs on every page visited."""

import re
import time

import pytest
from django.core import mail
from playwright.sync_api import expect

from assure.accounts.tests.factories import totp_code
from assure.demo.totp import seconds_left
from assure.performance.tests.factories import AreaFactory
from tests.browser.test_foundation_journeys import sign_in_with_mfa

pytestmark = pytest.mark.browser

PASSWORD = "a long memorable passphrase"


@pytest.fixture
def westshire(db):
    """A local authority Assure holds (load_areas makes them from the DfE's files)."""
    region = AreaFactory(level="regional", code="E12000009", name="South West")
    return AreaFactory(code="E06000099", old_la_code="899", name="Westshire", region=region)


def _fresh_code_period() -> None:
    # A code typed in the last seconds of its period can expire before the server reads it.
    while seconds_left() < 10:
        time.sleep(0.5)


def test_operator_creates_a_partnership_and_its_business_unit_starts_it(pages, second_pages, operator, westshire):
    # The operator creates the partnership and invites its first business unit officer.
    sign_in_with_mfa(pages, operator.email)
    page = pages.goto("/installation/partnerships/")
    expect(page.get_by_role("heading", name="Partnerships")).to_be_visible()
    page.get_by_role("link", name="Create a partnership").click()
    pages.check()
    page.get_by_label("Name", exact=True).fill("Westshire Safeguarding Children Partnership")
    page.get_by_label("Short name").fill("WSCP")
    page.get_by_label("Address name").fill("westshire")
    page.get_by_label("Local authority").select_option(label="Westshire (E06000099)")
    page.get_by_role("button", name="Save").click()
    pages.check()
    expect(page.get_by_role("heading", name=re.compile("Invite the business unit"))).to_be_visible()
    page.get_by_label("Full name").fill("Wendy Start")
    page.get_by_label("E-mail address").fill("wendy@example.org")
    page.get_by_role("button", name="Save").click()
    pages.check()
    expect(page.get_by_role("row", name=re.compile("Westshire Safeguarding Children Partnership"))).to_be_visible()

    # The officer opens the link in the e-mail and chooses a password.
    [message] = mail.outbox
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", message.body).group(1)
    other = second_pages.goto(link)
    expect(other.get_by_role("heading", name="Choose your password")).to_be_visible()
    other.get_by_label("New Password", exact=True).fill(PASSWORD)
    other.get_by_label("New Password (again)").fill(PASSWORD)
    other.get_by_role("button", name="Save password").click()
    second_pages.check()

    # They sign in, and Assure has them set up two-step verification before anything else.
    other = second_pages.goto("/accounts/login/")
    other.get_by_label("Email").fill("wendy@example.org")
    other.get_by_label("Password", exact=True).fill(PASSWORD)
    other.get_by_role("button", name="Sign in").click()
    second_pages.check()
    if other.get_by_role("button", name="Confirm").count():
        other.get_by_label("Password", exact=True).fill(PASSWORD)
        other.get_by_role("button", name="Confirm").click()
        second_pages.check()
    if not other.get_by_role("heading", name="Set up an authenticator app").count():
        other = second_pages.goto("/accounts/2fa/totp/activate/")
    expect(other.get_by_role("heading", name="Set up an authenticator app")).to_be_visible()
    secret = other.get_by_test_id("totp-secret").inner_text().replace(" ", "")
    _fresh_code_period()
    other.get_by_label(re.compile("code", re.I)).first.fill(totp_code(secret))
    other.get_by_role("button", name="Turn on").click()
    second_pages.check()

    # The new partnership's overview lists the first steps; the officer adds an agency.
    other = second_pages.goto("/p/westshire/")
    steps = other.get_by_test_id("first-steps")
    expect(steps).to_be_visible()
    steps.get_by_role("link", name="Add the partnership's agencies").click()
    second_pages.check()
    other.get_by_label("Name").fill("Westshire Police")
    other.get_by_label("Type of agency").select_option(label="Police force")
    other.get_by_label("Sector").select_option(label="Police")
    other.get_by_role("button", name=re.compile("Save|Add")).click()
    second_pages.check()
    other = second_pages.goto("/p/westshire/")
    agencies_step = other.get_by_test_id("first-steps").get_by_role("listitem").filter(has_text="agencies")
    expect(agencies_step).to_contain_text("Done")
