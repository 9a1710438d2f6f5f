"""The register of quotes chosen for the annual report: the words, the course they are about, the
question answered and when they were chosen; the business unit's "Remove" link on the page only."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address

from .models import Quote


class QuoteTable(tables.Table):
    text = tables.Column(verbose_name="Quote")
    course = tables.Column(verbose_name="Course", accessor="evaluation__booking__session", empty_values=())
    stage = tables.Column(verbose_name="Evaluation", accessor="evaluation__stage", empty_values=())
    selected_at = tables.Column(verbose_name="Chosen")
    remove = tables.Column(verbose_name="", empty_values=(), exclude_from_export=True, orderable=False)

    caption = "Quotes chosen for the annual report"

    class Meta:
        model = Quote
        fields = ("text", "course", "stage", "selected_at", "remove")
        orderable = False
        empty_text = "No quote has been chosen for this year yet."

    def __init__(self, *args, partnership, removable: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.remove_url = record_address("training:quote_remove", partnership=partnership.slug)
        if not removable:
            self.columns.hide("remove")

    def render_course(self, value) -> str:
        return f"{value.display_title} ({value.reference})"

    def value_course(self, value) -> str:
        return self.render_course(value)

    def render_stage(self, record) -> str:
        return record.evaluation.get_stage_display()

    def value_stage(self, record) -> str:
        return self.render_stage(record)

    def render_selected_at(self, value) -> str:
        return date_format(value, "j M Y")

    def value_selected_at(self, value) -> str:
        return self.render_selected_at(value)

    def render_remove(self, record) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">Remove<span class="govuk-visually-hidden"> quote {}</span></a>',
            self.remove_url(record.pk),
            record.pk,
        )

    def value_remove(self, record) -> str:
        return ""
