"""The statutory clocks page: every clock the person may see, from every app that runs clocks,
nearest due first; a register filtered and downloaded like any other."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from assure.core.access import requires
from assure.core.navigation import crumbs
from assure.core.tables import register_response

from .forms import ClockFilter
from .registry import clocks_for
from .tables import ClockTable


@requires("clocks.view")
def open_clocks(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    filterset = ClockFilter(request.GET or None)
    found = clocks_for(
        user=request.user, partnership=partnership, today=timezone.localdate(), open_only=filterset.open_only
    )
    if filterset.source:
        found = [clock for clock in found if clock.source == filterset.source]
    return register_response(
        request,
        table=ClockTable(
            found,
            empty_text="No statutory clock is running."
            if filterset.open_only
            else "No statutory clock has run on the records you may see.",
        ),
        filterset=filterset,
        template="clocks/open.html",
        context={"crumbs": crumbs(partnership, ("Statutory clocks", None)), "open_only": filterset.open_only},
        export_name=f"{partnership.slug}-statutory-clocks",
    )
