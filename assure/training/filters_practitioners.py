"""Filters of the business unit's register of practitioners: a search by name or e-mail, the
agency, and those whose organisation waits to be placed."""

import django_filters

from .models import Practitioner
from .selectors.practitioners import practitioner_search_q


class PractitionerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Name or e-mail address", method="search")
    agency = django_filters.ChoiceFilter(label="Agency", empty_label="Every agency", choices=[], method="filter_agency")
    status = django_filters.ChoiceFilter(
        label="Organisation",
        empty_label="Every practitioner",
        field_name="agency_status",
        choices=Practitioner.AgencyStatus.choices,
    )

    class Meta:
        model = Practitioner
        fields: list[str] = []

    def __init__(self, *args, agencies=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["agency"].extra["choices"] = [(str(a.pk), a.name) for a in agencies]

    def search(self, queryset, name, value):
        value = (value or "").strip()
        return queryset.filter(practitioner_search_q(value)) if value else queryset

    def filter_agency(self, queryset, name, value):
        return queryset.filter(agency_id=value) if value else queryset
