"""Filters of the audits register: by year (the programme's, or a themed audit's start), status,
tier (of the partnership's framework) and theme."""

import django_filters

from .models import Audit
from .selectors.programme import audit_year_q, audit_years, framework_for, framework_of, year_label


def _years(request) -> list[tuple[str, str]]:
    years = audit_years(user=request.user, partnership=request.partnership)
    return [(str(year), year_label(year)) for year in years]


def _tiers(request) -> list[tuple[str, str]]:
    item = framework_for(request.partnership)
    return [(tier.code, tier.title) for tier in framework_of(item).tiers] if item else []


class AuditFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(label="Year", empty_label="Every year", method="filter_year", choices=[])
    status = django_filters.ChoiceFilter(choices=Audit.Status.choices, empty_label="Any status")
    tier = django_filters.ChoiceFilter(label="Tier", empty_label="Any tier", choices=[])
    theme = django_filters.CharFilter(field_name="theme", lookup_expr="icontains", label="Theme contains")

    class Meta:
        model = Audit
        fields: list[str] = []

    def __init__(self, *args, request=None, **kwargs) -> None:
        super().__init__(*args, request=request, **kwargs)
        if request is not None:
            self.filters["year"].extra["choices"] = _years(request)
            self.filters["tier"].extra["choices"] = _tiers(request)

    def filter_year(self, queryset, name, value):
        return queryset.filter(audit_year_q(int(value))) if value and value.isdigit() else queryset
