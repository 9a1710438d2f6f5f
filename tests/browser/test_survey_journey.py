"""A survey of young people, end to end in a real browser. A young person opens the survey's
public link on a phone, without signing in: they read the introduction, answer the questions
(choosing by tapping, typing a few words) and send their answers on one page, then see the thanks;
nothing they did left them a cookie. The business unit then opens the survey's results and finds
the young person's answers counted, and their words waiting to be reviewed, which they keep as a
voice that may be quoted. Every page is checked with axe-core."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from assure.engagement.tests.factories import SurveyFactory
from assure.questionnaires.models import Response

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
WORDS = "Sometimes people I do not know add me on games."


def test_a_young_person_answers_on_a_phone_and_the_business_unit_reads_the_results(
    pages, second_pages, partnership, business_unit
):
    slug = partnership.slug
    survey = SurveyFactory(partnership=partnership, title="Staying safe online 2015")

    # A young person opens the link on a phone, signed out.
    pages.page.set_viewport_size(PHONE)
    page = pages.goto(reverse("survey:answer", kwargs={"partnership": slug, "token": survey.token}))
    expect(page.get_by_role("heading", level=1)).to_have_text(survey.title)
    expect(page.get_by_text(survey.introduction)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the survey scrolls sideways"

    page.get_by_role("group", name="How old are you?").get_by_label("13 or 14", exact=True).check()
    page.get_by_role("group", name="Have you ever met up in real life with someone you only knew online?").get_by_label(
        "No", exact=True
    ).check()
    tell = page.get_by_role("group", name="If something online worried you, who would you tell?")
    tell.get_by_label("A parent or carer", exact=True).check()
    tell.get_by_label("A teacher", exact=True).check()
    page.get_by_label("Is there anything else you want to tell us about staying safe online?").fill(WORDS)
    with page.expect_navigation():
        page.get_by_role("button", name="Send my answers").click()
    pages.check()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    assert page.context.cookies() == [], "the survey left a cookie on the young person's phone"

    response = Response.objects.get()
    assert response.respondent is None and response.agency is None
    assert response.values()["would-tell"] == ["parent", "teacher"]

    # The business unit opens the survey's results.
    second_pages.sign_in_as(business_unit)
    admin = second_pages.goto(reverse("engagement:surveys", kwargs={"partnership": slug}))
    with admin.expect_navigation():
        admin.get_by_role("link", name=survey.title).click()
    second_pages.check()
    with admin.expect_navigation():
        admin.get_by_role("button", name="See the results").click()
    second_pages.check()
    expect(admin.get_by_text("1 response sent")).to_be_visible()
    expect(admin.get_by_role("table", name="Answers to: How old are you?")).to_contain_text("100%")
    with admin.expect_navigation():
        admin.get_by_role("link", name="1 free-text answer to review").click()
    second_pages.check()
    expect(admin.get_by_text(WORDS).first).to_be_visible()

    # They keep the young person's words as a voice that may be quoted; the list is then empty.
    admin.get_by_role("group", name="May it be quoted?").get_by_label("May be quoted", exact=True).check()
    admin.get_by_role("group", name="Who gave it").get_by_label("A child or young person", exact=True).check()
    with admin.expect_navigation():
        admin.get_by_role("button", name="Save the review").click()
    second_pages.check()
    expect(admin.get_by_text("No free-text answer is waiting to be reviewed.")).to_be_visible()
