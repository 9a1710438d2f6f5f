"""A multi-agency case-file audit's main path, in a real browser: the business unit plans an audit
with two agencies taking part and adds one case file, known only by the agencies' own case
references, then starts it; the first agency's lead submits their answers, correcting the
question they left blank; the second agency's lead submits theirs; the lead auditor grades the
file; the business unit records the moderation meeting's agreed grade, then records a finding and
raises an action from it. Every page is checked with axe-core."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from assure.actions.models import Action
from assure.audits.models import Audit, CaseAudit
from assure.audits.tests.factories import ProgrammeFactory, agency_answers, case_file_audit_tool, full_answers
from assure.partnerships.tests.factories import AgencyFactory, library_item
from conftest import make_member
from tests.browser.htmx import wait_for_swap

pytestmark = pytest.mark.browser


@pytest.fixture
def health(partnership):
    """The second agency taking part: a community health trust, which answers the health section."""
    return AgencyFactory(
        name="Northshire Healthcare NHS Trust",
        agency_type=library_item("agency-type", "community-health-trust"),
        sector=library_item("sector", "health"),
        partnerships=[partnership],
    )


@pytest.fixture
def health_lead(partnership, health):
    return make_member("agency-lead", partnership, agency=health, full_name="Hana Leed", email="hana@example.org")


def answer(pages, page, data: dict[str, list[str]]) -> None:
    """Answer each question on the answer page: a choice by its code, text by typing it. A choice
    changed is saved at once (htmx swaps the form), so wait for it before the next."""
    for code, values in data.items():
        choice = page.locator(f"input[name='{code}'][value='{values[0]}']")
        if choice.count():
            wait_for_swap(page, choice.check)
            expect(page.locator(f"input[name='{code}'][value='{values[0]}']")).to_be_checked()
        else:
            page.locator(f"[name='{code}']").fill(values[0])


def test_business_unit_plans_and_starts_agencies_answer_the_auditor_grades_and_moderation_agrees(
    pages, second_pages, partnership, business_unit, agency, agency_lead, health, health_lead, auditor
):
    slug = partnership.slug
    programme = ProgrammeFactory(partnership=partnership, year=2014)

    # The business unit plans the audit with both agencies taking part.
    pages.sign_in_as(business_unit)
    page = pages.goto(reverse("audits:audit_create", kwargs={"partnership": slug}) + f"?programme={programme.pk}")
    pages.check()
    page.get_by_label("Title").fill("Compromised parenting")
    page.get_by_label("Theme", exact=True).fill("Domestic abuse, parental mental ill health and substance misuse")
    page.locator("input[name=tier][value=practice]").check()
    page.locator("input[name=term][value=autumn]").check()
    page.get_by_label("Case files to audit").fill("1")
    page.get_by_label(agency.name).check()
    page.get_by_label(health.name).check()
    page.get_by_label("Start").fill("2014-09-01")
    page.get_by_label("Answers due").fill("2030-11-28")
    with page.expect_navigation():
        page.get_by_role("button", name="Plan the audit").click()
    pages.check()
    audit = Audit.objects.get(partnership=partnership)
    assert audit.questionnaire == case_file_audit_tool()

    # On the audit's page it adds the case file: the child's age, the lead auditor and each
    # agency's own reference.
    page = pages.goto(audit.get_absolute_url())
    pages.check()
    page.get_by_role("button", name="Add a case file").click()
    pages.check()
    page.get_by_label("The child's age in years").fill("6")
    page.get_by_label("Lead auditor").select_option(label=auditor.full_name)
    page.get_by_label(f"{agency.name}'s case reference").fill("HT-2231")
    page.get_by_label(f"{health.name}'s case reference").fill("NHT/0417")
    with page.expect_navigation():
        page.get_by_role("button", name="Add the case file").click()
    pages.check()
    case = CaseAudit.objects.get(audit=audit)
    expect(page.get_by_role("region", name="Case files of the audit")).to_contain_text("NHT/0417")

    # ... and starts the audit: both agencies are asked.
    page.get_by_role("button", name="Start the audit").click()
    pages.check()
    page.get_by_role("button", name="Start the audit").click()
    pages.check()
    expect(page.locator("body")).to_contain_text("Files being audited")

    # The first agency's lead finds the file on their home page, leaves a question blank, is told,
    # answers it and submits.
    second_pages.sign_in_as(agency_lead)
    lead = second_pages.goto(reverse("partnerships:home", kwargs={"partnership": slug}))
    lead.get_by_role("link", name=f"Case file {case.reference}").click()
    second_pages.check()
    police = agency_answers(case, agency)
    data = full_answers(police)
    left_blank = data.pop("police-strategy-discussion")
    answer(second_pages, lead, data)
    with lead.expect_navigation():
        lead.get_by_role("button", name="Submit answers").click()
    second_pages.check()
    expect(lead.locator(".govuk-error-summary")).to_be_visible()
    answer(second_pages, lead, {"police-strategy-discussion": left_blank})
    with lead.expect_navigation():
        lead.get_by_role("button", name="Submit answers").click()
    second_pages.check()
    expect(lead.get_by_role("heading", level=1)).to_have_text(f"Case file {case.reference}")
    police.refresh_from_db()
    assert police.is_locked

    # The second agency's lead answers theirs.
    second_pages.sign_in_as(health_lead)
    lead = second_pages.goto(
        reverse("audits:case_answers", kwargs={"partnership": slug, "pk": agency_answers(case, health).pk})
    )
    second_pages.check()
    answer(second_pages, lead, full_answers(agency_answers(case, health)))
    with lead.expect_navigation():
        lead.get_by_role("button", name="Submit answers").click()
    second_pages.check()
    case.refresh_from_db()
    assert case.status == CaseAudit.Status.GRADING

    # The lead auditor grades it, reading every agency's answers.
    second_pages.sign_in_as(auditor)
    grader = second_pages.goto(reverse("partnerships:home", kwargs={"partnership": slug}))
    grader.get_by_role("link", name=f"Case file {case.reference}").click()
    second_pages.check()
    expect(grader.locator("body")).to_contain_text(f"{health.name}’s answers")
    answer(
        second_pages,
        grader,
        {
            "overall-multi-agency": ["no"],
            "overall-grade": ["requires-improvement"],
            "grade-reason": ["The plan had no timescales, though information was shared well."],
        },
    )
    with grader.expect_navigation():
        grader.get_by_role("button", name="Submit the grade").click()
    second_pages.check()
    case.refresh_from_db()
    assert (case.grade, case.status) == ("requires-improvement", CaseAudit.Status.MODERATION)

    # The business unit records the moderation meeting's agreed grade.
    page = pages.goto(reverse("partnerships:home", kwargs={"partnership": slug}))
    page.get_by_role("link", name=f"Case file {case.reference} of audit {audit.reference}: the agreed grade").click()
    pages.check()
    page.get_by_label("Requires improvement").check()
    page.get_by_label("Moderation notes").fill("Agreed: the plan lacked timescales for the child.")
    with page.expect_navigation():
        page.get_by_role("button", name="Record the agreed grade").click()
    pages.check()
    case.refresh_from_db()
    assert (case.agreed_grade, case.status) == ("requires-improvement", CaseAudit.Status.MODERATED)
    expect(page.locator("body")).to_contain_text("Requires improvement (agreed)")

    # It records an area for development and raises an action from it.
    page.get_by_role("button", name="Add a finding").click()
    pages.check()
    page.get_by_label("Area for development").check()
    page.get_by_label("Theme").fill("Planning")
    page.get_by_label("What the audit found").fill("Plans did not say what had to change for the child, or by when.")
    page.get_by_role("button", name="Add the finding").click()
    pages.check()
    page.get_by_role("link", name=re.compile("^Raise an action")).first.click()
    pages.check()
    page.get_by_label("Title").fill("Put timescales in every child protection plan")
    page.get_by_label("Owner agency").select_option(label=agency.name)
    page.get_by_label("Due date").fill("2030-03-31")
    with page.expect_navigation():
        page.get_by_role("button", name="Raise the action").click()
    pages.check()
    assert Action.objects.filter(
        partnership=partnership, title="Put timescales in every child protection plan"
    ).exists()
