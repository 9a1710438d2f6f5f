"""Wide tables in a real browser, on the demo region: the wide data pages use the whole width of a
desktop window, the Section 11 heat map of West Mercia's 2014-15 cycle fits it at a glance, and on
a 320 px wide phone every table scrolls inside its own region, never the page. axe-core checks
every page visited.

The tests open the shared demo region (conftest.py), committed, with a server of the module's own:
the shared ``live_server`` makes each test transactional, and so empties the database after each
one. What they write stays, so they run after every other test on the demo."""

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from django.test.utils import modify_settings
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from assure.accounts.models import User
from assure.accounts.permissions import agencies_of
from assure.partnerships.models import Agency, Attendance, Partnership
from assure.performance.models import ExceptionReport
from assure.reports.models import Report, Section
from assure.reports.services.sections import section_request
from assure.section11.models import Cycle
from tests.browser.conftest import Pages

pytestmark = [pytest.mark.browser, pytest.mark.demo_region_writes]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 800}
SHROPSHIRE = "shropshire"
SCORECARD = "/p/shropshire/performance/scorecard/"
REGISTER = "/p/shropshire/performance/indicators/"  # the indicator catalogue: seven columns
INDICATOR = "csc-referrals"  # beside the DfE's published count: a history and the neighbours' figures
# A file of local figures with a bad row: refused, its page lists the problem in a table.
BAD_LOCAL_FIGURES = b"indicator,period,value\ncsc-referrals,2014-15,2626\nno-such-indicator,2014-15,12\n"


@dataclass(frozen=True)
class Demo:
    url: str
    heat_map: str  # the heat map of the regional 2014-15 cycle
    outputs: str  # the documents of Shropshire's annual report
    phone_pages: dict[str, tuple[str, str]]  # what the page is → (the persona who opens it, its path)


def _p(name: str, **kwargs) -> str:
    return reverse(name, kwargs={"partnership": SHROPSHIRE, **kwargs})


def _demo(url: str) -> Demo:
    """The addresses of the demo's pages these tests open."""
    shropshire = Partnership.objects.get(slug=SHROPSHIRE)
    cycle = Cycle.objects.get(title="West Mercia Section 11 audit 2014-15")
    attended = Attendance.objects.filter(meeting__partnership=shropshire).select_related("meeting").first()
    annual = Report.objects.get(partnership=shropshire, kind=Report.Kind.ANNUAL, year="2014-15")
    with_tables = next(
        section
        for section in Section.objects.filter(report=annual).prefetch_related("blocks").order_by("position")
        if any(block.data.get("tables") for block in section.blocks.all())
    )
    exceptions = ExceptionReport.objects.filter(partnership=shropshire).first()
    board, unit = "board-member", "business-unit"
    pages = {
        "the partnership's overview": (board, _p("partnerships:home")),
        "an agency": (board, _p("partnerships:agency_detail", pk=attended.agency_id)),
        "a meeting": (board, _p("partnerships:meeting_detail", pk=attended.meeting_id)),
        "a meeting's attendance form": (unit, _p("partnerships:meeting_attendance", pk=attended.meeting_id)),
        "an indicator": (board, _p("performance:indicator", code=INDICATOR)),
        "an exception report": (board, _p("performance:exception_detail", pk=exceptions.pk)),
        "a report": (board, _p("reports:report_detail", pk=annual.pk)),
        "a report's section with data blocks": (board, _p("reports:section_detail", pk=with_tables.pk)),
        "a report's preview, charts and all": (board, _p("reports:preview", pk=annual.pk)),
        "the installation's partnerships": ("operator", reverse("installation_partnerships:list")),
    }
    return Demo(
        url=url,
        heat_map=_p("section11:analysis", pk=cycle.pk),
        outputs=_p("reports:outputs", pk=annual.pk),
        phone_pages=pages,
    )


@pytest.fixture(scope="module")
def demo(demo_region, django_db_blocker):
    """The shared demo region, committed so that the module's server sees it, and the server."""
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
        try:
            with modify_settings(ALLOWED_HOSTS={"append": server.thread.host}):
                yield _demo(server.url)
        finally:
            server.stop()


