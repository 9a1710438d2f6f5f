"""A private provider's placement notification, end to end in a real browser, from their first
visit. A registered manager of a children's home signs up on the partnership's public page with
their work e-mail address, opens the link e-mailed to them, confirms it and lands on "My
notifications", signed in, where they are told the business unit is checking their organisation.
The business unit finds them among the private providers and verifies them. The provider then
notifies a placement (their reference for the child, age, sex, area and the register's fields),
answers the CSE risk assessment and submits it, which sends the notification; the business unit
finds it in the placement notifications register. Every page is checked with axe-core."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from assure.partnerships.tests.factories import AgencyFactory, library_item
from assure.registers.models import Entry, Provider
from tests.browser.htmx import wait_for_swap

pytestmark = pytest.mark.browser

NAME = "Morgan Tellwright"
ADDRESS = "morgan.tellwright@hillside-care.example.org"
ORGANISATION = "Hillside Care Homes Ltd"


def emailed_path(address: str, slug: str) -> str:
    """The path of the verification link in the latest e-mail to ``address``. The live server
    runs in this process, so its locmem mail backend fills this test's outbox (the task backend
    is immediate)."""
    for message in reversed(mail.outbox):
        if address in message.to:
            found = re.search(rf"/providers/{slug}/verify/[^/\s]+/", message.body)
            if found:
                return found.group()
    raise AssertionError(f"No e-mail to {address} holds a verification link: {[m.subject for m in mail.outbox]}")


def choose(page, question: str, answer: str) -> None:
    """Choose an answer to a question of the risk assessment: a choice changed is saved at once
    (htmx swaps the form), so wait for it before the next."""
    wait_for_swap(page, page.get_by_role("group", name=question).get_by_label(answer, exact=True).check)


def test_a_provider_signs_up_is_verified_and_notifies_a_placement_with_its_risk_assessment(
    pages, second_pages, partnership, business_unit
):
    slug = partnership.slug
    AgencyFactory(
        partnerships=[partnership],
        name="Northshire Children's Services",
        agency_type=library_item("agency-type", "childrens-social-care"),
    )

    # A registered manager signs up on the partnership's public page.
    page = pages.goto(reverse("providers:signup", kwargs={"partnership": slug}))
    page.get_by_label("Full name").fill(NAME)
    page.get_by_label("Work e-mail address").fill(ADDRESS)
    page.get_by_label("Password", exact=True).fill("Kestrel-harbour-lantern-42")
    page.get_by_label("Password again").fill("Kestrel-harbour-lantern-42")
    page.get_by_label("The provider").fill(ORGANISATION)
    page.get_by_label("Your homes in the area (optional)").fill("Oak Lodge\nBeech House")
    page.get_by_label("Ofsted unique reference number (optional)").fill("SC123456")
    page.get_by_label("Your role").fill("Registered manager")
    with page.expect_navigation():
        page.get_by_role("button", name="Create the account").click()
    pages.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")

    # The link in the e-mail asks to confirm; confirming signs them in to "My notifications",
    # where they wait for the business unit.
    page = pages.goto(emailed_path(ADDRESS, slug))
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm my e-mail address").click()
    pages.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("My notifications")
    expect(page.get_by_text("The business unit is checking your organisation")).to_be_visible()
    expect(page.get_by_role("link", name="Notify a placement")).to_have_count(0)

    # The business unit finds the provider waiting and verifies them.
    second_pages.sign_in_as(business_unit)
    office = second_pages.goto(reverse("registers:providers", kwargs={"partnership": slug}))
    with office.expect_navigation():
        office.get_by_role("link", name=f"Verify or refuse {ORGANISATION}").click()
    second_pages.check()
    office.get_by_label("Verify the provider: they may notify placements").check()
    with office.expect_navigation():
        office.get_by_role("button", name="Save the decision").click()
    second_pages.check()
    assert Provider.objects.get(user__email=ADDRESS).may_notify

    # The provider notifies a placement.
    page = pages.goto(reverse("registers:notifications_mine", kwargs={"partnership": slug}))
    with page.expect_navigation():
        page.get_by_role("link", name="Notify a placement").click()
    pages.check()
    moved = timezone.localdate() - dt.timedelta(days=1)
    page.get_by_label("Your reference for the child").fill("RCH-0042")
    page.get_by_label("The child's age in years").fill("14")
    page.get_by_role("group", name="The child's sex").get_by_label("Female", exact=True).check()
    page.get_by_label("The area of the home").fill("Ludlow")
    page.get_by_label("The day the child moved in").fill(moved.isoformat())
    page.get_by_label("The day the local authority was told").fill(timezone.localdate().isoformat())
    page.get_by_role("group", name="Who placed the child").get_by_label("Another local authority").check()
    page.get_by_role("group", name="The kind of home").get_by_label("Children's home").check()
    page.get_by_label("The home's name").fill("Oak Lodge")
    page.get_by_role("group", name="Has the child gone missing in the last twelve months?").get_by_label(
        "Yes", exact=True
    ).check()
    page.get_by_role("group", name="The CSE risk assessment's conclusion").get_by_label("At risk", exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Continue to the risk assessment").click()
    pages.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("CSE risk assessment")

    # Submitted before it is answered, the page says what is missing.
    with page.expect_navigation():
        page.get_by_role("button", name="Submit the notification").click()
    pages.check()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert Entry.objects.get().status == Entry.Status.DRAFT

    # They answer the risk assessment and submit it, which sends the notification.
    choose(page, "Has the child gone missing from home or care?", "Yes")
    for question in (
        "Is the child known to have contact with older people who cause concern?",
        "Has the child had gifts, money, phones or drugs from unknown sources?",
        "Is there concern about the child's use of the internet or social media?",
        "Does the child misuse alcohol or drugs?",
        "Is the child missing education or on a part-time timetable?",
        "Has the child been sexually exploited before, or is a CSE plan in place?",
    ):
        choose(page, question, "No")
    choose(page, "What level of risk of sexual exploitation have you assessed?", "At risk")
    page.get_by_label("What will the home do to keep the child safe?").fill(
        "Staff talk with her each evening about where she has been and keep in touch with school."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Submit the notification").click()
    pages.check()
    entry = Entry.objects.get()
    expect(page.locator(".govuk-panel")).to_contain_text(f"Notification {entry.number} sent")
    assert entry.status == Entry.Status.SUBMITTED

    # The business unit finds it in the placement notifications register.
    office = second_pages.goto(
        reverse("registers:entries", kwargs={"partnership": slug, "kind": "placement-notification"})
    )
    expect(office.get_by_text(entry.number)).to_be_visible()
