"""The agency's notification of a child's death: an agency lead fills in the form, which makes a
draft for the partnership's panel, and sees only its reference afterwards (they cannot read the
draft back; the child death review manager confirms it)."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control

from assure.accounts.permissions import agencies_of
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url
from assure.partnerships.models import Agency

from ..forms_deaths import AgencyDeathForm
from ..permissions import ensure_can_notify
from ..selectors.deaths import home_choices, panel_agencies
from ..selectors.panels import panels_of
from ..services.deaths import death_draft_from_agency

TITLE = "Notify a child’s death"
# The reference of the notification just sent, read once by the "sent" page.
SENT_KEY = "cdop_notification_sent"


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


@requires("cdop.notify")
def notify(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    ensure_can_notify(user=request.user, partnership=partnership)
    panel = panels_of(partnership=partnership).order_by("pk").first()
    form = None
    if panel is not None:
        form = AgencyDeathForm(
            request.POST or None, homes=home_choices(panel=panel), agencies=panel_agencies(panel=panel)
        )
        if request.method == "POST" and form.is_valid():
            agency = Agency.objects.filter(pk__in=agencies_of(user=request.user, partnership=partnership)).first()
            try:
                death = death_draft_from_agency(
                    actor=request.user, partnership=partnership, agency=agency, **form.service_data()
                )
            except ValidationError as error:
                attach(form, error)
            else:
                request.session[SENT_KEY] = death.reference
                return redirect(partnership_url("cdop:notify_sent", partnership))
    return _private(
        render(
            request,
            "cdop/notify_form.html",
            {"form": form, "panel": panel, "crumbs": crumbs(partnership, (TITLE, None))},
        )
    )


@requires("cdop.notify")
def sent(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    reference = request.session.get(SENT_KEY, "")
    return _private(
        render(
            request,
            "cdop/notify_sent.html",
            {
                "reference": reference,
                "crumbs": crumbs(partnership, (TITLE, partnership_url("cdop:notify", partnership)), ("Sent", None)),
            },
        )
    )
