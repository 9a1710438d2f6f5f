"""Pages of a report's sections: reading and writing one, asking an agency lead for it,
accepting it or sending it back, linking evidence; and the agency lead's sections to write."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import back_to, partnership_url
from assure.partnerships.selectors import partnership_agencies

from ..forms.sections import (
    ConfirmForm,
    SectionOmitForm,
    SectionRequestForm,
    SectionReturnForm,
    SectionWriteForm,
)
from ..models import Section
from ..permissions import may_manage, may_write
from ..richtext import to_html
from ..selectors.reports import (
    agency_leads,
    last_return_reason,
    section_number,
    sections_to_write,
    writer_of,
)
from ..selectors.templates import section_specs
from ..services.sections import (
    section_accept,
    section_draft_save,
    section_include,
    section_omit,
    section_remind,
    section_request,
    section_return,
    section_write,
)
from .common import find_section, posted, report_trail, reports_crumbs, section_trail

# What the writer's buttons do: keep a draft, send it as written, or show it as it will read.
SAVES = {"draft": section_draft_save, "send": section_write}


@requires("reports.view")
def section_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The section: its guidance, its narrative (a form for whoever may write it, with "Save
    draft", "Send" and "Preview"), its blocks as computed, and for a priority section where the
    business plan holds the year's review its blocks show."""
    section = find_section(request, pk)
    report = section.report
    writable = may_write(user=request.user, section=section)
    form = None
    preview_html = None
    if writable:
        form = SectionWriteForm(posted(request), initial={"body": section.body})
        action = request.POST.get("action", "send")
        if request.method == "POST" and action == "preview":
            # Shown as it will read, through the same conversion the report uses; nothing is saved.
            preview_html = to_html(form.data.get("body", ""))
            if request.htmx:
                return render(request, "reports/section_detail.html#section-preview", {"preview_html": preview_html})
        elif request.method == "POST" and form.is_valid():
            try:
                SAVES.get(action, section_write)(section=section, body=form.cleaned_data["body"], actor=request.user)
            except ValidationError as error:
                attach(form, error, field="body")
            else:
                messages.success(request, _saved_message(section, action, request.user))
                return redirect(partnership_url("reports:section_detail", request.partnership, pk=section.pk))
    elif request.method == "POST":
        raise PermissionDenied
    spec = section_specs(report.template).get(section.key)
    return render(
        request,
        "reports/section_detail.html",
        {
            "report": report,
            "section": section,
            "number": section_number(section),
            "written_by": writer_of(section, spec.written_by if spec else "business_unit"),
            "overdue": section.is_overdue,
            "body_html": to_html(section.body),
            "preview_html": preview_html,
            "blocks": section.blocks.all(),
            "review_url": _review_url(request, section),
            "return_reason": last_return_reason(section),
            "form": form,
            "may_manage": may_manage(user=request.user, report=report),
            "crumbs": reports_crumbs(request.partnership, *report_trail(request.partnership, report)),
        },
    )


def _review_url(request: HttpRequest, section: Section) -> str:
    """Where the business plan holds the year's review of the section's priority, which the
    section's blocks show: the review of the report's year, or the priority's page."""
    if section.priority_id is None:
        return ""
    year = section.report.year
    if year:
        return partnership_url("plans:review", request.partnership, pk=section.priority_id, year=year)
    return partnership_url("plans:priority_detail", request.partnership, pk=section.priority_id)


def _saved_message(section: Section, action: str, user) -> str:
    if action == "draft":
        return f"Draft of “{section.title}” saved. It shows as being drafted until it is sent."
    if may_manage(user=user, report=section.report):
        return f"“{section.title}” saved as written."
    return f"“{section.title}” sent to the business unit."


def _managed_section(request: HttpRequest, pk: int) -> Section:
    section = find_section(request, pk)
    if section.report.is_published:
        messages.error(request, "The report is published: it can no longer be changed.")
    return section


