"""Writes to the trail: domain events and the access log of restricted reads."""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AccessLog, Event


def event_record(
    *, actor, verb: str, target: models.Model | None, partnership, summary: str, data: dict | None = None
) -> Event:
    """Record that a service did something. Summaries name records, never a child."""
    return Event.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        partnership=partnership,
        summary=summary[:300],
        data=data or {},
    )


def restricted_read_record(*, user, partnership, area: str, record: models.Model, label: str) -> AccessLog:
    """Log one read of a restricted record; views call it before they render the record."""
    return AccessLog.objects.create(
        partnership=partnership,
        user=user,
        area=area,
        record_type=ContentType.objects.get_for_model(record),
        record_id=str(record.pk),
        record_label=label[:200],
    )
