"""The shell's own pages: home, choosing a partnership, the landing pages of the navigation's
groups, the accessibility and privacy statements, error pages that say nothing about what
exists, and the health check for the proxy in front of Assure."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from assure.accounts.permissions import installation_permissions_of
from assure.partnerships.selectors import partnerships_of

from .access import public, requires, signed_in
from .health import installation_health
from .menu import group_landing, installation_links_for
from .navigation import crumbs

LAST_PARTNERSHIP = "assure_partnership"


@public
def home(request: HttpRequest) -> HttpResponse:
    """Signed-in people go to the partnership they last worked in (or choose one)."""
    if not request.user.is_authenticated:
        return redirect("account_login")
    mine = partnerships_of(user=request.user)
    last = mine.filter(slug=request.session.get(LAST_PARTNERSHIP)).first()
    only = mine.first() if mine.count() == 1 else None
    chosen = last or only
    if chosen:
        return redirect(chosen)
    return redirect("core:partnerships")


@signed_in
def partnership_list(request: HttpRequest) -> HttpResponse:
    """The person's partnerships, and the installation's pages their installation roles open (an
    operator may belong to no partnership at all)."""
    installation = installation_links_for(permissions=installation_permissions_of(user=request.user))
    return render(
        request,
        "core/partnerships.html",
        {"partnerships": partnerships_of(user=request.user), "installation_links": installation},
    )


@requires("partnerships.view")
def group_page(request: HttpRequest, group: str) -> HttpResponse:
    """A group of the navigation (Board, Performance and assurance...): the parts of it the
    person may use, each with what is waiting there. Refused, like the parts themselves, to
    someone who may use none of them."""
    landing = group_landing(user=request.user, partnership=request.partnership, key=group)
    if landing is None:
        raise PermissionDenied
    return render(
        request,
        "core/group.html",
        {"landing": landing, "crumbs": crumbs(request.partnership, (landing.group.label, None))},
    )


@public
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@public
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@public
def healthz(request: HttpRequest) -> JsonResponse:
    """For the proxy and monitoring: 200 when the installation can do its work, 503 when not;
    what was checked, in status words only (see health.py)."""
    healthy, report = installation_health()
    response = JsonResponse(report, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
