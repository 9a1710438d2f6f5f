"""The register of case considerations: what each column shows on the page and in the export.
It names no child and holds no case content: the reference, the route, the lead agency, the status,
the decision and the dates."""

import django_tables2 as tables
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address

from .models import Referral
from .scheme import scheme_for

STATUS_TAGS = {
    Referral.Status.SUBMITTED: "govuk-tag--blue",
    Referral.Status.ACKNOWLEDGED: "govuk-tag--light-blue",
    Referral.Status.CONSIDERED: "govuk-tag--yellow",
    Referral.Status.DECIDED: "govuk-tag--green",
    Referral.Status.WITHDRAWN: "govuk-tag--grey",
    Referral.Status.AWAITING_CONFIRMATION: "govuk-tag--grey",
}


def referral_status_tag(referral: Referral) -> str:
    """The referral's status as a tag, always in words."""
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>', STATUS_TAGS.get(referral.status, ""), referral.get_status_display()
    )


def _day(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value).date()
    return date_format(value, "j M Y")


class ReferralTable(tables.Table):
    reference = tables.Column(verbose_name="Reference")
    route = tables.Column(verbose_name="Route")
    lead_agency = tables.Column(verbose_name="Lead agency", accessor="lead_agency__name")
    status = tables.Column(verbose_name="Status")
    decision = tables.Column(verbose_name="Decision")
    submitted_at = tables.Column(verbose_name="Received")
    decided_on = tables.Column(verbose_name="Decided")

    caption = "Case considerations"

    class Meta:
        model = Referral
        fields = ("reference", "route", "lead_agency", "status", "decision", "submitted_at", "decided_on")
        order_by = ("-submitted_at",)
        empty_text = "No case considerations match."

    def _scheme(self, referral: Referral):
        cache = self.__dict__.setdefault("_schemes", {})
        if referral.partnership_id not in cache:
            cache[referral.partnership_id] = scheme_for(referral.partnership)
        return cache[referral.partnership_id]

    def render_reference(self, record: Referral, value: str) -> str:
        addresses = self.__dict__.setdefault("_addresses", {})
        slug = record.partnership.slug
        if slug not in addresses:
            addresses[slug] = record_address("reviews:referral_detail", partnership=slug)
        return format_html('<a class="govuk-link" href="{}">{}</a>', addresses[slug](record.pk), value)

    def value_reference(self, value: str) -> str:
        return value

    def render_route(self, record: Referral) -> str:
        return self._scheme(record).title_of("routes", record.route)

    def value_route(self, record: Referral) -> str:
        return self.render_route(record)

    def render_status(self, record: Referral) -> str:
        return referral_status_tag(record)

    def value_status(self, record: Referral) -> str:
        return record.get_status_display()

    def render_decision(self, record: Referral) -> str:
        return self._scheme(record).title_of("decisions", record.decision) if record.decision else "—"

    def value_decision(self, record: Referral) -> str:
        return self._scheme(record).title_of("decisions", record.decision) if record.decision else ""

    def render_submitted_at(self, value) -> str:
        return _day(value)

    def value_submitted_at(self, value):
        return timezone.localtime(value).date() if value else None

    def render_decided_on(self, value) -> str:
        return _day(value)

    def value_decided_on(self, value):
        return value
