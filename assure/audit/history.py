"""Field history as people read it: "due date: 2026-03-31 → 2026-04-30", with choices by their
labels, related records by their names and masked fields shown as masked, never their values."""

import datetime as dt
from dataclasses import dataclass

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.text import capfirst

MASKED = "masked"
EMPTY = "(none)"
ACTION_LABELS = {
    LogEntry.Action.CREATE: "Created",
    LogEntry.Action.UPDATE: "Updated",
    LogEntry.Action.DELETE: "Deleted",
    LogEntry.Action.ACCESS: "Viewed",
}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str | None  # None on creation: there was no earlier value
    new: str
    masked: bool = False

    def __str__(self) -> str:
        if self.old is None:
            return f"{self.field}: {self.new}"
        if self.masked:
            return f"{self.field}: changed ({MASKED})"
        return f"{self.field}: {self.old} → {self.new}"


def entry_action_label(entry: LogEntry) -> str:
    return ACTION_LABELS.get(entry.action, "Changed")


def entry_record_type(entry: LogEntry) -> str:
    model = entry.content_type.model_class()
    return str(model._meta.verbose_name).capitalize() if model else entry.content_type.model


def _masked_fields(model: type[models.Model] | None) -> set[str]:
    if model is None or not auditlog.contains(model):
        return set()
    return set(auditlog.get_model_fields(model)["mask_fields"])


class _RelatedNames:
    """Names of related records named by id in the history, each looked up once."""

    def __init__(self) -> None:
        self._names: dict[tuple[type[models.Model], str], str] = {}

    def name(self, model: type[models.Model], value: str) -> str:
        key = (model, value)
        if key not in self._names:
            try:
                self._names[key] = str(model._default_manager.get(pk=value))
            except (ObjectDoesNotExist, ValueError, TypeError):
                self._names[key] = f"{model._meta.verbose_name} {value} (since deleted)"
        return self._names[key]


def _display(field: models.Field | None, value, related: _RelatedNames) -> str:
    if value is None or value in ("None", ""):
        return EMPTY
    value = str(value)
    if field is None:
        return value
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation and field.many_to_one and field.related_model is not None:
        return related.name(field.related_model, value)
    if isinstance(field, models.BooleanField):
        return {"True": "yes", "False": "no"}.get(value, value)
    if isinstance(field, models.DateTimeField) and (moment := parse_datetime(value)):
        # auditlog stores date-times as naive UTC
        moment = moment if timezone.is_aware(moment) else moment.replace(tzinfo=dt.UTC)
        return date_format(timezone.localtime(moment), "j M Y, H:i")
    if isinstance(field, models.DateField) and (day := parse_date(value)):
        return date_format(day, "j M Y")
    return value


def describe_changes(entry: LogEntry, related: _RelatedNames | None = None) -> list[FieldChange]:
    """The entry's changes, one per field, in words. Masked fields never show a value."""
    related = related or _RelatedNames()
    model = entry.content_type.model_class()
    masked = _masked_fields(model)
    changes = []
    for name, values in (entry.changes_dict or {}).items():
        try:
            field = model._meta.get_field(name) if model else None
        except FieldDoesNotExist:
            field = None
        label = capfirst(str(field.verbose_name) if field is not None and hasattr(field, "verbose_name") else name)
        if isinstance(values, dict) and values.get("type") == "m2m":
            verb = "added" if values.get("operation") == "add" else "removed"
            changes.append(FieldChange(label, None, f"{verb} {', '.join(values.get('objects', []))}"))
            continue
        if field is not None and not field.concrete:
            continue  # auditlog also lists reverse relations, whose "values" mean nothing
        old, new = values
        if entry.action == LogEntry.Action.CREATE and (name == "id" or new in (None, "None", "")):
            continue  # a new record's empty fields and its id say nothing
        if name in masked:
            changes.append(FieldChange(label, None if entry.action == LogEntry.Action.CREATE else MASKED, MASKED, True))
            continue
        changes.append(
            FieldChange(
                label,
                None if entry.action == LogEntry.Action.CREATE else _display(field, old, related),
                _display(field, new, related),
            )
        )
    return changes


def related_names() -> _RelatedNames:
    """A cache to share between the entries of one page or export."""
    return _RelatedNames()
