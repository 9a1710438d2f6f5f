"""The designated officer's pages for handling an open referral: the initial consideration, the
police, the employer's actions, the referrals to the Disclosure and Barring Service and a
regulator, the meetings, closing with the outcome and reopening. Every page is about one
allegation: it needs the ``lado`` grant (a referral out of reach answers 404), logs the read
before it renders and is never stored by the browser."""

from contextlib import suppress

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.utils.cache import patch_cache_control

from assure.audit.services import restricted_read_record
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.library.selectors import current_items

from ..clocks import is_allegation
from ..forms_handling import (
    CloseForm,
    ConfirmForm,
    ConsiderationForm,
    EmployerForm,
    MeetingForm,
    OnwardForm,
    PoliceForm,
    ReopenForm,
    yes_no,
)
from ..models import Meeting, Referral
from ..permissions import LADO_AREA, may_handle_referral, may_reopen_referral
from ..selectors.handling import meeting_for, referral_page_url, titles_of
from ..selectors.referrals_base import referral_for
from ..services.handling import (
    EMPLOYMENT_OUTCOME,
    MEETING_KIND,
    POLICE_RESULT,
    REGULATOR,
    consideration_record,
    dbs_duty_warning,
    employer_actions_record,
    meeting_add,
    meeting_remove,
    meeting_update,
    onward_referrals_record,
    outcome_items,
    police_record,
    referral_close,
    referral_reopen,
)

SECTION = "Allegations"


def referral_url(request: HttpRequest, referral: Referral) -> str:
    """The referral's page; while there is none, its initial consideration."""
    return referral_page_url(request.partnership, referral.pk) or partnership_url(
        "lado:referral_consideration", request.partnership, pk=referral.pk
    )


def referral_crumbs(request: HttpRequest, referral: Referral, title: str) -> list[Crumb]:
    trail: list[Crumb] = []
    with suppress(NoReverseMatch):
        trail.append((SECTION, partnership_url("lado:referrals", request.partnership)))
    return crumbs(request.partnership, *trail, (referral.reference, referral_url(request, referral)), (title, None))


def private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def page(request: HttpRequest, template: str, referral: Referral, title: str, context: dict) -> HttpResponse:
    """Render a page about one referral: its read logged first, never stored by the browser."""
    restricted_read_record(
        user=request.user,
        partnership=request.partnership,
        area=LADO_AREA,
        record=referral,
        label=f"{title}: allegation referral {referral.reference}",
    )
    response = render(
        request,
        template,
        {
            "referral": referral,
            "title": title,
            "back": referral_url(request, referral),
            **context,
            "crumbs": referral_crumbs(request, referral, title),
        },
    )
    return private(response)


def _readable(request: HttpRequest, pk) -> Referral:
    referral = referral_for(user=request.user, partnership=request.partnership, pk=pk)
    if referral is None:
        raise Http404
    return referral


