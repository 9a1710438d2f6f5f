"""The pages of conference quality assurance: the conferences checked (for those who read the
board's figures, and for those who record checklists), recording a conference and answering its
checklist on the questionnaire engine, one conference's answers, and the year's table with the
analysis of absences. Each finds a conference through ``conferences_visible_to``, so one the person
may not see answers 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import EXPORT_FORMATS, export_response, register_response
from assure.partnerships.years import current_financial_year, financial_year_problem
from assure.questionnaires.charts import compared_chart
from assure.questionnaires.exports import compared_export
from assure.questionnaires.pages import answer_page, answers_summary

from ..filters_conferences import ConferenceFilter
from ..forms_conferences import ConferenceForm
from ..models import Conference
from ..permissions import can_record_conferences, can_view_conferences, may_answer_checklist
from ..selectors.conferences import (
    checklist_title,
    conference_absences,
    conference_year_table,
    conference_years,
    conferences_visible_to,
)
from ..services.conferences import conference_checklist_submit, conference_record
from ..tables_conferences import ConferenceTable, checklist_status

TITLE = "Conference quality assurance"


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("audits:conferences", partnership)), *trail)


def _recorder_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(
        partnership, ("Conference checklists", partnership_url("audits:conferences_recorded", partnership)), *trail
    )


def _conference(request: HttpRequest, pk: int) -> Conference:
    return get_object_or_404(conferences_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def _register(request: HttpRequest, *, template: str, detail: str, context: dict) -> HttpResponse:
    partnership = request.partnership
    conferences = conferences_visible_to(user=request.user, partnership=partnership).select_related("partnership")
    filterset = ConferenceFilter(
        request.GET or None,
        queryset=conferences,
        request=request,
        years=conference_years(user=request.user, partnership=partnership),
    )
    return register_response(
        request,
        table=ConferenceTable(filterset.qs, detail=detail),
        filterset=filterset,
        template=template,
        context={
            "can_record": can_record_conferences(user=request.user, partnership=partnership),
            "can_view": can_view_conferences(user=request.user, partnership=partnership),
            **context,
        },
        export_name=f"{partnership.slug}-conferences",
    )


@requires("conferences.view")
def register(request: HttpRequest) -> HttpResponse:
    return _register(
        request,
        template="audits/conferences/register.html",
        detail="audits:conference_detail",
        context={"crumbs": crumbs(request.partnership, (TITLE, None))},
    )


@requires("conferences.record")
def recorded(request: HttpRequest) -> HttpResponse:
    return _register(
        request,
        template="audits/conferences/recorded.html",
        detail="audits:conference_checklist",
        context={"crumbs": crumbs(request.partnership, ("Conference checklists", None))},
    )


@requires("conferences.record")
def create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    form = ConferenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            conference = conference_record(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{conference} recorded. Now answer its checklist.")
            return redirect(partnership_url("audits:conference_checklist", partnership, pk=conference.pk))
    return render(
        request,
        "audits/conferences/conference_form.html",
        {"form": form, "crumbs": _recorder_crumbs(partnership, ("Record a conference", None))},
    )


def _details(conference: Conference) -> list[tuple[str, str]]:
    return [
        ("Date of the conference", f"{conference.held_on.day} {conference.held_on:%B %Y}"),
        ("Chair", conference.chair),
        ("Case reference", conference.case_reference or "Not recorded"),
        ("Checklist", checklist_status(conference)),
        ("Recorded by", conference.recorded_by.full_name or conference.recorded_by.email),
    ]


@requires("conferences.view")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    conference = _conference(request, pk)
    return render(
        request,
        "audits/conferences/detail.html",
        {
            "conference": conference,
            "details": _details(conference),
            "title": checklist_title(conference),
            "answers": answers_summary(conference.response) if conference.response else [],
            "may_answer": may_answer_checklist(user=request.user, conference=conference),
            "crumbs": _crumbs(request.partnership, (str(conference), None)),
        },
    )


@requires("conferences.record")
def checklist(request: HttpRequest, pk: int) -> HttpResponse:
    conference = _conference(request, pk)
    partnership = request.partnership
    here = partnership_url("audits:conference_checklist", partnership, pk=conference.pk)
    context = {
        "conference": conference,
        "details": _details(conference),
        "title": checklist_title(conference),
        "crumbs": _recorder_crumbs(partnership, (str(conference), None)),
    }
    if conference.response is None or conference.response.is_locked:
        context["answers"] = answers_summary(conference.response) if conference.response else []
        return render(request, "audits/conferences/checklist_done.html", context)

    def submit(response) -> None:
        conference_checklist_submit(actor=request.user, conference=conference)
        messages.success(request, f"The checklist of the {conference} has been submitted.")

    return answer_page(
        request,
        response=conference.response,
        template="audits/conferences/checklist.html",
        context=context,
        editable=may_answer_checklist(user=request.user, conference=conference),
        on_submit=submit,
        done_url=here,
    )


def _year_asked(request: HttpRequest, years: list[str]) -> str:
    asked = request.GET.get("year", "")
    if asked and financial_year_problem(asked) is None:
        return asked
    return years[0] if years else current_financial_year()


@requires("conferences.view")
def year(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    years = conference_years(user=request.user, partnership=partnership)
    chosen = _year_asked(request, years)
    table = conference_year_table(user=request.user, partnership=partnership, year=chosen)
    absences = conference_absences(user=request.user, partnership=partnership, year=chosen)
    export_format = request.GET.get("_export")
    if export_format in EXPORT_FORMATS:
        if request.GET.get("table") == "absences":
            return export_response(
                headers=["Agency", "Conferences it was absent from", "% of the conferences with an agency absent"],
                rows=[[a.agency, a.conferences, "" if a.percent is None else a.percent] for a in absences.agencies],
                name=f"{partnership.slug}-conference-absences-{chosen}",
                export_format=export_format,
            )
        return compared_export(
            table.rows, name=f"{partnership.slug}-conference-quality-{chosen}", export_format=export_format
        )
    title = f"Child protection conference quality, {table.years[-1] if table.years else chosen}"
    return render(
        request,
        "audits/conferences/year.html",
        {
            "year": chosen,
            "years": sorted(set(years) | {chosen}, reverse=True),
            "table": table,
            "rows": [
                {"label": row.label, "asked_when": row.asked_when, "figures": [row.figure(y) for y in table.years]}
                for row in table.rows
            ],
            "chart": compared_chart(table.rows, title=title) if table.rows else None,
            "absences": absences,
            "crumbs": _crumbs(partnership, (f"The year {chosen}", None)),
        },
    )
