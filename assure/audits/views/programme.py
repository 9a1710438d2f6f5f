"""The audit programme's pages: the programme of a year with its audits by term, the register of
every audit (filtered, exported), a programme added or edited, an audit planned, its page, its
plan edited while planned, and its cancellation. Each view finds the audit through
``audits_visible_to``, so an audit the person may not see answers 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response

from ..filters_programme import AuditFilter
from ..forms_programme import AuditForm, CancelForm, ProgrammeForm, term_dates
from ..models import Audit
from ..permissions import can_manage_audits, may_cancel_audit, may_edit_audit
from ..selectors.cases import audit_cases
from ..selectors.findings import audit_findings
from ..selectors.programme import (
    agency_choices,
    audit_events,
    audit_tools,
    audit_years,
    audits_visible_to,
    chosen_year,
    financial_year_start,
    framework_for,
    framework_of,
    lead_choices,
    meeting_choices,
    priority_choices,
    programme_year,
    programmes_visible_to,
    term_title,
    tier_title,
    year_label,
)
from ..services.programme import audit_cancel, audit_plan, audit_update, programme_create, programme_update
from ..tables_programme import AuditTable, audit_status_tag

TITLE = "Case-file audits"


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("audits:programme", partnership)), *trail)


def _audit(request: HttpRequest, pk: int) -> Audit:
    return get_object_or_404(audits_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def _no_framework(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "audits/programme/no_framework.html",
        {"crumbs": _crumbs(request.partnership, ("No audit framework", None))},
    )


# --- the programme and the register -------------------------------------------------------------


@requires("audits.view")
def programme(request: HttpRequest) -> HttpResponse:
    partnership, user = request.partnership, request.user
    today = timezone.localdate()
    year = chosen_year(user=user, partnership=partnership, asked=request.GET.get("year"), today=today)
    years = sorted({*audit_years(user=user, partnership=partnership), year}, reverse=True)
    item = framework_for(partnership)
    return render(
        request,
        "audits/programme/programme.html",
        {
            "shown": programme_year(user=user, partnership=partnership, year=year),
            "years": [(value, year_label(value)) for value in years],
            "framework": framework_of(item) if item else None,
            "can_manage": can_manage_audits(user=user, partnership=partnership),
            "crumbs": crumbs(partnership, (TITLE, None)),
        },
    )


@requires("audits.view")
def register(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    audits = audits_visible_to(user=request.user, partnership=partnership)
    filterset = AuditFilter(request.GET or None, queryset=audits, request=request)
    return register_response(
        request,
        table=AuditTable(filterset.qs),
        filterset=filterset,
        template="audits/programme/register.html",
        context={"crumbs": _crumbs(partnership, ("Every audit", None))},
        export_name=f"{partnership.slug}-audits",
    )


@requires("audits.manage")
def programme_add(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    # The year asked for (the programme page's "Add the 2015-16 programme"), else the year after
    # the newest programme, else the year running today.
    asked = request.GET.get("year", "")
    newest = programmes_visible_to(user=request.user, partnership=partnership).first()
    today = timezone.localdate()
    suggested = int(asked) if asked.isdigit() else (newest.year + 1 if newest else financial_year_start(today))
    form = ProgrammeForm(request.POST or None, initial={"year": suggested})
    if request.method == "POST" and form.is_valid():
        try:
            added = programme_create(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Programme {added.year_label} added.")
            return redirect(partnership_url("audits:programme", partnership) + f"?year={added.year}")
    return render(
        request,
        "audits/programme/programme_form.html",
        {"form": form, "programme": None, "crumbs": _crumbs(partnership, ("Add a programme", None))},
    )


@requires("audits.manage")
def programme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    found = get_object_or_404(programmes_visible_to(user=request.user, partnership=partnership), pk=pk)
    form = ProgrammeForm(request.POST or None, initial=ProgrammeForm.initial_for(found))
    if request.method == "POST" and form.is_valid():
        try:
            programme_update(actor=request.user, programme=found, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Programme {found.year_label} saved.")
            return redirect(partnership_url("audits:programme", partnership) + f"?year={found.year}")
    return render(
        request,
        "audits/programme/programme_form.html",
        {
            "form": form,
            "programme": found,
            "crumbs": _crumbs(partnership, (f"Programme {found.year_label}", None)),
        },
    )


# --- an audit -----------------------------------------------------------------------------------------


def _audit_form(request: HttpRequest, framework, *, audit: Audit | None = None, initial=None) -> AuditForm:
    partnership, user = request.partnership, request.user
    return AuditForm(
        request.POST or None,
        framework=framework,
        programmes=programmes_visible_to(user=user, partnership=partnership),
        priorities=priority_choices(user=user, partnership=partnership),
        questionnaires=audit_tools(partnership),
        agencies=agency_choices(user=user, partnership=partnership),
        meetings=meeting_choices(
            user=user,
            partnership=partnership,
            today=timezone.localdate(),
            keep=audit.moderation_meeting if audit else None,
        ),
        leads=lead_choices(user=user, partnership=partnership),
        initial=initial,
    )


def _plan_initial(request: HttpRequest, framework) -> dict:
    """What a new audit's form suggests: the programme and term asked for (the programme page's
    "Plan an audit" of a term), the term's dates, the framework's files per term and the newest
    audit tool."""
    partnership = request.partnership
    programmes = programmes_visible_to(user=request.user, partnership=partnership)
    asked = request.GET.get("programme", "")
    chosen = programmes.filter(pk=asked).first() if asked.isdigit() else None
    chosen = chosen or programmes.first()
    initial: dict = {"files_planned": framework.files_per_term, "programme": chosen.pk if chosen else None}
    tool = audit_tools(partnership).first()
    if tool is not None:
        initial["questionnaire"] = tool.pk
    term = request.GET.get("term", "")
    if chosen is not None and framework.term(term) is not None:
        initial["term"] = term
        dates = term_dates(framework, year=chosen.year, term=term)
        if dates:
            initial["starts_on"], initial["ends_on"] = dates
    return initial


@requires("audits.manage")
def audit_create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    item = framework_for(partnership)
    if item is None:
        return _no_framework(request)
    framework = framework_of(item)
    if not programmes_visible_to(user=request.user, partnership=partnership).exists():
        messages.info(request, "Add the year's programme first: every termly audit belongs to one.")
        return redirect("audits:programme_add", partnership=partnership.slug)
    form = _audit_form(request, framework, initial=_plan_initial(request, framework))
    if request.method == "POST" and form.is_valid():
        try:
            audit = audit_plan(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Audit {audit.reference} planned.")
            return redirect(audit)
    return render(
        request,
        "audits/programme/audit_form.html",
        {
            "form": form,
            "audit": None,
            "framework": framework,
            "crumbs": _crumbs(partnership, ("Plan an audit", None)),
        },
    )


@requires("audits.view")
def audit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    audit = _audit(request, pk)
    user, partnership = request.user, request.partnership
    context = {
        **audit_cases(user=user, audit=audit),
        **audit_findings(user=user, audit=audit),
        "audit": audit,
        "status_tag": audit_status_tag(audit),
        "term": term_title(partnership, audit.term),
        "tier": tier_title(partnership, audit.tier),
        "agencies": list(audit.agencies.order_by("name")),
        "events": audit_events(user=user, audit=audit)[:20],
        "may_edit": may_edit_audit(user=user, audit=audit),
        "may_cancel": may_cancel_audit(user=user, audit=audit),
        "crumbs": _crumbs(partnership, (audit.reference, None)),
    }
    return render(request, "audits/programme/audit_detail.html", context)


@requires("audits.manage")
def audit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    audit = _audit(request, pk)
    if not may_edit_audit(user=request.user, audit=audit):
        raise Http404
    partnership = request.partnership
    item = framework_for(partnership)
    if item is None:
        return _no_framework(request)
    framework = framework_of(item)
    form = _audit_form(request, framework, audit=audit, initial=AuditForm.initial_for(audit))
    if audit.kind != Audit.Kind.PROGRAMME:
        # A themed audit belongs to no programme and no term.
        for name in ("programme", "term"):
            form.fields[name].required = False
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        agencies = list(data.pop("agencies"))
        if audit.kind != Audit.Kind.PROGRAMME:
            data.pop("programme")
            data["term"] = data.get("term") or ""
        try:
            audit_update(actor=request.user, audit=audit, agencies=agencies, **data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Audit {audit.reference} saved.")
            return redirect(audit)
    return render(
        request,
        "audits/programme/audit_form.html",
        {
            "form": form,
            "audit": audit,
            "framework": framework,
            "crumbs": _crumbs(partnership, (audit.reference, audit.get_absolute_url()), ("Edit", None)),
        },
    )


@requires("audits.manage")
def audit_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    audit = _audit(request, pk)
    if not may_cancel_audit(user=request.user, audit=audit):
        raise Http404
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            audit_cancel(actor=request.user, audit=audit, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Audit {audit.reference} cancelled.")
            return redirect(audit)
    return render(
        request,
        "audits/programme/cancel_form.html",
        {
            "form": form,
            "audit": audit,
            "crumbs": _crumbs(request.partnership, (audit.reference, audit.get_absolute_url()), ("Cancel", None)),
        },
    )
