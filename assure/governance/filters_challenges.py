"""Filters of the challenge log: by agency (challenged), status and age."""

import django_filters
from django import forms
from django.utils import timezone

from assure.partnerships.models import Agency

from .models import Challenge
from .selectors.challenges import AGE_BANDS, age_band, age_band_q


def _agencies(request):
    return (
        Agency.objects.filter(
            partnership_links__partnership=request.partnership, challenges__partnership=request.partnership
        )
        .distinct()
        .order_by("name")
    )


class ChallengeFilter(django_filters.FilterSet):
    search = django_filters.CharFilter(label="Subject contains", method="filter_search")
    agency = django_filters.ModelChoiceFilter(queryset=_agencies, label="Agency challenged", empty_label="Any agency")
    status = django_filters.ChoiceFilter(choices=Challenge.Status.choices, empty_label="Any status")
    age = django_filters.ChoiceFilter(
        label="Age", choices=[(band.code, band.label) for band in AGE_BANDS], empty_label="Any age", method="filter_age"
    )
    overdue = django_filters.BooleanFilter(
        label="Response overdue only", method="filter_overdue", widget=forms.CheckboxInput
    )

    class Meta:
        model = Challenge
        fields: list[str] = []

    def filter_search(self, queryset, name, value):
        return queryset.filter(subject__icontains=value) if value else queryset

    def filter_age(self, queryset, name, value):
        band = age_band(value)
        return queryset.filter(age_band_q(band, timezone.localdate())) if band else queryset

    def filter_overdue(self, queryset, name, value):
        return queryset.filter(Challenge.overdue_q()) if value else queryset
