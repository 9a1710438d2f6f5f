"""Filters of the register of child deaths: the status, the home partnership, the financial year
of the death, expected or unexpected, and a search by reference."""

import django_filters

from assure.partnerships.years import financial_year_bounds

from .models import ChildDeath

ELSEWHERE = "elsewhere"


class DeathFilter(django_filters.FilterSet):
    reference = django_filters.CharFilter(label="Reference", lookup_expr="icontains")
    status = django_filters.ChoiceFilter(label="Status", empty_label="Every status", choices=ChildDeath.Status.choices)
    home = django_filters.ChoiceFilter(label="Home", empty_label="Everywhere", method="filter_home", choices=[])
    year = django_filters.ChoiceFilter(
        label="Year of death", empty_label="Every year", method="filter_year", choices=[]
    )
    expected = django_filters.ChoiceFilter(
        label="Expected", empty_label="Expected and unexpected", choices=ChildDeath.Expected.choices
    )

    class Meta:
        model = ChildDeath
        fields: list[str] = []

    def __init__(self, *args, homes=(), years=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["home"].extra["choices"] = [(str(p.pk), p.name) for p in homes] + [(ELSEWHERE, "Elsewhere")]
        self.filters["year"].extra["choices"] = [(year, year) for year in years]

    def filter_home(self, queryset, name, value):
        if value == ELSEWHERE:
            return queryset.filter(partnership__isnull=True)
        if value and value.isdigit():
            return queryset.filter(partnership_id=int(value))
        return queryset

    def filter_year(self, queryset, name, value):
        if not value:
            return queryset
        first, last = financial_year_bounds(value)
        return queryset.filter(date_of_death__gte=first, date_of_death__lte=last)
