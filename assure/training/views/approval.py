"""The public page where a practitioner's manager approves their booking, or says why not, by
the link in their e-mail, without an account.

It names the practitioner, their organisation, the course and the session's date, and nothing
else. A link that names no booking answers 404 with a page saying so; a used or expired one says
so. The page is never stored, never sends its address on, keeps refusals out of the request log
(its path holds the secret), and a network trying many links is slowed down."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from assure.core.access import public
from assure.core.forms import attach
from assure.core.public_links import RateLimit, not_logged, private, public_partnership_or_404
from assure.partnerships.models import Partnership

from ..forms_bookings import ApprovalForm
from ..services.approval import LinkNotValid, approval_by_token, approval_decide, approval_path, link_state

LIMIT = RateLimit("training:approve", limit=getattr(settings, "ASSURE_PUBLIC_APPROVALS_PER_HOUR", 30))


def _link_not_valid(request: HttpRequest, partnership: Partnership, *, status: int = 404) -> HttpResponse:
    response = render(
        request,
        "training/approve_not_valid.html",
        {"partnership": partnership, "too_many": status == 429},
        status=status,
    )
    return not_logged(private(response))


@public
def approve(request: HttpRequest, partnership: str, token: str) -> HttpResponse:
    found = public_partnership_or_404(partnership)
    key = LIMIT.key(request)
    if LIMIT.reached(key):
        return _link_not_valid(request, found, status=429)
    try:
        booking = approval_by_token(partnership=found, token=token)
    except LinkNotValid:
        LIMIT.count(key)
        return _link_not_valid(request, found)
    state = link_state(booking)
    form = ApprovalForm(request.POST if request.method == "POST" and state == "open" else None)
    if request.method == "POST" and state == "open":
        LIMIT.count(key)
        if form.is_valid():
            approve = form.cleaned_data["decision"] == "approve"
            try:
                approval_decide(partnership=found, token=token, approve=approve, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                attach(form, error)
            else:
                return redirect(approval_path(found, token) + "?answered=1")
    session = booking.session
    return private(
        render(
            request,
            "training/approve.html",
            {
                "partnership": found,
                "booking": booking,
                "session": session,
                "person": booking.practitioner.user.full_name,
                "organisation": booking.agency.name if booking.agency_id else booking.organisation,
                "state": state,
                "just_answered": request.GET.get("answered") == "1" and state == "decided",
                "form": form,
            },
        )
    )
