"""The registers of e-learning imports and of the year's single-agency training returns."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html

from .selectors.returns import AgencyReturn


def _day(value) -> str:
    return date_format(value, "j M Y") if value else ""


class ImportTable(tables.Table):
    imported_at = tables.Column(verbose_name="Imported")
    by = tables.Column(verbose_name="By", default="")
    completions = tables.Column(verbose_name="Completions")
    dates = tables.Column(verbose_name="Completed between", empty_values=())

    caption = "Imports of e-learning completions"

    class Meta:
        orderable = False
        empty_text = "No completions have been imported yet."

    def render_imported_at(self, value) -> str:
        return date_format(value, "j M Y H:i")

    def value_imported_at(self, value) -> str:
        return date_format(value, "j M Y H:i")

    def render_dates(self, record) -> str:
        return f"{_day(record['first'])} and {_day(record['last'])}"

    def value_dates(self, record) -> str:
        return self.render_dates(record)


class ReturnTable(tables.Table):
    agency = tables.Column(verbose_name="Agency", empty_values=())
    status = tables.Column(verbose_name="Status", empty_values=())
    submitted = tables.Column(verbose_name="Submitted", empty_values=())
    workforce = tables.Column(verbose_name="Workforce", empty_values=())

    caption = "Single-agency training returns"

    class Meta:
        orderable = False
        empty_text = "The partnership has no agencies."

    def __init__(self, *args, levels: list[tuple[str, str]], detail_url, **kwargs):
        extra = [
            (code, tables.Column(verbose_name=f"Completed: {title}", accessor=f"figures__{code}", default=""))
            for code, title in levels
        ]
        super().__init__(*args, extra_columns=extra, **kwargs)
        self.detail_url = detail_url

    def render_agency(self, record: AgencyReturn):
        if record.training_return is not None:
            return format_html(
                '<a class="govuk-link" href="{}">{}</a>', self.detail_url(record.training_return.pk), record.agency.name
            )
        return record.agency.name

    def value_agency(self, record: AgencyReturn) -> str:
        return record.agency.name

    def render_status(self, record: AgencyReturn):
        if record.is_submitted:
            return format_html('<strong class="govuk-tag govuk-tag--green">{}</strong>', "Returned")
        if record.training_return is not None:
            return format_html('<strong class="govuk-tag govuk-tag--yellow">{}</strong>', "Started")
        return format_html('<strong class="govuk-tag govuk-tag--grey">{}</strong>', "Not started")

    def value_status(self, record: AgencyReturn) -> str:
        if record.is_submitted:
            return "Returned"
        return "Started" if record.training_return is not None else "Not started"

    def render_submitted(self, record: AgencyReturn) -> str:
        return _day(record.training_return.submitted_at) if record.is_submitted else ""

    def value_submitted(self, record: AgencyReturn) -> str:
        return self.render_submitted(record)

    def render_workforce(self, record: AgencyReturn):
        return record.training_return.workforce if record.is_submitted else ""

    def value_workforce(self, record: AgencyReturn):
        return self.render_workforce(record)
