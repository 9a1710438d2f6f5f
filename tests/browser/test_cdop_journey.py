"""Child death reviews, end to end in a real browser: an agency lead notifies a child's death on
the agency form; the child death review manager finds the draft on their home page, confirms it
and asks the agency for its report; the agency's lead finds the request on their home page,
answers the report on the questionnaire and submits it, never seeing the child's name; a panel
member finds the death ready for the panel, records a modifiable factor and the panel's analysis
at its meeting, and raises a recommendation as an action, which the action tracker shows. Every
page is checked with axe-core."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.actions.models import Action
from assure.audits.tests.factories import full_answers
from assure.cdop.models import AgencyReport, ChildDeath
from assure.cdop.tests.factories import PanelFactory
from assure.partnerships.tests.factories import MeetingFactory, SubgroupFactory
from tests.browser.htmx import wait_for_swap

pytestmark = pytest.mark.browser

CHILD = "Ellis Thornbury"


def _home(partnership) -> str:
    return reverse("partnerships:home", kwargs={"partnership": partnership.slug})


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


def test_a_death_is_notified_reported_on_by_an_agency_and_analysed_by_the_panel(
    pages, second_pages, partnership, agency, agency_lead, cdop_manager, panel_member
):
    today = timezone.localdate()
    subgroup = SubgroupFactory(partnership=partnership, name="Child Death Overview Panel")
    PanelFactory(host=partnership, subgroup=subgroup, name="Northshire Child Death Overview Panel")
    meeting = MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=today - dt.timedelta(days=1))
    for person in (cdop_manager, panel_member):
        RestrictedGrantFactory(user=person, partnership=partnership, area="cdop", reason="Child death overview panel")
    died = today - dt.timedelta(days=40)

    # The agency lead notifies the death on the agency form.
    pages.sign_in_as(agency_lead)
    page = pages.goto(reverse("cdop:notify", kwargs={"partnership": partnership.slug}))
    page.get_by_role("button", name="Send the notification").click()
    pages.check()  # what is missing
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    page.get_by_label("The child's name").fill(CHILD)
    page.get_by_label("Date of birth").fill((died - dt.timedelta(days=200)).isoformat())
    page.get_by_label("Male", exact=True).check()
    page.get_by_label(partnership.name, exact=True).check()
    page.get_by_label("Date of death").fill(died.isoformat())
    page.get_by_label("Unexpected", exact=True).check()
    page.get_by_label("The date notified").fill(died.isoformat())
    page.get_by_label(agency.name, exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Send the notification").click()
    pages.check()
    death = ChildDeath.objects.get(child_name=CHILD)
    assert death.status == ChildDeath.Status.DRAFT
    expect(page.locator("main")).to_contain_text(death.reference)
    expect(page.locator("main")).not_to_contain_text(CHILD)

    # The manager finds it on their home page, reads it and confirms it.
    second_pages.sign_in_as(cdop_manager)
    manager = second_pages.goto(_home(partnership))
    manager.get_by_role("link", name=f"Child death notification {death.reference}").click()
    second_pages.check()
    expect(manager.locator("main")).to_contain_text(CHILD)
    with manager.expect_navigation():
        manager.get_by_role("button", name="Confirm the notification").click()
    second_pages.check()
    with manager.expect_navigation():
        manager.get_by_role("button", name="Confirm the notification").click()
    second_pages.check()
    death.refresh_from_db()
    assert death.status == ChildDeath.Status.NOTIFIED

    # ... and asks the agency for its report.
    manager.get_by_role("link", name="Ask agencies for reports").click()
    second_pages.check()
    manager.get_by_label(agency.name, exact=True).check()
    manager.get_by_label("Due date").fill((today + dt.timedelta(days=14)).isoformat())
    manager.get_by_label(f"{agency.name}'s reference").fill("NCH-20431")
    with manager.expect_navigation():
        manager.get_by_role("button", name="Ask the agencies").click()
    second_pages.check()
    report = AgencyReport.objects.get(death=death, agency=agency)

    # The agency lead finds the request on their home page and answers it, without the name.
    page = pages.goto(_home(partnership))
    page.get_by_role("link", name=f"Child death {death.reference}: {agency.name}'s report").click()
    pages.check()
    expect(page.locator("main")).not_to_contain_text(CHILD)
    expect(page.locator("main")).to_contain_text("NCH-20431")
    data = {code: values for code, values in full_answers(report.response).items() if len(values) == 1}
    answer(pages, page, data)
    with page.expect_navigation():
        page.get_by_role("button", name="Submit the report").click()
    pages.check()
    report.refresh_from_db()
    assert report.status == AgencyReport.Status.SUBMITTED

    # A panel member finds the death ready for the panel, adds a modifiable factor ...
    second_pages.sign_in_as(panel_member)
    member = second_pages.goto(_home(partnership))
    member.get_by_role("link", name=f"Child death {death.reference}").click()
    second_pages.check()
    member.get_by_role("link", name="Add a factor").click()
    second_pages.check()
    member.get_by_label("Factors intrinsic to the child").check()
    member.get_by_label("The factor", exact=True).fill("The baby was put to sleep on a sofa.")
    member.get_by_label("Factors that may have contributed").check()
    member.get_by_label("The factor is modifiable").check()
    with member.expect_navigation():
        member.get_by_role("button", name="Add the factor").click()
    second_pages.check()

    # ... records the panel's analysis at its meeting ...
    member.get_by_role("link", name="Record the panel's analysis").click()
    second_pages.check()
    member.get_by_label("The panel meeting that reviewed the death").select_option(str(meeting.pk))
    member.get_by_label("10. Sudden unexpected, unexplained death").check()
    member.get_by_label("Modifiable factors identified", exact=True).check()
    member.get_by_label("Learning points").fill("Safer sleeping advice was not repeated after the birth.")
    with member.expect_navigation():
        member.get_by_role("button", name="Complete the review").click()
    second_pages.check()
    death.refresh_from_db()
    assert (death.status, death.reviewed_on, death.modifiable) == (
        ChildDeath.Status.REVIEWED,
        meeting.held_on,
        ChildDeath.Modifiable.IDENTIFIED,
    )

    # ... and raises a recommendation as an action, which the tracker shows by the death's reference.
    member.get_by_role("link", name="Raise a recommendation as an action").click()
    second_pages.check()
    member.get_by_label("The action").fill("Repeat safer sleeping advice at every health visit")
    member.get_by_label("Owner agency").select_option(label=agency.name)
    member.get_by_label("Due date").fill((today + dt.timedelta(days=90)).isoformat())
    with member.expect_navigation():
        member.get_by_role("button", name="Raise the action").click()
    second_pages.check()
    action = Action.objects.get(partnership=partnership, title="Repeat safer sleeping advice at every health visit")
    assert action.source_label == f"Child death review {death.reference}"
    tracker = second_pages.goto(reverse("actions:tracker", kwargs={"partnership": partnership.slug}))
    expect(tracker.locator("main")).to_contain_text(action.title)
    expect(tracker.locator("main")).not_to_contain_text(CHILD)
