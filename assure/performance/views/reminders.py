"""The business unit's "Send a reminder" for one data return, from the round's page or the home
page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.formats import date_format

from assure.core.access import requires
from assure.core.navigation import back_to, partnership_url

from ..selectors.returns import returns_visible_to
from ..services.notices import return_remind


@requires("returns.remind")
def return_remind_view(request: HttpRequest, pk: int) -> HttpResponse:
    """POST: remind the return's agency leads, then go back with a banner saying what happened.
    GET only leads back to the round."""
    data_return = get_object_or_404(returns_visible_to(user=request.user, partnership=request.partnership), pk=pk)
    back = back_to(request, partnership_url("performance:round_detail", request.partnership, pk=data_return.round_id))
    if request.method != "POST":
        return redirect(back)
    try:
        reminder = return_remind(actor=request.user, data_return=data_return)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if reminder is None:
            messages.info(
                request,
                f"{data_return.agency} was reminded of its return for {data_return.round.period} today already.",
            )
        else:
            people = f"{reminder.recipients} {'person' if reminder.recipients == 1 else 'people'}"
            messages.success(
                request,
                f"Reminder sent to {people} at {data_return.agency} on {date_format(reminder.sent_on, 'j F Y')}.",
            )
    return redirect(back)
