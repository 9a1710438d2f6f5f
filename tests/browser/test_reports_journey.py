"""The annual report from its making to the PDF, in a real browser: the business unit makes
the report and asks an agency lead for a section, the lead drafts it with the toolbar and the
preview, publishing is refused while it is being drafted, the lead sends it, the business unit
accepts it, leaves another section out with a reason, and generates and downloads the PDF.
Every page is checked with axe-core."""

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from assure.reports.models import Report, Section
from assure.reports.tests.factories import ReportTemplateFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def template(db):
    return ReportTemplateFactory(document__title="Journey annual report")


def test_business_unit_makes_the_report_lead_writes_a_section_business_unit_accepts_and_downloads_the_pdf(
    pages, second_pages, business_unit, agency_lead, agency, partnership, template
):
    slug = partnership.slug

    # The business unit makes the 2014-15 report from the template.
    pages.sign_in_as(business_unit)
    page = pages.goto(reverse("reports:reports", kwargs={"partnership": slug}))
    page.get_by_role("button", name="Make the annual report").click()
    pages.check()
    page.get_by_label("Financial year").fill("2014-15")
    page.get_by_label("Journey annual report (version 1)").check()
    page.get_by_role("button", name="Make it").click()
    pages.check()
    report = Report.objects.get(partnership=partnership, year="2014-15")
    section = report.sections.get(key="agencies", agency=agency)
    expect(page.get_by_role("heading", level=1)).to_have_text(report.title)

    # ... and asks the agency lead for the agency's section.
    page = pages.goto(reverse("reports:section_request", kwargs={"partnership": slug, "pk": section.pk}))
    page.get_by_label("Agency", exact=True).select_option(label=agency.name)
    page.get_by_label("Agency lead").select_option(label=f"{agency_lead} ({agency.name})")
    page.get_by_label("Due date").fill((dt.date.today() + dt.timedelta(days=21)).isoformat())
    page.get_by_role("button", name="Ask for the section").click()
    pages.check()
    expect(page.locator("body")).to_contain_text("1 section asked of agencies")

    # The agency lead finds it in their list and drafts it with the toolbar, by keyboard.
    second_pages.sign_in_as(agency_lead)
    lead = second_pages.goto(reverse("reports:my_sections", kwargs={"partnership": slug}))
    lead.get_by_role("link", name=section.title).click()
    second_pages.check()
    text = lead.get_by_label("Text of the section")
    text.fill("Training")
    text.press("Control+a")
    toolbar = lead.get_by_role("toolbar", name="Formatting")
    toolbar.get_by_role("button", name="Bold").focus()
    lead.keyboard.press("ArrowRight")
    lead.keyboard.press("ArrowRight")  # Italic, then Heading
    expect(toolbar.get_by_role("button", name="Heading")).to_be_focused()
    lead.keyboard.press("Enter")
    expect(text).to_have_value("# Training")
    text.press("End")
    text.type("\n\nThe trust trained every front-line nurse in 2014-15.\n\n")
    toolbar.get_by_role("button", name="Bulleted list").click()
    text.type("412 staff trained")
    expect(text).to_have_value(
        "# Training\n\nThe trust trained every front-line nurse in 2014-15.\n\n- 412 staff trained"
    )
    # The preview is drawn by the server, in place.
    lead.get_by_role("button", name="Preview").click()
    preview = lead.locator("#section-preview")
    expect(preview.get_by_role("heading", name="Training")).to_be_visible()
    expect(preview.get_by_role("listitem")).to_have_text("412 staff trained")
    second_pages.check()
    lead.get_by_role("button", name="Save draft").click()
    second_pages.check()
    section.refresh_from_db()
    assert section.status == Section.Status.DRAFTING

    # The business unit sees it being drafted, and publishing is refused with each section named.
    page = pages.goto(reverse("reports:report_detail", kwargs={"partnership": slug, "pk": report.pk}))
    expect(page.locator("main")).to_contain_text("1 being drafted")
    page.get_by_role("button", name="Publish", exact=True).click()
    pages.check()
    refusal = page.locator(".govuk-error-summary")
    expect(refusal).to_contain_text("The report cannot be published yet")
    expect(refusal).to_contain_text(f"{section.title}: Not accepted: being drafted by {agency_lead}")
    expect(page.get_by_role("button", name="Publish the report")).to_have_count(0)

    # The lead sends it to the business unit.
    lead.get_by_role("button", name="Send to the business unit").click()
    second_pages.check()
    expect(lead.locator("main")).to_contain_text("412 staff trained")
    section.refresh_from_db()
    assert section.status == Section.Status.WRITTEN

    # The business unit accepts it.
    page = pages.goto(reverse("reports:section_accept", kwargs={"partnership": slug, "pk": section.pk}))
    page.get_by_role("button", name="Accept the section").click()
    pages.check()
    section.refresh_from_db()
    assert section.status == Section.Status.ACCEPTED

    # ... leaves the conclusion out, with its reason, from the publishing page's link to it.
    conclusion = report.sections.get(key="conclusion")
    page = pages.goto(reverse("reports:report_publish", kwargs={"partnership": slug, "pk": report.pk}))
    page.locator(".govuk-error-summary").get_by_role("link", name=conclusion.title).click()
    pages.check()
    page.get_by_role("link", name="Leave it out of the report").click()
    pages.check()
    page.get_by_label("Why the section is left out").fill("The chair's conclusion goes to the board in June.")
    page.get_by_role("button", name="Leave it out").click()
    pages.check()
    conclusion.refresh_from_db()
    assert conclusion.status == Section.Status.OMITTED

    # ... and generates the PDF and downloads it.
    page.get_by_role("link", name="Documents: generate the PDF, Word document or web page").click()
    pages.check()
    page.get_by_role("button", name="Generate the PDF").click()
    pages.check()
    link = page.get_by_role("button", name="Download the PDF").first
    expect(link).to_be_visible(timeout=60_000)
    with page.expect_download() as download:
        link.click()
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
