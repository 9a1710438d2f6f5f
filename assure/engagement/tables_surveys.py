"""The register of surveys (title, series, audience, dates, open or closed, responses), with its
search and filters. The download holds the same columns as plain text."""

import django_filters
import django_tables2 as tables
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address

from .models import Survey
from .selectors.surveys import Status, status_of


def _day(value) -> str:
    return date_format(value, "j M Y") if value else ""


class SurveyTable(tables.Table):
    title = tables.Column(verbose_name="Survey")
    series = tables.Column(verbose_name="Series")
    opens_on = tables.Column(verbose_name="Opens")
    closes_on = tables.Column(verbose_name="Closes")
    status = tables.Column(verbose_name="Status", empty_values=(), orderable=False)
    responses = tables.Column(verbose_name="Responses", attrs={"cell": {"class": "govuk-table__cell--numeric"}})

    caption = "Surveys"

    class Meta:
        model = Survey
        fields = ("title", "series", "opens_on", "closes_on", "status", "responses")
        order_by = ("-opens_on",)
        empty_text = "No survey matches."

    def __init__(self, *args, partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()
        self.address = record_address("engagement:survey_detail", partnership=partnership.slug)

    def render_title(self, record: Survey, value) -> str:
        return format_html('<a class="govuk-link" href="{}">{}</a>', self.address(record.pk), value)

    def value_title(self, value) -> str:
        return value

    def render_opens_on(self, value) -> str:
        return _day(value)

    def value_opens_on(self, value) -> str:
        return value.isoformat() if value else ""

    def render_closes_on(self, value) -> str:
        return _day(value)

    def value_closes_on(self, value) -> str:
        return value.isoformat() if value else ""

    def render_status(self, record: Survey) -> str:
        status = status_of(record, self.today)
        return format_html('<strong class="govuk-tag {}">{}</strong>', Status.TAGS[status], Status.LABELS[status])

    def value_status(self, record: Survey) -> str:
        return Status.LABELS[status_of(record, self.today)]


class SurveyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Title, series or audience", method="search")
    status = django_filters.ChoiceFilter(
        label="Status",
        empty_label="Every survey",
        choices=[(code, label) for code, label in Status.LABELS.items()],
        method="by_status",
    )

    class Meta:
        model = Survey
        fields: list[str] = []

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(series__icontains=value) | Q(audience__icontains=value))

    def by_status(self, queryset, name, value):
        today = timezone.localdate()
        if value == Status.NOT_YET_OPEN:
            return queryset.filter(opens_on__gt=today)
        if value == Status.CLOSED:
            return queryset.filter(closes_on__lt=today)
        if value == Status.OPEN:
            return queryset.filter(opens_on__lte=today, closes_on__gte=today)
        return queryset
