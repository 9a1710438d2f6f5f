"""Registers of Section 11: the cycles of a partnership and the returns of a cycle (completion
tracking), each exportable to CSV and XLSX."""

import django_filters
import django_tables2 as tables
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.navigation import partnership_url

from .models import Cycle, Return

Status = Return.Status

STATUS_TAGS = {
    Status.NOT_STARTED: "govuk-tag--grey",
    Status.IN_PROGRESS: "govuk-tag--light-blue",
    Status.SUBMITTED: "govuk-tag--blue",
    Status.UNDER_CHALLENGE: "govuk-tag--orange",
    Status.ACCEPTED: "govuk-tag--green",
}


def status_tag(return_record: Return, overdue: bool | None = None) -> str:
    """The return's status as a tag, with "Overdue" beside it when it is (the word, not only a colour)."""
    tag = format_html(
        '<strong class="govuk-tag {}">{}</strong>',
        STATUS_TAGS.get(return_record.status, ""),
        return_record.get_status_display(),
    )
    overdue = getattr(return_record, "overdue", return_record.is_overdue) if overdue is None else overdue
    if overdue:
        return format_html('{} <strong class="govuk-tag govuk-tag--red">Overdue</strong>', tag)
    return tag


class CycleTable(tables.Table):
    caption = "Section 11 cycles"
    title = tables.Column(verbose_name="Cycle")
    year = tables.Column(verbose_name="Year")
    framework = tables.Column(verbose_name="Framework", accessor="framework__title", order_by=("framework__title",))
    lead_partnership = tables.Column(verbose_name="Run by", order_by=("lead_partnership__name",))
    deadline = tables.DateColumn(verbose_name="Deadline", format="j M Y")
    status = tables.Column(verbose_name="Status")

    class Meta:
        model = Cycle
        fields = ()
        sequence = ("title", "year", "framework", "lead_partnership", "deadline", "status")
        empty_text = "No Section 11 cycle includes this partnership yet."

    def __init__(self, *args, partnership, **kwargs):
        self.partnership = partnership
        super().__init__(*args, **kwargs)

    def render_title(self, record: Cycle, value) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            partnership_url("section11:cycle_detail", self.partnership, pk=record.pk),
            value,
        )

    def value_title(self, value) -> str:
        return str(value)

    def render_framework(self, record: Cycle, value) -> str:
        return f"{value} (version {record.framework.document.version})"

    def value_framework(self, record: Cycle, value) -> str:
        return self.render_framework(record, value)

    def render_status(self, record: Cycle) -> str:
        return record.get_status_display()


class CycleReturnTable(tables.Table):
    """The returns of one cycle, for this partnership's agencies."""

    caption = "Returns"
    agency = tables.Column(verbose_name="Agency", order_by=("agency__name",))
    agency_type = tables.Column(
        verbose_name="Agency type", accessor="agency__agency_type__title", order_by=("agency__agency_type__title",)
    )
    status = tables.Column(verbose_name="Status", empty_values=())
    submitted_at = tables.DateTimeColumn(verbose_name="Submitted", format="j M Y", default="Not yet")
    reminded = tables.Column(verbose_name="Last reminded", empty_values=(), orderable=False)

    class Meta:
        model = Return
        fields = ()
        sequence = ("agency", "agency_type", "status", "submitted_at", "reminded")
        empty_text = "No returns match."

    def __init__(self, *args, partnership, visible_ids: set[int], reminded: dict | None = None, **kwargs):
        self.partnership = partnership
        self.visible_ids = visible_ids
        self.reminded = reminded or {}  # return id as text → when it was last reminded
        super().__init__(*args, **kwargs)

    def render_agency(self, record: Return, value) -> str:
        # Only a return the user may open is a link; the others show their status only.
        if record.pk in self.visible_ids:
            return format_html(
                '<a class="govuk-link" href="{}">{}</a>',
                partnership_url("section11:return_detail", self.partnership, pk=record.pk),
                value,
            )
        return str(value)

    def value_agency(self, value) -> str:
        return str(value)

    def render_status(self, record: Return) -> str:
        return status_tag(record)

    def render_reminded(self, record: Return) -> str:
        when = self.reminded.get(str(record.pk))
        return date_format(timezone.localtime(when), "j M Y") if when else "Never"

    def value_reminded(self, record: Return) -> str:
        return self.render_reminded(record)

    def value_status(self, record: Return) -> str:
        label = record.get_status_display()
        return f"{label} (overdue)" if getattr(record, "overdue", False) else label


STATUS_FILTER_CHOICES = [*Status.choices, ("overdue", "Overdue")]


class CycleReturnFilter(django_filters.FilterSet):
    agency = django_filters.CharFilter(field_name="agency__name", lookup_expr="icontains", label="Agency name contains")
    status = django_filters.ChoiceFilter(
        choices=STATUS_FILTER_CHOICES, empty_label="Any status", method="filter_status", label="Status"
    )

    class Meta:
        model = Return
        fields: list[str] = []

    def filter_status(self, queryset, name, value):
        if value == "overdue":
            return queryset.filter(overdue=True)
        return queryset.filter(status=value) if value else queryset
