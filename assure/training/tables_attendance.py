"""The registers of training charges: each agency's no-shows, late cancellations, charges and
waivers in a year (with the totals as the last row), and one agency's bookings behind them."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from assure.core.navigation import partnership_url

from .forms_attendance import organisation_of
from .selectors.attendance import is_waived, pounds, waived_pence
from .services.attendance import CHARGE_REASONS


class AgencyChargesTable(tables.Table):
    name = tables.Column(verbose_name="Agency", accessor="name")
    no_shows = tables.Column(verbose_name="Did not attend", attrs={"cell": {"class": "govuk-table__cell--numeric"}})
    late_cancellations = tables.Column(
        verbose_name="Cancelled late", attrs={"cell": {"class": "govuk-table__cell--numeric"}}
    )
    charged_pence = tables.Column(verbose_name="Charged", attrs={"cell": {"class": "govuk-table__cell--numeric"}})
    waived = tables.Column(verbose_name="Charges waived", attrs={"cell": {"class": "govuk-table__cell--numeric"}})
    waived_pence = tables.Column(verbose_name="Waived", attrs={"cell": {"class": "govuk-table__cell--numeric"}})

    caption = "Training charges by agency"

    class Meta:
        orderable = False
        empty_text = "No delegate did not attend or cancelled late in this year."

    def __init__(self, *args, partnership, year: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.partnership, self.year = partnership, year

    def render_name(self, record) -> str:
        if record.name == "Total":
            return mark_safe("<strong>Total</strong>")  # noqa: S308 - fixed markup
        if record.is_other:
            url = partnership_url("training:charges_other", self.partnership)
        else:
            url = partnership_url("training:charges_agency", self.partnership, agency_pk=record.agency_id)
        return format_html('<a class="govuk-link" href="{}?year={}">{}</a>', url, self.year, record.name)

    def value_name(self, record) -> str:
        return record.name

    def render_charged_pence(self, value) -> str:
        return pounds(value)

    def value_charged_pence(self, value) -> str:
        return f"{(value or 0) / 100:.2f}"

    def render_waived_pence(self, value) -> str:
        return pounds(value)

    def value_waived_pence(self, value) -> str:
        return f"{(value or 0) / 100:.2f}"


def _charge(record) -> str:
    if record.charge_pence:
        return pounds(record.charge_pence)
    if is_waived(record):
        return f"Waived ({pounds(waived_pence(record))})"
    return "Not charged"


class ChargeBookingsTable(tables.Table):
    session = tables.Column(verbose_name="Session", accessor="session__reference")
    starts = tables.Column(verbose_name="Date", accessor="session__starts_at")
    course = tables.Column(verbose_name="Course", accessor="session__display_title")
    delegate = tables.Column(verbose_name="Delegate", accessor="practitioner__user__full_name")
    organisation = tables.Column(verbose_name="Organisation", empty_values=())
    reason = tables.Column(verbose_name="Reason", empty_values=())
    charge = tables.Column(verbose_name="Charge", empty_values=())
    waive = tables.Column(verbose_name="", empty_values=(), exclude_from_export=True)

    export_exclude = ("waive",)

    class Meta:
        orderable = False
        empty_text = "No delegate of this agency did not attend or cancelled late in this year."

    def __init__(self, *args, partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def render_starts(self, value) -> str:
        return date_format(value, "j M Y")

    def value_starts(self, value) -> str:
        return value.date().isoformat()

    def render_organisation(self, record) -> str:
        return organisation_of(record)

    def value_organisation(self, record) -> str:
        return organisation_of(record)

    def render_reason(self, record) -> str:
        return "Cancelled late" if record.status == record.Status.CANCELLED else CHARGE_REASONS["no-show"]

    def value_reason(self, record) -> str:
        return self.render_reason(record)

    def render_charge(self, record) -> str:
        return _charge(record)

    def value_charge(self, record) -> str:
        return _charge(record)

    def render_waive(self, record) -> str:
        if not record.charge_pence:
            return ""
        url = partnership_url("training:charge_waive", self.partnership, pk=record.pk)
        return format_html(
            '<a class="govuk-link" href="{}">Waive<span class="govuk-visually-hidden"> the charge for {}</span></a>',
            url,
            record.practitioner.user.full_name,
        )
