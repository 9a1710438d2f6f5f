"""The public referral form of allegations, for an employer who is not a member (a school, a club,
a nursery), and what follows it: "check your e-mail", the one-time confirmation link and the status
link.

Nobody signs in. The partnership is named by its slug (404 when unknown). A referral reaches the
designated officer only once its referrer has confirmed it from the address they gave; the status
link shows that one referral's reference, status and dates, and nothing else. Links that are
unknown, used or expired answer 404 with a page saying so; those answers are not written to the
request log, whose lines hold the path and so the secret. At most a few referrals an hour are
taken from one network, and a form filled in by a machine (the hidden field) is dropped."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from assure.core.access import public
from assure.core.public_links import RateLimit, not_logged, private, public_partnership_or_404
from assure.partnerships.models import Partnership

from ..forms_referrals import PUBLIC, ReferralForm
from ..models import Referral
from ..services.referrals import (
    CONFIRMATION_HOURS,
    LinkNotValid,
    awaiting_confirmation,
    referral_by_status_token,
    referral_confirm,
    referral_submit_public,
    status_path,
)

# At most this many referrals from one client address an hour (the same setting as the case
# consideration form's).
LIMIT = RateLimit("lado:refer", limit=getattr(settings, "ASSURE_PUBLIC_REFERRALS_PER_HOUR", 5))
HONEYPOT = "website"
# What the referrer reads of each status: no more than where the referral has got to.
STATUS_WORDS = {
    Referral.Status.DRAFT: "Received: waiting for the designated officer",
    Referral.Status.OPEN: "Accepted by the designated officer",
    Referral.Status.CLOSED: "Closed",
    Referral.Status.DECLINED: "Declined by the designated officer",
}


def _link_not_valid(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    response = render(
        request,
        "lado/public_link_not_valid.html",
        {
            "partnership": partnership,
            "hours": CONFIRMATION_HOURS,
            "form_url": reverse("allegations:form", kwargs={"partnership": partnership.slug}),
        },
        status=404,
    )
    return not_logged(private(response))


@public
def form(request: HttpRequest, partnership: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    form = ReferralForm(request.POST if request.method == "POST" else None, variant=PUBLIC)
    status = 200
    if request.method == "POST" and not form.adding_child:
        key = LIMIT.key(request)
        if request.POST.get(HONEYPOT):
            # Filled in by a machine, not a person: answer as if sent, keep nothing.
            return redirect("allegations:sent", partnership=found.slug)
        if LIMIT.reached(key):
            form.is_valid()
            form.add_error(
                None,
                "Several referrals have been sent from your network in the last hour. Please wait an hour and try "
                "again, or telephone the designated officer.",
            )
            status = 429
        elif form.is_valid():
            values, children = form.service_values()
            try:
                referral_submit_public(partnership=found, values=values, children=children)
            except ValidationError as error:
                form.attach(error)
            else:
                LIMIT.count(key)
                return redirect("allegations:sent", partnership=found.slug)
    return private(
        render(
            request,
            "lado/public_form.html",
            {"form": form, "partnership": found, "honeypot": HONEYPOT, "hours": CONFIRMATION_HOURS},
            status=status,
        )
    )


@public
def sent(request: HttpRequest, partnership: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    return render(request, "lado/public_sent.html", {"partnership": found, "hours": CONFIRMATION_HOURS})


@public
def confirm(request: HttpRequest, partnership: str, token: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    try:
        referral = awaiting_confirmation(partnership=found, token=token)
    except LinkNotValid:
        return _link_not_valid(request, found)
    if request.method == "POST":
        try:
            _, status_token = referral_confirm(partnership=found, token=token)
        except LinkNotValid:
            return _link_not_valid(request, found)
        return redirect(status_path(found, status_token) + "?confirmed=1")
    return private(render(request, "lado/public_confirm.html", {"partnership": found, "referral": referral}))


@public
def status(request: HttpRequest, partnership: str, token: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    try:
        referral = referral_by_status_token(partnership=found, token=token)
    except LinkNotValid:
        return _link_not_valid(request, found)
    return private(
        render(
            request,
            "lado/public_status.html",
            {
                "partnership": found,
                "referral": referral,
                "status_words": STATUS_WORDS.get(referral.status, referral.get_status_display()),
                "confirmed": request.GET.get("confirmed") == "1",
            },
        )
    )
