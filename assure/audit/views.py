"""The trail pages of a partnership: field history, domain events and reads of restricted
records. Read-only, for the business unit (``audit.view``)."""

from django.http import HttpRequest, HttpResponse

from assure.core.access import requires
from assure.core.navigation import crumbs
from assure.core.tables import register_response

from .filters import AccessLogFilter, EventFilter, TrailFilter
from .selectors import access_log_visible_to, events_visible_to, trail_entries_visible_to
from .tables import AccessLogTable, EventTable, TrailTable


def _trail_page(request: HttpRequest, *, rows, filter_class, table_class, section: str, export: str) -> HttpResponse:
    """One of the three trail registers: filtered, paginated, exportable."""
    filterset = filter_class(request.GET or None, queryset=rows, request=request)
    return register_response(
        request,
        table=table_class(filterset.qs),
        template=f"audit/{section}.html",
        context={"section": section, "crumbs": crumbs(request.partnership, ("Trail", None))},
        export_name=f"{request.partnership.slug}-{export}",
        filterset=filterset,
    )


@requires("audit.view")
def trail(request: HttpRequest) -> HttpResponse:
    entries = trail_entries_visible_to(user=request.user, partnership=request.partnership)
    return _trail_page(
        request, rows=entries, filter_class=TrailFilter, table_class=TrailTable, section="trail", export="field-history"
    )


@requires("audit.view")
def events(request: HttpRequest) -> HttpResponse:
    found = events_visible_to(user=request.user, partnership=request.partnership)
    return _trail_page(
        request, rows=found, filter_class=EventFilter, table_class=EventTable, section="events", export="events"
    )


@requires("audit.view")
def access_log(request: HttpRequest) -> HttpResponse:
    reads = access_log_visible_to(user=request.user, partnership=request.partnership)
    return _trail_page(
        request,
        rows=reads,
        filter_class=AccessLogFilter,
        table_class=AccessLogTable,
        section="access_log",
        export="restricted-reads",
    )
