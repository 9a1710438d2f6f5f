"""Allegations against people who work with children, end to end in a real browser: an employer
without an account refers an allegation about a member of staff on the public form and confirms it
from the link e-mailed to them; the designated officer finds the draft on their home page, reads
it (the person's name shown to them alone), accepts it, records the joint evaluation meeting and
closes the referral with its outcome; the year's figures count it, shown to the officer in full
and hidden as a small number from the business unit. Every page is checked with axe-core."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.lado.models import Referral
from assure.partnerships.years import financial_year_of

pytestmark = pytest.mark.browser

PERSON = ("Jordan", "Pellowe")
EMPLOYER_ADDRESS = "dsl@wrekinview-primary.example.org"


def emailed_path(address: str, kind: str) -> str:
    """The path of the link in the latest e-mail to ``address`` that leads to ``kind`` (confirm
    or status) of the public allegation pages. The live server runs in this process, so its
    locmem mail backend fills this test's outbox (the task backend is immediate)."""
    for message in reversed(mail.outbox):
        if address in message.to:
            found = re.search(rf"/allegations/[\w-]+/{kind}/[^/\s]+/", message.body)
            if found:
                return found.group()
    raise AssertionError(f"No e-mail to {address} holds a {kind} link: {[m.subject for m in mail.outbox]}")


def test_an_employer_refers_and_the_officer_accepts_meets_and_closes(
    pages, second_pages, partnership, designated_officer, business_unit
):
    slug = partnership.slug
    today = timezone.localdate()
    RestrictedGrantFactory(user=designated_officer, partnership=partnership, area="lado", reason="Designated officer")

    # The employer refers on the public form, signed out; sent empty first, for its errors.
    public = second_pages.goto(reverse("allegations:form", kwargs={"partnership": slug}))
    public.get_by_role("button", name="Send the referral").click()
    second_pages.check()
    expect(public.locator(".govuk-error-summary")).to_be_visible()
    public.get_by_label("The date the employer knew").fill((today - dt.timedelta(days=1)).isoformat())
    public.get_by_label("Your name").fill("Avery Quinton")
    public.get_by_label("Your role").fill("Designated safeguarding lead")
    public.get_by_label("Your organisation").fill("Wrekinview Primary School")
    public.get_by_label("Your work e-mail address").fill(EMPLOYER_ADDRESS)
    public.get_by_label("The employer", exact=True).fill("Wrekinview Primary School")
    public.get_by_label("The employer's sector").select_option(label="Education")
    public.get_by_label("The person's given names").fill(PERSON[0])
    public.get_by_label("The person's family name").fill(PERSON[1])
    public.get_by_label("The person's role").fill("Teaching assistant")
    public.get_by_label("Employed", exact=True).check()
    public.get_by_label("Physical", exact=True).check()
    public.get_by_label("Harmed a child", exact=True).check()
    public.get_by_label("At work", exact=True).check()
    public.get_by_label("What was alleged").fill("Pulled a pupil from the dinner queue by the arm, leaving a bruise.")
    public.locator("input[name=child_1_age]").fill("7")
    public.locator("input[name=child_1_reference]").fill("CSC-48213")
    with public.expect_navigation():
        public.get_by_role("button", name="Send the referral").click()
    second_pages.check()
    expect(public.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    referral = Referral.objects.get(partnership=partnership, referrer_email=EMPLOYER_ADDRESS)
    assert referral.status == Referral.Status.AWAITING_CONFIRMATION

    public = second_pages.goto(emailed_path(EMPLOYER_ADDRESS, "confirm"))
    expect(public.get_by_role("heading", level=1)).to_have_text("Confirm your referral")
    with public.expect_navigation():
        public.get_by_role("button", name="Confirm and send the referral").click()
    second_pages.check()
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DRAFT
    expect(public.locator("main")).to_contain_text(referral.reference)
    expect(public.locator("main")).not_to_contain_text(PERSON[1])

    # The officer finds the draft on their home page, reads it and accepts it.
    pages.sign_in_as(designated_officer)
    page = pages.goto(reverse("partnerships:home", kwargs={"partnership": slug}))
    page.get_by_role("link", name=f"Allegation referral {referral.reference}").click()
    pages.check()
    expect(page.locator("main")).to_contain_text(PERSON[1])
    page.get_by_role("button", name="Accept the referral").click()
    pages.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Accept the referral").click()
    pages.check()
    referral.refresh_from_db()
    assert referral.status == Referral.Status.OPEN

    # ... records the joint evaluation meeting ...
    page.get_by_role("link", name="Add a meeting").click()
    pages.check()
    page.get_by_label("Joint evaluation meeting").check()
    page.get_by_label("Date held").fill(today.isoformat())
    page.get_by_label("Who attended").fill("Designated officer; detective constable, police; head teacher")
    page.get_by_label("What was decided").fill("The police will not investigate; the school will hold a disciplinary.")
    with page.expect_navigation():
        page.get_by_role("button", name="Add the meeting").click()
    pages.check()
    assert referral.meetings.get().kind == "joint-evaluation"

    # ... and closes the referral with its outcome, the outcome's definition beside it.
    page.get_by_role("link", name="Close with the outcome").click()
    pages.check()
    expect(page.locator("main")).to_contain_text("There is sufficient evidence to prove the allegation")
    page.get_by_label("Substantiated", exact=True).check()
    page.get_by_label("Date closed").fill(today.isoformat())
    page.get_by_label("The learning for the employer").fill(
        "Staff on lunch duty to be reminded of the positive handling policy."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Close the referral").click()
    pages.check()
    referral.refresh_from_db()
    assert (referral.status, referral.outcome.code, referral.closed_on) == (
        Referral.Status.CLOSED,
        "substantiated",
        today,
    )

    # The year's figures count it: in full for the officer, hidden as a small number elsewhere.
    figures = reverse("lado:figures", kwargs={"partnership": slug}) + f"?year={financial_year_of(today)}"
    page = pages.goto(figures)
    referrals = page.get_by_role("row", name=re.compile(r"^Referrals \(allegations\)"))
    expect(referrals.locator("td").nth(1)).to_have_text("1")
    pages.sign_in_as(business_unit)
    page = pages.goto(figures)
    referrals = page.get_by_role("row", name=re.compile(r"^Referrals \(allegations\)"))
    expect(referrals.locator("td").nth(1)).to_have_text("fewer than 6")
    expect(page.locator("main")).not_to_contain_text(PERSON[1])
