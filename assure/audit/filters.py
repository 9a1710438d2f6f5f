"""Filters of the three trail pages. Their choices come from what this partnership's trail
holds, read through the trail's selectors."""

import django_filters
from auditlog.models import LogEntry
from django import forms

from assure.core.forms import DateInput

from .history import ACTION_LABELS
from .models import AccessLog, Event
from .selectors import (
    access_log_areas,
    access_log_people,
    event_people,
    event_verbs,
    trail_people,
    trail_record_types,
)


class RecordTypeField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        model = obj.model_class()
        return str(model._meta.verbose_name).capitalize() if model else obj.model


class RecordTypeFilter(django_filters.ModelChoiceFilter):
    field_class = RecordTypeField


def _scoped(selector):
    """A queryset callable for a filter: the selector's answer for the request's user."""
    return lambda request: selector(user=request.user, partnership=request.partnership)


def _date_range(field_name: str) -> tuple[django_filters.DateFilter, django_filters.DateFilter]:
    return (
        django_filters.DateFilter(field_name=field_name, lookup_expr="date__gte", label="From", widget=DateInput()),
        django_filters.DateFilter(field_name=field_name, lookup_expr="date__lte", label="To", widget=DateInput()),
    )


class TrailFilter(django_filters.FilterSet):
    record_type = RecordTypeFilter(
        field_name="content_type", queryset=_scoped(trail_record_types), label="Record type", empty_label="Any"
    )
    person = django_filters.ModelChoiceFilter(
        field_name="actor", queryset=_scoped(trail_people), label="Changed by", empty_label="Anyone"
    )
    change = django_filters.ChoiceFilter(
        field_name="action",
        choices=[(code, ACTION_LABELS[code]) for code in (0, 1, 2)],
        label="Change",
        empty_label="Any",
    )
    date_from, date_to = _date_range("timestamp")

    class Meta:
        model = LogEntry
        fields: list[str] = []


class EventFilter(django_filters.FilterSet):
    verb = django_filters.ChoiceFilter(label="Event", empty_label="Any")
    person = django_filters.ModelChoiceFilter(
        field_name="actor", queryset=_scoped(event_people), label="Done by", empty_label="Anyone"
    )
    date_from, date_to = _date_range("occurred_at")

    class Meta:
        model = Event
        fields: list[str] = []

    def __init__(self, *args, request, **kwargs) -> None:
        super().__init__(*args, request=request, **kwargs)
        verbs = event_verbs(user=request.user, partnership=request.partnership)
        self.filters["verb"].extra["choices"] = [(verb, verb) for verb in verbs]


class AccessLogFilter(django_filters.FilterSet):
    area = django_filters.ChoiceFilter(label="Area", empty_label="Any")
    person = django_filters.ModelChoiceFilter(
        field_name="user", queryset=_scoped(access_log_people), label="Read by", empty_label="Anyone"
    )
    date_from, date_to = _date_range("accessed_at")

    class Meta:
        model = AccessLog
        fields: list[str] = []

    def __init__(self, *args, request, **kwargs) -> None:
        super().__init__(*args, request=request, **kwargs)
        areas = access_log_areas(user=request.user, partnership=request.partnership)
        self.filters["area"].extra["choices"] = [(area, area) for area in areas]
