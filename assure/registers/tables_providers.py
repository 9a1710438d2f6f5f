"""The business unit's list of private providers (organisation, person, e-mail, Ofsted number,
homes, where its check stands, notifications) and a provider's own notifications (number, the
home, the day the child moved in, status): references only, never a child's details."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address

from .models import Entry, Provider


class ProviderTable(tables.Table):
    organisation = tables.Column(verbose_name="Provider")
    name = tables.Column(verbose_name="Person", accessor="user__full_name")
    email = tables.Column(verbose_name="E-mail address", accessor="user__email")
    ofsted_urn = tables.Column(verbose_name="Ofsted number")
    homes = tables.Column(verbose_name="Homes", empty_values=())
    confirmed = tables.Column(verbose_name="E-mail confirmed", accessor="verified_at", empty_values=())
    status = tables.Column(verbose_name="Status", empty_values=())
    notifications_count = tables.Column(verbose_name="Notifications")
    action = tables.Column(verbose_name="Action", empty_values=(), exclude_from_export=True)

    caption = "Private providers"
    export_exclude = ("action",)

    class Meta:
        model = Provider
        fields = (
            "organisation",
            "name",
            "email",
            "ofsted_urn",
            "homes",
            "confirmed",
            "status",
            "notifications_count",
            "action",
        )
        orderable = False
        empty_text = "No provider matches."

    def __init__(self, *args, partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.review_address = record_address("registers:provider_review", partnership=partnership.slug)

    def value_homes(self, record: Provider) -> str:
        return "; ".join(line for line in record.homes.splitlines() if line.strip())

    def render_homes(self, record: Provider) -> str:
        return self.value_homes(record) or "—"

    def value_confirmed(self, value) -> str:
        return date_format(value, "j M Y") if value else "Not yet"

    def render_confirmed(self, value) -> str:
        return self.value_confirmed(value)

    def value_status(self, record: Provider) -> str:
        return record.get_status_display()

    def render_status(self, record: Provider) -> str:
        return self.value_status(record)

    def render_action(self, record: Provider) -> str:
        label = "Verify or refuse" if record.status == Provider.Status.TO_REVIEW and record.verified_at else "View"
        return format_html(
            '<a class="govuk-link" href="{}">{}<span class="govuk-visually-hidden"> {}</span></a>',
            self.review_address(record.pk),
            label,
            record.organisation,
        )


class NotificationTable(tables.Table):
    number = tables.Column(verbose_name="Number")
    home = tables.Column(verbose_name="Home", empty_values=())
    agency_reference = tables.Column(verbose_name="Your reference")
    moved_in = tables.Column(verbose_name="Moved in", accessor="occurred_on")
    status = tables.Column(verbose_name="Status", empty_values=())
    action = tables.Column(verbose_name="Action", empty_values=(), exclude_from_export=True)

    caption = "My notifications"
    export_exclude = ("action",)

    class Meta:
        model = Entry
        fields = ("number", "home", "agency_reference", "moved_in", "status", "action")
        orderable = False
        empty_text = "You have not notified a placement yet."

    def __init__(self, *args, partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.detail_address = record_address("registers:notification_detail", partnership=partnership.slug)
        self.answers_address = record_address("registers:notification_answers", partnership=partnership.slug)

    def value_home(self, record: Entry) -> str:
        return str(record.values.get("home") or "")

    def render_home(self, record: Entry) -> str:
        return self.value_home(record) or "—"

    def value_moved_in(self, value) -> str:
        return date_format(value, "j M Y") if value else ""

    def render_moved_in(self, value) -> str:
        return self.value_moved_in(value)

    def value_status(self, record: Entry) -> str:
        return "Submitted" if record.is_submitted else "Draft: the risk assessment to finish"

    def render_status(self, record: Entry) -> str:
        colour = "govuk-tag--green" if record.is_submitted else "govuk-tag--yellow"
        return format_html('<strong class="govuk-tag {}">{}</strong>', colour, self.value_status(record))

    def render_action(self, record: Entry) -> str:
        if record.is_submitted:
            url, label = self.detail_address(record.pk), "View"
        else:
            url, label = self.answers_address(record.pk), "Finish the risk assessment"
        return format_html(
            '<a class="govuk-link" href="{}">{}<span class="govuk-visually-hidden"> {}</span></a>',
            url,
            label,
            record.number,
        )
