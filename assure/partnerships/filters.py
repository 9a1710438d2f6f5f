"""Filters of the partnership's registers (django-filter). Choices come from the library and from
the partnership's own records, so every filter needs the partnership and the person."""

import django_filters
from django import forms
from django.db.models import Q

from .models import Meeting, PartnershipAgency, Subgroup
from .selectors import BOARD, classification_choices, meeting_years, subgroups_of
from .years import financial_year_bounds, financial_year_problem

YES_NO = (("yes", "Yes"), ("no", "No"))


def _yes_no(field_name: str):
    def apply(queryset, name, value):
        return queryset.filter(**{field_name: value == "yes"})

    return apply


class AgencyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Name contains", field_name="agency__name", lookup_expr="icontains")
    sector = django_filters.ChoiceFilter(label="Sector", field_name="agency__sector__code", empty_label="Any sector")
    agency_type = django_filters.ChoiceFilter(
        label="Type of agency", field_name="agency__agency_type__code", empty_label="Any type"
    )
    on_board = django_filters.ChoiceFilter(
        label="On the board", choices=YES_NO, empty_label="Either", method=_yes_no("on_board")
    )
    status = django_filters.ChoiceFilter(
        label="Show",
        choices=(("former", "Agencies that have left"), ("all", "Current agencies and those that have left")),
        empty_label="Current agencies",
        method=lambda queryset, name, value: queryset,
    )

    class Meta:
        model = PartnershipAgency
        fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = classification_choices()
        self.filters["sector"].extra["choices"] = choices["sector"]
        self.filters["agency_type"].extra["choices"] = choices["agency-type"]

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        status = self.form.cleaned_data.get("status") if self.is_bound and self.form.is_valid() else None
        if status == "all":
            return queryset
        if status == "former":
            return queryset.filter(left_on__isnull=False)
        return queryset.filter(left_on__isnull=True)


class SubgroupFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Name contains", field_name="name", lookup_expr="icontains")
    is_active = django_filters.ChoiceFilter(
        label="Active", choices=YES_NO, empty_label="Either", method=_yes_no("is_active")
    )

    class Meta:
        model = Subgroup
        fields = ()


class MeetingFilter(django_filters.FilterSet):
    body = django_filters.ChoiceFilter(label="Body", empty_label="The board and every subgroup", method="filter_body")
    year = django_filters.ChoiceFilter(label="Financial year", empty_label="Any year", method="filter_year")
    q = django_filters.CharFilter(label="Title or location contains", method="filter_text")

    class Meta:
        model = Meeting
        fields = ()

    def __init__(self, *args, user, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["body"].extra["choices"] = body_choices(user=user, partnership=partnership)
        self.filters["year"].extra["choices"] = [(y, y) for y in meeting_years(user=user, partnership=partnership)]

    def filter_body(self, queryset, name, value):
        if value == BOARD:
            return queryset.filter(subgroup__isnull=True)
        return queryset.filter(subgroup_id=value)

    def filter_year(self, queryset, name, value):
        return queryset.filter(held_on__range=financial_year_bounds(value))

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(location__icontains=value))


def body_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The board and the partnership's subgroups, as choices of a filter."""
    return [(BOARD, "Board"), *((str(s.pk), s.name) for s in subgroups_of(user=user, partnership=partnership))]


class AttendanceReportForm(forms.Form):
    """Which year and body the attendance report covers (a GET form)."""

    year = forms.ChoiceField(label="Financial year", required=False)
    body = forms.ChoiceField(label="Body", required=False)

    def __init__(self, *args, user, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        years = meeting_years(user=user, partnership=partnership)
        asked = self.data.get("year", "")
        # A year without meetings can still be asked for (its report lists who is expected).
        if asked and asked not in years and financial_year_problem(asked) is None:
            years = sorted([*years, asked], reverse=True)
        self.fields["year"].choices = [("", "Every year"), *((y, y) for y in years)]
        self.fields["body"].choices = [
            ("", "The board and every subgroup"),
            *body_choices(user=user, partnership=partnership),
        ]
