"""Query filters of the observations endpoint."""

import django_filters

from ..models import Observation


class ObservationFilter(django_filters.FilterSet):
    indicator = django_filters.CharFilter(
        field_name="indicator__code", help_text="An indicator's code, e.g. cin-referrals."
    )
    period = django_filters.CharFilter(
        field_name="period__label", help_text="A period's label: 2014-15, Q1 2014-15 or April 2014."
    )
    source = django_filters.ChoiceFilter(
        choices=Observation.Source.choices, help_text="agency_return, local_import, computed or publication."
    )
    area = django_filters.CharFilter(field_name="area__code", help_text="An area's ONS code, e.g. E92000001.")

    class Meta:
        model = Observation
        fields = ["indicator", "period", "source", "area"]
