"""A Section 11 return from the agency lead's self-assessment to the moderated heat map, in a
real browser."""

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from assure.actions.models import Action
from assure.section11.models import Response, Return
from assure.section11.tests.factories import CycleFactory, ReturnFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def return_record(partnership, agency, business_unit):
    cycle = CycleFactory(lead_partnership=partnership, partnerships=[partnership], created_by=business_unit)
    return ReturnFactory(cycle=cycle, agency=agency)


def _rate(page, ref: str, level: str, evidence: str) -> None:
    criterion = page.locator(f"#criterion-{ref.replace('.', '\\.')}")
    criterion.get_by_label(level, exact=True).check()
    criterion.get_by_label("Evidence").first.fill(evidence)
    criterion.get_by_role("button", name=f"Save criterion {ref}").click()
    expect(page.locator(f"#criterion-{ref.replace('.', '\\.')}")).to_contain_text(f"Criterion {ref} saved")


def test_lead_submits_auditor_challenges_lead_answers_auditor_moderates_and_the_heat_map_shows_it(
    pages, second_pages, agency_lead, auditor, partnership, return_record, tmp_path
):
    slug = partnership.slug
    detail = reverse("section11:return_detail", kwargs={"partnership": slug, "pk": return_record.pk})

    # The agency lead rates every criterion that applies, attaches a file and raises an action.
    pages.sign_in_as(agency_lead)
    page = pages.goto(detail)
    _rate(page, "1.1", "Green", "The chief executive chairs the safeguarding committee.")
    policy = tmp_path / "safeguarding-policy.txt"
    policy.write_text("Safeguarding policy, approved by the board in January 2015.\n")
    first = page.locator("#criterion-1\\.1")
    first.get_by_label("Evidence file").set_input_files(str(policy))
    first.get_by_role("button", name="Save criterion 1.1").click()
    expect(page.locator("#criterion-1\\.1")).to_contain_text("safeguarding-policy.txt")
    _rate(page, "1.2", "Green", "Staff are told at induction who the lead is.")
    _rate(page, "2.1", "Amber", "Commissioned services are being reviewed.")
    pages.check()

    page = pages.goto(reverse("section11:response_action", kwargs={"partnership": slug, "pk": _response("2.1").pk}))
    page.get_by_label("Title").fill("Add safeguarding clauses to every commissioned contract")
    page.get_by_label("Due date").fill((dt.date.today() + dt.timedelta(days=60)).isoformat())
    page.get_by_role("button", name="Raise the action").click()
    pages.check()
    assert Action.objects.filter(partnership=partnership, source_id=str(_response("2.1").pk)).exists()

    page = pages.goto(reverse("section11:return_submit", kwargs={"partnership": slug, "pk": return_record.pk}))
    page.get_by_role("button", name="Submit the return").click()
    pages.check()
    return_record.refresh_from_db()
    assert return_record.status == Return.Status.SUBMITTED

    # The auditor challenges criterion 1.2.
    second_pages.sign_in_as(auditor)
    review = reverse("section11:response_moderate", kwargs={"partnership": slug, "pk": _response("1.2").pk})
    officer = second_pages.goto(review)
    officer.get_by_label("Challenge").fill("Which staff survey shows that staff know who the lead is?")
    officer.get_by_role("button", name="Send the challenge").click()
    second_pages.check()
    return_record.refresh_from_db()
    assert return_record.status == Return.Status.UNDER_CHALLENGE

    # The lead answers in the same thread.
    page = pages.goto(reverse("section11:response_answer", kwargs={"partnership": slug, "pk": _response("1.2").pk}))
    page.get_by_label("Your answer").fill("The 2014 staff survey: 91% named the lead correctly.")
    page.get_by_role("button", name="Send the answer").click()
    pages.check()

    # The auditor moderates 1.2 down to amber, accepts the rest and then the return.
    officer = second_pages.goto(review)
    expect(officer.locator("main")).to_contain_text("91% named the lead")
    officer.get_by_label("Moderated rating").select_option(label="Amber")
    officer.get_by_label("Moderation note").fill("The survey covers one site only.")
    officer.get_by_role("button", name="Accept criterion 1.2").click()
    second_pages.check()
    for ref in ("1.1", "2.1"):
        second_pages.goto(reverse("section11:response_moderate", kwargs={"partnership": slug, "pk": _response(ref).pk}))
        officer.get_by_role("button", name=f"Accept criterion {ref}").click()
        second_pages.check()
    second_pages.goto(reverse("section11:return_accept", kwargs={"partnership": slug, "pk": return_record.pk}))
    officer.get_by_role("button", name="Accept the return").click()
    second_pages.check()
    return_record.refresh_from_db()
    assert return_record.status == Return.Status.ACCEPTED
    assert _response("1.2").moderated_rating == "amber"

    # The heat map shows the moderated level, marked as changed at moderation from the agency's own.
    heat = second_pages.goto(reverse("section11:analysis", kwargs={"partnership": slug, "pk": return_record.cycle.pk}))
    row = heat.locator("tr", has_text=return_record.agency.name).first
    expect(row).to_contain_text("Amber")
    expect(row).to_contain_text("at moderation from")
    expect(row.locator(".assure-heat-map__mark")).to_have_count(1)


def _response(ref: str) -> Response:
    return Response.objects.get(criterion=ref)
