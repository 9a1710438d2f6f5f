"""Pages of reports: the register, making an annual report or a board pack, the report's page
with its contents and contributions, refreshing its figures and publishing it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import remembered_register_response
from assure.partnerships.selectors import meetings_of

from ..forms.reports import AnnualReportForm, BoardPackForm, PublishForm
from ..forms.sections import ConfirmForm
from ..models import Report
from ..permissions import can_contribute, can_manage, may_correct, may_manage
from ..selectors.reports import (
    contributions,
    editions_of,
    publish_blockers,
    report_contents,
    reports_register_version,
    reports_visible_to,
)
from ..selectors.templates import template_choices
from ..services.blocks import blocks_refresh
from ..services.editions import report_correct
from ..services.reports import board_pack_create, report_create, report_publish
from ..tables import ReportFilter, ReportTable
from .common import find_report, posted, report_trail, reports_crumbs


@requires("reports.view")
def reports(request: HttpRequest) -> HttpResponse:
    """The partnership's annual reports and board packs."""
    partnership = request.partnership

    def build():
        filterset = ReportFilter(
            request.GET or None, queryset=reports_visible_to(user=request.user, partnership=partnership)
        )
        return ReportTable(filterset.qs, partnership=partnership), filterset

    return remembered_register_response(
        request,
        version=reports_register_version(user=request.user, partnership=partnership),
        build=build,
        template="reports/reports.html",
        context={
            "may_manage": can_manage(user=request.user, partnership=partnership),
            "may_contribute": can_contribute(user=request.user, partnership=partnership),
            "crumbs": crumbs(partnership),
        },
        export_name=f"{partnership.slug}-reports",
    )


@requires("reports.manage")
def report_create_view(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    templates = template_choices(report_kind=Report.Kind.ANNUAL)
    form = AnnualReportForm(posted(request), templates=templates, initial={"template": templates.first()})
    if request.method == "POST" and form.is_valid():
        try:
            report = report_create(
                partnership=partnership,
                kind=Report.Kind.ANNUAL,
                year=form.cleaned_data["year"].strip(),
                template=form.cleaned_data["template"],
                actor=request.user,
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"“{report}” made from its template, with its figures computed.")
            return redirect(partnership_url("reports:report_detail", partnership, pk=report.pk))
    return render(
        request,
        "reports/report_form.html",
        {
            "form": form,
            "heading": "Make the annual report",
            "intro": "The report is made with every section of the template: one for each of the partnership's "
            "priorities and one for each agency on the board where the template says so. Its figures are "
            "computed from the data now, and again whenever you refresh them, until it is published.",
            "no_choices": not templates.exists(),
            "crumbs": reports_crumbs(partnership),
            "cancel_url": partnership_url("reports:reports", partnership),
        },
    )


@requires("reports.manage")
def board_pack_create_view(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    templates = template_choices(report_kind=Report.Kind.BOARD_PACK)
    meetings = meetings_of(user=request.user, partnership=partnership).filter(subgroup__isnull=True)
    form = BoardPackForm(
        request.POST or None, meetings=meetings, templates=templates, initial={"template": templates.first()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            report = board_pack_create(
                meeting=form.cleaned_data["meeting"], template=form.cleaned_data["template"], actor=request.user
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"“{report}” made, with its figures computed.")
            return redirect(partnership_url("reports:report_detail", partnership, pk=report.pk))
    return render(
        request,
        "reports/report_form.html",
        {
            "form": form,
            "heading": "Make a board pack",
            "intro": "A board pack gathers the papers for one board meeting: the agenda, the scorecard, the "
            "exception report with its commentaries, actions due and overdue, and Section 11 progress.",
            "no_choices": not templates.exists() or not meetings.exists(),
            "no_meetings": not meetings.exists(),
            "crumbs": reports_crumbs(partnership),
            "cancel_url": partnership_url("reports:reports", partnership),
        },
    )


@requires("reports.view")
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The report: its contents with who writes each section and where it stands, the
    contributions asked of agencies, and what the business unit can do next."""
    report = find_report(request, pk)
    rows = report_contents(user=request.user, report=report)
    return render(
        request,
        "reports/report_detail.html",
        {
            "report": report,
            "rows": rows,
            "contributions": contributions(rows=rows),
            "editions": editions_of(user=request.user, report=report),
            "may_manage": may_manage(user=request.user, report=report),
            "may_correct": may_correct(user=request.user, report=report),
            # An agency lead reads of a draft only the sections asked of their agency.
            "narrowed": not report.is_published
            and not can_manage(user=request.user, partnership=request.partnership)
            and can_contribute(user=request.user, partnership=request.partnership),
            "crumbs": reports_crumbs(request.partnership),
            "preview_url": partnership_url("reports:preview", request.partnership, pk=report.pk),
            "outputs_url": partnership_url("reports:outputs", request.partnership, pk=report.pk),
        },
    )


@requires("reports.manage")
@require_http_methods(["GET", "POST"])
def report_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    """Compute the figures again (POST); a GET goes back to the report."""
    report = find_report(request, pk)
    if request.method == "POST":
        try:
            result = blocks_refresh(report=report, actor=request.user)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            text = f"Figures refreshed: {result.computed} block{'s' if result.computed != 1 else ''} computed."
            if result.failed:
                text += f" These could not be computed: {', '.join(result.failed)}."
            messages.success(request, text)
    return redirect(partnership_url("reports:report_detail", request.partnership, pk=report.pk))


@requires("reports.manage")
def report_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Publishing: refused, section by section with why and a link to each, until every
    section is accepted in its own words or deliberately left out."""
    report = find_report(request, pk)
    correcting = report.edition > 1
    form = PublishForm(posted(request), correcting=correcting) if not report.is_published else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            report_publish(report=report, actor=request.user, note=form.cleaned_data.get("note", ""))
        except ValidationError as error:
            attach(form, error, field="confirm")
        else:
            messages.success(request, f"“{report}” published. Its figures are frozen.")
            return redirect(partnership_url("reports:report_detail", request.partnership, pk=report.pk))
    rows = report_contents(user=request.user, report=report)
    return render(
        request,
        "reports/report_publish.html",
        {
            "report": report,
            "form": form,
            "blockers": publish_blockers(rows=rows) if not report.is_published else [],
            "omitted": [row for row in rows if row.section.is_omitted],
            "crumbs": reports_crumbs(request.partnership, *report_trail(request.partnership, report)),
        },
    )


@requires("reports.manage")
def report_correct_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a corrected edition of a published report (the published one stays as it is)."""
    report = find_report(request, pk)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            edition = report_correct(report=report, actor=request.user)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(
                request,
                f"Edition {edition.edition} started as a draft copy of edition {report.edition}. "
                "Correct it, then publish it with a note of what changed.",
            )
            return redirect(partnership_url("reports:report_detail", request.partnership, pk=edition.pk))
    return render(
        request,
        "reports/report_correct.html",
        {
            "report": report,
            "form": form,
            "may_correct": may_correct(user=request.user, report=report),
            "crumbs": reports_crumbs(request.partnership, *report_trail(request.partnership, report)),
        },
    )
