"""The business unit keeps the business plan in a real browser: adds an objective under a
priority and an action under the objective, writes the year's review and links an action as its
evidence; every page it lands on passes axe."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from assure.actions.tests.factories import ActionFactory
from assure.plans.models import PriorityReview
from assure.plans.tests.factories import PriorityFactory

pytestmark = pytest.mark.browser


def test_business_unit_adds_an_objective_an_action_and_the_years_review_with_evidence(
    pages, business_unit, partnership, agency
):
    slug = partnership.slug
    priority = PriorityFactory(partnership=partnership, title="Compromised parenting")
    ActionFactory(partnership=partnership, owner_agency=agency, title="Audit the substance misuse protocol")
    pages.sign_in_as(business_unit)

    page = pages.goto(reverse("plans:home", kwargs={"partnership": slug}))
    page.get_by_role("link", name="Compromised parenting", exact=True).click()
    pages.check()
    page.get_by_role("link", name="Add an objective").click()
    pages.check()
    page.get_by_label("Objective").fill("Parents get help before risks grow")
    page.get_by_role("button", name="Save").click()
    pages.check()
    page.get_by_role("link", name="Parents get help before risks grow").click()
    pages.check()

    page.get_by_role("link", name="Raise an action").click()
    pages.check()
    page.get_by_label("What is to be done").fill("Publish the domestic abuse toolkit")
    page.get_by_label("Owner agency").select_option(label=agency.name)
    page.get_by_label("Due date").fill((timezone.localdate() + dt.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Save").click()
    pages.check()
    expect(page.get_by_role("table")).to_contain_text("Publish the domestic abuse toolkit")

    page = pages.goto(reverse("plans:review", kwargs={"partnership": slug, "pk": priority.pk, "year": "2014-15"}))
    page.get_by_role("link", name="Write the review").click()
    pages.check()
    page.get_by_label("What have we done?").fill("- Renewed the protocol\n- Trained 54 practitioners")
    page.get_by_label("What difference have we made?").fill("Practitioners name the concern sooner.")
    page.get_by_role("button", name="Save").click()
    pages.check()

    page.get_by_role("link", name="Link evidence").click()
    pages.check()
    page.get_by_label("Action", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    pages.check()
    page.get_by_label("Action", exact=True).select_option(
        label=page.locator("option", has_text="Audit the substance").inner_text().strip()
    )
    page.get_by_label("Note").fill("The audit found the protocol in use.")
    page.get_by_role("button", name="Save").click()
    pages.check()
    expect(page.locator("main")).to_contain_text("Audit the substance misuse protocol")

    review = PriorityReview.objects.get(priority=priority, year="2014-15")
    assert review.what_difference == "Practitioners name the concern sooner."
    assert review.evidence.get().note == "The audit found the protocol in use."
