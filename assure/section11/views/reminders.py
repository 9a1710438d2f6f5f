"""Chasing a return: the business unit's "Send a reminder" to the agency's leads."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from assure.core.access import requires
from assure.core.navigation import back_to, partnership_url
from assure.notifications.selectors import last_reminded

from ..models import Return
from ..permissions import may_remind
from ..services.reminders import return_remind
from .common import find_return, return_trail, section11_crumbs


@requires("section11.manage")
def return_remind_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Remind the agency's leads of a return not handed in (POST), then go back to the page that
    asked, or the cycle's page, saying whether it was sent. Without a POST: the page that asks."""
    user, partnership = request.user, request.partnership
    return_record = find_return(request, pk)
    allowed = may_remind(user=user, partnership=partnership, return_record=return_record)
    back = back_to(request, partnership_url("section11:cycle_detail", partnership, pk=return_record.cycle_id))
    if request.method == "POST" and allowed:
        try:
            reminder = return_remind(actor=user, partnership=partnership, return_record=return_record)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if reminder is None:
                messages.info(request, f"{return_record.agency} was already reminded today: no reminder was sent.")
            else:
                people = "lead" if reminder.recipients == 1 else f"{reminder.recipients} leads"
                messages.success(request, f"Reminder sent to {return_record.agency}’s agency {people}.")
        return redirect(back)
    return render(
        request,
        "section11/returns/return_remind.html",
        {
            "return_record": return_record,
            "allowed": allowed,
            "last_reminded": last_reminded(model=Return, ids=[return_record.pk]).get(str(return_record.pk)),
            "next": back,
            "crumbs": section11_crumbs(partnership, *return_trail(partnership, return_record)),
        },
    )
