"""The public pages of multi-agency training: the partnership's course calendar, each session's
page, a practitioner's sign-up and the link that verifies their work e-mail.

Nobody signs in to read them. The partnership is named by its slug (404 when unknown). Nothing on
the calendar or a session's page reads a person: not a trainer's account, not a delegate, never a
session's online link. The sign-up answers the same whether or not the address has an account; a
few sign-ups an hour are taken from one network, and a form filled in by a machine (the hidden
field) is dropped. The verification link works once, for 24 hours; refusals are kept out of the
request log, whose lines hold the path and so the secret."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from assure.core.access import public
from assure.core.forms import attach
from assure.core.public_links import RateLimit, not_logged, private, public_partnership_or_404
from assure.partnerships.models import Partnership

from ..forms_practitioners import SignUpForm
from ..selectors.bookings import booking_for_public_session
from ..selectors.calendar import calendar_months, calendar_sessions, level_titles, places_left, public_session
from ..selectors.practitioners import partnership_agencies
from ..services.practitioners import (
    VERIFICATION_HOURS,
    LinkNotValid,
    awaiting_verification,
    practitioner_sign_up,
    practitioner_verify,
)

PAGE_SIZE = 20
LIMIT = RateLimit("training:signup", limit=getattr(settings, "ASSURE_PUBLIC_SIGNUPS_PER_HOUR", 5))
HONEYPOT = "website"
AUTH_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def _mine_path(partnership: Partnership) -> str:
    return reverse("training:mine", kwargs={"partnership": partnership.slug})


def _sign_in_path(partnership: Partnership, next_path: str) -> str:
    return f"{reverse('account_login')}?{urlencode({'next': next_path})}"


def _row(session, levels: dict, now) -> dict:
    """What the calendar shows of a session: no person, no online link."""
    return {
        "session": session,
        "level": levels.get(session.course.level, session.course.level),
        "places_left": places_left(session),
        "not_yet_open": session.booking_opens > now,
        "closed": session.booking_closes <= now,
        "workshops": [
            {"session": workshop, "places_left": places_left(workshop)}
            for workshop in getattr(session, "public_workshops", [])
        ],
    }


@public
def calendar(request: HttpRequest, partnership: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    now = timezone.now()
    levels = level_titles()
    level = request.GET.get("level", "")
    level = level if level in levels else ""
    months = calendar_months(partnership=found, now=now)
    month = request.GET.get("month", "")
    month = month if month in dict(months) else ""
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(
        calendar_sessions(partnership=found, level=level, month=month, query=query, now=now), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    kept = urlencode({key: value for key, value in (("level", level), ("month", month), ("q", query)) if value})
    return render(
        request,
        "training/calendar.html",
        {
            "partnership": found,
            "page": page,
            "rows": [_row(session, levels, now) for session in page.object_list],
            "levels": levels,
            "months": months,
            "level": level,
            "month": month,
            "query": query,
            "kept": kept,
            "filtered": bool(level or month or query),
        },
    )


@public
def session(request: HttpRequest, partnership: str, reference: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    chosen = public_session(partnership=found, reference=reference)
    if chosen is None:
        raise Http404
    now = timezone.now()
    levels = level_titles()
    context = {
        "partnership": found,
        "row": _row(chosen, levels, now),
        "session": chosen,
        "course": chosen.course,
        "signed_in": request.user.is_authenticated,
        "sign_in_url": _sign_in_path(found, request.path),
        "signup_url": reverse("courses:signup", kwargs={"partnership": found.slug}),
        "calendar_url": reverse("courses:calendar", kwargs={"partnership": found.slug}),
    }
    context.update(booking_for_public_session(user=request.user, partnership=found, session=chosen))
    return render(request, "training/public_session.html", context)


@public
def signup(request: HttpRequest, partnership: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    form = SignUpForm(request.POST if request.method == "POST" else None, agencies=partnership_agencies(found))
    status = 200
    if request.method == "POST":
        key = LIMIT.key(request)
        if request.POST.get(HONEYPOT):
            # Filled in by a machine, not a person: answer as if sent, keep nothing.
            return redirect("courses:signup_sent", partnership=found.slug)
        if LIMIT.reached(key):
            form.is_valid()
            form.add_error(
                None,
                "Several people have signed up from your network in the last hour. Please wait an hour and try again.",
            )
            status = 429
        elif form.is_valid():
            try:
                practitioner_sign_up(partnership=found, **form.service_values())
            except ValidationError as error:
                attach(form, error)
            else:
                LIMIT.count(key)
                return redirect("courses:signup_sent", partnership=found.slug)
    return private(
        render(
            request,
            "training/signup.html",
            {"form": form, "partnership": found, "honeypot": HONEYPOT, "hours": VERIFICATION_HOURS},
            status=status,
        )
    )


@public
def signup_sent(request: HttpRequest, partnership: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    return render(request, "training/signup_sent.html", {"partnership": found, "hours": VERIFICATION_HOURS})


def _link_not_valid(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    response = render(
        request,
        "training/signup_link_not_valid.html",
        {
            "partnership": partnership,
            "hours": VERIFICATION_HOURS,
            "signup_url": reverse("courses:signup", kwargs={"partnership": partnership.slug}),
            "sign_in_url": _sign_in_path(partnership, _mine_path(partnership)),
        },
        status=404,
    )
    return not_logged(private(response))


@public
def verify(request: HttpRequest, partnership: str, token: str) -> HttpResponse:
    """The link e-mailed on sign-up. Opening it asks to confirm (mail scanners open links too);
    confirming verifies the profile once. A new account is signed in and goes to "My training";
    an account that had a password already signs in with it (its two-step check, if any, too)."""
    found = public_partnership_or_404(partnership)
    try:
        waiting = awaiting_verification(partnership=found, token=token)
    except LinkNotValid:
        return _link_not_valid(request, found)
    if request.method == "POST":
        was_active = waiting.user.is_active
        try:
            practitioner = practitioner_verify(partnership=found, token=token)
        except LinkNotValid:
            return _link_not_valid(request, found)
        user = practitioner.user
        if request.user.is_authenticated and request.user.pk == user.pk:
            return redirect(_mine_path(found))
        if was_active:
            return redirect(_sign_in_path(found, _mine_path(found)))
        login(request, user, backend=AUTH_BACKEND)
        return redirect(_mine_path(found))
    return private(
        render(
            request,
            "training/signup_verify.html",
            {"partnership": found, "existing": waiting.user.is_active},
        )
    )
