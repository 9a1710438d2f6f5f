"""The list of conferences quality-assured: what each column shows on the page and in the export."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address

from .models import Conference


def checklist_status(conference: Conference) -> str:
    response = conference.response
    if response is None:
        return "Not started"
    if response.is_locked:
        return "Submitted"
    return f"Draft: {response.answered} of {response.asked} answered"


class ConferenceTable(tables.Table):
    held_on = tables.Column(verbose_name="Conference")
    chair = tables.Column(verbose_name="Chair")
    case_reference = tables.Column(verbose_name="Case reference", default="")
    checklist = tables.Column(verbose_name="Checklist", empty_values=(), orderable=False)
    recorded_by = tables.Column(verbose_name="Recorded by", order_by=("recorded_by__full_name",))

    caption = "Conferences quality-assured"

    class Meta:
        model = Conference
        fields = ("held_on", "chair", "case_reference", "checklist", "recorded_by")
        order_by = ("-held_on",)
        empty_text = "No conference matches."

    def __init__(self, *args, detail: str = "audits:conference_detail", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.detail = detail

    def render_held_on(self, record: Conference, value) -> str:
        addresses = self.__dict__.setdefault("_addresses", {})
        slug = record.partnership.slug
        if slug not in addresses:
            addresses[slug] = record_address(self.detail, partnership=slug)
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>', addresses[slug](record.pk), date_format(value, "j M Y")
        )

    def value_held_on(self, value):
        return value

    def render_checklist(self, record: Conference) -> str:
        status = checklist_status(record)
        colour = "govuk-tag--green" if status == "Submitted" else "govuk-tag--yellow"
        return format_html('<strong class="govuk-tag {}">{}</strong>', colour, status)

    def value_checklist(self, record: Conference) -> str:
        return checklist_status(record)

    def render_recorded_by(self, record: Conference) -> str:
        return record.recorded_by.full_name or record.recorded_by.email

    def value_recorded_by(self, record: Conference) -> str:
        return record.recorded_by.full_name or record.recorded_by.email
