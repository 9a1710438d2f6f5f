"""Filters of the risk register: by level (of the current score, on the partnership's matrix),
owner, status, and reviews overdue."""

import django_filters
from django import forms
from django.db.models import F, Q

from .models import Risk
from .risk_matrix import matrix_of
from .selectors.risks import matrix_for, risk_owner_choices


def _owners(request):
    return risk_owner_choices(user=request.user, partnership=request.partnership)


def _levels(request) -> list[tuple[str, str]]:
    item = matrix_for(request.partnership)
    return [(band.code, band.label) for band in matrix_of(item).bands] if item else []


class RiskFilter(django_filters.FilterSet):
    title = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label="Risk contains")
    level = django_filters.ChoiceFilter(
        label="Current level", empty_label="Any level", method="filter_level", choices=[]
    )
    owner = django_filters.ModelChoiceFilter(queryset=_owners, label="Owner", empty_label="Any owner")
    status = django_filters.ChoiceFilter(choices=Risk.Status.choices, empty_label="Open and closed")
    overdue = django_filters.BooleanFilter(
        label="Review overdue only", method="filter_overdue", widget=forms.CheckboxInput
    )

    class Meta:
        model = Risk
        fields: list[str] = []

    def __init__(self, *args, request=None, **kwargs) -> None:
        super().__init__(*args, request=request, **kwargs)
        self._matrix = matrix_for(request.partnership) if request is not None else None
        self.filters["level"].extra["choices"] = _levels(request) if request is not None else []

    def filter_level(self, queryset, name, value):
        if not value or self._matrix is None:
            return queryset
        band = next((b for b in matrix_of(self._matrix).bands if b.code == value), None)
        if band is None:
            return queryset.none()
        score = F("current_likelihood") * F("current_impact")
        return queryset.alias(score=score).filter(Q(score__gte=band.lowest) & Q(score__lte=band.highest))

    def filter_overdue(self, queryset, name, value):
        return queryset.filter(Risk.review_overdue_q()) if value else queryset
