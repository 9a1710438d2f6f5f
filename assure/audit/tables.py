"""Tables of the three trail pages, on screen and in their exports."""

import django_tables2 as tables
from auditlog.models import LogEntry
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

from .history import describe_changes, entry_action_label, entry_record_type, related_names
from .models import AccessLog, Event

WHEN_FORMAT = "j M Y, H:i"


def _when(value) -> str:
    return date_format(timezone.localtime(value), WHEN_FORMAT)


def _when_for_export(value) -> str:
    # Spreadsheets cannot hold a time zone: exports give local time as text, as on screen.
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


class TrailTable(tables.Table):
    timestamp = tables.Column(verbose_name="When")
    actor = tables.Column(verbose_name="Who", default="Assure", order_by=("actor__full_name",))
    record_type = tables.Column(verbose_name="Record type", accessor="content_type", orderable=False)
    object_repr = tables.Column(verbose_name="Record", orderable=False)
    action = tables.Column(verbose_name="Change")
    changes = tables.Column(verbose_name="What changed", empty_values=(), orderable=False)

    caption = "Field history"

    class Meta:
        model = LogEntry
        fields = ("timestamp", "actor", "record_type", "object_repr", "action", "changes")
        order_by = ("-timestamp",)
        empty_text = "No changes match."

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._names = related_names()

    def render_timestamp(self, value) -> str:
        return _when(value)

    def value_timestamp(self, value) -> str:
        return _when_for_export(value)

    def render_record_type(self, record: LogEntry) -> str:
        return entry_record_type(record)

    def render_action(self, record: LogEntry) -> str:
        return entry_action_label(record)

    def render_changes(self, record: LogEntry) -> str:
        changes = describe_changes(record, self._names)
        if not changes:
            return ""
        return format_html(
            '<ul class="govuk-list govuk-!-margin-bottom-0">{}</ul>',
            format_html_join("", "<li>{}</li>", ((str(change),) for change in changes)),
        )

    def value_changes(self, record: LogEntry) -> str:
        return "; ".join(str(change) for change in describe_changes(record, self._names))


class EventTable(tables.Table):
    occurred_at = tables.Column(verbose_name="When")
    actor = tables.Column(verbose_name="Who", default="Assure", order_by=("actor__full_name",))
    verb = tables.Column(verbose_name="Event")
    summary = tables.Column(verbose_name="Summary", orderable=False)

    caption = "Events"

    class Meta:
        model = Event
        fields = ("occurred_at", "actor", "verb", "summary")
        order_by = ("-occurred_at",)
        empty_text = "No events match."

    def render_occurred_at(self, value) -> str:
        return _when(value)

    def value_occurred_at(self, value) -> str:
        return _when_for_export(value)


class AccessLogTable(tables.Table):
    accessed_at = tables.Column(verbose_name="When")
    user = tables.Column(verbose_name="Who", order_by=("user__full_name",))
    area = tables.Column(verbose_name="Area")
    record_label = tables.Column(verbose_name="Record", orderable=False)

    caption = "Reads of restricted records"

    class Meta:
        model = AccessLog
        fields = ("accessed_at", "user", "area", "record_label")
        order_by = ("-accessed_at",)
        empty_text = "No reads match."

    def render_accessed_at(self, value) -> str:
        return _when(value)

    def value_accessed_at(self, value) -> str:
        return _when_for_export(value)
