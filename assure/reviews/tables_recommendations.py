"""The register of action plans: what each column shows on the page and in the export."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address


class ActionPlanTable(tables.Table):
    reference = tables.Column(verbose_name="Review", order_by=("reference",))
    title = tables.Column(verbose_name="Title")
    status = tables.Column(verbose_name="Status")
    recommendations = tables.Column(verbose_name="Recommendations")
    recommendations_done = tables.Column(verbose_name="Recommendations done")
    actions = tables.Column(verbose_name="Actions")
    actions_done = tables.Column(verbose_name="Actions completed")
    actions_overdue = tables.Column(verbose_name="Actions overdue")
    latest_reported_on = tables.Column(verbose_name="Latest progress report", default="")

    caption = "Reviews' action plans"

    class Meta:
        empty_text = "No review has recommendations yet."
        order_by = ("-reference",)

    def __init__(self, *args, partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.address = record_address("reviews:action_plan", partnership=partnership.slug)

    def render_reference(self, record) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}<span class="govuk-visually-hidden">: the action plan</span></a>',
            self.address(record.review.pk),
            record.reference,
        )

    def value_reference(self, record) -> str:
        return record.reference

    def render_actions_overdue(self, record) -> str:
        if record.actions_overdue:
            return format_html('<strong class="govuk-tag govuk-tag--red">{}</strong>', record.actions_overdue)
        return "0"

    def value_actions_overdue(self, record) -> int:
        return record.actions_overdue

    def render_latest_reported_on(self, record) -> str:
        report = record.latest_report
        return f"{report.meeting.body_name}, {date_format(report.meeting.held_on, 'j M Y')}"

    def value_latest_reported_on(self, record) -> str:
        report = record.latest_report
        return f"{report.meeting.body_name}, {report.meeting.held_on.isoformat()}" if report else ""
