"""Section 11 requests by e-mail, in a real browser: the agency lead follows the link of the
e-mail asking them to answer a challenge, answers it with a file and sees it saved; the business
unit chases an overdue return from the cycle's page."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from assure.notifications.models import Reminder
from assure.section11.models import EvidenceFile, Response, Return
from assure.section11.services.moderation import response_challenge
from assure.section11.tests.factories import CycleFactory, ReturnFactory
from assure.section11.tests.mailbox import link_of

pytestmark = pytest.mark.browser


@pytest.fixture
def submitted(partnership, agency, business_unit):
    cycle = CycleFactory(lead_partnership=partnership, created_by=business_unit)
    return_record = ReturnFactory(cycle=cycle, agency=agency, status=Return.Status.SUBMITTED)
    return_record.responses.filter(not_applicable=False).update(self_rating="green", evidence="Policy in place.")
    return return_record


def test_the_agency_lead_follows_the_emails_link_and_answers_the_challenge_with_a_file(
    pages, auditor, agency_lead, partnership, submitted, tmp_path
):
    response = submitted.responses.get(criterion="1.2")
    response_challenge(
        actor=auditor, partnership=partnership, response=response, question="Attach the current version of the policy."
    )
    [message] = [m for m in mail.outbox if agency_lead.email in m.to]

    pages.sign_in_as(agency_lead)
    page = pages.goto(link_of(message))
    expect(page.locator("#what-to-do")).to_contain_text("Answer each challenged criterion")
    criterion = page.locator("#criterion-1\\.2")
    expect(criterion).to_contain_text("Attach the current version of the policy.")
    criterion.get_by_role("link", name="Answer the challenge on criterion 1.2").click()
    pages.check()

    policy = tmp_path / "safeguarding-policy-v4.txt"
    policy.write_text("Safeguarding policy, version 4, approved by the board in March 2015.\n")
    page.get_by_label("Your answer").fill("Version 4 is attached; the board approved it in March.")
    page.get_by_label("Attach a file as evidence (optional)").set_input_files(str(policy))
    page.get_by_role("button", name="Send the answer").click()
    pages.check()

    expect(page.get_by_role("alert")).to_contain_text("Answer sent to the moderator")
    expect(page.locator("#criterion-1\\.2")).to_contain_text("Attached with the answer: safeguarding-policy-v4.txt")
    evidence = EvidenceFile.objects.get()
    assert (evidence.response_id, evidence.message.text) == (
        response.pk,
        "Version 4 is attached; the board approved it in March.",
    )
    assert Response.objects.get(pk=response.pk).moderation == Response.Moderation.ANSWERED


def test_the_business_unit_chases_an_overdue_return_from_the_cycles_page(
    pages, business_unit, agency_lead, partnership, agency
):
    today = dt.date.today()
    cycle = CycleFactory(
        lead_partnership=partnership,
        created_by=business_unit,
        opens_on=today - dt.timedelta(days=60),
        deadline=today - dt.timedelta(days=5),
    )
    return_record = ReturnFactory(cycle=cycle, agency=agency)

    pages.sign_in_as(business_unit)
    page = pages.goto(reverse("section11:cycle_detail", kwargs={"partnership": partnership.slug, "pk": cycle.pk}))
    expect(page.get_by_text("Last reminded: Never.")).to_be_visible()
    page.get_by_role("link", name=f"Send a reminder to {agency.name}").click()
    pages.check()
    page.get_by_role("button", name="Send a reminder").click()
    pages.check()

    expect(page.get_by_role("alert")).to_contain_text(f"Reminder sent to {agency.name}’s agency lead.")
    expect(page.get_by_text(f"Last reminded: {today:%-d %B %Y}.")).to_be_visible()
    assert Reminder.objects.get().target_id == str(return_record.pk)
    assert [m.to for m in mail.outbox] == [[agency_lead.email]]
