"""The register of statutory clocks: what each column shows on the page and in the export. Its
rows are the ``OpenClock`` entries of every source, not records of one model."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html

from .registry import OpenClock


def _day(value) -> str:
    return date_format(value, "j F Y") if value else ""


class ClockTable(tables.Table):
    record = tables.Column(verbose_name="Record", accessor="title", order_by=("title",))
    clock = tables.Column(verbose_name="Clock", accessor="reading__rule__title")
    started = tables.Column(verbose_name="Started", accessor="reading__started_on")
    due = tables.Column(verbose_name="Due", accessor="reading__due_on")
    state = tables.Column(verbose_name="State", accessor="reading__state", order_by=("reading__state",))
    left = tables.Column(verbose_name="What is left", accessor="reading__left", orderable=False)

    caption = "Statutory clocks"

    class Meta:
        empty_text = "No statutory clock is running."

    def render_record(self, record: OpenClock) -> str:
        if record.url:
            return format_html('<a class="govuk-link" href="{}">{}</a>', record.url, record.title)
        return record.title

    def value_record(self, record: OpenClock) -> str:
        return record.title

    def render_started(self, value) -> str:
        return _day(value)

    def render_due(self, value) -> str:
        return _day(value)

    def value_started(self, value):
        return value

    def value_due(self, value):
        return value

    def render_state(self, record: OpenClock) -> str:
        reading = record.reading
        return format_html('<strong class="govuk-tag {}">{}</strong>', reading.tag_class, reading.state.label)

    def value_state(self, record: OpenClock) -> str:
        return record.reading.state.label

    def render_left(self, record: OpenClock) -> str:
        return record.reading.label

    def value_left(self, record: OpenClock) -> str:
        return record.reading.label
