"""Exception reports: the register, making one, the printable report, the owning agency's
commentary on an item and raising an action from an item."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from assure.actions.forms import ActionForm
from assure.actions.selectors import action_agency_choices, action_owner_choices
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response

from ..forms.exceptions import CommentaryForm, ExceptionReportForm
from ..permissions import can_manage_exceptions, may_comment
from ..selectors.exceptions import (
    actions_raised,
    exception_items,
    exception_report_for_meeting,
    exception_reports,
    report_meetings,
    report_periods,
)
from ..services.exceptions import exception_action_raise, exception_commentary_write, exception_report_create
from ..tables_exceptions import ExceptionReportTable


def _exceptions_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, ("Exception reports", partnership_url("performance:exceptions", partnership)), *trail)


@requires("performance.view")
def exceptions_view(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    return register_response(
        request,
        table=ExceptionReportTable(
            exception_reports(user=request.user, partnership=partnership), partnership=partnership
        ),
        template="performance/exceptions/exceptions.html",
        context={
            "may_manage": can_manage_exceptions(user=request.user, partnership=partnership),
            "crumbs": _exceptions_crumbs(partnership),
        },
        export_name="exception-reports",
    )


@requires("performance.manage")
def exception_create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    form = ExceptionReportForm(
        request.POST if request.method == "POST" else None,
        periods=report_periods(user=request.user, partnership=partnership),
        meetings=report_meetings(user=request.user, partnership=partnership),
    )
    if request.method == "POST" and form.is_valid():
        meeting = form.cleaned_data.get("meeting")
        # A meeting has one report: asking again opens it, with its commentary, rather than
        # making another.
        existing = exception_report_for_meeting(user=request.user, partnership=partnership, meeting=meeting)
        if existing is not None:
            messages.info(
                request,
                f"There is already an exception report for the {meeting}, made on "
                f"{timezone.localtime(existing.created_at):%-d %B %Y}: here it is, with the commentary written so far.",
            )
            return redirect(existing)
        try:
            report = exception_report_create(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            count = report.items.count()
            messages.success(
                request,
                f"Exception report made: {count} indicator{'s' if count != 1 else ''} need{'s' if count == 1 else ''} "
                "the board's attention."
                if count
                else "Exception report made: no indicator met an exception rule.",
            )
            return redirect(report)
    return render(
        request,
        "performance/exceptions/exception_form.html",
        {
            "form": form,
            "crumbs": _exceptions_crumbs(
                partnership, ("Make a report", partnership_url("performance:exception_create", partnership))
            ),
        },
    )


@requires("performance.view")
def exception_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    report = get_object_or_404(exception_reports(user=request.user, partnership=partnership), pk=pk)
    items = list(exception_items(user=request.user, partnership=partnership).filter(report=report).order_by("pk"))
    raised = actions_raised(user=request.user, partnership=partnership, items=items)
    return render(
        request,
        "performance/exceptions/exception_detail.html",
        {
            "report": report,
            "entries": [
                {
                    "item": item,
                    "may_comment": may_comment(user=request.user, item=item),
                    "actions": raised.get(item.pk, []),
                }
                for item in items
            ],
            "may_manage": can_manage_exceptions(user=request.user, partnership=partnership),
            "crumbs": _exceptions_crumbs(partnership, (str(report.period), report.get_absolute_url())),
        },
    )


def _item(request: HttpRequest, pk: int):
    return get_object_or_404(exception_items(user=request.user, partnership=request.partnership), pk=pk)


@requires("exceptions.comment")
def exception_comment(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    item = _item(request, pk)
    if not may_comment(user=request.user, item=item):
        raise PermissionDenied
    form = CommentaryForm(request.POST if request.method == "POST" else None, initial={"commentary": item.commentary})
    if request.method == "POST" and form.is_valid():
        try:
            exception_commentary_write(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Commentary on {item.indicator.definition.title} saved.")
            return redirect(item)
    report_url = item.report.get_absolute_url()
    return render(
        request,
        "performance/exceptions/commentary_form.html",
        {
            "form": form,
            "item": item,
            "cancel_url": f"{report_url}#item-{item.pk}",
            "crumbs": _exceptions_crumbs(partnership, (str(item.report.period), report_url)),
        },
    )


@requires("performance.manage")
def exception_action(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    item = _item(request, pk)
    title = item.indicator.definition.title
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        agencies=action_agency_choices(user=request.user, partnership=partnership),
        owners=action_owner_choices(user=request.user, partnership=partnership),
        initial={
            "title": f"Improve: {title}"[:200],
            "description": "\n".join(item.reasons),
            "owner_agency": item.owner_agency_id,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            action = exception_action_raise(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Action {action.reference} raised from the exception report.")
            return redirect(item)
    report_url = item.report.get_absolute_url()
    return render(
        request,
        "performance/exceptions/action_form.html",
        {
            "form": form,
            "item": item,
            "cancel_url": f"{report_url}#item-{item.pk}",
            "crumbs": _exceptions_crumbs(partnership, (str(item.report.period), report_url)),
        },
    )
