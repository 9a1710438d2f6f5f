"""The register of campaigns (title, starts, ends, the plan's priority, activities) with its
filters (title, financial year, priority). The download holds the same columns as plain text."""

import django_filters
import django_tables2 as tables
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address
from assure.partnerships.years import financial_year_bounds, financial_year_problem

from .models import Campaign


def _day(value) -> str:
    return date_format(value, "j M Y") if value else ""


class CampaignTable(tables.Table):
    title = tables.Column(verbose_name="Campaign")
    starts_on = tables.Column(verbose_name="Starts")
    ends_on = tables.Column(verbose_name="Ends", default="")
    priority = tables.Column(verbose_name="Business plan priority", accessor="priority__title", default="")
    activity_count = tables.Column(verbose_name="Activities")

    caption = "Campaigns"

    class Meta:
        model = Campaign
        fields = ("title", "starts_on", "ends_on", "priority", "activity_count")
        order_by = ("-starts_on",)
        empty_text = "No campaign matches."

    def __init__(self, *args, partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.address = record_address("engagement:campaign_detail", partnership=partnership.slug)

    def render_title(self, record: Campaign, value) -> str:
        return format_html('<a class="govuk-link" href="{}">{}</a>', self.address(record.pk), value)

    def value_title(self, value) -> str:
        return value

    def render_starts_on(self, value) -> str:
        return _day(value)

    def value_starts_on(self, value) -> str:
        return value.isoformat() if value else ""

    def render_ends_on(self, value) -> str:
        return _day(value)

    def value_ends_on(self, value) -> str:
        return value.isoformat() if value else ""


class CampaignFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Title or audience", method="search")
    year = django_filters.ChoiceFilter(
        label="Running in the year", empty_label="Every year", choices=[], method="filter_year"
    )
    priority = django_filters.ChoiceFilter(
        label="Business plan priority", empty_label="Every priority", choices=[], method="filter_priority"
    )

    class Meta:
        model = Campaign
        fields: list[str] = []

    def __init__(self, *args, years=(), priorities=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(year, year) for year in years]
        self.filters["priority"].extra["choices"] = list(priorities)

    def search(self, queryset, name, value):
        value = (value or "").strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(audiences__icontains=value))

    def filter_year(self, queryset, name, value):
        if not value or financial_year_problem(value):
            return queryset
        first, last = financial_year_bounds(value)
        return queryset.filter(Q(starts_on__lte=last) & (Q(ends_on__isnull=True) | Q(ends_on__gte=first)))

    def filter_priority(self, queryset, name, value):
        return queryset.filter(priority_id=value) if value else queryset
