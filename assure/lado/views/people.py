"""The pages of the people allegations are about, for the designated officer with the ``lado``
grant: the possible repeat referrals to check, a person's page (their name and date of birth,
every referral about them, their possible matches), correcting them, putting another person on a
referral, and deciding whether two records are the same person.

Every page needs ``lado.manage`` and the grant (403 without it); a person of another partnership
answers 404. Every read of a person is logged and the pages are sent ``no-store``. Titles and
breadcrumbs name a person by their record ("Person 12"), never by name, since they are kept in
the browser's history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control

from assure.audit.services import restricted_read_record
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url

from ..forms_people import MatchForm, PersonForm, initial_of
from ..models import Person
from ..permissions import LADO_AREA, ensure_can_manage_cases, may_edit_person, may_edit_referral
from ..selectors.people import matches_waiting, pair_page, person_page
from ..selectors.referrals_base import person_for, referral_for
from ..services.people import match_confirm, match_reject, person_set, person_update

TITLE = "Allegations"
MATCHES = "Possible repeat referrals"


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("lado:referrals", partnership)), *trail)


def _detail_url(partnership, person: Person) -> str:
    return partnership_url("lado:person_detail", partnership, pk=person.pk)


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _person(request: HttpRequest, pk: int) -> Person:
    ensure_can_manage_cases(user=request.user, partnership=request.partnership)
    person = person_for(user=request.user, partnership=request.partnership, pk=pk)
    if person is None:
        raise Http404
    return person


def log_person_read(*, user, partnership, person: Person) -> None:
    """Log one read of the person's restricted name and date of birth (the referral's page calls
    it too, when it shows them)."""
    restricted_read_record(user=user, partnership=partnership, area=LADO_AREA, record=person, label=str(person))


def _log(request: HttpRequest, *people: Person) -> None:
    for person in {person.pk: person for person in people}.values():
        log_person_read(user=request.user, partnership=request.partnership, person=person)


@requires("lado.manage")
def matches(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    ensure_can_manage_cases(user=request.user, partnership=partnership)
    pairs = matches_waiting(user=request.user, partnership=partnership)
    _log(request, *(person for pair in pairs for person in (pair.person, pair.other)))
    return _private(
        render(request, "lado/match_list.html", {"pairs": pairs, "crumbs": _crumbs(partnership, (MATCHES, None))})
    )


@requires("lado.manage")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    person = _person(request, pk)
    page = person_page(user=request.user, partnership=partnership, person=person)
    _log(request, person, *page["person_joined"], *(match.other for match in page["person_matches"]))
    return _private(
        render(request, "lado/person_detail.html", {**page, "crumbs": _crumbs(partnership, (str(person), None))})
    )


@requires("lado.manage")
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    person = _person(request, pk)
    if not may_edit_person(user=request.user, partnership=partnership, person=person):
        raise Http404
    form = PersonForm(request.POST if request.method == "POST" else None, initial=initial_of(person))
    if request.method == "POST" and form.is_valid():
        try:
            person_update(actor=request.user, person=person, values=form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{person} updated.")
            return redirect(_detail_url(partnership, person))
    if request.method == "GET":
        _log(request, person)
    return _private(
        render(
            request,
            "lado/person_form.html",
            {
                "form": form,
                "heading": "Change the person’s details",
                "button": "Save the changes",
                "cancel_url": _detail_url(partnership, person),
                "crumbs": _crumbs(
                    partnership, (str(person), _detail_url(partnership, person)), ("Change the details", None)
                ),
            },
        )
    )


@requires("lado.manage")
def set_for_referral(request: HttpRequest, referral: int) -> HttpResponse:
    partnership = request.partnership
    ensure_can_manage_cases(user=request.user, partnership=partnership)
    record = referral_for(user=request.user, partnership=partnership, pk=referral)
    if record is None:
        raise Http404
    referral_url = record.get_absolute_url()
    if not may_edit_referral(user=request.user, partnership=partnership, referral=record):
        messages.info(
            request,
            f"{record.reference} is {record.get_status_display().lower()}: the person it is about cannot change.",
        )
        return redirect(referral_url)
    form = PersonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            person_set(actor=request.user, referral=record, values=form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"The person {record.reference} is about recorded.")
            return redirect(referral_url)
    if request.method == "GET" and record.person is not None:
        _log(request, record.person)
    replacing = record.person is not None
    return _private(
        render(
            request,
            "lado/person_form.html",
            {
                "form": form,
                "referral": record,
                "replacing": replacing,
                "heading": "The referral is about someone else" if replacing else "The person the allegation is about",
                "button": "Record the person",
                "cancel_url": referral_url,
                "crumbs": _crumbs(partnership, (record.reference, referral_url), ("The person", None)),
            },
        )
    )


@requires("lado.manage")
def decide(request: HttpRequest, pk: int, other: int) -> HttpResponse:
    partnership = request.partnership
    person = _person(request, pk)
    other_person = _person(request, other)
    if other_person.pk == person.pk or not may_edit_person(user=request.user, partnership=partnership, person=person):
        raise Http404
    page = pair_page(user=request.user, partnership=partnership, person=person, other=other_person)
    form = MatchForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not page["joined"] and form.is_valid():
        try:
            if form.cleaned_data["answer"] == MatchForm.SAME:
                kept = match_confirm(actor=request.user, person=person, other=other_person)
                messages.success(request, f"{person} and {other_person} joined: the same person.")
                return redirect(_detail_url(partnership, kept))
            match_reject(actor=request.user, person=person, other=other_person)
            messages.success(request, f"{person} and {other_person} recorded as different people.")
            return redirect(_detail_url(partnership, person))
        except ValidationError as error:
            attach(form, error)
    if request.method == "GET":
        _log(request, person, other_person)
    return _private(
        render(
            request,
            "lado/match_decide.html",
            {
                **page,
                "form": form,
                "cancel_url": _detail_url(partnership, person),
                "crumbs": _crumbs(
                    partnership,
                    (MATCHES, partnership_url("lado:matches", partnership)),
                    (f"{person} and {other_person}", None),
                ),
            },
        )
    )
