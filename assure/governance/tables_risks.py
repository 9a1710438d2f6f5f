"""The risk register's table: what each column shows on the page and in the export."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address

from .models import Risk
from .risk_matrix import matrix_of


def level_tag(band) -> str:
    """A band as a tag: its colour, and its name always in words."""
    if band is None:
        return "No band"
    return format_html('<strong class="govuk-tag {}">{}</strong>', band.tag_class, band.label)


def _band(risk: Risk, score: int):
    return matrix_of(risk.matrix).band(score)


class RiskTable(tables.Table):
    reference = tables.Column(verbose_name="Reference")
    title = tables.Column(verbose_name="Risk")
    owner = tables.Column(
        verbose_name="Owner", accessor="owner_display", order_by=("owner__full_name", "owner_name"), default=""
    )
    owner_agency = tables.Column(verbose_name="Agency", order_by=("owner_agency__name",), default="")
    inherent = tables.Column(verbose_name="Inherent", empty_values=(), orderable=False)
    current = tables.Column(verbose_name="Current", empty_values=(), orderable=False)
    target = tables.Column(verbose_name="Target", empty_values=(), orderable=False)
    next_review_on = tables.Column(verbose_name="Next review")
    status = tables.Column(verbose_name="Status")

    caption = "Risks"

    class Meta:
        model = Risk
        fields = (
            "reference",
            "title",
            "owner",
            "owner_agency",
            "inherent",
            "current",
            "target",
            "next_review_on",
            "status",
        )
        order_by = ("reference",)
        empty_text = "No risks match."

    def render_reference(self, record: Risk, value: str) -> str:
        addresses = self.__dict__.setdefault("_addresses", {})
        slug = record.partnership.slug
        if slug not in addresses:
            addresses[slug] = record_address("governance:risk_detail", partnership=slug)
        return format_html('<a class="govuk-link" href="{}">{}</a>', addresses[slug](record.pk), value)

    def value_reference(self, value: str) -> str:
        return value

    def _score(self, record: Risk, score: int) -> str:
        return format_html("{} {}", score, level_tag(_band(record, score)))

    def _score_text(self, record: Risk, score: int) -> str:
        band = _band(record, score)
        return f"{score} ({band.label})" if band else str(score)

    def render_inherent(self, record: Risk) -> str:
        return self._score(record, record.inherent_score)

    def value_inherent(self, record: Risk) -> str:
        return self._score_text(record, record.inherent_score)

    def render_current(self, record: Risk) -> str:
        return self._score(record, record.current_score)

    def value_current(self, record: Risk) -> str:
        return self._score_text(record, record.current_score)

    def render_target(self, record: Risk) -> str:
        return self._score(record, record.target_score)

    def value_target(self, record: Risk) -> str:
        return self._score_text(record, record.target_score)

    def render_next_review_on(self, record: Risk, value) -> str:
        day = date_format(value, "j M Y")
        if record.is_review_overdue:
            return format_html('{} <strong class="govuk-tag govuk-tag--red">Review overdue</strong>', day)
        return day

    def value_next_review_on(self, value):
        return value

    def render_status(self, record: Risk) -> str:
        return record.get_status_display()

    def value_status(self, record: Risk) -> str:
        return record.get_status_display()
