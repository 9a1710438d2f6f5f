"""Filters of the register of case reviews: by type (of the partnership's review scheme), status
and the financial year the review was decided in."""

import django_filters

from .models import Review
from .selectors.reviews import review_year_q, review_years, type_choices


class ReviewFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label="Type", empty_label="Any type", choices=[])
    status = django_filters.ChoiceFilter(choices=Review.Status.choices, empty_label="Any status")
    year = django_filters.ChoiceFilter(label="Decided in", empty_label="Any year", method="filter_year", choices=[])

    class Meta:
        model = Review
        fields: list[str] = []

    def __init__(self, *args, request=None, **kwargs) -> None:
        super().__init__(*args, request=request, **kwargs)
        if request is not None:
            self.filters["kind"].extra["choices"] = type_choices(request.partnership)
            years = review_years(user=request.user, partnership=request.partnership)
            self.filters["year"].extra["choices"] = [(year, year) for year in years]

    def filter_year(self, queryset, name, value):
        return queryset.filter(review_year_q(value)) if value else queryset
