"""The employer's referral form for an agency lead: they refer an allegation about someone their
agency employs, which makes a draft for the designated officer, and see only its reference
afterwards (they cannot read the referral back)."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control

from assure.accounts.permissions import agencies_of
from assure.core.access import requires
from assure.core.navigation import crumbs, partnership_url
from assure.partnerships.models import Agency

from ..forms_referrals import AGENCY, ReferralForm
from ..permissions import ensure_can_refer
from ..services.referrals import referral_submit

TITLE = "Refer an allegation"
# The reference of the referral just sent, read by the "sent" page.
SENT_KEY = "lado_referral_sent"


def _posted(request: HttpRequest):
    """What was sent, when something was (an empty form sent is still a form sent)."""
    return request.POST if request.method == "POST" else None


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


@requires("lado.refer")
def refer(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    user = request.user
    ensure_can_refer(user=user, partnership=partnership)
    agency = Agency.objects.filter(pk__in=agencies_of(user=user, partnership=partnership)).order_by("pk").first()
    form = ReferralForm(
        _posted(request),
        variant=AGENCY,
        initial={
            "referrer_name": user.full_name,
            "referrer_email": user.email,
            "employer_name": agency.name if agency else "",
        },
    )
    if request.method == "POST" and form.is_valid():
        values, children = form.service_values()
        try:
            referral = referral_submit(actor=user, partnership=partnership, values=values, children=children)
        except ValidationError as error:
            form.attach(error)
        else:
            request.session[SENT_KEY] = referral.reference
            return redirect(partnership_url("lado:refer_sent", partnership))
    return _private(
        render(
            request,
            "lado/refer_form.html",
            {"form": form, "agency": agency, "crumbs": crumbs(partnership, (TITLE, None))},
        )
    )


@requires("lado.refer")
def sent(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    return _private(
        render(
            request,
            "lado/refer_sent.html",
            {
                "reference": request.session.get(SENT_KEY, ""),
                "crumbs": crumbs(partnership, (TITLE, partnership_url("lado:refer", partnership)), ("Sent", None)),
            },
        )
    )
