"""Filters of the list of conferences: by financial year and by whether the checklist is submitted."""

import django_filters

from assure.partnerships.years import financial_year_bounds
from assure.questionnaires.models import Response

from .models import Conference

SUBMITTED, DRAFT = "submitted", "draft"


class ConferenceFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(label="Year", empty_label="Every year", method="filter_year", choices=[])
    checklist = django_filters.ChoiceFilter(
        label="Checklist",
        empty_label="Submitted and drafts",
        method="filter_checklist",
        choices=[(SUBMITTED, "Submitted"), (DRAFT, "Drafts")],
    )

    class Meta:
        model = Conference
        fields: list[str] = []

    def __init__(self, *args, years=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(year, year) for year in years]

    def filter_year(self, queryset, name, value):
        if not value:
            return queryset
        first, last = financial_year_bounds(value)
        return queryset.filter(held_on__gte=first, held_on__lte=last)

    def filter_checklist(self, queryset, name, value):
        if value == SUBMITTED:
            return queryset.filter(response__status__in=Response.LOCKED)
        if value == DRAFT:
            return queryset.exclude(response__status__in=Response.LOCKED)
        return queryset
