"""A register's entries as a table: the entry's number, the agency's reference and agency, the
identifiers its kind asks for, each of the kind's fields in words, and whether it is submitted and
how it came; with its filter (the agency, the financial year, the month, the status, a search of
the reference and the number). The download holds the same columns as plain text: a register holds
references, never names."""

from __future__ import annotations

import datetime as dt

import django_filters
import django_tables2 as tables
from django.db.models import Q
from django.utils.html import format_html

from assure.core.tables import record_address
from assure.library.schemas_registers import RegisterField
from assure.partnerships.years import financial_year_bounds

from .fields import displayed
from .kinds import RegisterKind
from .models import Entry

# Months in the order of a financial year (April first), as the month filter offers them.
MONTHS_FROM_APRIL = [(str(n), dt.date(2000, n, 1).strftime("%B")) for n in (*range(4, 13), *range(1, 4))]


class FieldColumn(tables.Column):
    """One of the kind's fields, read from the entry's values and shown in words."""

    def __init__(self, field: RegisterField, *, order_by=None) -> None:
        super().__init__(
            verbose_name=field.label,
            accessor="values",
            orderable=order_by is not None,
            order_by=order_by,
            empty_values=(),
        )
        self.register_field = field

    def render(self, value) -> str:
        return displayed(self.register_field, (value or {}).get(self.register_field.code))

    def value(self, value) -> str:
        return self.render(value)


class EntryTable(tables.Table):
    number = tables.Column(verbose_name="Entry", order_by=("number",))
    agency_reference = tables.Column(verbose_name="The agency's reference")
    agency = tables.Column(verbose_name="Agency", accessor="agency__name")
    age = tables.Column(verbose_name="Age")
    birth_month = tables.Column(verbose_name="Month of birth")
    sex = tables.Column(verbose_name="Sex")
    area = tables.Column(verbose_name="Area")
    status = tables.Column(verbose_name="Status")
    source = tables.Column(verbose_name="How it came")

    class Meta:
        model = Entry
        fields = ("number", "agency_reference", "agency", "age", "birth_month", "sex", "area")
        order_by = ("-occurred_on",)
        empty_text = "No entry matches."

    def __init__(self, *args, partnership, kind: RegisterKind, sexes: dict[str, str], **kwargs) -> None:
        asked = {code.replace("-", "_") for code in kind.spec.identifiers}
        unasked = [name for name in ("age", "birth_month", "sex", "area") if name not in asked]
        extra = [
            (
                f"field_{field.code}",
                FieldColumn(field, order_by=("occurred_on", "number") if field.code == kind.spec.counted_by else None),
            )
            for field in kind.spec.fields
        ]
        sequence = [
            "number",
            "agency_reference",
            "agency",
            *[name for name in ("age", "birth_month", "sex", "area") if name in asked],
            *[name for name, _column in extra],
            "status",
            "source",
        ]
        super().__init__(*args, extra_columns=extra, exclude=unasked, sequence=sequence, **kwargs)
        self.caption = kind.title
        self.sexes = sexes
        self.address = record_address("registers:entry_detail", partnership=partnership.slug)

    def render_number(self, record: Entry, value) -> str:
        return format_html('<a class="govuk-link" href="{}">{}</a>', self.address(record.pk), value)

    def value_number(self, value) -> str:
        return value

    def render_birth_month(self, value) -> str:
        return value.strftime("%B %Y") if value else ""

    def value_birth_month(self, value) -> str:
        return self.render_birth_month(value)

    def render_sex(self, value) -> str:
        return self.sexes.get(value, value)

    def value_sex(self, value) -> str:
        return self.sexes.get(value, value)

    def render_status(self, record: Entry) -> str:
        if record.is_submitted:
            return format_html('<strong class="govuk-tag govuk-tag--green">{}</strong>', "Submitted")
        return format_html('<strong class="govuk-tag govuk-tag--yellow">{}</strong>', "Draft")

    def value_status(self, record: Entry) -> str:
        return record.get_status_display()

    def render_source(self, record: Entry) -> str:
        return record.get_source_display()

    def value_source(self, record: Entry) -> str:
        return record.get_source_display()


class EntryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="The agency's reference or the entry's number", method="search")
    agency = django_filters.ChoiceFilter(label="Agency", empty_label="Every agency", choices=[], field_name="agency_id")
    year = django_filters.ChoiceFilter(label="Year", empty_label="Every year", choices=[], method="filter_year")
    month = django_filters.ChoiceFilter(
        label="Month", empty_label="Every month", choices=MONTHS_FROM_APRIL, field_name="occurred_on__month"
    )
    status = django_filters.ChoiceFilter(
        label="Status", empty_label="Submitted and drafts", choices=Entry.Status.choices
    )

    class Meta:
        model = Entry
        fields: list[str] = []

    def __init__(self, *args, agencies=(), years=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["agency"].extra["choices"] = [(str(agency.pk), agency.name) for agency in agencies]
        self.filters["year"].extra["choices"] = [(year, year) for year in years]

    def search(self, queryset, name, value):
        value = (value or "").strip()
        if not value:
            return queryset
        return queryset.filter(Q(agency_reference__icontains=value) | Q(number__icontains=value))

    def filter_year(self, queryset, name, value):
        if not value:
            return queryset
        start, end = financial_year_bounds(value)
        return queryset.filter(occurred_on__range=(start, end))
