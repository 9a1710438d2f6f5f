"""The register of monthly uploads (the register, the agency, the month, its rows, who uploaded it
and when), its filter by register and agency, and the table of one upload's entries. Downloads
hold the same columns as plain text."""

import django_filters
import django_tables2 as tables
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from .models import Entry, Upload


def _when(value) -> str:
    return date_format(timezone.localtime(value), "j M Y, H:i") if value else ""


class UploadFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label="Register", empty_label="Every register", choices=[], field_name="kind_code"
    )
    agency = django_filters.ChoiceFilter(label="Agency", empty_label="Every agency", choices=[], method="filter_agency")

    class Meta:
        model = Upload
        fields: list[str] = []

    def __init__(self, *args, kinds=(), agencies=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["kind"].extra["choices"] = [(kind.code, kind.title) for kind in kinds]
        self.filters["agency"].extra["choices"] = [(str(agency.pk), agency.name) for agency in agencies]

    def filter_agency(self, queryset, name, value):
        return queryset.filter(agency_id=value) if value else queryset


class UploadTable(tables.Table):
    month = tables.Column(verbose_name="Month")
    kind_code = tables.Column(verbose_name="Register")
    agency = tables.Column(verbose_name="Agency", accessor="agency__name")
    rows = tables.Column(verbose_name="Entries")
    uploaded_by = tables.Column(verbose_name="Uploaded by", accessor="uploaded_by__full_name", default="")
    uploaded_at = tables.Column(verbose_name="Uploaded")

    caption = "Monthly uploads"

    class Meta:
        model = Upload
        fields = ("month", "kind_code", "agency", "rows", "uploaded_by", "uploaded_at")
        order_by = ("-uploaded_at",)
        empty_text = "No extract has been uploaded yet."

    def __init__(self, *args, titles: dict[str, str], detail_url, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.titles = titles
        self.detail_url = detail_url

    def render_month(self, record: Upload, value) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>', self.detail_url(record.pk), date_format(value, "F Y")
        )

    def value_month(self, value) -> str:
        return date_format(value, "F Y")

    def render_kind_code(self, value) -> str:
        return self.titles.get(value, value)

    def value_kind_code(self, value) -> str:
        return self.titles.get(value, value)

    def render_uploaded_at(self, value) -> str:
        return _when(value)

    def value_uploaded_at(self, value) -> str:
        return _when(value)


class UploadEntryTable(tables.Table):
    """An upload's entries: the register's number, the agency's reference and the date counted."""

    number = tables.Column(verbose_name="Entry")
    agency_reference = tables.Column(verbose_name="The agency's reference")
    occurred_on = tables.Column(verbose_name="Counted on")

    caption = "The upload's entries"

    class Meta:
        model = Entry
        fields = ("number", "agency_reference", "occurred_on")
        orderable = False
        empty_text = "The extract held no entries: the agency had none that month."

    def __init__(self, *args, entry_url=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.entry_url = entry_url

    def render_number(self, record: Entry, value) -> str:
        if self.entry_url is None:
            return value
        return format_html('<a class="govuk-link" href="{}">{}</a>', self.entry_url(record.pk), value)

    def value_number(self, value) -> str:
        return value

    def render_occurred_on(self, value) -> str:
        return date_format(value, "j M Y")

    def value_occurred_on(self, value) -> str:
        return value.isoformat()
