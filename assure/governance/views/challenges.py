"""The challenge log's pages. Each view finds the challenge through ``challenges_visible_to``, so
a challenge the person may not read answers 404, and calls one service to change it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from assure.accounts.permissions import is_agency_scoped
from assure.actions.forms import ActionForm
from assure.actions.selectors import action_agency_choices, action_owner_choices, actions_visible_to
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.links import linked_record, linked_url
from assure.core.navigation import Crumb, back_to, crumbs, partnership_url
from assure.core.tables import register_response
from assure.partnerships.years import financial_year_of

from ..filters_challenges import ChallengeFilter
from ..forms_challenges import (
    ChallengeAssessForm,
    ChallengeCloseForm,
    ChallengeEscalateForm,
    ChallengeForm,
    ChallengeReopenForm,
    ChallengeResponseForm,
    about_choices,
)
from ..models import Challenge
from ..permissions import (
    can_manage_challenges,
    can_raise_challenges,
    may_assess_challenge,
    may_close_challenge,
    may_escalate_challenge,
    may_raise_action_from_challenge,
    may_remind_about_challenge,
    may_reopen_challenge,
    may_respond_to_challenge,
)
from ..selectors.challenges import (
    challenge_events,
    challenge_summary,
    challengeable_agencies,
    challenges_visible_to,
    raiser_agencies,
)
from ..services.challenges import (
    challenge_action_raise,
    challenge_assess,
    challenge_close,
    challenge_escalate,
    challenge_raise,
    challenge_remind,
    challenge_reopen,
    challenge_respond,
)
from ..tables_challenges import ChallengeTable, days_words, status_tag


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, ("Challenge log", partnership_url("governance:challenges", partnership)), *trail)


def _trail(challenge: Challenge) -> Crumb:
    return (challenge.reference, challenge.get_absolute_url())


def _challenge(request: HttpRequest, pk: int) -> Challenge:
    return get_object_or_404(challenges_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def _allowed(request: HttpRequest, pk: int, predicate) -> Challenge:
    """The challenge, when the person may take this step on it now; 404 otherwise (a step not open
    to them is not offered, so its page does not exist for them)."""
    challenge = _challenge(request, pk)
    if not predicate(user=request.user, challenge=challenge):
        raise Http404
    return challenge


def _step_page(request, challenge: Challenge, form, *, template: str, crumb: str, **context) -> HttpResponse:
    return render(
        request,
        template,
        {
            "form": form,
            "challenge": challenge,
            "crumbs": _crumbs(request.partnership, _trail(challenge), (crumb, None)),
            **context,
        },
    )


@requires("challenges.view")
def challenges_log(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    challenges = challenges_visible_to(user=request.user, partnership=partnership)
    filterset = ChallengeFilter(request.GET or None, queryset=challenges, request=request)
    year = financial_year_of(timezone.localdate())
    return register_response(
        request,
        table=ChallengeTable(filterset.qs),
        filterset=filterset,
        template="governance/challenges/log.html",
        context={
            "summary": challenge_summary(user=request.user, partnership=partnership, year=year),
            "may_raise": can_raise_challenges(user=request.user, partnership=partnership),
            "agency_scoped": is_agency_scoped(user=request.user, partnership=partnership),
            "crumbs": crumbs(partnership, ("Challenge log", None)),
        },
        export_name=f"{partnership.slug}-challenges",
    )


def _about(request: HttpRequest, value: str):
    """The record a challenge is about, from a "key:id" choice: (record, label), (None, "") for
    none, or None when the person may not see it (or it does not exist)."""
    if not value:
        return None, ""
    key, _, pk = value.partition(":")
    found = linked_record(user=request.user, partnership=request.partnership, key=key, pk=pk)
    if found is None:
        return None
    kind, record = found
    return record, kind.describe(record)


@requires("challenges.raise")
def challenge_create(request: HttpRequest) -> HttpResponse:
    """Raise a challenge, from the log or about a record (``?about=<kind>:<id>``)."""
    partnership, user = request.partnership, request.user
    scoped = is_agency_scoped(user=user, partnership=partnership)
    raisers = raiser_agencies(user=user, partnership=partnership)
    initial = {}
    about_value = request.GET.get("about", "")
    if about_value and _about(request, about_value) is not None:
        initial["about"] = about_value
    if scoped and len(raisers) == 1:
        initial["raised_by_agency"] = raisers[0].pk
    form = ChallengeForm(
        request.POST or None,
        agencies=challengeable_agencies(user=user, partnership=partnership),
        raiser_agencies=raisers,
        abouts=about_choices(user=user, partnership=partnership),
        raiser_required=scoped,
        initial=initial,
    )
    about_label = ""
    if initial.get("about"):
        about_label = _about(request, initial["about"])[1]
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        about = _about(request, data.pop("about"))
        if about is None:
            form.add_error("about", "Choose a record you may see, or nothing.")
        else:
            try:
                challenge = challenge_raise(
                    actor=user, partnership=partnership, about=about[0], about_label=about[1], **data
                )
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(request, f"Challenge {challenge.reference} raised to {challenge.agency}.")
                return redirect(challenge)
    return render(
        request,
        "governance/challenges/challenge_form.html",
        {"form": form, "about_label": about_label, "crumbs": _crumbs(partnership, ("Raise a challenge", None))},
    )


@requires("challenges.view")
def challenge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = _challenge(request, pk)
    user, partnership = request.user, request.partnership
    about_url = linked_url(
        user=user, partnership=partnership, content_type=challenge.source_type, object_id=challenge.source_id
    )
    return render(
        request,
        "governance/challenges/detail.html",
        {
            "challenge": challenge,
            "status_tag": status_tag(challenge),
            "days_to_respond": days_words(challenge.days_to_respond),
            "about_url": about_url,
            "events": challenge_events(user=user, challenge=challenge),
            "actions": actions_visible_to(user=user, partnership=partnership, source=challenge).order_by("reference"),
            "may_respond": may_respond_to_challenge(user=user, challenge=challenge),
            "may_assess": may_assess_challenge(user=user, challenge=challenge),
            "may_escalate": may_escalate_challenge(user=user, challenge=challenge),
            "may_close": may_close_challenge(user=user, challenge=challenge),
            "may_reopen": may_reopen_challenge(user=user, challenge=challenge),
            "may_remind": may_remind_about_challenge(user=user, challenge=challenge),
            "may_raise_action": may_raise_action_from_challenge(user=user, challenge=challenge),
            "can_manage": can_manage_challenges(user=user, partnership=partnership),
            "crumbs": _crumbs(partnership, (challenge.reference, None)),
        },
    )


@requires("challenges.respond")
def challenge_respond_view(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = _allowed(request, pk, may_respond_to_challenge)
    form = ChallengeResponseForm(request.POST or None, initial={"response": challenge.response})
    if request.method == "POST" and form.is_valid():
        try:
            challenge_respond(actor=request.user, challenge=challenge, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"The response to challenge {challenge.reference} is recorded.")
            return redirect(challenge)
    return _step_page(
        request, challenge, form, template="governance/challenges/respond_form.html", crumb="Record the response"
    )


@requires("challenges.manage")
def challenge_assess_view(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = _allowed(request, pk, may_assess_challenge)
    form = ChallengeAssessForm(
        request.POST or None, initial={"satisfied": challenge.satisfied, "impact": challenge.impact}
    )
    if request.method == "POST" and form.is_valid():
        try:
            challenge_assess(actor=request.user, challenge=challenge, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"The assessment of challenge {challenge.reference} is recorded.")
            return redirect(challenge)
    return _step_page(
        request, challenge, form, template="governance/challenges/assess_form.html", crumb="Assess the response"
    )


@requires("challenges.manage")
def challenge_escalate_view(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = _allowed(request, pk, may_escalate_challenge)
    form = ChallengeEscalateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            challenge_escalate(actor=request.user, challenge=challenge, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(
                request,
                f"Challenge {challenge.reference} is escalated {challenge.get_escalation_display().lower()}.",
            )
            return redirect(challenge)
    return _step_page(request, challenge, form, template="governance/challenges/escalate_form.html", crumb="Escalate")


@requires("challenges.manage")
def challenge_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Close a challenge, after confirming on this page: with the board's assessment once the
    agency has responded, or a note saying why it is closed without one."""
    challenge = _allowed(request, pk, may_close_challenge)
    form = ChallengeCloseForm(
        request.POST or None,
        answered=bool(challenge.response),
        initial={"satisfied": challenge.satisfied, "impact": challenge.impact},
    )
    if request.method == "POST" and form.is_valid():
        try:
            challenge_close(actor=request.user, challenge=challenge, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Challenge {challenge.reference} is closed.")
            return redirect(challenge)
    return _step_page(request, challenge, form, template="governance/challenges/close_form.html", crumb="Close")


@requires("challenges.manage")
def challenge_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = _allowed(request, pk, may_reopen_challenge)
    form = ChallengeReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            challenge_reopen(actor=request.user, challenge=challenge, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Challenge {challenge.reference} is reopened.")
            return redirect(challenge)
    return _step_page(request, challenge, form, template="governance/challenges/reopen_form.html", crumb="Reopen")


@requires("challenges.manage")
def challenge_remind_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The business unit's "Send a reminder": asks for confirmation on GET; on POST reminds the
    agency's leads (once a day) and goes back to the page the button was on."""
    challenge = _allowed(request, pk, may_remind_about_challenge)
    if request.method != "POST":
        return render(
            request,
            "governance/challenges/remind.html",
            {
                "challenge": challenge,
                "next": back_to(request, challenge.get_absolute_url()),
                "crumbs": _crumbs(request.partnership, _trail(challenge), ("Send a reminder", None)),
            },
        )
    if challenge_remind(actor=request.user, challenge=challenge) is None:
        messages.info(
            request,
            f"No reminder about challenge {challenge.reference} was sent: it was already reminded today, "
            f"or {challenge.agency} has no lead with an account.",
        )
    else:
        messages.success(request, f"Reminder about challenge {challenge.reference} sent to {challenge.agency}.")
    return redirect(back_to(request, challenge.get_absolute_url()))


@requires("challenges.manage")
def challenge_action(request: HttpRequest, pk: int) -> HttpResponse:
    """Raise an action in the tracker from the challenge."""
    challenge = _allowed(request, pk, may_raise_action_from_challenge)
    partnership = request.partnership
    form = ActionForm(
        request.POST or None,
        agencies=action_agency_choices(user=request.user, partnership=partnership),
        owners=action_owner_choices(user=request.user, partnership=partnership),
        initial={"owner_agency": challenge.agency_id, "title": challenge.subject},
    )
    if request.method == "POST" and form.is_valid():
        try:
            action = challenge_action_raise(actor=request.user, challenge=challenge, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Action {action.reference} raised from challenge {challenge.reference}.")
            return redirect(challenge)
    return _step_page(
        request, challenge, form, template="governance/challenges/action_form.html", crumb="Raise an action"
    )
