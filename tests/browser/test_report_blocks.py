"""Adding a chart of an indicator to a section of the annual report, in a real browser, every
step checked with axe-core (the sweep of every page reaches only the first step)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from assure.performance.periods import period_for_year
from assure.performance.tests.factories import indicator, validated_figures
from assure.reports.tests.factories import ReportFactory, SectionFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def section(partnership, agency, business_unit):
    for year, value in {"2013-14": 271, "2014-15": 313}.items():
        validated_figures(
            partnership=partnership, agency=agency, period=period_for_year(year), figures={indicator("csc-lac"): value}
        )
    report = ReportFactory(partnership=partnership, year="2014-15", created_by=business_unit)
    return SectionFactory(report=report, title="Children looked after")


def test_business_unit_adds_an_indicator_chart_to_a_section(pages, business_unit, partnership, section):
    pages.sign_in_as(business_unit)
    page = pages.goto(reverse("reports:section_detail", kwargs={"partnership": partnership.slug, "pk": section.pk}))
    page.get_by_role("link", name="Add a table or chart").click()
    pages.check()
    page.get_by_role("button", name="Continue").click()
    pages.check()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose what to add")

    page.get_by_label("Indicator chart", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    pages.check()
    page.get_by_role("button", name="Add it to the section").click()
    pages.check()
    expect(page.locator(".govuk-error-summary")).to_be_visible()

    lac = indicator("csc-lac").definition.title
    page.get_by_label("Indicator", exact=True).select_option(label=f"{lac} (csc-lac)")
    page.get_by_role("button", name="Add it to the section").click()
    pages.check()
    assert section.blocks.filter(kind="indicator-chart").exists()
    expect(page.locator("main")).to_contain_text("313")