def handled(request: HttpRequest, pk) -> Referral:
    """The open referral the officer handles: 404 out of reach, refused when not open."""
    referral = _readable(request, pk)
    if not may_handle_referral(user=request.user, partnership=request.partnership, referral=referral):
        raise PermissionDenied
    return referral


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def done(request: HttpRequest, referral: Referral, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect(referral_url(request, referral))


def _save(request, form, referral, service, message: str, **values) -> HttpResponse | None:
    """Call the service with the form's values: back to the referral when it took them, None
    (the page again, with the service's errors on the form) when it did not."""
    try:
        service(actor=request.user, partnership=request.partnership, referral=referral, **values)
    except ValidationError as error:
        attach(form, error)
        return None
    return done(request, referral, message)


def _record_page(request, pk, *, initial_of, make_form, service, done_message, template: str, title: str):
    """A page recording one part of an open referral's handling: the form filled in from the
    referral, the service called with its values, back to the referral when it took them."""
    referral = handled(request, pk)
    form = make_form(_posted(request), initial_of(referral))
    if request.method == "POST" and form.is_valid():
        response = _save(request, form, referral, service, done_message.format(referral.reference), **form.cleaned_data)
        if response:
            return response
    return page(request, template, referral, title, {"form": form})


# --- the initial consideration --------------------------------------------------------------------


@requires("lado.manage")
def consideration(request: HttpRequest, pk: int) -> HttpResponse:
    return _record_page(
        request,
        pk,
        initial_of=lambda referral: {
            "considered_on": referral.considered_on,
            "threshold_met": yes_no(referral.threshold_met),
            "advice_given": referral.advice_given,
        },
        make_form=lambda data, initial: ConsiderationForm(data, initial=initial),
        service=consideration_record,
        done_message="The initial consideration of {} is recorded.",
        template="lado/handling_consideration.html",
        title="Initial consideration",
    )


# --- the police -----------------------------------------------------------------------------------


@requires("lado.manage")
def police(request: HttpRequest, pk: int) -> HttpResponse:
    return _record_page(
        request,
        pk,
        initial_of=lambda referral: {
            "police_investigation": yes_no(referral.police_investigation),
            "police_started_on": referral.police_started_on,
            "police_result": referral.police_result,
            "police_result_on": referral.police_result_on,
        },
        make_form=lambda data, initial: PoliceForm(
            data, initial=initial, results=list(current_items(kind=POLICE_RESULT))
        ),
        service=police_record,
        done_message="The police investigation of {} is recorded.",
        template="lado/handling_police.html",
        title="The police",
    )


# --- the employer's actions -----------------------------------------------------------------------


@requires("lado.manage")
def employer(request: HttpRequest, pk: int) -> HttpResponse:
    return _record_page(
        request,
        pk,
        initial_of=lambda referral: {
            "suspended": referral.suspended,
            "suspended_from": referral.suspended_from,
            "suspended_to": referral.suspended_to,
            "redeployed": referral.redeployed,
            "disciplinary": referral.disciplinary,
            "employment_outcome": referral.employment_outcome,
        },
        make_form=lambda data, initial: EmployerForm(
            data, initial=initial, outcomes=list(current_items(kind=EMPLOYMENT_OUTCOME))
        ),
        service=employer_actions_record,
        done_message="The employer's actions on {} are recorded.",
        template="lado/handling_employer.html",
        title="The employer's actions",
    )


# --- referrals to the Disclosure and Barring Service and a regulator ------------------------------


@requires("lado.manage")
def onward(request: HttpRequest, pk: int) -> HttpResponse:
    referral = handled(request, pk)
    initial = {
        "dbs_referral": yes_no(referral.dbs_referral),
        "dbs_referred_on": referral.dbs_referred_on,
        "regulator_referral": yes_no(referral.regulator_referral),
        "regulator": referral.regulator,
        "regulator_referred_on": referral.regulator_referred_on,
    }
    form = OnwardForm(_posted(request), initial=initial, regulators=list(current_items(kind=REGULATOR)))
    if request.method == "POST" and form.is_valid():
        try:
            onward_referrals_record(
                actor=request.user, partnership=request.partnership, referral=referral, **form.cleaned_data
            )
        except ValidationError as error:
            attach(form, error)
        else:
            if warning := dbs_duty_warning(referral):
                messages.warning(request, warning)
            return done(request, referral, f"The onward referrals of {referral.reference} are recorded.")
    return page(
        request,
        "lado/handling_onward.html",
        referral,
        "Referrals to the Disclosure and Barring Service and a regulator",
        {"form": form},
    )


# --- closing and reopening ------------------------------------------------------------------------


@requires("lado.manage")
def close(request: HttpRequest, pk: int) -> HttpResponse:
    referral = handled(request, pk)
    allegation = is_allegation(referral.category)
    form = CloseForm(
        _posted(request),
        initial={"learning": referral.learning},
        outcomes=list(outcome_items()),
        allegation=allegation,
    )
    if request.method == "POST" and form.is_valid():
        outcome = form.chosen_outcome()
        try:
            referral_close(
                actor=request.user,
                partnership=request.partnership,
                referral=referral,
                outcome=outcome,
                closed_on=form.cleaned_data["closed_on"],
                learning=form.cleaned_data["learning"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            if warning := dbs_duty_warning(referral):
                messages.warning(request, warning)
            return done(request, referral, f"{referral.reference} is closed.")
    return page(
        request,
        "lado/handling_close.html",
        referral,
        "Close the referral",
        {"form": form, "allegation": allegation, "category": titles_of("lado-category").get(referral.category, "")},
    )


@requires("lado.manage")
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _readable(request, pk)
    if not may_reopen_referral(user=request.user, partnership=request.partnership, referral=referral):
        raise PermissionDenied
    form = ReopenForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            referral_reopen(
                actor=request.user,
                partnership=request.partnership,
                referral=referral,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            return done(request, referral, f"{referral.reference} is reopened.")
    return page(request, "lado/handling_reopen.html", referral, "Reopen the referral", {"form": form})


# --- meetings -------------------------------------------------------------------------------------


def _meeting(request: HttpRequest, pk) -> tuple[Meeting, Referral]:
    meeting = meeting_for(user=request.user, partnership=request.partnership, pk=pk)
    if meeting is None:
        raise Http404
    return meeting, handled(request, meeting.referral_id)


def _meeting_values(form: MeetingForm) -> dict:
    return {name: form.cleaned_data[name] for name in ("kind", "held_on", "attendees", "decisions")}


@requires("lado.manage")
def meeting_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    referral = handled(request, pk)
    form = MeetingForm(_posted(request), kinds=list(current_items(kind=MEETING_KIND)))
    if request.method == "POST" and form.is_valid():
        response = _save(
            request,
            form,
            referral,
            meeting_add,
            f"The meeting is added to {referral.reference}.",
            **_meeting_values(form),
        )
        if response:
            return response
    return page(request, "lado/meeting_form.html", referral, "Add a meeting", {"form": form})


@requires("lado.manage")
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, referral = _meeting(request, pk)
    initial = {
        "kind": meeting.kind,
        "held_on": meeting.held_on,
        "attendees": meeting.attendees,
        "decisions": meeting.decisions,
    }
    form = MeetingForm(_posted(request), initial=initial, kinds=list(current_items(kind=MEETING_KIND)))
    if request.method == "POST" and form.is_valid():
        try:
            meeting_update(
                actor=request.user, partnership=request.partnership, meeting=meeting, **_meeting_values(form)
            )
        except ValidationError as error:
            attach(form, error)
        else:
            return done(request, referral, f"The meeting of {referral.reference} is changed.")
    return page(request, "lado/meeting_form.html", referral, "Change a meeting", {"form": form, "meeting": meeting})


@requires("lado.manage")
def meeting_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, referral = _meeting(request, pk)
    form = ConfirmForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            meeting_remove(actor=request.user, partnership=request.partnership, meeting=meeting)
        except ValidationError as error:
            attach(form, error)
        else:
            return done(request, referral, f"The meeting is removed from {referral.reference}.")
    return page(
        request,
        "lado/meeting_remove.html",
        referral,
        "Remove a meeting",
        {"form": form, "meeting": meeting, "kind": titles_of(MEETING_KIND).get(meeting.kind, meeting.kind)},
    )
