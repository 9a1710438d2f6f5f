"""The register of voices heard (when, who from, how it reached the board, the words in short, the
priority, the review and whether chosen for the annual report), with its filters and search. The
download holds the same columns as plain text, the words in full."""

import django_filters
import django_tables2 as tables
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator

from assure.core.tables import record_address
from assure.partnerships.years import financial_year_bounds

from .models import Voice

SHORT_WORDS = 25
STATUS_COLOURS = {
    Voice.Status.TO_REVIEW: "yellow",
    Voice.Status.APPROVED: "green",
    Voice.Status.WITHHELD: "grey",
}


class VoiceTable(tables.Table):
    heard_on = tables.Column(verbose_name="Heard")
    source_type = tables.Column(verbose_name="From")
    channel = tables.Column(verbose_name="How it reached the board")
    text = tables.Column(verbose_name="What was said", orderable=False)
    priority = tables.Column(verbose_name="Business plan priority", accessor="priority__title", default="")
    status = tables.Column(verbose_name="Review")
    for_report = tables.Column(verbose_name="In the annual report")

    caption = "Voices heard"

    class Meta:
        model = Voice
        fields = ("heard_on", "source_type", "channel", "text", "priority", "status", "for_report")
        order_by = ("-heard_on",)
        empty_text = "No voice matches."

    def __init__(self, *args, partnership, sources: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.sources = sources
        self.address = record_address("engagement:voice_detail", partnership=partnership.slug)

    def render_heard_on(self, record: Voice, value) -> str:
        return format_html('<a class="govuk-link" href="{}">{}</a>', self.address(record.pk), date_format(value))

    def value_heard_on(self, value) -> str:
        return value.isoformat()

    def render_source_type(self, value) -> str:
        return self.sources.get(value, value)

    def value_source_type(self, value) -> str:
        return self.sources.get(value, value)

    def render_text(self, value) -> str:
        return Truncator(value).words(SHORT_WORDS)

    def value_text(self, value) -> str:
        return value

    def render_status(self, record: Voice) -> str:
        return format_html(
            '<strong class="govuk-tag govuk-tag--{}">{}</strong>',
            STATUS_COLOURS.get(record.status, "grey"),
            record.get_status_display(),
        )

    def value_status(self, record: Voice) -> str:
        return record.get_status_display()

    def render_for_report(self, value) -> str:
        return "Chosen" if value else ""

    def value_for_report(self, value) -> str:
        return "Chosen" if value else ""


class VoiceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Words or channel", method="search")
    source_type = django_filters.ChoiceFilter(label="From", empty_label="Anyone", choices=[])
    priority = django_filters.ChoiceFilter(
        label="Priority", empty_label="Every priority", choices=[], method="filter_priority"
    )
    status = django_filters.ChoiceFilter(label="Review", empty_label="Any review", choices=Voice.Status.choices)
    year = django_filters.ChoiceFilter(label="Year heard", empty_label="Every year", choices=[], method="filter_year")

    class Meta:
        model = Voice
        fields: list[str] = []

    def __init__(self, *args, sources=(), priorities=(), years=(), show_status: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["source_type"].extra["choices"] = list(sources)
        self.filters["priority"].extra["choices"] = [(str(p.pk), p.title) for p in priorities]
        self.filters["year"].extra["choices"] = [(year, year) for year in years]
        if not show_status:
            # The board reads only the voices that may be quoted: the review says nothing more.
            del self.filters["status"]

    def search(self, queryset, name, value):
        value = (value or "").strip()
        return queryset.filter(Q(text__icontains=value) | Q(channel__icontains=value)) if value else queryset

    def filter_priority(self, queryset, name, value):
        return queryset.filter(priority_id=value) if value else queryset

    def filter_year(self, queryset, name, value):
        try:
            start, end = financial_year_bounds(value)
        except ValidationError:
            return queryset
        return queryset.filter(heard_on__gte=start, heard_on__lte=end)
