"""The service navigation in a real browser, on a desktop and on a 320 px wide phone: each person
sees the groups their roles can use, a group's landing page leads to its parts, the group of the
page is marked, nothing overflows sideways and the "Menu" button opens the list."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from assure.actions.tests.factories import ActionFactory
from tests.browser.conftest import Pages

pytestmark = pytest.mark.browser

GROUPS = ["Home", "Board", "Performance and assurance", "Reviews and panels", "Learning", "Reports"]


def _menu(page):
    return page.get_by_role("navigation", name="Menu")


def _shows_only(page, groups: list[str]) -> None:
    menu = _menu(page)
    for group in GROUPS:
        expect(menu.get_by_role("link", name=group, exact=True)).to_have_count(1 if group in groups else 0)


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{page.url} is wider than {width} px"


def test_an_agency_lead_finds_their_overdue_action_through_the_board(pages, agency_lead, agency, partnership):
    ActionFactory(
        partnership=partnership,
        owner_agency=agency,
        title="Refresh the escalation policy",
        due_on=dt.date.today() - dt.timedelta(days=3),
    )
    pages.page.set_viewport_size({"width": 1280, "height": 800})
    pages.sign_in_as(agency_lead)
    page = pages.goto(f"/p/{partnership.slug}/")
    # Learning holds the agency's single-agency training return.
    _shows_only(page, ["Home", "Board", "Performance and assurance", "Reviews and panels", "Learning", "Reports"])
    expect(_menu(page).get_by_role("link", name="Home")).to_have_attribute("aria-current", "page")
    for hidden in ("Members", "Trail", "Section 11"):
        expect(_menu(page).get_by_role("link", name=hidden)).to_have_count(0)

    _menu(page).get_by_role("link", name="Board").click()
    pages.check()
    expect(page.get_by_role("heading", level=1, name="Board")).to_be_visible()
    expect(_menu(page).get_by_role("link", name="Board")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("link", name="Members")).to_have_count(0)
    actions_part = (
        page.get_by_test_id("parts").locator("li").filter(has=page.get_by_role("link", name="Actions", exact=True))
    )
    expect(actions_part).to_contain_text("1 action overdue")

    page.get_by_role("link", name="Actions", exact=True).click()
    pages.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Actions")
    expect(page.get_by_text("Refresh the escalation policy")).to_be_visible()
    expect(_menu(page).get_by_role("link", name="Board")).to_have_attribute("aria-current", "true")


def test_an_operator_of_no_partnership_finds_the_published_statistics(pages, operator):
    pages.page.set_viewport_size({"width": 1280, "height": 800})
    pages.sign_in_as(operator)
    page = pages.goto("/")
    expect(page.get_by_role("heading", level=1, name="Your partnerships")).to_be_visible()
    _shows_only(page, [])
    expect(_menu(page).get_by_role("link", name="Published statistics")).to_have_count(1)
    page.get_by_role("main").get_by_role("link", name="Published statistics").click()
    pages.check()
    expect(page.get_by_role("heading", level=1, name="Published statistics")).to_be_visible()
    expect(_menu(page).get_by_role("link", name="Published statistics")).to_have_attribute("aria-current", "page")


def test_a_viewer_sees_only_home_and_the_board(pages, viewer, partnership):
    pages.page.set_viewport_size({"width": 1280, "height": 800})
    pages.sign_in_as(viewer)
    page = pages.goto(f"/p/{partnership.slug}/")
    _shows_only(page, ["Home", "Board"])
    _menu(page).get_by_role("link", name="Board").click()
    pages.check()
    page.get_by_role("link", name="Subgroups").click()
    pages.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Subgroups")


def test_on_a_phone_the_menu_opens_and_nothing_overflows(pages, business_unit, partnership):
    page = pages.page
    page.set_viewport_size({"width": 320, "height": 640})
    pages.sign_in_as(business_unit)
    pages.goto(f"/p/{partnership.slug}/")
    _fits(page, 320)

    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(_menu(page).get_by_role("link", name="Board")).to_be_hidden()
    # The button works from the keyboard.
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(_menu(page).get_by_role("link", name="Board")).to_be_visible()
    _fits(page, 320)
    pages.check()

    _menu(page).get_by_role("link", name="Performance and assurance").click()
    pages.check()
    _fits(page, 320)
    expect(page.get_by_role("heading", level=1, name="Performance and assurance")).to_be_visible()
    page.get_by_role("link", name="Data returns").click()
    pages.check()
    _fits(page, 320)
    expect(page.get_by_role("navigation", name="Core dataset")).to_be_visible()

    page.set_viewport_size({"width": 1280, "height": 800})
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(_menu(page).get_by_role("link", name="Performance and assurance")).to_have_attribute("aria-current", "true")


def test_without_javascript_the_whole_menu_shows_on_a_phone(browser, live_server, business_unit, partnership):
    context = browser.new_context(locale="en-GB", java_script_enabled=False, viewport={"width": 320, "height": 640})
    try:
        tab = Pages(context.new_page(), live_server.url)
        tab.sign_in_as(business_unit)
        page = tab.page
        page.goto(f"{live_server.url}/p/{partnership.slug}/board/")
        expect(page.get_by_role("button", name="Menu")).to_be_hidden()
        for group in ("Home", "Board", "Performance and assurance", "Reports", "Sign out"):
            expect(_menu(page).get_by_role("link", name=group, exact=True)).to_be_visible()
        _fits(page, 320)
    finally:
        context.close()