@requires("reports.manage")
def section_request_view(request: HttpRequest, pk: int) -> HttpResponse:
    section = _managed_section(request, pk)
    partnership = request.partnership
    form = SectionRequestForm(
        request.POST or None,
        agencies=partnership_agencies(user=request.user, partnership=partnership, include_former=True),
        leads=agency_leads(partnership=partnership),
        partnership=partnership,
        initial={"agency": section.agency, "user": section.requested_from, "due_on": section.due_on},
    )
    if request.method == "POST" and form.is_valid():
        try:
            section_request(section=section, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            due = f"{section.due_on:%-d %B %Y}"
            messages.success(request, f"“{section.title}” asked of {section.requested_from}, due {due}.")
            return redirect(partnership_url("reports:report_detail", partnership, pk=section.report_id))
    return render(
        request,
        "reports/section_request.html",
        {"section": section, "form": form, "crumbs": reports_crumbs(partnership, *section_trail(partnership, section))},
    )


@requires("reports.manage")
def section_accept_view(request: HttpRequest, pk: int) -> HttpResponse:
    section = _managed_section(request, pk)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            section_accept(section=section, actor=request.user)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"“{section.title}” accepted.")
            return redirect(partnership_url("reports:report_detail", request.partnership, pk=section.report_id))
    return render(
        request,
        "reports/section_accept.html",
        {
            "section": section,
            "form": form,
            "body_html": to_html(section.body),
            "crumbs": reports_crumbs(request.partnership, *section_trail(request.partnership, section)),
        },
    )


def _with_reason(request: HttpRequest, pk: int, *, form_class, service, template: str, done: str) -> HttpResponse:
    """A section's change that needs a reason (sending it back, leaving it out): the form, the
    service with the reason, and back to the report with ``done`` (formatted with the section)."""
    section = _managed_section(request, pk)
    form = form_class(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            service(section=section, reason=form.cleaned_data["reason"], actor=request.user)
        except ValidationError as error:
            attach(form, error, field="reason")
        else:
            messages.success(request, done.format(section=section))
            return redirect(partnership_url("reports:report_detail", request.partnership, pk=section.report_id))
    return render(
        request,
        template,
        {
            "section": section,
            "form": form,
            "crumbs": reports_crumbs(request.partnership, *section_trail(request.partnership, section)),
        },
    )


@requires("reports.manage")
def section_return_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Send a written section back to its agency lead, saying why."""
    return _with_reason(
        request,
        pk,
        form_class=SectionReturnForm,
        service=section_return,
        template="reports/section_return.html",
        done="“{section.title}” sent back to {section.requested_from}.",
    )


@requires("reports.manage")
def section_omit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Leave the section out of the report on purpose, with the reason readers will see."""
    return _with_reason(
        request,
        pk,
        form_class=SectionOmitForm,
        service=section_omit,
        template="reports/section_omit.html",
        done="“{section.title}” is left out of the report.",
    )


@requires("reports.manage")
@require_http_methods(["GET", "POST"])
def section_include_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Put a section left out back into the report (POST); a GET goes back to the section."""
    section = find_section(request, pk)
    if request.method == "POST":
        try:
            section_include(section=section, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, f"“{section.title}” is back in the report ({section.get_status_display().lower()})."
            )
    return redirect(partnership_url("reports:section_detail", request.partnership, pk=section.pk))


@requires("reports.manage")
@require_http_methods(["GET", "POST"])
def section_remind_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The business unit's "Send a reminder" (POST) about a section still with its agency; a GET
    goes back to the section."""
    section = find_section(request, pk)
    if request.method == "POST":
        try:
            reminder = section_remind(section=section, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if reminder is None:
                messages.info(request, f"“{section.title}” was not reminded: it was already reminded today.")
            else:
                messages.success(request, f"Reminder about “{section.title}” sent to {section.requested_from}.")
    # Back where the button was (the home page), never to another site.
    return redirect(back_to(request, partnership_url("reports:section_detail", request.partnership, pk=section.pk)))


@requires("reports.contribute")
def my_sections(request: HttpRequest) -> HttpResponse:
    """The agency lead's sections of draft reports, soonest due first."""
    sections = list(sections_to_write(user=request.user, partnership=request.partnership))
    return render(
        request, "reports/my_sections.html", {"sections": sections, "crumbs": reports_crumbs(request.partnership)}
    )
