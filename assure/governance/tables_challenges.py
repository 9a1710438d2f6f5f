"""The challenge log's table: what each column shows on the page and in the export."""

import django_tables2 as tables
from django.db.models import Case, IntegerField, Value, When
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address

from .models import Challenge

STATUS_TAGS = {
    Challenge.Status.OPEN: "govuk-tag--blue",
    Challenge.Status.RESPONDED: "govuk-tag--yellow",
    Challenge.Status.ESCALATED: "govuk-tag--red",
    Challenge.Status.CLOSED: "govuk-tag--grey",
}
STATUS_ORDER = [Challenge.Status.OPEN, Challenge.Status.ESCALATED, Challenge.Status.RESPONDED, Challenge.Status.CLOSED]


def status_tag(challenge: Challenge) -> str:
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>',
        STATUS_TAGS.get(challenge.status, ""),
        challenge.get_status_display(),
    )


def days_words(days: int | None) -> str:
    if days is None:
        return ""
    return f"{days} day{'' if days == 1 else 's'}"


class ChallengeTable(tables.Table):
    reference = tables.Column(verbose_name="Reference")
    subject = tables.Column(verbose_name="Challenge")
    agency = tables.Column(verbose_name="Agency challenged", order_by=("agency__name",))
    raised_by = tables.Column(
        verbose_name="Raised by", empty_values=(), order_by=("raised_by_agency__name", "raised_by__full_name")
    )
    raised_on = tables.Column(verbose_name="Raised")
    response_due_on = tables.Column(verbose_name="Response due")
    status = tables.Column(verbose_name="Status")
    days_to_respond = tables.Column(verbose_name="Time to respond", empty_values=(), orderable=False)
    satisfied = tables.Column(verbose_name="Board satisfied", empty_values=())
    about = tables.Column(verbose_name="About", accessor="source_label", orderable=False, default="", visible=False)
    impact = tables.Column(verbose_name="Impact", orderable=False, default="", visible=False)

    caption = "Challenges"

    class Meta:
        model = Challenge
        fields = (
            "reference",
            "subject",
            "agency",
            "raised_by",
            "raised_on",
            "response_due_on",
            "status",
            "days_to_respond",
            "satisfied",
        )
        sequence = (*fields, "about", "impact")
        order_by = ("-raised_on",)
        empty_text = "No challenges match."

    def render_reference(self, record: Challenge, value: str) -> str:
        addresses = self.__dict__.setdefault("_detail_addresses", {})
        slug = record.partnership.slug
        if slug not in addresses:
            addresses[slug] = record_address("governance:challenge_detail", partnership=slug)
        return format_html('<a class="govuk-link" href="{}">{}</a>', addresses[slug](record.pk), value)

    def value_reference(self, value: str) -> str:
        return value

    def render_agency(self, record: Challenge) -> str:
        return record.agency.name

    def value_agency(self, record: Challenge) -> str:
        return record.agency.name

    def render_raised_by(self, record: Challenge) -> str:
        who = str(record.raised_by)
        return f"{who} ({record.raised_by_agency.name})" if record.raised_by_agency_id else who

    def value_raised_by(self, record: Challenge) -> str:
        return self.render_raised_by(record)

    def render_raised_on(self, value) -> str:
        return date_format(value, "j M Y")

    def value_raised_on(self, value):
        return value

    def render_response_due_on(self, record: Challenge, value) -> str:
        due = date_format(value, "j M Y")
        if record.is_overdue:
            return format_html('{} <strong class="govuk-tag govuk-tag--red">Overdue</strong>', due)
        return due

    def value_response_due_on(self, value):
        return value

    def render_status(self, record: Challenge) -> str:
        return status_tag(record)

    def value_status(self, record: Challenge) -> str:
        return record.get_status_display()

    def order_status(self, queryset, is_descending: bool):
        rank = Case(
            *[When(status=value, then=Value(i)) for i, value in enumerate(STATUS_ORDER)], output_field=IntegerField()
        )
        queryset = queryset.annotate(status_rank=rank).order_by(
            "-status_rank" if is_descending else "status_rank", "response_due_on", "pk"
        )
        return queryset, True

    def render_days_to_respond(self, record: Challenge) -> str:
        return days_words(record.days_to_respond) or "Not yet"

    def value_days_to_respond(self, record: Challenge):
        return record.days_to_respond if record.days_to_respond is not None else ""

    def render_satisfied(self, record: Challenge) -> str:
        return record.get_satisfied_display() if record.satisfied else "Not assessed"

    def value_satisfied(self, record: Challenge) -> str:
        return record.get_satisfied_display() if record.satisfied else ""
