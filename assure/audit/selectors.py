"""Reads of the trail. Every function that lists the trail takes the requesting user; only
people with ``audit.view`` in the partnership (its business unit) see any of it, and only this
partnership's part of it, with the installation's events about the published statistics that
every partnership shows (read only: no partnership changes them).

``events_about`` is the exception: it reads what happened to one record for that record's own
page (a return's history, why it was reopened), so the record's selector, which has already
decided the user may see the record, calls it."""

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet

from assure.accounts.models import User
from assure.partnerships.models import Partnership

from .models import AccessLog, Event
from .permissions import can_view_trail


def trail_entries_visible_to(*, user: User, partnership: Partnership) -> QuerySet[LogEntry]:
    """Field-history entries of the partnership's records, newest first. A shared agency's
    entries belong to each of its partnerships; no other partnership's entry appears."""
    if not can_view_trail(user=user, partnership=partnership):
        return LogEntry.objects.none()
    return (
        LogEntry.objects.filter(scopes__partnership=partnership)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )


# Events of the whole installation that change what every partnership is shown: the published
# statistics (DfE, ONS) are every partnership's benchmarks, so each partnership's trail lists who
# imported or corrected them, and when. Other installation events (an operator named or ended) are
# about people, not about anything a partnership sees, and stay out of every partnership's trail.
SHARED_EVENT_PREFIXES = ("statistics.", "publication.")


def _shared_events_q() -> Q:
    shared = Q()
    for prefix in SHARED_EVENT_PREFIXES:
        shared |= Q(verb__startswith=prefix)
    return Q(partnership__isnull=True) & shared


def events_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Event]:
    """The domain events services recorded in the partnership, and the installation's events
    about the published statistics every partnership shows, newest first."""
    if not can_view_trail(user=user, partnership=partnership):
        return Event.objects.none()
    return (
        Event.objects.filter(Q(partnership=partnership) | _shared_events_q())
        .select_related("actor")
        .order_by("-occurred_at", "-pk")
    )


def events_about(*, target: models.Model, verb: str | None = None) -> QuerySet[Event]:
    """The events services recorded about one record (of this ``verb`` only, when given), newest
    first, with who did each. Every partnership's events about the record are included: a record
    shared by several partnerships (a Section 11 return) has one history."""
    events = Event.objects.filter(target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk))
    if verb is not None:
        events = events.filter(verb=verb)
    return events.select_related("actor").order_by("-occurred_at", "-pk")


def access_log_visible_to(*, user: User, partnership: Partnership) -> QuerySet[AccessLog]:
    """Every logged read of the partnership's restricted records, newest first."""
    if not can_view_trail(user=user, partnership=partnership):
        return AccessLog.objects.none()
    return (
        AccessLog.objects.filter(partnership=partnership)
        .select_related("user", "record_type")
        .order_by("-accessed_at", "-pk")
    )


def trail_record_types(*, user: User, partnership: Partnership) -> QuerySet[ContentType]:
    """The kinds of record that appear in the partnership's field history (for filtering)."""
    used = trail_entries_visible_to(user=user, partnership=partnership).order_by().values("content_type")
    return ContentType.objects.filter(pk__in=used).order_by("model")


def trail_people(*, user: User, partnership: Partnership) -> QuerySet[User]:
    """People who changed something in the partnership's field history (for filtering)."""
    used = trail_entries_visible_to(user=user, partnership=partnership).order_by().values("actor")
    return User.objects.filter(pk__in=used).order_by("full_name")


def event_people(*, user: User, partnership: Partnership) -> QuerySet[User]:
    """People who did something recorded in the partnership's events (for filtering)."""
    used = events_visible_to(user=user, partnership=partnership).order_by().values("actor")
    return User.objects.filter(pk__in=used).order_by("full_name")


def event_verbs(*, user: User, partnership: Partnership) -> list[str]:
    """The kinds of event recorded in the partnership (for filtering)."""
    qs = events_visible_to(user=user, partnership=partnership).order_by("verb").values_list("verb", flat=True)
    return list(qs.distinct())


def access_log_people(*, user: User, partnership: Partnership) -> QuerySet[User]:
    """People who read the partnership's restricted records (for filtering)."""
    used = access_log_visible_to(user=user, partnership=partnership).order_by().values("user")
    return User.objects.filter(pk__in=used).order_by("full_name")


def access_log_areas(*, user: User, partnership: Partnership) -> list[str]:
    """The restricted areas whose reads were logged in the partnership (for filtering)."""
    qs = access_log_visible_to(user=user, partnership=partnership).order_by("area").values_list("area", flat=True)
    return list(qs.distinct())
