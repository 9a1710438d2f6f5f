"""The pages of serious incidents: the register (each clock's state, the rapid review's decision),
recording and correcting an incident, its page (the clocks, the steps recorded and a form for the
next, and the case details for those with a case-review grant, every read logged), and a page for
each step: the notification to the national panel, the rapid review, the panel's response and
closing it. Each finds the incident through ``incidents_visible_to``, so one the person may not
see answers 404. Pages that may show case details are sent ``no-store``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.cache import patch_cache_control

from assure.audit.services import restricted_read_record
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response
from assure.partnerships.selectors.agencies import partnership_agencies

from ..clocks import Rules, incident_clocks
from ..filters_incidents import IncidentFilter
from ..forms_incidents import IncidentForm, NotifyForm, PanelResponseForm, RapidReviewForm
from ..models import Incident
from ..permissions import CASE_REVIEW_AREA, can_manage_reviews, can_read_case_content, may_change_incident
from ..selectors.incidents import incident_steps, incident_years, incidents_visible_to, referral_choices
from ..services.incidents import (
    incident_close,
    incident_notify,
    incident_panel_response,
    incident_rapid_review,
    incident_record,
    incident_update,
)
from ..tables_incidents import IncidentTable

TITLE = "Serious incidents"
# The fields of the incident's form that are named case content (case-review grant).
RESTRICTED_FIELDS = ("case_reference", "child_age_years", "circumstances")


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("reviews:incidents", partnership)), *trail)


def _incident_crumbs(partnership, incident: Incident, here: str) -> list[Crumb]:
    detail = partnership_url("reviews:incident_detail", partnership, pk=incident.pk)
    return _crumbs(partnership, (str(incident), detail), (here, None))


def _incident(request: HttpRequest, pk: int) -> Incident:
    return get_object_or_404(incidents_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _detail_url(incident: Incident) -> str:
    return partnership_url("reviews:incident_detail", incident.partnership, pk=incident.pk)


def _address(name: str, partnership, pk: int | None) -> str:
    """The page of a related record (a review, a case consideration), or "" without one."""
    if pk is None:
        return ""
    try:
        return partnership_url(name, partnership, pk=pk)
    except NoReverseMatch:
        return ""


def _log_read(request: HttpRequest, incident: Incident) -> None:
    restricted_read_record(
        user=request.user,
        partnership=request.partnership,
        area=CASE_REVIEW_AREA,
        record=incident,
        label=f"Case details of serious incident {incident.reference}",
    )


@requires("reviews.view")
def register(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    rules = Rules(partnership)
    filterset = IncidentFilter(
        request.GET or None,
        queryset=incidents_visible_to(user=request.user, partnership=partnership),
        request=request,
        years=incident_years(user=request.user, partnership=partnership),
        outcomes=rules.scheme.rapid_review_outcomes,
    )
    return register_response(
        request,
        table=IncidentTable(filterset.qs, partnership=partnership, rules=rules, today=timezone.localdate()),
        filterset=filterset,
        template="reviews/incidents/register.html",
        context={
            "can_manage": can_manage_reviews(user=request.user, partnership=partnership),
            "crumbs": crumbs(partnership, (TITLE, None)),
        },
        export_name=f"{partnership.slug}-serious-incidents",
    )


def _incident_form(request: HttpRequest, **kwargs) -> IncidentForm:
    partnership = request.partnership
    return IncidentForm(
        request.POST or None,
        agencies=partnership_agencies(user=request.user, partnership=partnership),
        referrals=referral_choices(user=request.user, partnership=partnership),
        **kwargs,
    )


@requires("reviews.manage")
def create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    form = _incident_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            incident = incident_record(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{incident} recorded. The notification to the national panel is now due.")
            return redirect(_detail_url(incident))
    return _private(
        render(
            request,
            "reviews/incidents/incident_form.html",
            {
                "form": form,
                "heading": "Record a serious incident",
                "button": "Record the incident",
                "cancel_url": partnership_url("reviews:incidents", partnership),
                "crumbs": _crumbs(partnership, ("Record a serious incident", None)),
            },
        )
    )


@requires("reviews.manage")
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    incident = _incident(request, pk)
    if not may_change_incident(user=request.user, incident=incident):
        messages.info(request, f"{incident} is closed: it can no longer be changed.")
        return redirect(_detail_url(incident))
    reads_case = can_read_case_content(user=request.user, partnership=partnership)
    initial = {
        "summary": incident.summary,
        "lead_agency": incident.lead_agency_id,
        "aware_on": incident.aware_on,
        "referral": incident.referral_id,
    }
    if reads_case:
        initial.update({name: getattr(incident, name) for name in RESTRICTED_FIELDS})
    form = _incident_form(request, initial=initial)
    if not reads_case:
        for name in RESTRICTED_FIELDS:
            del form.fields[name]
    if request.method == "POST" and form.is_valid():
        try:
            incident_update(actor=request.user, incident=incident, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{incident} updated.")
            return redirect(_detail_url(incident))
    if reads_case and request.method == "GET":
        _log_read(request, incident)
    return _private(
        render(
            request,
            "reviews/incidents/incident_form.html",
            {
                "form": form,
                "incident": incident,
                "heading": f"Change {incident}",
                "button": "Save the changes",
                "reads_case": reads_case,
                "cancel_url": _detail_url(incident),
                "crumbs": _incident_crumbs(partnership, incident, "Change"),
            },
        )
    )


def _next_step(request: HttpRequest, incident: Incident, rules: Rules) -> dict | None:
    """The next step of an open incident and an empty form for it, for the business unit."""
    if not may_change_incident(user=request.user, incident=incident):
        return None
    if incident.notified_on is None:
        return {
            "heading": "Notify the national panel",
            "url": partnership_url("reviews:incident_notify", incident.partnership, pk=incident.pk),
            "form": NotifyForm(),
            "button": "Record the notification",
        }
    if incident.rapid_review_on is None:
        return {
            "heading": "Record the rapid review",
            "url": partnership_url("reviews:incident_rapid_review", incident.partnership, pk=incident.pk),
            "form": RapidReviewForm(outcomes=rules.scheme.rapid_review_outcomes),
            "button": "Record the rapid review",
        }
    if not incident.panel_response:
        return {
            "heading": "Record the national panel's response",
            "url": partnership_url("reviews:incident_panel_response", incident.partnership, pk=incident.pk),
            "form": PanelResponseForm(responses=rules.scheme.panel_responses),
            "button": "Record the response",
        }
    return None


@requires("reviews.view")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    incident = _incident(request, pk)
    rules = Rules(partnership)
    reads_case = can_read_case_content(user=request.user, partnership=partnership)
    if reads_case:
        _log_read(request, incident)
    scheme = rules.scheme
    return _private(
        render(
            request,
            "reviews/incidents/detail.html",
            {
                "incident": incident,
                "clocks": incident_clocks(incident, timezone.localdate(), rules=rules),
                "outcome": scheme.title_of("rapid_review_outcomes", incident.rapid_review_outcome)
                if incident.rapid_review_outcome
                else "",
                "panel_response": scheme.title_of("panel_responses", incident.panel_response)
                if incident.panel_response
                else "",
                "review_url": _address("reviews:review_detail", partnership, incident.review_id),
                "referral_url": _address("reviews:referral_detail", partnership, incident.referral_id),
                "steps": incident_steps(user=request.user, incident=incident),
                "reads_case": reads_case,
                "may_change": may_change_incident(user=request.user, incident=incident),
                "next_step": _next_step(request, incident, rules),
                "crumbs": _crumbs(partnership, (str(incident), None)),
            },
        )
    )


def _step_page(request: HttpRequest, incident: Incident, *, form, heading: str, lede: str, button: str, blocked=""):
    return _private(
        render(
            request,
            "reviews/incidents/step_form.html",
            {
                "incident": incident,
                "form": form,
                "heading": heading,
                "lede": lede,
                "button": button,
                "blocked": blocked,
                "cancel_url": _detail_url(incident),
                "crumbs": _incident_crumbs(request.partnership, incident, heading),
            },
        )
    )


def _closed(request: HttpRequest, incident: Incident) -> HttpResponse | None:
    if may_change_incident(user=request.user, incident=incident):
        return None
    messages.info(request, f"{incident} is closed: its steps can no longer be changed.")
    return redirect(_detail_url(incident))


@requires("reviews.manage")
def notify(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident(request, pk)
    if closed := _closed(request, incident):
        return closed
    form = NotifyForm(request.POST or None, initial={"notified_on": incident.notified_on})
    if request.method == "POST" and form.is_valid():
        try:
            incident_notify(actor=request.user, incident=incident, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"The notification of {incident} to the national panel is recorded.")
            return redirect(_detail_url(incident))
    return _step_page(
        request,
        incident,
        form=form,
        heading="Notify the national panel",
        lede="The local authority notifies the Child Safeguarding Practice Review Panel within five working days "
        "of becoming aware of the incident. Recording the date stops that clock and starts the rapid review's.",
        button="Record the notification",
    )


@requires("reviews.manage")
def rapid_review(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident(request, pk)
    if closed := _closed(request, incident):
        return closed
    partnership = request.partnership
    reads_case = can_read_case_content(user=request.user, partnership=partnership)
    outcomes = Rules(partnership).scheme.rapid_review_outcomes
    initial = {"rapid_review_on": incident.rapid_review_on, "outcome": incident.rapid_review_outcome or None}
    if reads_case:
        initial["reasons"] = incident.rapid_review_reasons
    form = RapidReviewForm(request.POST or None, outcomes=outcomes, initial=initial)
    keeps_reasons = bool(incident.rapid_review_reasons) and not reads_case
    if keeps_reasons:
        form.fields["reasons"].required = False
        form.fields["reasons"].help_text = (
            "The reasons already recorded need a case-review grant to read. Leave this empty to keep them, or "
            "write new reasons in their place."
        )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if keeps_reasons and not data["reasons"].strip():
            data["reasons"] = None
        try:
            updated = incident_rapid_review(actor=request.user, incident=incident, **data)
        except ValidationError as error:
            attach(form, error)
        else:
            if updated.review is not None and incident.review_id is None:
                messages.success(
                    request,
                    f"The rapid review of {incident} is recorded, and review {updated.review.reference} commissioned.",
                )
            else:
                messages.success(request, f"The rapid review of {incident} is recorded.")
            return redirect(_detail_url(incident))
    if reads_case and incident.rapid_review_reasons and request.method == "GET":
        _log_read(request, incident)
    blocked = (
        ""
        if incident.notified_on
        else "Record the notification to the national panel first: the rapid review's clock starts from it."
    )
    return _step_page(
        request,
        incident,
        form=form,
        heading="Record the rapid review",
        lede="The safeguarding partners send their rapid review to the national panel within fifteen working days "
        "of the notification, with their decision on a local child safeguarding practice review.",
        button="Record the rapid review",
        blocked=blocked,
    )


@requires("reviews.manage")
def panel_response(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident(request, pk)
    if closed := _closed(request, incident):
        return closed
    responses = Rules(request.partnership).scheme.panel_responses
    form = PanelResponseForm(
        request.POST or None,
        responses=responses,
        initial={"response": incident.panel_response or None, "responded_on": incident.panel_response_on},
    )
    if request.method == "POST" and form.is_valid():
        try:
            incident_panel_response(actor=request.user, incident=incident, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"The national panel's response to {incident} is recorded.")
            return redirect(_detail_url(incident))
    blocked = "" if incident.rapid_review_on else "Record the rapid review first: the national panel responds to it."
    return _step_page(
        request,
        incident,
        form=form,
        heading="Record the national panel's response",
        lede="The Child Safeguarding Practice Review Panel says whether it agrees with the rapid review's decision.",
        button="Record the response",
        blocked=blocked,
    )


@requires("reviews.manage")
def close(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident(request, pk)
    detail_url = _detail_url(incident)
    may_close = may_change_incident(user=request.user, incident=incident)
    if request.method == "POST" and may_close:
        incident_close(actor=request.user, incident=incident)
        messages.success(request, f"{incident} closed.")
        return redirect(detail_url)
    waiting = [
        step
        for step, done in (
            ("the notification to the national panel", incident.notified_on),
            ("the rapid review", incident.rapid_review_on),
            ("the national panel's response", incident.panel_response),
        )
        if not done
    ]
    description = (
        "Close the incident when nothing more is awaited of it. Its clocks are then no longer listed among the "
        "open ones; a local review that followed carries on as a review of its own."
    )
    if waiting:
        description += f" Not yet recorded: {', '.join(waiting)}."
    return render(
        request,
        "core/confirm_delete.html",
        {
            "heading": f"Close {incident}",
            "description": description,
            "button": "Close the incident",
            "cancel_url": detail_url,
            "blocked": not may_close,
            "problem": "" if may_close else f"{incident} is already closed.",
            "back_label": "Back to the incident",
            "crumbs": _incident_crumbs(request.partnership, incident, "Close"),
        },
    )
