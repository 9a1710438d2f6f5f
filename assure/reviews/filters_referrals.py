"""Filters of the case considerations register: by status, route, decision (of the partnership's
review scheme) and the financial year the referral was received in."""

import django_filters

from .models import Referral
from .selectors.referrals import referral_years, scheme_choices, year_bounds

STATUSES = [
    (value, label) for value, label in Referral.Status.choices if value != Referral.Status.AWAITING_CONFIRMATION
]


class ReferralFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=STATUSES, empty_label="Any status")
    route = django_filters.ChoiceFilter(label="Route", empty_label="Any route", choices=[])
    decision = django_filters.ChoiceFilter(label="Decision", empty_label="Any decision", choices=[])
    year = django_filters.ChoiceFilter(
        label="Year received", empty_label="Every year", method="filter_year", choices=[]
    )

    class Meta:
        model = Referral
        fields: list[str] = []

    def __init__(self, *args, request=None, **kwargs) -> None:
        super().__init__(*args, request=request, **kwargs)
        if request is not None:
            partnership = request.partnership
            self.filters["route"].extra["choices"] = scheme_choices(partnership, "routes")
            self.filters["decision"].extra["choices"] = scheme_choices(partnership, "decisions")
            years = referral_years(user=request.user, partnership=partnership)
            self.filters["year"].extra["choices"] = [(year, year) for year in years]

    def filter_year(self, queryset, name, value):
        if not value:
            return queryset
        start, end = year_bounds(value)
        return queryset.filter(submitted_at__gte=start, submitted_at__lt=end)
