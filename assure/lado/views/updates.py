"""The designated officer's pages for the updates asked of an employer's case manager: asking
one (the case manager is e-mailed a link), sending a reminder, and saying one is no longer
needed. Each is about one allegation: the ``lado`` grant is needed, the read is logged and the
page never stored."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import back_to

from ..forms_handling import ConfirmForm, UpdateAskForm, WithdrawForm
from ..models import UpdateRequest
from ..permissions import may_chase_update
from ..selectors.handling import update_for
from ..services.updates import update_remind, update_request, update_withdraw
from .handling import handled, page, referral_url


def _chased(request: HttpRequest, pk) -> UpdateRequest:
    """An update still outstanding on an open referral the officer handles."""
    update = update_for(user=request.user, partnership=request.partnership, pk=pk)
    if update is None:
        raise Http404
    handled(request, update.referral_id)
    if not may_chase_update(user=request.user, partnership=request.partnership, update=update):
        raise Http404
    return update


@requires("lado.manage")
def update_ask(request: HttpRequest, pk: int) -> HttpResponse:
    referral = handled(request, pk)
    initial = {"asked_of_name": referral.referrer_name, "asked_of_email": referral.referrer_email}
    form = UpdateAskForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update = update_request(
                actor=request.user, partnership=request.partnership, referral=referral, **form.cleaned_data
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(
                request, f"{update.asked_of_name} has been e-mailed the question with a link to answer it."
            )
            return redirect(referral_url(request, referral))
    return page(request, "lado/update_ask.html", referral, "Ask the employer for an update", {"form": form})


@requires("lado.manage")
def update_remind_view(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Send a reminder": asks for confirmation on GET; on POST reminds the case manager (once a
    day) and goes back."""
    update = _chased(request, pk)
    referral = update.referral
    fallback = referral_url(request, referral)
    if request.method != "POST":
        return page(
            request,
            "lado/update_remind.html",
            referral,
            "Send a reminder",
            {
                "update": update,
                "form": ConfirmForm(),
                "next": back_to(request, fallback),
                "overdue": update.due_on < timezone.localdate(),
            },
        )
    try:
        reminder = update_remind(actor=request.user, partnership=request.partnership, update=update)
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
    else:
        if reminder is None:
            messages.info(request, f"No reminder was sent: {update.asked_of_name} was already reminded today.")
        else:
            messages.success(request, f"Reminder sent to {update.asked_of_name}.")
    return redirect(back_to(request, fallback))


@requires("lado.manage")
def update_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    update = _chased(request, pk)
    referral = update.referral
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            update_withdraw(
                actor=request.user,
                partnership=request.partnership,
                update=update,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"The update is no longer needed; {update.asked_of_name} has been told.")
            return redirect(referral_url(request, referral))
    return page(
        request,
        "lado/update_withdraw.html",
        referral,
        "The update is no longer needed",
        {"form": form, "update": update},
    )
