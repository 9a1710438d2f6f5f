"""The pages of themed audits and re-audits: commission a themed audit (from a record of Assure,
``?from=<kind>:<id>``), record an audit's report to the board, plan a re-audit of its theme, and
compare a re-audit with the audit it follows. Each view finds the audit through
``audits_visible_to``, so an audit the person may not see answers 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import partnership_url

from ..forms_findings import record_choices
from ..forms_themed import ReAuditForm, ReportForm, ThemedAuditForm
from ..models import Audit
from ..permissions import may_re_audit, may_report_audit
from ..selectors.programme import (
    agency_choices,
    audit_tools,
    audits_visible_to,
    framework_for,
    framework_of,
    lead_choices,
    meeting_choices,
    priority_choices,
)
from ..selectors.results import comparison
from ..services.themed import audit_re_audit, audit_report, themed_audit_commission
from .findings import _link, audit_crumbs


def _audit(request: HttpRequest, pk: int) -> Audit:
    return get_object_or_404(audits_visible_to(user=request.user, partnership=request.partnership), pk=pk)


@requires("audits.manage")
def themed_create(request: HttpRequest) -> HttpResponse:
    """Commission a themed audit, from the programme or from a record (``?from=<kind>:<id>``)."""
    partnership, user = request.partnership, request.user
    item = framework_for(partnership)
    if item is None:
        return render(
            request,
            "audits/programme/no_framework.html",
            {"crumbs": audit_crumbs(partnership, None, ("No audit framework", None))},
        )
    framework = framework_of(item)
    initial: dict = {"files_planned": framework.files_per_term}
    tool = audit_tools(partnership).first()
    if tool is not None:
        initial["questionnaire"] = tool.pk
    source_value = request.GET.get("from", "")
    source_label = ""
    if source_value:
        found = _link(request, source_value)
        if found is not None and found[0] is not None:
            initial["source"], source_label = source_value, found[1]
    form = ThemedAuditForm(
        request.POST or None,
        framework=framework,
        priorities=priority_choices(user=user, partnership=partnership),
        questionnaires=audit_tools(partnership),
        agencies=agency_choices(user=user, partnership=partnership),
        meetings=meeting_choices(user=user, partnership=partnership, today=timezone.localdate()),
        leads=lead_choices(user=user, partnership=partnership),
        sources=record_choices(user=user, partnership=partnership, none_label="Nothing in Assure"),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        source = _link(request, data.pop("source"))
        if source is None:
            form.add_error("source", "Choose a record you may see, or nothing.")
        else:
            try:
                audit = themed_audit_commission(
                    actor=user, partnership=partnership, source=source[0], source_label=source[1], **data
                )
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(request, f"Themed audit {audit.reference} commissioned.")
                return redirect(audit)
    return render(
        request,
        "audits/themed/themed_form.html",
        {
            "form": form,
            "framework": framework,
            "source_label": source_label,
            "crumbs": audit_crumbs(partnership, None, ("Commission a themed audit", None)),
        },
    )


@requires("audits.manage")
def audit_report_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the audit's report to the board: its summary and the day it was reported."""
    audit = _audit(request, pk)
    if not may_report_audit(user=request.user, audit=audit):
        raise Http404
    form = ReportForm(request.POST or None, initial={"summary": audit.summary, "reported_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            audit_report(actor=request.user, audit=audit, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Audit {audit.reference} is reported to the board.")
            return redirect(audit)
    return render(
        request,
        "audits/themed/report_form.html",
        {
            "form": form,
            "audit": audit,
            "crumbs": audit_crumbs(request.partnership, audit, ("Report to the board", None)),
        },
    )


@requires("audits.manage")
def audit_re_audit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Plan a re-audit of the audit's theme, with the same tool, agencies and number of files."""
    audit = _audit(request, pk)
    if not may_re_audit(user=request.user, audit=audit):
        raise Http404
    form = ReAuditForm(request.POST or None, initial={"title": f"Re-audit: {audit.title}"[:200]})
    if request.method == "POST" and form.is_valid():
        try:
            re_audit = audit_re_audit(actor=request.user, audit=audit, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(
                request, f"Audit {re_audit.reference} planned to re-audit the theme of audit {audit.reference}."
            )
            return redirect(re_audit)
    return render(
        request,
        "audits/themed/re_audit_form.html",
        {
            "form": form,
            "audit": audit,
            "agencies": list(audit.agencies.order_by("name")),
            "crumbs": audit_crumbs(request.partnership, audit, ("Re-audit this theme", None)),
        },
    )


@requires("audits.view")
def audit_compare(request: HttpRequest, pk: int) -> HttpResponse:
    """A re-audit beside the audit it follows: the grades agreed, "% yes" to each yes-no question,
    and the findings of each."""
    re_audit = _audit(request, pk)
    audits = audits_visible_to(user=request.user, partnership=request.partnership)
    first = audits.filter(pk=re_audit.follows_id).first() if re_audit.follows_id else None
    if first is None:
        raise Http404
    result = comparison(user=request.user, first=first, second=re_audit)
    export = request.GET.get("_export", "")
    if export in ("csv", "xlsx"):
        # A table the page does not have is no download: the page itself is shown.
        download = result.export(request.GET.get("table", ""), export_format=export, name=f"{re_audit.reference}")
        if download is not None:
            return download
    return render(
        request,
        "audits/themed/compare.html",
        {
            "comparison": result,
            "first": first,
            "second": re_audit,
            "results_url": partnership_url("audits:results", request.partnership),
            "crumbs": audit_crumbs(request.partnership, re_audit, ("Compared with the first audit", None)),
        },
    )
