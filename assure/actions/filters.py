"""Filters of the action tracker."""

import django_filters
from django import forms

from assure.core.forms import DateInput

from .models import Action
from .selectors import action_agency_choices


def _agencies(request):
    return action_agency_choices(user=request.user, partnership=request.partnership)


class ActionFilter(django_filters.FilterSet):
    title = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label="Title contains")
    status = django_filters.ChoiceFilter(choices=Action.Status.choices, empty_label="Any status")
    owner_agency = django_filters.ModelChoiceFilter(queryset=_agencies, label="Owner agency", empty_label="Any agency")
    overdue = django_filters.BooleanFilter(label="Overdue only", method="filter_overdue", widget=forms.CheckboxInput)
    due_after = django_filters.DateFilter(
        field_name="due_on", lookup_expr="gte", label="Due on or after", widget=DateInput()
    )
    due_before = django_filters.DateFilter(
        field_name="due_on", lookup_expr="lte", label="Due on or before", widget=DateInput()
    )

    class Meta:
        model = Action
        fields: list[str] = []

    def filter_overdue(self, queryset, name, value):
        return queryset.filter(Action.overdue_q()) if value else queryset
