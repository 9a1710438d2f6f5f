"""The pages of agency reports on a child's death.

An agency lead lists the reports asked of their agency and answers each on the questionnaire
engine's page; those pages show the death's reference, age band, date of death and the agency's
own record number only, never the child's name, so they are not restricted reads. The manager
asks agencies for reports, reminds and withdraws them; the manager and panel members (with the
``cdop`` grant) read a submitted report: each read is logged and the page is sent ``no-store``."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.cache import patch_cache_control

from assure.audit.services import restricted_read_record
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import back_to, crumbs, partnership_url
from assure.partnerships.models import Agency
from assure.questionnaires.pages import answer_page, answers_summary

from ..forms_reports import ConfirmForm, ReportRequestForm, WithdrawForm
from ..models import AgencyReport, ChildDeath
from ..permissions import CDOP_AREA, can_manage_cases, ensure_can_manage_cases, may_write_report
from ..selectors.panels import death_for
from ..selectors.reports import age_band_of, report_for_lead, report_for_reader, reports_mine
from ..services.reports import (
    agencies_for_request,
    report_remind,
    report_request,
    report_started,
    report_submit,
    report_withdraw,
)

MINE = "Child death reports"


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _death_url(death: ChildDeath, partnership) -> str:
    """The death's page, or the partnership's overview while that page is not there."""
    try:
        return partnership_url("cdop:death_detail", partnership, pk=death.pk)
    except NoReverseMatch:
        return f"/p/{partnership.slug}/"


def _death_crumbs(partnership, death: ChildDeath, last: str) -> list:
    return crumbs(partnership, (death.reference, _death_url(death, partnership)), (last, None))


def _facts(report: AgencyReport) -> list[tuple[str, str]]:
    """What an agency lead is told of the death: never the child's name."""
    death = report.death
    return [
        ("Child death", death.reference),
        ("Age band", age_band_of(death)),
        ("Date of death", f"{death.date_of_death.day} {death.date_of_death:%B %Y}"),
        ("Your agency's reference", report.agency_reference or "Not given"),
        ("Due", f"{report.due_on.day} {report.due_on:%B %Y}"),
        ("Status", report.get_status_display()),
    ]


# --- an agency lead's reports ----------------------------------------------------------------------


@requires("cdop.report")
def reports_mine_view(request: HttpRequest) -> HttpResponse:
    """An agency lead's "Child death reports": those asked of their agency, outstanding first."""
    partnership = request.partnership
    today = timezone.localdate()
    rows = [
        {
            "report": report,
            "age_band": age_band_of(report.death),
            "overdue": report.is_outstanding and report.due_on < today,
            "answer_url": partnership_url("cdop:report_answer", partnership, pk=report.pk),
        }
        for report in reports_mine(user=request.user, partnership=partnership)
    ]
    return render(
        request,
        "cdop/reports_mine.html",
        {"rows": rows, "crumbs": crumbs(partnership, (MINE, None))},
    )


@requires("cdop.report")
def report_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """The agency lead answers the report on the questionnaire engine's page."""
    partnership, user = request.partnership, request.user
    report = report_for_lead(user=user, partnership=partnership, pk=pk)
    if report is None or report.response is None:
        raise Http404
    editable = may_write_report(user=user, partnership=partnership, report=report)
    mine_url = partnership_url("cdop:reports_mine", partnership)
    if request.method == "POST" and editable:
        report_started(actor=user, report=report)

    def submit(response) -> None:
        report_submit(actor=user, partnership=partnership, report=report)
        messages.success(request, f"{report.agency}'s report on {report.death.reference} has been submitted.")

    return answer_page(
        request,
        response=report.response,
        template="cdop/report_answer.html",
        context={
            "report": report,
            "facts": _facts(report),
            "crumbs": crumbs(partnership, (MINE, mine_url), (report.death.reference, None)),
        },
        editable=editable,
        on_submit=submit,
        done_url=mine_url,
        known_names=list(
            Agency.objects.filter(partnership_links__partnership=partnership).values_list("name", flat=True)
        ),
    )


# --- the manager and the panel ---------------------------------------------------------------------


def _readable(request: HttpRequest, pk: int) -> AgencyReport:
    report = report_for_reader(user=request.user, partnership=request.partnership, pk=pk)
    if report is None:
        raise Http404
    return report


