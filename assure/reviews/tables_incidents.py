"""The register of serious incidents: what each column shows on the page and in the export (each
clock's due date and state in words)."""

import datetime as dt

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address

from .clocks import NOTIFICATION, RAPID_REVIEW, Rules, incident_readings
from .models import Incident


def clock_words(reading) -> str:
    """A clock in words for a spreadsheet: "Due 9 November 2026: Met on 6 November 2026"."""
    if reading is None:
        return "Not started"
    return f"{reading.due_label}: {reading.state.label}, {reading.label}"


def status_of(incident: Incident) -> str:
    return "Open" if incident.is_open else f"Closed {date_format(incident.closed_on, 'j M Y')}"


class IncidentTable(tables.Table):
    reference = tables.Column(verbose_name="Reference")
    summary = tables.Column(verbose_name="What happened")
    aware_on = tables.Column(verbose_name="Aware")
    notification = tables.Column(verbose_name="Notification", empty_values=(), orderable=False)
    rapid_review = tables.Column(verbose_name="Rapid review", empty_values=(), orderable=False)
    outcome = tables.Column(verbose_name="Decision", empty_values=(), orderable=False)
    status = tables.Column(verbose_name="Status", empty_values=(), order_by=("closed_on",))

    caption = "Serious incidents"

    class Meta:
        model = Incident
        fields = ("reference", "summary", "aware_on", "notification", "rapid_review", "outcome", "status")
        order_by = ("-aware_on",)
        empty_text = "No serious incident matches."

    def __init__(self, *args, partnership, rules: Rules, today: dt.date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rules, self.today = rules, today
        self.address = record_address("reviews:incident_detail", partnership=partnership.slug)
        self._readings: dict[int, dict] = {}

    def _reading(self, record: Incident, key: str):
        if record.pk not in self._readings:
            self._readings[record.pk] = incident_readings(record, self.today, rules=self.rules)
        return self._readings[record.pk][key]

    def render_reference(self, record: Incident, value) -> str:
        return format_html('<a class="govuk-link" href="{}">{}</a>', self.address(record.pk), value)

    def value_reference(self, value) -> str:
        return value

    def render_aware_on(self, value) -> str:
        return date_format(value, "j M Y")

    def value_aware_on(self, value):
        return value

    def _render_clock(self, reading) -> str:
        if reading is None:
            return "Not started"
        return format_html(
            '{}<br><strong class="govuk-tag {}">{}</strong> <span class="govuk-body-s">{}</span>',
            date_format(reading.due_on, "j M Y"),
            reading.tag_class,
            reading.state.label,
            reading.label,
        )

    def render_notification(self, record: Incident) -> str:
        return self._render_clock(self._reading(record, NOTIFICATION))

    def value_notification(self, record: Incident) -> str:
        return clock_words(self._reading(record, NOTIFICATION))

    def render_rapid_review(self, record: Incident) -> str:
        return self._render_clock(self._reading(record, RAPID_REVIEW))

    def value_rapid_review(self, record: Incident) -> str:
        return clock_words(self._reading(record, RAPID_REVIEW))

    def render_outcome(self, record: Incident) -> str:
        if not record.rapid_review_outcome:
            return "Awaited"
        return self.rules.scheme.title_of("rapid_review_outcomes", record.rapid_review_outcome)

    def value_outcome(self, record: Incident) -> str:
        return self.render_outcome(record)

    def render_status(self, record: Incident) -> str:
        colour = "govuk-tag--blue" if record.is_open else "govuk-tag--grey"
        return format_html('<strong class="govuk-tag {}">{}</strong>', colour, status_of(record))

    def value_status(self, record: Incident) -> str:
        return status_of(record)
