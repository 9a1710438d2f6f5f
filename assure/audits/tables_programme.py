"""The audits register's table: what each column shows on the page and in the export."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address

from .models import Audit
from .selectors.programme import framework_for, framework_of, year_label

STATUS_TAGS = {
    Audit.Status.PLANNED: "govuk-tag--grey",
    Audit.Status.AUDITING: "govuk-tag--blue",
    Audit.Status.MODERATION: "govuk-tag--yellow",
    Audit.Status.REPORTED: "govuk-tag--green",
    Audit.Status.CANCELLED: "govuk-tag--red",
}


def audit_status_tag(audit: Audit) -> str:
    """The audit's status as a tag, always in words."""
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>', STATUS_TAGS.get(audit.status, ""), audit.get_status_display()
    )


class AuditTable(tables.Table):
    reference = tables.Column(verbose_name="Reference")
    title = tables.Column(verbose_name="Audit")
    theme = tables.Column(verbose_name="Theme")
    year = tables.Column(verbose_name="Year", empty_values=(), order_by=("programme__year", "starts_on"))
    term = tables.Column(verbose_name="Term", empty_values=())
    tier = tables.Column(verbose_name="Tier")
    files_planned = tables.Column(verbose_name="Files planned")
    starts_on = tables.Column(verbose_name="Starts")
    ends_on = tables.Column(verbose_name="Answers due")
    status = tables.Column(verbose_name="Status")

    caption = "Audits"

    class Meta:
        model = Audit
        fields = (
            "reference",
            "title",
            "theme",
            "year",
            "term",
            "tier",
            "files_planned",
            "starts_on",
            "ends_on",
            "status",
        )
        order_by = ("-starts_on",)
        empty_text = "No audits match."

    def _framework(self, audit: Audit):
        cache = self.__dict__.setdefault("_frameworks", {})
        if audit.partnership_id not in cache:
            item = framework_for(audit.partnership)
            cache[audit.partnership_id] = framework_of(item) if item else None
        return cache[audit.partnership_id]

    def render_reference(self, record: Audit, value: str) -> str:
        addresses = self.__dict__.setdefault("_addresses", {})
        slug = record.partnership.slug
        if slug not in addresses:
            addresses[slug] = record_address("audits:audit_detail", partnership=slug)
        return format_html('<a class="govuk-link" href="{}">{}</a>', addresses[slug](record.pk), value)

    def value_reference(self, value: str) -> str:
        return value

    def render_year(self, record: Audit) -> str:
        if record.programme_id:
            return record.programme.year_label
        day = record.starts_on
        return year_label(day.year if day.month >= 4 else day.year - 1)

    def value_year(self, record: Audit) -> str:
        return self.render_year(record)

    def render_term(self, record: Audit) -> str:
        framework = self._framework(record)
        term = framework.term(record.term) if framework and record.term else None
        return term.title if term else (record.term or "Outside the terms")

    def value_term(self, record: Audit) -> str:
        return self.render_term(record)

    def render_tier(self, record: Audit) -> str:
        framework = self._framework(record)
        tier = framework.tier(record.tier) if framework else None
        return tier.title if tier else record.tier

    def value_tier(self, record: Audit) -> str:
        return self.render_tier(record)

    def render_starts_on(self, value) -> str:
        return date_format(value, "j M Y")

    def value_starts_on(self, value):
        return value

    def render_ends_on(self, value) -> str:
        return date_format(value, "j M Y")

    def value_ends_on(self, value):
        return value

    def render_status(self, record: Audit) -> str:
        return audit_status_tag(record)

    def value_status(self, record: Audit) -> str:
        return record.get_status_display()