@pytest.fixture
def db(demo):
    """The database as these tests find it: the committed demo, kept from one test to the next.
    It stands in for pytest-django's ``db`` (whose name still tells pytest-django to create the
    test database when this module runs alone), which would hold each test in a transaction the
    module's server never sees the end of."""
    return demo


@pytest.fixture
def pages(browser, db):
    """A tab on the module's server (the shared ``pages`` would start the shared live server)."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield Pages(page, db.url)
    context.close()


def _person(role: str) -> User:
    if role == "operator":
        return User.objects.get(email="operator@demo.assure.test")
    return User.objects.get(email=f"{role}@{SHROPSHIRE}.demo.assure.test")


def _content_width(page) -> float:
    return page.locator("main").bounding_box()["width"]


def _fits_a_phone(page, what: str) -> None:
    """The page does not scroll sideways, and every table of it sits in a named scroll region
    reached by keyboard; names what sticks out when something does."""
    wide = page.evaluate(
        """(width) => [...document.querySelectorAll("body *")]
            .filter((el) => el.getBoundingClientRect().right > width + 0.5)
            .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 0.5)
            .filter((el) => !el.parentElement || !el.parentElement.closest(".assure-table-wrapper"))
            .map((el) => el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined
                ? "." + el.className.trim().split(/\\s+/).join(".") : ""))""",
        PHONE["width"],
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], (
        f"{what} ({page.url}) scrolls sideways on a phone: {wide[:5]}"
    )
    loose = page.evaluate(
        """() => [...document.querySelectorAll("main table")]
            .filter((table) => !table.closest('.assure-table-wrapper[tabindex="0"][role="region"][aria-label]'))
            .map((table) => (table.caption ? table.caption.textContent : table.outerHTML.slice(0, 80)).trim())"""
    )
    assert loose == [], f"tables of {what} outside a named scroll region: {loose}"


def test_the_heat_map_shows_every_standard_at_a_glance(pages, demo):
    pages.page.set_viewport_size(DESKTOP)
    pages.sign_in_as(_person("board-member"))
    page = pages.goto(demo.heat_map)
    heat_map = page.locator("table.assure-heat-map")
    for standard in ("Standard 7", "Standard 8"):
        header = heat_map.get_by_role("columnheader", name=standard, exact=True).bounding_box()
        assert header["x"] + header["width"] <= DESKTOP["width"], f"{standard} is cut off"
    region = page.get_by_role("region", name="Heat map of agencies by standard")
    assert region.evaluate("el => el.scrollWidth <= el.clientWidth"), "the heat map scrolls sideways on a desktop"
    # One compact row per agency: before, each cell spelt out both ratings and the map ran to
    # about 4,000 px of a 13,000 px page.
    assert heat_map.bounding_box()["height"] < 3000
    rows = heat_map.locator("tbody tr")
    assert rows.count() >= 10
    # The level in words for a screen reader, and where moderation moved it, from what.
    expect(heat_map.get_by_text("lowered at moderation from").first).to_be_attached()
    expect(heat_map.locator("td").first).to_contain_text("in place")
    # The detail is a click away: the agency's return, every criterion's own and moderated rating.
    first = heat_map.locator("tbody th a").first
    agency = first.inner_text()
    first.click()
    pages.check()
    assert "/section11/returns/" in page.url
    expect(page.locator("main")).to_contain_text(agency)


def test_wide_data_pages_use_the_whole_window_and_reading_pages_do_not(pages, demo):
    pages.page.set_viewport_size({"width": 1600, "height": 900})
    pages.sign_in_as(_person("board-member"))
    for path in (SCORECARD, demo.heat_map, REGISTER):
        assert _content_width(pages.goto(path)) > 1400, f"{path} keeps to the reading column"
    # GOV.UK's page width (960 px) for a page of prose.
    assert _content_width(pages.goto("/p/shropshire/")) <= 960


def test_on_a_phone_wide_tables_scroll_inside_their_region_not_the_page(pages, demo):
    pages.page.set_viewport_size(PHONE)
    pages.sign_in_as(_person("board-member"))
    for path in (SCORECARD, demo.heat_map, REGISTER):
        page = pages.goto(path)
        _fits_a_phone(page, path)
        wrappers = page.locator(".assure-table-wrapper")
        scrolling = 0
        for index in range(wrappers.count()):
            wrapper = wrappers.nth(index)
            if wrapper.evaluate("el => el.scrollWidth > el.clientWidth"):
                scrolling += 1
                # Reached by keyboard, it scrolls with the arrow keys.
                wrapper.focus()
                page.keyboard.press("ArrowRight")
                page.wait_for_function("el => el.scrollLeft > 0", arg=wrapper.element_handle())
        # On a phone the scorecard is a card per indicator (tests/browser/test_scorecard_board.py):
        # it may have no table to scroll.
        if path != SCORECARD:
            assert scrolling >= 1, f"no table of {path} is wider than a phone: the check shows nothing there"


def test_on_a_phone_no_page_with_a_table_scrolls_sideways(pages, demo):
    pages.page.set_viewport_size(PHONE)
    signed_in = None
    for what, (role, path) in demo.phone_pages.items():
        if role != signed_in:
            pages.page.context.clear_cookies()
            pages.sign_in_as(_person(role))
            signed_in = role
        page = pages.goto(path)
        expect(page.locator("main table").first).to_be_attached()
        _fits_a_phone(page, what)
    # The neighbours' figures are the indicator page's second table.
    pages.page.context.clear_cookies()
    pages.sign_in_as(_person("board-member"))
    page = pages.goto(demo.phone_pages["an indicator"][1])
    expect(page.get_by_role("region", name=re.compile(r"^Statistical neighbours, \d{4}-\d{2}$"))).to_be_visible()


def test_on_a_phone_the_problems_of_a_refused_file_fit(pages, demo):
    pages.page.set_viewport_size(PHONE)
    pages.sign_in_as(_person("business-unit"))
    page = pages.goto(_p("performance:local_import_create"))
    page.locator("input[type=file]").set_input_files(
        {"name": "local-figures.csv", "mimeType": "text/csv", "buffer": BAD_LOCAL_FIGURES}
    )
    page.get_by_role("button", name="Import the file").click()
    expect(page.get_by_role("region", name="Problems in the file")).to_be_visible()
    pages.check()
    _fits_a_phone(page, "a refused file's problems")


def test_on_a_phone_the_documents_of_a_report_fit(pages, demo):
    pages.sign_in_as(_person("business-unit"))
    page = pages.goto(demo.outputs)
    page.get_by_role("button", name="Generate the web page").click()
    pages.check()
    pages.page.set_viewport_size(PHONE)
    page = pages.goto(demo.outputs)
    expect(page.get_by_role("region", name="Documents generated")).to_be_visible()
    _fits_a_phone(page, "a report's documents")


def test_on_a_phone_an_agencys_sections_to_write_fit(pages, demo):
    # The business unit also asks the lead for a section of the draft board pack of March 2015.
    lead, shropshire = _person("agency-lead"), Partnership.objects.get(slug=SHROPSHIRE)
    [agency_id] = agencies_of(user=lead, partnership=shropshire)
    pack = Report.objects.get(partnership=shropshire, kind=Report.Kind.BOARD_PACK, meeting__held_on="2015-03-19")
    section_request(
        section=pack.sections.exclude(status=Section.Status.ACCEPTED).order_by("position").first(),
        agency=Agency.objects.get(pk=agency_id),
        user=lead,
        due_on=timezone.localdate() + dt.timedelta(days=14),
        actor=_person("business-unit"),
    )
    pages.page.set_viewport_size(PHONE)
    pages.sign_in_as(lead)
    page = pages.goto(_p("reports:my_sections"))
    expect(page.get_by_role("region", name="Sections asked of your agency")).to_be_visible()
    _fits_a_phone(page, "an agency's sections to write")
