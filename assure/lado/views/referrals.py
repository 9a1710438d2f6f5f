"""The designated officer's pages of referrals: the register by urgency and its download, the
officer's own record of a referral and its corrections, the referral's page (its details, the
person it is about, its clocks, its handling and its history), and accepting or declining a draft
from an employer.

Every page needs ``lado.manage`` and the ``lado`` grant (403 without it); a referral the officer
may not read answers 404. Every page about one referral logs the read and is sent ``no-store``.
Titles and breadcrumbs name a referral by its reference, never the person."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control

from assure.audit.services import restricted_read_record
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response

from ..clocks import referral_reading
from ..filters_referrals import ReferralFilter
from ..forms_referrals import EDIT, OFFICER, DeclineForm, ReferralForm, initial_of
from ..models import Referral
from ..permissions import LADO_AREA, ensure_can_manage_cases, may_edit_referral
from ..pipeline import step_to
from ..selectors.handling import handling_for_referral_page
from ..selectors.people import person_for_referral_page
from ..selectors.referrals import (
    by_urgency,
    lateness,
    library_titles,
    partnership_agencies,
    referral_history,
    referral_titles,
    referral_years,
    referrals_register,
)
from ..selectors.referrals_base import referral_for
from ..services.referrals import referral_accept, referral_decline, referral_record, referral_update
from ..tables_referrals import ReferralTable

TITLE = "Allegations"


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("lado:referrals", partnership)), *trail)


def _referral_crumbs(partnership, referral: Referral, here: str) -> list[Crumb]:
    return _crumbs(partnership, (referral.reference, _detail_url(partnership, referral)), (here, None))


def _detail_url(partnership, referral: Referral) -> str:
    return partnership_url("lado:referral_detail", partnership, pk=referral.pk)


def _posted(request: HttpRequest):
    """What was sent, when something was (an empty form sent is still a form sent)."""
    return request.POST if request.method == "POST" else None


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _referral(request: HttpRequest, pk: int) -> Referral:
    ensure_can_manage_cases(user=request.user, partnership=request.partnership)
    referral = referral_for(user=request.user, partnership=request.partnership, pk=pk)
    if referral is None:
        raise Http404
    return referral


def _log_read(request: HttpRequest, referral: Referral, *people) -> None:
    """Log the read of the referral, and of each person whose name the page shows."""
    restricted_read_record(
        user=request.user,
        partnership=request.partnership,
        area=LADO_AREA,
        record=referral,
        label=f"Allegation referral {referral.reference}",
    )
    for person in {person.pk: person for person in people if person is not None}.values():
        restricted_read_record(
            user=request.user, partnership=request.partnership, area=LADO_AREA, record=person, label=str(person)
        )


@requires("lado.manage")
def register(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    ensure_can_manage_cases(user=request.user, partnership=partnership)
    referrals = referrals_register(user=request.user, partnership=partnership)
    filterset = ReferralFilter(
        request.GET or None,
        queryset=referrals,
        request=request,
        years=referral_years(user=request.user, partnership=partnership),
    )
    rows = by_urgency(filterset.qs, today=timezone.localdate())
    return _private(
        register_response(
            request,
            table=ReferralTable(
                rows,
                partnership=partnership,
                sectors=library_titles("lado-sector"),
                categories=library_titles("lado-category"),
            ),
            filterset=filterset,
            template="lado/referral_list.html",
            context={"crumbs": crumbs(partnership, (TITLE, None))},
            export_name=f"{partnership.slug}-allegations",
        )
    )


def _form_page(request: HttpRequest, context: dict) -> HttpResponse:
    return _private(render(request, "lado/referral_form.html", context))


@requires("lado.manage")
def create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    ensure_can_manage_cases(user=request.user, partnership=partnership)
    form = ReferralForm(_posted(request), variant=OFFICER, agencies=partnership_agencies(partnership))
    if request.method == "POST" and form.is_valid():
        values, children = form.service_values()
        try:
            referral = referral_record(actor=request.user, partnership=partnership, values=values, children=children)
        except ValidationError as error:
            form.attach(error)
        else:
            messages.success(request, f"Allegation referral {referral.reference} recorded.")
            return redirect(_detail_url(partnership, referral))
    return _form_page(
        request,
        {
            "form": form,
            "heading": "Record a referral",
            "button": "Record the referral",
            "cancel_url": partnership_url("lado:referrals", partnership),
            "crumbs": _crumbs(partnership, ("Record a referral", None)),
        },
    )


@requires("lado.manage")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    referral = _referral(request, pk)
    user = request.user
    today = timezone.localdate()
    person_part = person_for_referral_page(user=user, partnership=partnership, referral=referral)
    handling_part = handling_for_referral_page(user=user, partnership=partnership, referral=referral, today=today)
    shown = [person_part.get("person")] + [
        getattr(match, "other", None) for match in person_part.get("person_matches") or []
    ]
    _log_read(request, referral, *shown)
    is_draft = referral.status == Referral.Status.DRAFT
    return _private(
        render(
            request,
            "lado/referral_detail.html",
            {
                # The parts' own keys first: each owning part named them (person_*, handling_*);
                # ours are referral_*, so that none is overwritten.
                **person_part,
                **handling_part,
                "referral": referral,
                "referral_titles": referral_titles(referral),
                "referral_children": list(referral.children.order_by("pk")),
                "referral_timeliness": lateness(referral_reading(referral, today)),
                "referral_history": referral_history(user=user, partnership=partnership, referral=referral),
                "referral_may_edit": may_edit_referral(user=user, partnership=partnership, referral=referral),
                "referral_may_accept": is_draft and step_to(referral.status, Referral.Status.OPEN) is not None,
                "referral_may_decline": is_draft and step_to(referral.status, Referral.Status.DECLINED) is not None,
                "crumbs": _crumbs(partnership, (referral.reference, None)),
            },
        )
    )


@requires("lado.manage")
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    referral = _referral(request, pk)
    if not may_edit_referral(user=request.user, partnership=partnership, referral=referral):
        status = referral.get_status_display().lower()
        messages.info(request, f"{referral.reference} is {status}: its details can no longer change.")
        return redirect(_detail_url(partnership, referral))
    form = ReferralForm(
        _posted(request),
        variant=EDIT,
        agencies=partnership_agencies(partnership),
        initial=initial_of(referral),
    )
    if request.method == "POST" and form.is_valid():
        values, children = form.service_values()
        try:
            referral_update(actor=request.user, referral=referral, values=values, children=children)
        except ValidationError as error:
            form.attach(error)
        else:
            messages.success(request, f"{referral.reference} updated.")
            return redirect(_detail_url(partnership, referral))
    if request.method == "GET":
        _log_read(request, referral)
    return _form_page(
        request,
        {
            "form": form,
            "referral": referral,
            "heading": f"Change {referral.reference}",
            "button": "Save the changes",
            "cancel_url": _detail_url(partnership, referral),
            "crumbs": _referral_crumbs(partnership, referral, "Change"),
        },
    )


@requires("lado.manage")
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    referral = _referral(request, pk)
    problem = ""
    if request.method == "POST":
        try:
            referral_accept(actor=request.user, referral=referral)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(request, f"{referral.reference} accepted: its timescales run from the date referred.")
            return redirect(_detail_url(partnership, referral))
    elif referral.status != Referral.Status.DRAFT:
        problem = f"{referral.reference} is {referral.get_status_display().lower()}: only a draft is accepted."
    return _private(
        render(
            request,
            "lado/referral_accept.html",
            {
                "referral": referral,
                "problem": problem,
                "cancel_url": _detail_url(partnership, referral),
                "crumbs": _referral_crumbs(partnership, referral, "Accept"),
            },
        )
    )


@requires("lado.manage")
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    referral = _referral(request, pk)
    form = DeclineForm(_posted(request))
    blocked = (
        ""
        if referral.status == Referral.Status.DRAFT
        else f"{referral.reference} is {referral.get_status_display().lower()}: only a draft is declined."
    )
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            referral_decline(actor=request.user, referral=referral, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            attach(form, error, field="reason")
        else:
            messages.success(request, f"{referral.reference} declined.")
            return redirect(_detail_url(partnership, referral))
    return _private(
        render(
            request,
            "lado/referral_decline.html",
            {
                "referral": referral,
                "form": form,
                "blocked": blocked,
                "cancel_url": _detail_url(partnership, referral),
                "crumbs": _referral_crumbs(partnership, referral, "Decline"),
            },
        )
    )
