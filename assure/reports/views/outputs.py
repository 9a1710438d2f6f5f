"""A report's outputs: the preview page, the documents generated from it (PDF, Word, web page),
asking for one, following its generation, and downloading it.

A document is the whole report, so it is for those who read the whole report: everyone with
reports.view once it is published; of a draft, those who read every section of it (an agency lead
reads of a draft only the sections asked of their agency). Anyone else gets 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from assure.audit.services import event_record
from assure.core.access import requires
from assure.core.navigation import partnership_url

from ..document import document_for
from ..models import Rendering, Report
from ..permissions import can_manage, may_read_whole
from ..render import FORMATS
from ..render.charts import ChartPainter
from ..render.html import sections_view
from ..selectors.reports import renderings_visible_to, reports_visible_to
from ..services.rendering import download_name, rendering_request
from .common import report_trail, reports_crumbs

RECENT = 20
GENERATE_LABELS = {
    Rendering.Format.PDF: "Generate the PDF",
    Rendering.Format.DOCX: "Generate the Word document",
    Rendering.Format.HTML: "Generate the web page",
}


def _find_report(request: HttpRequest, pk: int) -> Report:
    report = get_object_or_404(reports_visible_to(user=request.user, partnership=request.partnership), pk=pk)
    if not may_read_whole(user=request.user, report=report):
        raise Http404
    return report


def _find_rendering(request: HttpRequest, pk: int) -> Rendering:
    rendering = get_object_or_404(renderings_visible_to(user=request.user, partnership=request.partnership), pk=pk)
    if not may_read_whole(user=request.user, report=rendering.report):
        raise Http404
    return rendering


@requires("reports.view")
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The report as its documents will show it, inside Assure: a draft with its figures as
    last refreshed, a published report as it was frozen."""
    report = _find_report(request, pk)
    document = document_for(report)
    return render(
        request,
        "reports/outputs/preview.html",
        {
            "report": report,
            "document": document,
            "sections": sections_view(document, ChartPainter()),
            "crumbs": reports_crumbs(request.partnership, *report_trail(request.partnership, report)),
        },
    )


@requires("reports.view")
def outputs(request: HttpRequest, pk: int) -> HttpResponse:
    """The documents generated from the report, newest first, and (for the business unit) the
    buttons that generate new ones."""
    report = _find_report(request, pk)
    renderings = list(report.renderings.select_related("requested_by")[:RECENT])
    for rendering in renderings:
        rendering.from_draft = bool(report.published_at and rendering.requested_at < report.published_at)
    return render(
        request,
        "reports/outputs/outputs.html",
        {
            "report": report,
            "renderings": renderings,
            "formats": GENERATE_LABELS.items(),
            "may_generate": can_manage(user=request.user, partnership=report.partnership),
            "crumbs": reports_crumbs(request.partnership, *report_trail(request.partnership, report)),
        },
    )


@requires("reports.manage")
@require_http_methods(["GET", "POST"])
def rendering_request_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Generate a document (POST, with the format); a GET goes to the report's documents."""
    report = _find_report(request, pk)
    if request.method == "POST":
        try:
            rendering = rendering_request(report=report, format=request.POST.get("format", ""), actor=request.user)
        except ValidationError:
            messages.error(request, "Select the kind of document to generate.")
        else:
            return redirect(partnership_url("reports:rendering", request.partnership, pk=rendering.pk))
    return redirect(partnership_url("reports:outputs", request.partnership, pk=report.pk))


@requires("reports.view")
def rendering_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Where a document's generation stands; the page asks again every two seconds while it runs."""
    rendering = _find_rendering(request, pk)
    context = {
        "rendering": rendering,
        "report": rendering.report,
        "is_finished": rendering.status in (Rendering.Status.DONE, Rendering.Status.FAILED),
        "crumbs": reports_crumbs(
            request.partnership,
            *report_trail(request.partnership, rendering.report),
            ("Documents", partnership_url("reports:outputs", request.partnership, pk=rendering.report_id)),
        ),
    }
    if getattr(request, "htmx", False) and request.htmx.target == "rendering-status":
        return render(request, "reports/outputs/rendering.html#rendering-status", context)
    return render(request, "reports/outputs/rendering.html", context)


@requires("reports.view")
def rendering_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Stream a generated document as an attachment; recorded in the trail."""
    rendering = _find_rendering(request, pk)
    if rendering.status != Rendering.Status.DONE or not rendering.file:
        raise Http404
    try:
        handle = rendering.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    event_record(
        actor=request.user,
        verb="reports.rendering_downloaded",
        target=rendering,
        partnership=request.partnership,
        summary=f"Downloaded the {rendering.get_format_display()} of “{rendering.report.title}”",
    )
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(rendering),
        content_type=FORMATS[rendering.format].content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
