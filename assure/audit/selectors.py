"""Reads of the trail. Every function takes the requesting user; only people with
``audit.view`` in the partnership (its business unit) see any of it, and only this
partnership's part of it."""

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from assure.accounts.models import User
from assure.accounts.permissions import has_permission
from assure.partnerships.models import Partnership

from .models import AccessLog, Event


def _may_read_trail(user: User, partnership: Partnership) -> bool:
    return has_permission(user, "audit.view", partnership)


def trail_entries_visible_to(*, user: User, partnership: Partnership) -> QuerySet[LogEntry]:
    """Field-history entries of the partnership's records, newest first. A shared agency's
    entries belong to each of its partnerships; no other partnership's entry appears."""
    if not _may_read_trail(user, partnership):
        return LogEntry.objects.none()
    return (
        LogEntry.objects.filter(scopes__partnership=partnership)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )


def events_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Event]:
    """The domain events services recorded in the partnership, newest first."""
    if not _may_read_trail(user, partnership):
        return Event.objects.none()
    return Event.objects.filter(partnership=partnership).select_related("actor").order_by("-occurred_at", "-pk")


def access_log_visible_to(*, user: User, partnership: Partnership) -> QuerySet[AccessLog]:
    """Every logged read of the partnership's restricted records, newest first."""
    if not _may_read_trail(user, partnership):
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
