"""The register of events (title, kind, day, venue, area, attendance) with its filters (title,
kind, financial year). An event run as a training session shows the training register's count.
The download holds the same columns as plain text."""

import django_filters
import django_tables2 as tables
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address
from assure.partnerships.years import financial_year_bounds, financial_year_problem

from .models import Event


class EventTable(tables.Table):
    title = tables.Column(verbose_name="Event")
    kind = tables.Column(verbose_name="Kind")
    held_on = tables.Column(verbose_name="Held on")
    venue = tables.Column(verbose_name="Venue")
    area = tables.Column(verbose_name="Area")
    attendance = tables.Column(verbose_name="Attendance", empty_values=(), orderable=False)

    caption = "Events"

    class Meta:
        model = Event
        fields = ("title", "kind", "held_on", "venue", "area", "attendance")
        order_by = ("-held_on",)
        empty_text = "No event matches."

    def __init__(self, *args, partnership, kinds: dict[str, str], attendance: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = kinds
        self.attendance_of = attendance
        self.address = record_address("engagement:event_detail", partnership=partnership.slug)

    def render_title(self, record: Event, value) -> str:
        return format_html('<a class="govuk-link" href="{}">{}</a>', self.address(record.pk), value)

    def value_title(self, value) -> str:
        return value

    def render_kind(self, value) -> str:
        return self.kinds.get(value, value)

    def value_kind(self, value) -> str:
        return self.kinds.get(value, value)

    def render_held_on(self, value) -> str:
        return date_format(value, "j M Y")

    def value_held_on(self, value) -> str:
        return value.isoformat()

    def render_attendance(self, record: Event) -> str:
        found = self.attendance_of.get(record.pk)
        return found.label if found else ""

    def value_attendance(self, record: Event) -> str:
        return self.render_attendance(record)


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Title or venue", method="search")
    kind = django_filters.ChoiceFilter(label="Kind", empty_label="Every kind", choices=[])
    year = django_filters.ChoiceFilter(label="Year", empty_label="Every year", choices=[], method="filter_year")

    class Meta:
        model = Event
        fields: list[str] = []

    def __init__(self, *args, kinds: dict[str, str] | None = None, years=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["kind"].extra["choices"] = list((kinds or {}).items())
        self.filters["year"].extra["choices"] = [(year, year) for year in years]

    def search(self, queryset, name, value):
        value = (value or "").strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(venue__icontains=value))

    def filter_year(self, queryset, name, value):
        if not value or financial_year_problem(value):
            return queryset
        first, last = financial_year_bounds(value)
        return queryset.filter(held_on__range=(first, last))
