"""The pages of an audit's findings: add, open, change, reorder and delete a finding, and raise an
action from it. Each view finds the audit or the finding through the audits the person may see,
so one they may not read answers 404, and calls one service to change it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from assure.actions.forms import ActionForm
from assure.actions.selectors import action_agency_choices, action_owner_choices
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.links import linkable_kind_of, linked_record
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.questionnaires.identifying import identifying_warning

from ..forms_findings import NOT_TAKEN_TO, FindingForm, record_choices
from ..models import Audit, CaseAudit, Finding
from ..permissions import may_raise_actions_from_findings, may_record_findings
from ..selectors.findings import finding_rows, findings_visible_to
from ..selectors.programme import audits_visible_to
from ..services.findings import (
    actions_raised,
    finding_action_raise,
    finding_create,
    finding_delete,
    finding_move,
    finding_update,
)


def audit_crumbs(partnership, audit: Audit | None, *trail: Crumb) -> list[Crumb]:
    """Breadcrumbs through the case-file audits (and the audit, when there is one)."""
    here = [("Case-file audits", partnership_url("audits:programme", partnership))]
    if audit is not None:
        here.append((audit.reference, audit.get_absolute_url()))
    return crumbs(partnership, *here, *trail)


def _audit(request: HttpRequest, pk: int) -> Audit:
    return get_object_or_404(audits_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def _finding(request: HttpRequest, pk: int) -> Finding:
    return get_object_or_404(findings_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def _recordable(request: HttpRequest, finding: Finding) -> Finding:
    """The finding, when the person may change the audit's findings now; 404 otherwise (a step
    not open to them is not offered, so its page does not exist for them)."""
    if not may_record_findings(user=request.user, audit=finding.audit):
        raise Http404
    return finding


def _known_names(audit: Audit) -> list[str]:
    return [agency.name for agency in audit.agencies.all()] + [audit.partnership.name]


def _link(request: HttpRequest, value: str):
    """The record a "key:id" choice names: (record, label), (None, "") for none, or None when the
    person may not see it (or it does not exist)."""
    if not value:
        return None, ""
    key, _, pk = value.partition(":")
    found = linked_record(user=request.user, partnership=request.partnership, key=key, pk=pk)
    if found is None:
        return None
    kind, record = found
    return record, kind.describe(record)


def _link_value(request: HttpRequest, finding: Finding) -> str | None:
    """The finding's link as a choice of the form, "" for none, or None when the person may not
    see the record it was taken to (so the form leaves it as it is)."""
    if finding.link_type_id is None:
        return ""
    kind = linkable_kind_of(finding.link_type)
    if kind is None or kind.find(user=request.user, partnership=request.partnership, pk=finding.link_id) is None:
        return None
    return f"{kind.key}:{finding.link_id}"


def _form_page(request, form, *, audit: Audit, finding: Finding | None, warning: str, link_hidden: str) -> HttpResponse:
    trail = [(finding.theme, finding.get_absolute_url()), ("Change", None)] if finding else [("Add a finding", None)]
    return render(
        request,
        "audits/findings/finding_form.html",
        {
            "form": form,
            "audit": audit,
            "finding": finding,
            "warning": warning,
            "link_hidden": link_hidden,
            "crumbs": audit_crumbs(request.partnership, audit, *trail),
        },
    )


def _save(request, form, *, audit: Audit, finding: Finding | None, keep_link: bool):
    """Save the form through the service: the finding, or None when the page must show again (an
    error, or a first warning that the text may name a child)."""
    data = dict(form.cleaned_data)
    warned = data.pop("warned")
    warning = identifying_warning(f"{data['theme']}\n{data['text']}", known=_known_names(audit))
    if warning and not warned:
        form.data = form.data.copy()
        form.data["warned"] = "1"
        return None, warning
    link = (None, "") if keep_link else _link(request, data.pop("link"))
    data.pop("link", None)
    if link is None:
        form.add_error("link", "Choose a record you may see, or nothing.")
        return None, ""
    try:
        if finding is None:
            finding = finding_create(actor=request.user, audit=audit, link=link[0], link_label=link[1], **data)
        else:
            finding_update(
                actor=request.user, finding=finding, link=link[0], link_label=link[1], keep_link=keep_link, **data
            )
    except ValidationError as error:
        attach(form, error)
        return None, ""
    return finding, ""


@requires("audits.grade")
def finding_create_view(request: HttpRequest, audit: int) -> HttpResponse:
    audit_record = _audit(request, audit)
    if not may_record_findings(user=request.user, audit=audit_record):
        raise Http404
    form = FindingForm(
        request.POST or None,
        cases=CaseAudit.objects.filter(audit=audit_record),
        links=record_choices(user=request.user, partnership=request.partnership, leave_out=NOT_TAKEN_TO),
    )
    warning = ""
    if request.method == "POST" and form.is_valid():
        finding, warning = _save(request, form, audit=audit_record, finding=None, keep_link=False)
        if finding is not None:
            messages.success(request, f"{finding.get_kind_display()} recorded: {finding.theme}.")
            return redirect(f"{audit_record.get_absolute_url()}#finding-{finding.pk}")
    return _form_page(request, form, audit=audit_record, finding=None, warning=warning, link_hidden="")


@requires("audits.view")
def finding_detail(request: HttpRequest, pk: int) -> HttpResponse:
    finding = _finding(request, pk)
    audit = finding.audit
    user, partnership = request.user, request.partnership
    return render(
        request,
        "audits/findings/detail.html",
        {
            "finding": finding,
            "audit": audit,
            "row": finding_rows(user=user, partnership=partnership, findings=[finding])[0],
            "on_page": True,
            "may_record_findings": may_record_findings(user=user, audit=audit),
            "may_raise_actions": may_raise_actions_from_findings(user=user, audit=audit),
            "crumbs": audit_crumbs(partnership, audit, (finding.theme, None)),
        },
    )


@requires("audits.grade")
def finding_edit(request: HttpRequest, pk: int) -> HttpResponse:
    finding = _recordable(request, _finding(request, pk))
    audit = finding.audit
    link_value = _link_value(request, finding)
    keep_link = link_value is None
    form = FindingForm(
        request.POST or None,
        cases=CaseAudit.objects.filter(audit=audit),
        links=record_choices(user=request.user, partnership=request.partnership, leave_out=NOT_TAKEN_TO),
        initial={
            "kind": finding.kind,
            "theme": finding.theme,
            "text": finding.text,
            "case": finding.case_id,
            "link": link_value or "",
        },
    )
    if keep_link:
        form.fields.pop("link")
    warning = ""
    if request.method == "POST" and form.is_valid():
        saved, warning = _save(request, form, audit=audit, finding=finding, keep_link=keep_link)
        if saved is not None:
            messages.success(request, f"The finding on {finding.theme} is saved.")
            return redirect(f"{audit.get_absolute_url()}#finding-{finding.pk}")
    return _form_page(
        request,
        form,
        audit=audit,
        finding=finding,
        warning=warning,
        link_hidden=finding.link_label if keep_link else "",
    )


@requires("audits.grade")
def finding_move_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a finding up or down (POST, from the audit page's buttons); anything else goes back to
    the audit."""
    finding = _recordable(request, _finding(request, pk))
    if request.method == "POST":
        try:
            finding_move(actor=request.user, finding=finding, direction=request.POST.get("direction", ""))
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, f"The finding on {finding.theme} is moved {request.POST['direction']}.")
    return redirect(f"{finding.audit.get_absolute_url()}#finding-{finding.pk}")


