"""Reads of messages and reminders."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Max

from .models import Reminder


def last_reminded(*, model: type[models.Model], ids) -> dict[str, dt.datetime]:
    """When each record of ``model`` was last reminded (record id as text → time), in one query.
    The records' own selectors are given the user; this reads only the reminder dates of records
    they have already chosen."""
    rows = (
        Reminder.objects.filter(
            target_type=ContentType.objects.get_for_model(model), target_id__in=[str(i) for i in ids]
        )
        .values("target_id")
        .annotate(last=Max("sent_at"))
    )
    return {row["target_id"]: row["last"] for row in rows}


def delivery_of(*, user) -> str:
    """How requests reach this person (straight away unless they chose the digest)."""
    from .models import Delivery, Preference

    return Preference.objects.filter(user=user).values_list("delivery", flat=True).first() or Delivery.IMMEDIATE
