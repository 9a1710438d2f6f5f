"""The trail pages of a partnership: field history, domain events and reads of restricted
records. Read-only, for the business unit (``audit.view``)."""

from django.http import HttpRequest, HttpResponse

from assure.core.access import requires
from assure.core.tables import register_response

from .filters import AccessLogFilter, EventFilter, TrailFilter
from .selectors import access_log_visible_to, events_visible_to, trail_entries_visible_to
from .tables import AccessLogTable, EventTable, TrailTable


@requires("audit.view")
def trail(request: HttpRequest) -> HttpResponse:
    entries = trail_entries_visible_to(user=request.user, partnership=request.partnership)
    filterset = TrailFilter(request.GET or None, queryset=entries, request=request)
    return register_response(
        request,
        table=TrailTable(filterset.qs),
        template="audit/trail.html",
        context={"section": "trail"},
        export_name=f"{request.partnership.slug}-field-history",
        filterset=filterset,
    )


@requires("audit.view")
def events(request: HttpRequest) -> HttpResponse:
    found = events_visible_to(user=request.user, partnership=request.partnership)
    filterset = EventFilter(request.GET or None, queryset=found, request=request)
    return register_response(
        request,
        table=EventTable(filterset.qs),
        template="audit/events.html",
        context={"section": "events"},
        export_name=f"{request.partnership.slug}-events",
        filterset=filterset,
    )


@requires("audit.view")
def access_log(request: HttpRequest) -> HttpResponse:
    reads = access_log_visible_to(user=request.user, partnership=request.partnership)
    filterset = AccessLogFilter(request.GET or None, queryset=reads, request=request)
    return register_response(
        request,
        table=AccessLogTable(filterset.qs),
        template="audit/access_log.html",
        context={"section": "access_log"},
        export_name=f"{request.partnership.slug}-restricted-reads",
        filterset=filterset,
    )
