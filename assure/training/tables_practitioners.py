"""The business unit's register of the partnership's practitioners: name, work e-mail, agency
(or the other organisation and where its review stands), role, verified, bookings."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address

from .models import Practitioner


class PractitionerTable(tables.Table):
    name = tables.Column(verbose_name="Name", accessor="user__full_name")
    email = tables.Column(verbose_name="E-mail address", accessor="user__email")
    organisation = tables.Column(verbose_name="Agency or organisation", empty_values=())
    job_role = tables.Column(verbose_name="Role")
    verified = tables.Column(verbose_name="Verified", accessor="verified_at", empty_values=())
    bookings_count = tables.Column(verbose_name="Bookings")
    action = tables.Column(verbose_name="Action", empty_values=(), exclude_from_export=True)

    caption = "Practitioners"
    export_exclude = ("action",)

    class Meta:
        model = Practitioner
        fields = ("name", "email", "organisation", "job_role", "verified", "bookings_count", "action")
        orderable = False
        empty_text = "No practitioner matches."

    def __init__(self, *args, partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.place_address = record_address("training:practitioner_place", partnership=partnership.slug)

    def value_organisation(self, record: Practitioner) -> str:
        if record.agency_id:
            return record.agency.name
        return f"{record.other_organisation} ({record.get_agency_status_display().lower()})"

    def render_organisation(self, record: Practitioner) -> str:
        return self.value_organisation(record)

    def value_verified(self, value) -> str:
        return date_format(value, "j M Y") if value else "Not yet"

    def render_verified(self, value) -> str:
        return self.value_verified(value)

    def render_action(self, record: Practitioner) -> str:
        if record.agency_status != Practitioner.AgencyStatus.TO_REVIEW or not record.is_verified:
            return ""
        return format_html(
            '<a class="govuk-link" href="{}">Place or refuse<span class="govuk-visually-hidden"> {}</span></a>',
            self.place_address(record.pk),
            record.other_organisation,
        )
