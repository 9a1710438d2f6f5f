from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from assure.core.access import requires
from assure.core.views import LAST_PARTNERSHIP

from ..permissions import can_manage
from ..selectors import first_steps_of, home_of, partnership_overview


@requires("partnerships.view")
def home(request: HttpRequest) -> HttpResponse:
    """The partnership's overview: what needs the person first, then the registers and the next
    meetings; opening it makes it the partnership Assure returns to."""
    partnership = request.partnership
    if request.session.get(LAST_PARTNERSHIP) != partnership.slug:  # a session is written when it changes
        request.session[LAST_PARTNERSHIP] = partnership.slug
    return render(
        request,
        "partnerships/home.html",
        {
            "partnership": partnership,
            "overview": partnership_overview(user=request.user, partnership=partnership),
            "may_manage": can_manage(user=request.user, partnership=partnership),
            "first_steps": first_steps_of(user=request.user, partnership=partnership),
            "home": home_of(user=request.user, partnership=partnership, today=timezone.localdate()),
        },
    )
