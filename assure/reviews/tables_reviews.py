"""The register of case reviews: what each column shows on the page and in the export."""

import datetime as dt

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address

from .clocks import Rules, review_clocks
from .models import Contribution, Review

STATUS_TAGS = {
    Review.Status.COMMISSIONED: "govuk-tag--grey",
    Review.Status.UNDER_WAY: "govuk-tag--blue",
    Review.Status.REPORTING: "govuk-tag--yellow",
    Review.Status.COMPLETED: "govuk-tag--turquoise",
    Review.Status.PUBLISHED: "govuk-tag--green",
    Review.Status.CANCELLED: "govuk-tag--red",
}


def review_status_tag(review: Review) -> str:
    """The review's status as a tag, always in words."""
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>', STATUS_TAGS.get(review.status, ""), review.get_status_display()
    )


def _day(value) -> str:
    return date_format(value, "j M Y") if value else ""


class ReviewTable(tables.Table):
    reference = tables.Column(verbose_name="Reference")
    title = tables.Column(verbose_name="Review")
    kind = tables.Column(verbose_name="Type")
    status = tables.Column(verbose_name="Status")
    lead_reviewer = tables.Column(verbose_name="Lead reviewer")
    decided_on = tables.Column(verbose_name="Decided")
    clock = tables.Column(verbose_name="Publication clock", empty_values=(), orderable=False)
    published_on = tables.Column(verbose_name="Published")

    caption = "Case reviews"

    class Meta:
        model = Review
        fields = ("reference", "title", "kind", "status", "lead_reviewer", "decided_on", "clock", "published_on")
        order_by = ("-decided_on",)
        empty_text = "No reviews match."

    def __init__(self, *args, partnership, today: dt.date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rules = Rules(partnership)
        self.today = today
        self.address = record_address("reviews:review_detail", partnership=partnership.slug)

    def _reading(self, record: Review):
        clocks = review_clocks(record, self.today, rules=self.rules)
        return clocks[0][1] if clocks else None

    def render_reference(self, record: Review, value: str) -> str:
        return format_html('<a class="govuk-link" href="{}">{}</a>', self.address(record.pk), value)

    def value_reference(self, value: str) -> str:
        return value

    def render_title(self, record: Review, value: str) -> str:
        if record.led_elsewhere:
            return format_html("{}<br><span class='govuk-hint'>Led by {}</span>", value, record.led_elsewhere)
        return value

    def value_title(self, value: str) -> str:
        return value

    def render_kind(self, value: str) -> str:
        return self.rules.scheme.title_of("review_types", value)

    def value_kind(self, value: str) -> str:
        return self.render_kind(value)

    def render_status(self, record: Review) -> str:
        return review_status_tag(record)

    def value_status(self, record: Review) -> str:
        return record.get_status_display()

    def render_decided_on(self, value) -> str:
        return _day(value)

    def value_decided_on(self, value):
        return value

    def render_clock(self, record: Review) -> str:
        reading = self._reading(record)
        return render_to_string("clocks/_clock.html", {"reading": reading}) if reading else "—"

    def value_clock(self, record: Review) -> str:
        reading = self._reading(record)
        return f"{reading.state.label}: {reading.label}" if reading else ""

    def render_published_on(self, value) -> str:
        return _day(value)

    def value_published_on(self, value):
        return value


class ContributionTable(tables.Table):
    """An agency lead's "Review contributions": their agency's requests and what they sent."""

    review = tables.Column(verbose_name="Review", accessor="review__reference")
    agency = tables.Column(verbose_name="Agency", accessor="agency__name")
    kind = tables.Column(verbose_name="Asked for")
    due_on = tables.Column(verbose_name="Due")
    uploaded_at = tables.Column(verbose_name="Uploaded", empty_values=())
    upload = tables.Column(verbose_name="", empty_values=(), orderable=False, exclude_from_export=True)

    caption = "Contributions asked of your agency"

    class Meta:
        model = Contribution
        fields = ("review", "agency", "kind", "due_on", "uploaded_at", "upload")
        empty_text = "Your agency has not been asked for anything."

    def __init__(self, *args, partnership, today: dt.date, scheme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.scheme = scheme
        self.upload_address = record_address("reviews:contribution_upload", partnership=partnership.slug)
        self.download_address = record_address("reviews:contribution_download", partnership=partnership.slug)

    def render_review(self, record: Contribution) -> str:
        return f"{record.review.reference} {record.review.title}"

    def value_review(self, record: Contribution) -> str:
        return self.render_review(record)

    def render_kind(self, value: str) -> str:
        return self.scheme.title_of("contribution_kinds", value)

    def value_kind(self, value: str) -> str:
        return self.render_kind(value)

    def render_due_on(self, record: Contribution, value) -> str:
        if record.is_overdue(self.today):
            return format_html('{} <strong class="govuk-tag govuk-tag--red">Overdue</strong>', _day(value))
        return _day(value)

    def value_due_on(self, value):
        return value

    def render_uploaded_at(self, record: Contribution) -> str:
        if not record.is_received:
            return "Not yet"
        if not record.file:
            return date_format(record.uploaded_at, "j M Y")
        return format_html(
            '<a class="govuk-link" href="{}">{}</a><br>{}',
            self.download_address(record.pk),
            record.file_name,
            date_format(record.uploaded_at, "j M Y"),
        )

    def value_uploaded_at(self, record: Contribution) -> str:
        return date_format(record.uploaded_at, "j M Y") if record.is_received else ""

    def render_upload(self, record: Contribution) -> str:
        if not record.review.is_open:
            return ""
        words = "Replace the file" if record.is_received else "Upload"
        return format_html(
            '<a class="govuk-link" href="{}">{}<span class="govuk-visually-hidden"> for {}</span></a>',
            self.upload_address(record.pk),
            words,
            record.review.reference,
        )
