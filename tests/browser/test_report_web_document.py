"""The single-page web document of a report, as a partnership publishes it on its website, in a
real browser: axe-core finds no WCAG 2.2 AA violation, and every chart is followed by its table."""

import pytest
from playwright.sync_api import expect

from assure.reports.render.html import web_html
from assure.reports.tests.sample_documents import REFERRALS_DESCRIPTION, sample_document

pytestmark = pytest.mark.browser


def test_the_web_document_of_a_report_passes_axe_and_names_its_charts(pages):
    pages.page.set_content(web_html(sample_document()))
    pages.check()
    page = pages.page
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    expect(page.get_by_role("img", name=REFERRALS_DESCRIPTION).first).to_be_visible()
    expect(page.get_by_role("table").first).to_contain_text("2,626")
