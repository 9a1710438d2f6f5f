"""Filters of the indicator catalogue (django-filter): by theme, source, unit and polarity, and a
search of codes, titles and definitions. The indicators' attributes are their library item's
data, so the filters look inside it."""

import django_filters
from django.db.models import Q

from .models import Indicator
from .selectors.catalogue import indicator_themes
from .tables_catalogue import POLARITY_LABELS, SOURCE_LABELS, UNIT_LABELS


class IndicatorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Code, title or definition contains", method="filter_text")
    theme = django_filters.ChoiceFilter(label="Theme", field_name="definition__data__theme", empty_label="Any theme")
    source = django_filters.ChoiceFilter(
        label="Source",
        field_name="definition__data__source",
        choices=list(SOURCE_LABELS.items()),
        empty_label="Any source",
    )
    unit = django_filters.ChoiceFilter(
        label="Unit", field_name="definition__data__unit", choices=list(UNIT_LABELS.items()), empty_label="Any unit"
    )
    polarity = django_filters.ChoiceFilter(
        label="Polarity",
        field_name="definition__data__polarity",
        choices=list(POLARITY_LABELS.items()),
        empty_label="Any polarity",
    )

    class Meta:
        model = Indicator
        fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["theme"].extra["choices"] = list(indicator_themes().items())

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(code__icontains=value)
            | Q(definition__title__icontains=value)
            | Q(definition__data__definition__icontains=value)
        )
