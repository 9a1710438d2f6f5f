"""The register of the retention job's runs, as the business unit reads it."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html

from .models import RetentionRun
from .selectors.retention import RunLine

TAGS = {
    RetentionRun.Outcome.DONE: "govuk-tag--green",
    RetentionRun.Outcome.FAILED: "govuk-tag--red",
    RetentionRun.Outcome.RUNNING: "govuk-tag--grey",
}


def _when(value) -> str:
    return date_format(value, "j M Y H:i") if value else ""


class RunTable(tables.Table):
    started_at = tables.Column(verbose_name="Started")
    outcome = tables.Column(verbose_name="Outcome", empty_values=())
    deleted = tables.Column(verbose_name="Entries deleted here", attrs={"td": {"class": "govuk-table__cell--numeric"}})
    years = tables.Column(verbose_name="Years kept as figures", empty_values=())

    caption = "Runs of the retention job"

    class Meta:
        orderable = False
        empty_text = "The retention job has not run yet."

    def render_started_at(self, value) -> str:
        return _when(value)

    def value_started_at(self, value) -> str:
        return _when(value)

    def render_outcome(self, record: RunLine):
        label = record.outcome_label
        if record.error:
            label = f"{label} ({record.error})"
        return format_html('<strong class="govuk-tag {}">{}</strong>', TAGS.get(record.outcome, ""), label)

    def value_outcome(self, record: RunLine) -> str:
        return f"{record.outcome_label} ({record.error})" if record.error else record.outcome_label

    def render_years(self, record: RunLine) -> str:
        return "; ".join(record.years) or "None"

    def value_years(self, record: RunLine) -> str:
        return "; ".join(record.years)
