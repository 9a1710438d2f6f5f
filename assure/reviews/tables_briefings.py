"""The register of learning briefings: what each column shows on the page and in the export."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime

from assure.core.tables import record_address

from .models import Briefing
from .selectors.briefings import briefing_source_label

STATUS_TAGS = {
    Briefing.Status.DRAFT: "govuk-tag--grey",
    Briefing.Status.PUBLISHED: "govuk-tag--green",
    Briefing.Status.WITHDRAWN: "govuk-tag--red",
}


def briefing_status_tag(briefing: Briefing) -> str:
    """The briefing's status as a tag, always in words."""
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>', STATUS_TAGS.get(briefing.status, ""), briefing.get_status_display()
    )


class BriefingTable(tables.Table):
    title = tables.Column(verbose_name="Briefing")
    source = tables.Column(verbose_name="Learning from", order_by=("source", "title"))
    status = tables.Column(verbose_name="Status")
    published_at = tables.Column(verbose_name="Published", empty_values=())
    updated_at = tables.Column(verbose_name="Last changed")

    caption = "Learning briefings"

    class Meta:
        model = Briefing
        fields = ("title", "source", "status", "published_at", "updated_at")
        order_by = ("-published_at", "-updated_at")
        empty_text = "No briefings match."

    def render_title(self, record: Briefing, value: str) -> str:
        addresses = self.__dict__.setdefault("_addresses", {})
        slug = record.partnership.slug
        if slug not in addresses:
            addresses[slug] = record_address("reviews:briefing_detail", partnership=slug)
        return format_html('<a class="govuk-link" href="{}">{}</a>', addresses[slug](record.pk), value)

    def value_title(self, value: str) -> str:
        return value

    def render_source(self, record: Briefing) -> str:
        return briefing_source_label(record)

    def value_source(self, record: Briefing) -> str:
        return briefing_source_label(record)

    def render_status(self, record: Briefing) -> str:
        return briefing_status_tag(record)

    def value_status(self, record: Briefing) -> str:
        return record.get_status_display()

    def render_published_at(self, record: Briefing) -> str:
        return date_format(localtime(record.published_at), "j M Y") if record.published_at else "Not yet"

    def value_published_at(self, record: Briefing):
        return localtime(record.published_at).date() if record.published_at else ""

    def render_updated_at(self, value) -> str:
        return date_format(localtime(value), "j M Y")

    def value_updated_at(self, value):
        return localtime(value).date()
