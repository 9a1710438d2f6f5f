"""The case files' pages: a file added to an audit or removed from it, the audit started, a file's
page, an agency's answers (the questionnaire engine's answer page), the lead auditor's grading,
the moderation meeting's agreed grade, and the business unit's reminder of answers awaited.

Each view finds its records through the selectors, which take the user, so a file or answers the
person may not read answer 404; a step not open to them now answers 404 too (it is not offered)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, back_to, crumbs, partnership_url
from assure.questionnaires.pages import answer_page

from ..forms_cases import CaseForm, ModerationForm
from ..models import Audit, CaseAudit
from ..permissions import (
    may_add_case,
    may_answer_case,
    may_grade_case,
    may_moderate_case,
    may_open_grading,
    may_remind_about_answers,
    may_remove_case,
    may_start_audit,
)
from ..selectors.cases import (
    case_detail,
    cases_visible_to,
    grade_choices,
    grade_label,
    grading_response,
    lead_auditor_choices,
    response_case,
    responses_about,
    tool_of,
)
from ..selectors.programme import audits_visible_to
from ..services.cases import (
    answers_remind,
    audit_start,
    case_add,
    case_answers_submit,
    case_grade_submit,
    case_moderate,
    case_remove,
    outstanding_of,
)

TITLE = "Case-file audits"


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("audits:programme", partnership)), *trail)


def _audit_crumb(audit: Audit) -> Crumb:
    return (audit.reference, audit.get_absolute_url())


def _case_crumbs(case: CaseAudit, *trail: Crumb) -> list[Crumb]:
    return _crumbs(case.partnership, _audit_crumb(case.audit), (case.reference, case.get_absolute_url()), *trail)


def _audit(request: HttpRequest, pk: int, predicate) -> Audit:
    audit = get_object_or_404(audits_visible_to(user=request.user, partnership=request.partnership), pk=pk)
    if not predicate(user=request.user, audit=audit):
        raise Http404
    return audit


def _case(request: HttpRequest, pk: int) -> CaseAudit:
    return get_object_or_404(cases_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def _with_warnings(request: HttpRequest, form, context: dict) -> dict | None:
    """When what was typed looks as if it names a child and the person has not yet seen the
    warning, the context to show it (sending the form again keeps what was typed); else None."""
    warnings = form.warnings()
    if not warnings or form.cleaned_data.get("checked"):
        return None
    data = request.POST.copy()
    data["checked"] = "True"
    context["form"] = type(form)(data, **context.pop("form_kwargs"))
    context["form"].is_valid()
    context["warnings"] = [(form[name].label, text) for name, text in warnings.items()]
    return context


# --- adding, removing, starting -------------------------------------------------------------------


@requires("audits.manage")
def case_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a case file to the audit: the child's age, the lead auditor and each agency's reference."""
    audit = _audit(request, pk, may_add_case)
    form_kwargs = {
        "agencies": audit.agencies.order_by("name"),
        "auditors": lead_auditor_choices(partnership=request.partnership),
    }
    form = CaseForm(request.POST or None, **form_kwargs)
    context = {
        "audit": audit,
        "form": form,
        "crumbs": _crumbs(request.partnership, _audit_crumb(audit), ("Add a case file", None)),
    }
    if request.method == "POST" and form.is_valid():
        warned = _with_warnings(request, form, {**context, "form_kwargs": form_kwargs})
        if warned is not None:
            return render(request, "audits/cases/case_form.html", warned)
        try:
            case = case_add(
                actor=request.user,
                audit=audit,
                age=form.cleaned_data["age"],
                lead_auditor=form.cleaned_data["lead_auditor"],
                references=form.references(),
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Case file {case.reference} added.")
            return redirect(audit.get_absolute_url() + "#case-files")
    return render(request, "audits/cases/case_form.html", context)


@requires("audits.manage")
def case_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    if not may_remove_case(user=request.user, case=case):
        raise Http404
    audit_url = case.audit.get_absolute_url() + "#case-files"
    if request.method == "POST":
        case_remove(actor=request.user, case=case)
        messages.success(request, f"Case file {case.reference} removed.")
        return redirect(audit_url)
    return render(
        request,
        "core/confirm_delete.html",
        {
            "heading": f"Remove case file {case.reference}?",
            "description": f"The file and its agencies' case references are removed from audit {case.audit.reference}.",
            "button": "Remove the case file",
            "cancel_url": audit_url,
            "crumbs": _case_crumbs(case, ("Remove", None)),
        },
    )


@requires("audits.manage")
def audit_start_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the audit: every agency taking part is asked its questions about every file."""
    audit = _audit(request, pk, may_start_audit)
    cases = list(audit.cases.select_related("lead_auditor").order_by("reference"))
    agencies = list(audit.agencies.select_related("agency_type").order_by("name"))
    problem = ""
    if request.method == "POST":
        try:
            audit_start(actor=request.user, audit=audit)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(
                request, f"Audit {audit.reference} started: the agencies have been asked for their answers."
            )
            return redirect(audit.get_absolute_url())
    return render(
        request,
        "audits/cases/start.html",
        {
            "audit": audit,
            "cases": cases,
            "agencies": agencies,
            "problem": problem,
            "crumbs": _crumbs(request.partnership, _audit_crumb(audit), ("Start the audit", None)),
        },
    )


# --- a file, its answers, grading and moderation ---------------------------------------------


@requires("audits.view")
def case_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    user = request.user
    return render(
        request,
        "audits/cases/detail.html",
        {
            "case": case,
            "audit": case.audit,
            **case_detail(user=user, case=case),
            "may_grade": may_open_grading(user=user, case=case) and case.status != CaseAudit.Status.ANSWERING,
            "may_moderate": may_moderate_case(user=user, case=case),
            "may_remove": may_remove_case(user=user, case=case),
            "crumbs": _crumbs(case.partnership, _audit_crumb(case.audit), (case.reference, None)),
        },
    )


@requires("audits.answer")
def case_answers_view(request: HttpRequest, pk: int) -> HttpResponse:
    """An agency's answers about a case file: its own lead answers them (saved as they go) and
    submits them, after which they are locked; read-only otherwise."""
    found = response_case(user=request.user, partnership=request.partnership, pk=pk)
    if found is None:
        raise Http404
    response, case = found
    user = request.user
    return answer_page(
        request,
        response=response,
        template="audits/cases/answers.html",
        context={
            "case": case,
            "audit": case.audit,
            "response": response,
            "references": [ref for ref in case.references.all() if ref.agency_id == response.agency_id],
            "crumbs": _case_crumbs(case, (f"{response.agency}'s answers", None)),
        },
        editable=may_answer_case(user=user, response=response, case=case),
        on_submit=lambda answered: case_answers_submit(actor=user, case=case, response=answered),
        done_url=case.get_absolute_url(),
        known_names=[str(response.agency)],
    )


@requires("audits.grade")
def case_grade_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The lead auditor's overall section, with every agency's answers to read beside it."""
    case = _case(request, pk)
    user = request.user
    if not may_open_grading(user=user, case=case) or case.status == CaseAudit.Status.ANSWERING:
        raise Http404
    responses = responses_about([case.pk]).get(case.pk, [])
    grading = grading_response(responses)
    if grading is None:
        raise Http404
    return answer_page(
        request,
        response=grading,
        template="audits/cases/grade.html",
        context={
            "case": case,
            "audit": case.audit,
            **case_detail(user=user, case=case),
            "crumbs": _case_crumbs(case, ("Grade", None)),
        },
        editable=may_grade_case(user=user, case=case),
        on_submit=lambda answered: case_grade_submit(actor=user, case=case, response=answered),
        done_url=case.get_absolute_url(),
        known_names=[str(agency) for agency in case.audit.agencies.all()],
    )


@requires("audits.manage")
def case_moderate_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The moderation meeting's agreed grade of a graded file, and its notes."""
    case = _case(request, pk)
    if not may_moderate_case(user=request.user, case=case):
        raise Http404
    tool = tool_of(case.audit)
    form_kwargs = {"grades": grade_choices(tool)}
    form = ModerationForm(request.POST or None, initial={"agreed_grade": case.grade}, **form_kwargs)
    context = {
        "case": case,
        "audit": case.audit,
        "form": form,
        "grade": grade_label(tool, case.grade) if case.grade else "",
        "crumbs": _case_crumbs(case, ("Moderation", None)),
    }
    if request.method == "POST" and form.is_valid():
        warned = _with_warnings(request, form, {**context, "form_kwargs": form_kwargs})
        if warned is not None:
            return render(request, "audits/cases/moderate.html", warned)
        try:
            case_moderate(
                actor=request.user,
                case=case,
                agreed_grade=form.cleaned_data["agreed_grade"],
                notes=form.cleaned_data["notes"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Case file {case.reference} moderated.")
            return redirect(case.audit.get_absolute_url() + "#case-files")
    return render(request, "audits/cases/moderate.html", context)


# --- chasing -----------------------------------------------------------------------------------------


@requires("audits.manage")
def answers_remind_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The business unit's "Send a reminder" of an agency's answers awaited by an audit: asks for
    confirmation on GET; on POST reminds the agency's leads (once a day) and goes back."""
    found = response_case(user=request.user, partnership=request.partnership, pk=pk)
    if found is None:
        raise Http404
    response, case = found
    if not may_remind_about_answers(user=request.user, response=response, case=case):
        raise Http404
    audit = case.audit
    fallback = audit.get_absolute_url()
    if request.method != "POST":
        return render(
            request,
            "audits/cases/remind.html",
            {
                "audit": audit,
                "agency": response.agency,
                "overdue": audit.ends_on < timezone.localdate(),
                "files": [file for file, _ in outstanding_of(audit=audit, agency_id=response.agency_id)],
                "next": back_to(request, fallback),
                "crumbs": _crumbs(request.partnership, _audit_crumb(audit), ("Send a reminder", None)),
            },
        )
    if answers_remind(actor=request.user, response=response) is None:
        messages.info(
            request,
            f"No reminder was sent to {response.agency}: it was already reminded today, or it has no lead with an "
            "account.",
        )
    else:
        messages.success(request, f"Reminder of the answers to audit {audit.reference} sent to {response.agency}.")
    return redirect(back_to(request, fallback))
