"""The pages of a report's outputs: the preview, the documents, asking for one, its status
while it is generated, and the download, only to those who read the whole report."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assure.reports.models import Rendering, Report, Section

from .factories import BlockFactory, RenderingFactory, ReportFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(partnership, agency, agency_lead):
    report = ReportFactory(partnership=partnership, title="Annual report 2014-15", year="2014-15")
    section = SectionFactory(report=report, position=1, title="The child's journey", body="Referrals *rose*.")
    BlockFactory(section=section)
    # A section asked of the agency lead's agency: they read the draft's register entry.
    SectionFactory(
        report=report,
        position=2,
        title="Community health",
        agency=agency,
        requested_from=agency_lead,
        status=Section.Status.REQUESTED,
    )
    return report


def _url(name: str, report_or_rendering) -> str:
    partnership = getattr(report_or_rendering, "partnership", None) or report_or_rendering.report.partnership
    return reverse(f"reports:{name}", kwargs={"partnership": partnership.slug, "pk": report_or_rendering.pk})


def _publish(report: Report) -> Report:
    report.status = Report.Status.PUBLISHED
    report.published_at = timezone.now()
    report.save(update_fields=["status", "published_at"])
    return report


def test_the_business_unit_generates_a_pdf_and_downloads_it(
    client, business_unit, report, django_capture_on_commit_callbacks
):
    client.force_login(business_unit)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("rendering_request", report), {"format": "pdf"})
    rendering = Rendering.objects.get()
    assert response.url == _url("rendering", rendering)
    status_page = client.get(response.url)
    assert "Download the PDF" in status_page.content.decode()
    download = client.get(_url("rendering_download", rendering))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="nscb-annual-report-2014-15.pdf"'
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_asking_without_a_format_says_what_to_do(client, business_unit, report):
    client.force_login(business_unit)
    response = client.post(_url("rendering_request", report), {}, follow=True)
    assert "Select the kind of document to generate." in response.content.decode()
    assert not Rendering.objects.exists()


def test_the_status_page_asks_again_while_the_document_is_generated(client, business_unit, report):
    rendering = RenderingFactory(
        report=report, status=Rendering.Status.RUNNING, progress=40, stage="Laying out the pages", file=None
    )
    client.force_login(business_unit)
    page = client.get(_url("rendering", rendering)).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert "Laying out the pages (40% done)" in page
    assert "Refresh the page" in page


def test_the_status_page_answers_htmx_with_its_status_alone(client, business_unit, report):
    rendering = RenderingFactory(report=report, status=Rendering.Status.QUEUED, progress=0, file=None)
    client.force_login(business_unit)
    fragment = client.get(
        _url("rendering", rendering), headers={"HX-Request": "true", "HX-Target": "rendering-status"}
    ).content.decode()
    assert fragment.lstrip().startswith('<div id="rendering-status"')
    assert "<html" not in fragment


def test_a_finished_document_stops_asking(client, business_unit, report):
    rendering = RenderingFactory(report=report)
    client.force_login(business_unit)
    assert "hx-get" not in client.get(_url("rendering", rendering)).content.decode()


def test_a_failed_document_shows_why_without_detail(client, business_unit, report):
    rendering = RenderingFactory(report=report, status=Rendering.Status.FAILED, file=None, error="It failed.")
    client.force_login(business_unit)
    page = client.get(_url("rendering", rendering)).content.decode()
    assert "The document was not generated" in page and "It failed." in page


def test_the_documents_page_lists_what_was_generated(client, board_member, report):
    RenderingFactory(report=report, format="docx")
    client.force_login(board_member)
    page = client.get(_url("outputs", report)).content.decode()
    assert "Download the Word (DOCX)" in page
    assert "Generate the PDF" not in page


def test_the_business_unit_sees_the_buttons_that_generate_documents(client, business_unit, report):
    client.force_login(business_unit)
    page = client.get(_url("outputs", report)).content.decode()
    assert "Generate the PDF" in page and "Generate the Word document" in page and "Generate the web page" in page


def test_a_document_generated_before_publication_says_so(client, business_unit, report):
    RenderingFactory(report=report)
    _publish(report)
    client.force_login(business_unit)
    assert "Generated from the draft" in client.get(_url("outputs", report)).content.decode()


def test_the_preview_shows_the_report_with_the_apps_own_styles(client, board_member, report):
    client.force_login(board_member)
    page = client.get(_url("preview", report)).content.decode()
    assert '<h2 id="section-1"' in page
    assert "<em>rose</em>" in page
    assert "Referrals by year</caption>" in page
    assert "<style" not in page and 'style="' not in page


def test_the_preview_draws_charts_inline_with_their_description(client, board_member, report):
    from .sample_documents import referrals_block

    BlockFactory(section=report.sections.first(), position=1, data=referrals_block().model_dump())
    client.force_login(board_member)
    page = client.get(_url("preview", report)).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page and 'role="img"' in page


@pytest.mark.parametrize("name", ["preview", "outputs"])
def test_an_agency_lead_waits_for_publication_to_read_the_whole_report(client, agency_lead, report, name):
    client.force_login(agency_lead)
    assert client.get(_url(name, report)).status_code == 404
    _publish(report)
    assert client.get(_url(name, report)).status_code == 200


def test_an_agency_lead_downloads_only_a_published_reports_documents(client, agency_lead, report):
    rendering = RenderingFactory(report=report)
    client.force_login(agency_lead)
    assert client.get(_url("rendering_download", rendering)).status_code == 404
    _publish(report)
    assert client.get(_url("rendering_download", rendering)).status_code == 200


def test_a_viewer_cannot_download(client, viewer, report):
    rendering = RenderingFactory(report=report)
    client.force_login(viewer)
    assert client.get(_url("rendering_download", rendering)).status_code == 403


def test_nobody_outside_the_partnership_downloads(client, outsider, report):
    rendering = RenderingFactory(report=_publish(report))
    client.force_login(outsider)
    assert client.get(_url("rendering_download", rendering)).status_code == 404


def test_another_partnerships_document_is_not_found_through_ones_own(client, business_unit, report, other_partnership):
    foreign = RenderingFactory(report=ReportFactory(partnership=other_partnership))
    client.force_login(business_unit)
    url = reverse("reports:rendering_download", kwargs={"partnership": report.partnership.slug, "pk": foreign.pk})
    assert client.get(url).status_code == 404


def test_a_document_not_ready_cannot_be_downloaded(client, business_unit, report):
    rendering = RenderingFactory(report=report, status=Rendering.Status.RUNNING, file=None)
    client.force_login(business_unit)
    assert client.get(_url("rendering_download", rendering)).status_code == 404


def test_a_download_is_recorded_in_the_trail(client, board_member, report):
    from assure.audit.models import Event

    rendering = RenderingFactory(report=report)
    client.force_login(board_member)
    client.get(_url("rendering_download", rendering))
    assert Event.objects.filter(verb="reports.rendering_downloaded", target_id=str(rendering.pk)).exists()