@requires("cdop.review")
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A report's answers, for the manager and panel members with the grant; each read logged."""
    report = _readable(request, pk)
    partnership, user = request.partnership, request.user
    restricted_read_record(
        user=user,
        partnership=partnership,
        area=CDOP_AREA,
        record=report,
        label=f"{report.agency}'s report on child death {report.death.reference}",
    )
    response = render(
        request,
        "cdop/report_detail.html",
        {
            "report": report,
            "facts": _facts(report),
            "answers": answers_summary(report.response) if report.response else [],
            "overdue": report.is_overdue,
            "manager": can_manage_cases(user=user, partnership=partnership) and report.is_outstanding,
            "crumbs": _death_crumbs(partnership, report.death, str(report.agency)),
        },
    )
    return _private(response)


@requires("cdop.manage")
def report_request_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The manager asks agencies for their reports on a death."""
    partnership, user = request.partnership, request.user
    ensure_can_manage_cases(user=user, partnership=partnership)
    death = death_for(user=user, partnership=partnership, pk=pk)
    if death is None:
        raise Http404
    if not death.is_open:
        raise PermissionDenied
    choices = Agency.objects.filter(
        pk__in=[a.pk for a in agencies_for_request(partnership=partnership)]
        + list(death.agencies_involved.values_list("pk", flat=True))
    ).order_by("name")
    form = ReportRequestForm(
        request.POST or None, initial={"agencies": list(death.agencies_involved.all())}, agencies=choices
    )
    if request.method == "POST" and form.is_valid():
        try:
            made = report_request(actor=user, partnership=partnership, death=death, **form.request_data())
        except ValidationError as error:
            attach(form, error)
        else:
            if made:
                messages.success(
                    request,
                    f"{len(made)} {'agency' if len(made) == 1 else 'agencies'} asked; their leads have been told.",
                )
            else:
                messages.info(request, "Those agencies had been asked already: nobody was asked again.")
            return redirect(_death_url(death, partnership))
    restricted_read_record(
        user=user, partnership=partnership, area=CDOP_AREA, record=death, label=f"Child death {death.reference}"
    )
    response = render(
        request,
        "cdop/report_request.html",
        {
            "death": death,
            "form": form,
            "cancel_url": _death_url(death, partnership),
            "crumbs": _death_crumbs(partnership, death, "Ask agencies for reports"),
        },
    )
    return _private(response)


def _manageable(request: HttpRequest, pk: int) -> AgencyReport:
    ensure_can_manage_cases(user=request.user, partnership=request.partnership)
    report = _readable(request, pk)
    if not report.is_outstanding:
        raise Http404
    return report


@requires("cdop.manage")
def report_remind_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The manager's "Send a reminder": asks for confirmation on GET; on POST reminds the
    agency's leads (once a day) and goes back."""
    report = _manageable(request, pk)
    partnership = request.partnership
    fallback = _death_url(report.death, partnership)
    if request.method != "POST":
        return _private(
            render(
                request,
                "cdop/report_remind.html",
                {
                    "report": report,
                    "form": ConfirmForm(),
                    "next": back_to(request, fallback),
                    "crumbs": _death_crumbs(partnership, report.death, "Send a reminder"),
                },
            )
        )
    if report_remind(actor=request.user, partnership=partnership, report=report) is None:
        messages.info(
            request,
            f"No reminder was sent to {report.agency}: it was already reminded today, or it has no lead with an "
            "account.",
        )
    else:
        messages.success(request, f"Reminder sent to {report.agency}'s leads.")
    return redirect(back_to(request, fallback))


@requires("cdop.manage")
def report_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The manager says a report is no longer needed, with the reason."""
    report = _manageable(request, pk)
    partnership = request.partnership
    death_url = _death_url(report.death, partnership)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report_withdraw(
                actor=request.user, partnership=partnership, report=report, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{report.agency}'s report is no longer needed; its leads have been told.")
            return redirect(death_url)
    return _private(
        render(
            request,
            "cdop/report_withdraw.html",
            {
                "report": report,
                "form": form,
                "cancel_url": death_url,
                "crumbs": _death_crumbs(partnership, report.death, "Withdraw a report"),
            },
        )
    )
