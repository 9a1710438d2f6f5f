"""Filters of the officer's register of referrals: the status, the employer's sector, the
category, the financial year referred, and a search by reference or employer."""

import django_filters
from django.db.models import Q

from assure.partnerships.years import financial_year_bounds

from .models import Referral
from .selectors.referrals import library_choices

STATUSES = [
    (value, label) for value, label in Referral.Status.choices if value != Referral.Status.AWAITING_CONFIRMATION
]


class ReferralFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Reference or employer", method="search")
    status = django_filters.ChoiceFilter(label="Status", choices=STATUSES, empty_label="Every status")
    sector = django_filters.ChoiceFilter(label="Sector", empty_label="Every sector", choices=[])
    category = django_filters.ChoiceFilter(label="Category", empty_label="Every category", choices=[])
    year = django_filters.ChoiceFilter(
        label="Year referred", empty_label="Every year", method="filter_year", choices=[]
    )

    class Meta:
        model = Referral
        fields: list[str] = []

    def __init__(self, *args, years=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["sector"].extra["choices"] = library_choices("lado-sector")
        self.filters["category"].extra["choices"] = library_choices("lado-category")
        self.filters["year"].extra["choices"] = [(year, year) for year in years]

    def search(self, queryset, name, value):
        value = (value or "").strip()
        if not value:
            return queryset
        return queryset.filter(Q(reference__icontains=value) | Q(employer_name__icontains=value))

    def filter_year(self, queryset, name, value):
        if not value:
            return queryset
        first, last = financial_year_bounds(value)
        return queryset.filter(date_referred__gte=first, date_referred__lte=last)
