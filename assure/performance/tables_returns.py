"""Registers of data returns: the rounds, the returns of a round, and an agency's own returns.
Each column says what it shows on the page and in the CSV/XLSX export."""

import django_tables2 as tables
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.navigation import partnership_url

from .models import DataReturn, ReturnRound

Status = DataReturn.Status

STATUS_TAGS = {
    Status.DRAFT: "govuk-tag--grey",
    Status.SUBMITTED: "govuk-tag--blue",
    Status.RETURNED: "govuk-tag--orange",
    Status.VALIDATED: "govuk-tag--green",
}
NUMERIC = {"td": {"class": "govuk-table__cell--numeric"}, "th": {"class": "govuk-table__header--numeric"}}


def status_tag(data_return: DataReturn) -> str:
    """The return's status as a tag, with "Overdue" beside it when it is (the word, not only a
    colour)."""
    tag = format_html(
        '<strong class="govuk-tag {}">{}</strong>',
        STATUS_TAGS.get(data_return.status, ""),
        data_return.get_status_display(),
    )
    if getattr(data_return, "overdue", False):
        return format_html('{} <strong class="govuk-tag govuk-tag--red">Overdue</strong>', tag)
    return tag


class PartnershipTable(tables.Table):
    """A table of one partnership's records (links need its slug)."""

    def __init__(self, *args, partnership, **kwargs):
        self.partnership = partnership
        super().__init__(*args, **kwargs)


class RoundTable(PartnershipTable):
    caption = "Return rounds"
    period = tables.Column(verbose_name="Period", order_by=("period__start", "period__kind"))
    deadline = tables.DateColumn(verbose_name="Deadline", format="j M Y")
    asked = tables.Column(verbose_name="Agencies asked", attrs=NUMERIC)
    submitted = tables.Column(verbose_name="Awaiting validation", attrs=NUMERIC)
    validated = tables.Column(verbose_name="Validated", attrs=NUMERIC)
    returned = tables.Column(verbose_name="Sent back", attrs=NUMERIC)
    overdue = tables.Column(verbose_name="Overdue", attrs=NUMERIC)

    class Meta:
        model = ReturnRound
        fields = ()
        sequence = ("period", "deadline", "asked", "submitted", "validated", "returned", "overdue")
        empty_text = "No rounds of returns have been opened."

    def render_period(self, record: ReturnRound, value) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            partnership_url("performance:round_detail", self.partnership, pk=record.pk),
            value,
        )

    def value_period(self, value) -> str:
        return str(value)


class RoundReturnTable(PartnershipTable):
    """The returns of one round: who has submitted, who is overdue."""

    caption = "Returns"
    agency = tables.Column(verbose_name="Agency", order_by=("agency__name",))
    status = tables.Column(verbose_name="Status", empty_values=())
    entered = tables.Column(verbose_name="Figures entered", attrs=NUMERIC)
    asked = tables.Column(verbose_name="Figures asked for", attrs=NUMERIC)
    submitted_at = tables.DateTimeColumn(verbose_name="Submitted", format="j M Y", default="Not yet")
    validated_at = tables.DateTimeColumn(verbose_name="Validated", format="j M Y", default="Not yet")
    overdue = tables.Column(verbose_name="Overdue", visible=False)
    last_reminded = tables.Column(verbose_name="Last reminded", empty_values=(), orderable=False)
    remind = tables.Column(verbose_name="Remind", empty_values=(), orderable=False)
    export_exclude = ("remind",)

    class Meta:
        model = DataReturn
        fields = ()
        sequence = (
            "agency",
            "status",
            "entered",
            "asked",
            "submitted_at",
            "validated_at",
            "last_reminded",
            "overdue",
            "remind",
        )
        empty_text = "No agency has been asked for figures in this round yet."

    def __init__(self, *args, reminded: dict | None = None, remind_token: str = "", **kwargs):
        """``reminded``: return id (as text) → when it was last reminded. ``remind_token``: the
        CSRF token of the page, given only to someone who may send reminders (the button's form);
        without it the column is left out."""
        self.reminded = reminded or {}
        self.remind_token = remind_token
        if not remind_token:
            kwargs["exclude"] = (*(kwargs.get("exclude") or self._meta.exclude or ()), "remind")
        super().__init__(*args, **kwargs)

    def render_agency(self, record: DataReturn, value) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            partnership_url("performance:return_detail", self.partnership, pk=record.pk),
            value,
        )

    def value_agency(self, value) -> str:
        return str(value)

    def render_status(self, record: DataReturn) -> str:
        return status_tag(record)

    def value_status(self, record: DataReturn) -> str:
        return record.get_status_display()

    def render_overdue(self, value) -> str:
        return "Yes" if value else "No"

    def render_last_reminded(self, record: DataReturn) -> str:
        when = self.reminded.get(str(record.pk))
        return date_format(timezone.localtime(when), "j M Y") if when else "Never"

    def value_last_reminded(self, record: DataReturn) -> str:
        return self.render_last_reminded(record)

    def render_remind(self, record: DataReturn) -> str:
        if not record.is_editable:
            return ""
        return format_html(
            '<form method="post" action="{}" class="assure-inline-form">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" '
            'data-module="govuk-button">Send a reminder<span class="govuk-visually-hidden"> to {}</span></button>'
            "</form>",
            partnership_url("performance:return_remind", self.partnership, pk=record.pk),
            self.remind_token,
            record.agency,
        )

    def value_overdue(self, value) -> str:
        return "Yes" if value else "No"


class AgencyReturnTable(RoundReturnTable):
    """An agency lead's own returns, across rounds."""

    caption = "Your agency's returns"
    period = tables.Column(verbose_name="Period", accessor="round__period", order_by=("round__period__start",))
    deadline = tables.DateColumn(verbose_name="Deadline", accessor="round__deadline", format="j M Y")

    class Meta(RoundReturnTable.Meta):
        sequence = ("period", "agency", "deadline", "status", "entered", "asked", "submitted_at", "overdue")
        exclude = ("validated_at", "last_reminded", "remind")
        order_by = ("-period",)
        empty_text = "Your agency has not been asked for any returns yet."

    def render_period(self, record: DataReturn, value) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            partnership_url("performance:return_detail", self.partnership, pk=record.pk),
            value,
        )

    def value_period(self, value) -> str:
        return str(value)

    def render_agency(self, value) -> str:
        return str(value)

    def render_deadline(self, value) -> str:
        return date_format(value, "j M Y")
