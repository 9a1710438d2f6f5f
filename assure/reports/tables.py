"""The register of a partnership's reports (annual reports and board packs), exportable to CSV
and XLSX."""

import django_filters
import django_tables2 as tables
from django.utils.html import format_html

from assure.core.navigation import partnership_url

from .models import Report

STATUS_TAGS = {Report.Status.DRAFT: "govuk-tag--grey", Report.Status.PUBLISHED: "govuk-tag--green"}


class ReportTable(tables.Table):
    caption = "Reports"
    title = tables.Column(verbose_name="Report")
    kind = tables.Column(verbose_name="Kind")
    year = tables.Column(verbose_name="Year")
    meeting = tables.Column(verbose_name="Meeting", accessor="meeting__held_on", order_by=("meeting__held_on",))
    status = tables.Column(verbose_name="Status")
    published_at = tables.DateTimeColumn(verbose_name="Published", format="j M Y", default="Not yet")

    class Meta:
        model = Report
        fields = ()
        sequence = ("title", "kind", "year", "meeting", "status", "published_at")
        empty_text = "No report matches. The business unit makes the annual report and the board packs here."

    def __init__(self, *args, partnership, **kwargs):
        self.partnership = partnership
        super().__init__(*args, **kwargs)

    def render_title(self, record: Report, value) -> str:
        href = partnership_url("reports:report_detail", self.partnership, pk=record.pk)
        return format_html('<a class="govuk-link" href="{}">{}</a>', href, self.value_title(record, value))

    def value_title(self, record: Report, value) -> str:
        # Editions share their title: a corrected one says which it is.
        return f"{value} (edition {record.edition})" if record.edition > 1 else str(value)

    def render_kind(self, record: Report) -> str:
        return record.get_kind_display()

    def render_meeting(self, value) -> str:
        return f"{value:%-d %B %Y}"

    def render_status(self, record: Report) -> str:
        return format_html(
            '<strong class="govuk-tag {}">{}</strong>', STATUS_TAGS.get(record.status, ""), record.get_status_display()
        )

    def value_status(self, record: Report) -> str:
        return record.get_status_display()


class ReportFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Report.Kind.choices, empty_label="Any kind", label="Kind")
    status = django_filters.ChoiceFilter(choices=Report.Status.choices, empty_label="Any status", label="Status")
    year = django_filters.CharFilter(label="Financial year", help_text="For example 2014-15.")

    class Meta:
        model = Report
        fields: list[str] = []
