from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from assure.accounts.permissions import permissions_of
from assure.core.access import declare, requires
from assure.core.menu import groups, parts_of
from assure.core.navigation import partnership_url
from assure.core.views import LAST_PARTNERSHIP

from ..permissions import can_manage
from ..selectors import first_steps_of, home_of, partnership_for_member, partnership_overview


def _or_their_first_part(view):
    """A member who may not view the partnership but may use one of its parts (a practitioner,
    who only books its training) lands on the first such part of the menu rather than a refusal."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, partnership: str, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, partnership=partnership, **kwargs)
        except PermissionDenied:
            found = partnership_for_member(user=request.user, slug=partnership)
            permissions = permissions_of(user=request.user, partnership=found) if found else frozenset()
            for group in groups():
                for part in parts_of(group):
                    if part.permission in permissions:
                        return redirect(partnership_url(part.url_name, found))
            raise

    return declare(wrapper, view.assure_access)


@_or_their_first_part
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
