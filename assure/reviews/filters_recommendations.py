"""Filters of the register of action plans: by the financial year of the decision to hold the
review, its type and its status."""

import django_filters

from assure.partnerships.years import financial_year_bounds, financial_year_of

from .models import Review
from .scheme import scheme_for


class ActionPlanFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(label="Year commissioned", empty_label="Every year", method="filter_year")
    kind = django_filters.ChoiceFilter(label="Type of review", empty_label="Every type")
    status = django_filters.ChoiceFilter(label="Status", empty_label="Every status", choices=Review.Status.choices)

    class Meta:
        model = Review
        fields: list[str] = []

    def __init__(self, *args, partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        days = self.queryset.values_list("decided_on", flat=True).distinct()
        years = sorted({financial_year_of(day) for day in days}, reverse=True)
        self.filters["year"].extra["choices"] = [(year, year) for year in years]
        self.filters["kind"].extra["choices"] = [(t.code, t.title) for t in scheme_for(partnership).review_types]

    def filter_year(self, queryset, name, value):
        if not value:
            return queryset
        first, last = financial_year_bounds(value)
        return queryset.filter(decided_on__gte=first, decided_on__lte=last)
