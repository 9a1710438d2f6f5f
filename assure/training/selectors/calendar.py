"""The public course calendar: the partnership's scheduled sessions from today on, and one
session's page. Public, so no user; nothing here reads a person (no trainer's account, no
delegate, no online link)."""

import datetime as dt

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from assure.library.selectors import current_items
from assure.partnerships.models import Partnership

from ..models import Booking, Session


def level_titles() -> dict[str, str]:
    """The library's training levels, code to title, in their order. Library data: no user."""
    return {item.code: item.title for item in current_items(kind="training-level")}


def _with_places(queryset: QuerySet[Session]) -> QuerySet[Session]:
    return queryset.annotate(
        places_taken=Count("bookings", filter=Q(bookings__status__in=Booking.HOLDS_PLACE), distinct=True)
    )


def calendar_sessions(
    *,
    partnership: Partnership,
    level: str = "",
    month: str = "",
    query: str = "",
    now: dt.datetime | None = None,
) -> QuerySet[Session]:
    """Scheduled sessions of the partnership's offered courses that have not ended, soonest
    first, each with its places taken and its workshops (a conference's). Workshops are not rows
    of their own. ``month`` is "YYYY-MM"; ``query`` searches the course's and the session's title."""
    now = now or timezone.now()
    queryset = Session.objects.filter(
        partnership=partnership,
        status=Session.Status.SCHEDULED,
        parent__isnull=True,
        course__is_active=True,
        ends_at__gt=now,
    ).select_related("course")
    if level:
        queryset = queryset.filter(course__level=level)
    if month:
        try:
            year, number = (int(part) for part in month.split("-", 1))
            queryset = queryset.filter(starts_at__year=year, starts_at__month=number)
        except ValueError:
            pass
    if query := (query or "").strip():
        queryset = queryset.filter(
            Q(course__title__icontains=query) | Q(title__icontains=query) | Q(workshops__title__icontains=query)
        ).distinct()
    workshops = _with_places(Session.objects.filter(status=Session.Status.SCHEDULED)).order_by("starts_at", "pk")
    return (
        _with_places(queryset)
        .prefetch_related(Prefetch("workshops", queryset=workshops, to_attr="public_workshops"))
        .order_by("starts_at", "pk")
    )


def calendar_months(*, partnership: Partnership, now: dt.datetime | None = None) -> list[tuple[str, str]]:
    """The months that have sessions in the calendar, as ("2026-01", "January 2026")."""
    now = now or timezone.now()
    starts = Session.objects.filter(
        partnership=partnership,
        status=Session.Status.SCHEDULED,
        parent__isnull=True,
        course__is_active=True,
        ends_at__gt=now,
    ).values_list("starts_at", flat=True)
    months = sorted({timezone.localtime(value).date().replace(day=1) for value in starts})
    return [(month.strftime("%Y-%m"), month.strftime("%B %Y")) for month in months]


def public_session(*, partnership: Partnership, reference: str) -> Session | None:
    """A scheduled session (or workshop) of an offered course, by its reference, with its places
    taken and its workshops; None otherwise."""
    return (
        _with_places(
            Session.objects.filter(
                partnership=partnership,
                reference=reference,
                status=Session.Status.SCHEDULED,
                course__is_active=True,
            )
        )
        .select_related("course", "parent")
        .prefetch_related(
            Prefetch(
                "workshops",
                queryset=_with_places(Session.objects.filter(status=Session.Status.SCHEDULED)).order_by(
                    "starts_at", "pk"
                ),
                to_attr="public_workshops",
            )
        )
        .first()
    )


def places_left(session: Session) -> int:
    """Places not yet held, from the annotation the calendar's selectors add."""
    return max(0, session.capacity - getattr(session, "places_taken", 0))