@requires("audits.grade")
def finding_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    finding = _recordable(request, _finding(request, pk))
    audit = finding.audit
    problem = ""
    if actions_raised(finding).exists():
        problem = "An action has been raised from this finding, so it stays on the audit."
    elif request.method == "POST":
        try:
            finding_delete(actor=request.user, finding=finding)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(request, f"The finding on {finding.theme} is deleted.")
            return redirect(f"{audit.get_absolute_url()}#findings")
    return render(
        request,
        "core/confirm_delete.html",
        {
            "heading": f"Delete the finding on {finding.theme}?",
            "description": f"The {finding.get_kind_display().lower()} is taken off audit {audit.reference}.",
            "cancel_url": finding.get_absolute_url(),
            "button": "Delete the finding",
            "problem": problem,
            "blocked": bool(problem),
            "back_label": "Back to the finding",
            "crumbs": audit_crumbs(
                request.partnership, audit, (finding.theme, finding.get_absolute_url()), ("Delete", None)
            ),
        },
    )


@requires("actions.manage")
def finding_action(request: HttpRequest, pk: int) -> HttpResponse:
    """Raise an action in the tracker from the finding."""
    finding = _finding(request, pk)
    if not may_raise_actions_from_findings(user=request.user, audit=finding.audit):
        raise Http404
    partnership = request.partnership
    form = ActionForm(
        request.POST or None,
        agencies=action_agency_choices(user=request.user, partnership=partnership),
        owners=action_owner_choices(user=request.user, partnership=partnership),
        initial={"title": finding.theme},
    )
    if request.method == "POST" and form.is_valid():
        try:
            action = finding_action_raise(actor=request.user, finding=finding, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Action {action.reference} raised from the finding on {finding.theme}.")
            return redirect(finding)
    return render(
        request,
        "audits/findings/action_form.html",
        {
            "form": form,
            "finding": finding,
            "audit": finding.audit,
            "crumbs": audit_crumbs(
                partnership, finding.audit, (finding.theme, finding.get_absolute_url()), ("Raise an action", None)
            ),
        },
    )
