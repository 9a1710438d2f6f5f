"""Filters of the register of serious incidents: the financial year the local authority became
aware, open or closed, the step reached and the rapid review's decision."""

import django_filters

from assure.partnerships.years import financial_year_bounds

from .models import Incident

OPEN, CLOSED = "open", "closed"
TO_NOTIFY, TO_REVIEW, TO_ANSWER = "to-notify", "to-review", "to-answer"
AWAITED = "awaited"


class IncidentFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(label="Year", empty_label="Every year", method="filter_year", choices=[])
    status = django_filters.ChoiceFilter(
        label="Status",
        empty_label="Open and closed",
        method="filter_status",
        choices=[(OPEN, "Open"), (CLOSED, "Closed")],
    )
    step = django_filters.ChoiceFilter(
        label="Waiting for",
        empty_label="Any step",
        method="filter_step",
        choices=[
            (TO_NOTIFY, "The notification to the national panel"),
            (TO_REVIEW, "The rapid review"),
            (TO_ANSWER, "The national panel's response"),
        ],
    )
    outcome = django_filters.ChoiceFilter(
        label="Rapid review decision", empty_label="Any decision", method="filter_outcome", choices=[]
    )

    class Meta:
        model = Incident
        fields: list[str] = []

    def __init__(self, *args, years=(), outcomes=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(year, year) for year in years]
        self.filters["outcome"].extra["choices"] = [(AWAITED, "Not yet decided")] + [
            (term.code, term.title) for term in outcomes
        ]

    def filter_year(self, queryset, name, value):
        if not value:
            return queryset
        first, last = financial_year_bounds(value)
        return queryset.filter(aware_on__gte=first, aware_on__lte=last)

    def filter_status(self, queryset, name, value):
        if value == OPEN:
            return queryset.filter(closed_on__isnull=True)
        if value == CLOSED:
            return queryset.filter(closed_on__isnull=False)
        return queryset

    def filter_step(self, queryset, name, value):
        if value == TO_NOTIFY:
            return queryset.filter(notified_on__isnull=True)
        if value == TO_REVIEW:
            return queryset.filter(notified_on__isnull=False, rapid_review_on__isnull=True)
        if value == TO_ANSWER:
            return queryset.filter(rapid_review_on__isnull=False, panel_response="")
        return queryset

    def filter_outcome(self, queryset, name, value):
        if value == AWAITED:
            return queryset.filter(rapid_review_outcome="")
        if value:
            return queryset.filter(rapid_review_outcome=value)
        return queryset
