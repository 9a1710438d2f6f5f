"""The officer's register of referrals: each by its reference, date referred, employer, sector,
the person's role, category, status, the referral's own timeliness (one working day), the next
resolution clock of an open one, and the outcome of a closed one. Never the person's name or what
was alleged, on the page or in the download. The rows come in the order of urgency
(``selectors.referrals.by_urgency``), so the columns do not sort."""

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.html import format_html

from assure.core.tables import record_address

from .models import Referral
from .selectors.referrals import lateness


def _day(value) -> str:
    return date_format(value, "j M Y") if value else ""


class ReferralTable(tables.Table):
    reference = tables.Column(verbose_name="Reference")
    date_referred = tables.Column(verbose_name="Referred")
    employer_name = tables.Column(verbose_name="Employer")
    sector = tables.Column(verbose_name="Sector")
    person_role = tables.Column(verbose_name="Role")
    category = tables.Column(verbose_name="Category")
    status = tables.Column(verbose_name="Status")
    timeliness = tables.Column(verbose_name="Timeliness", empty_values=())
    next_clock = tables.Column(verbose_name="Next timescale", empty_values=())
    outcome = tables.Column(verbose_name="Outcome", empty_values=())
    # In the download only.
    date_known = tables.Column(verbose_name="Employer knew", visible=False)
    closed_on = tables.Column(verbose_name="Closed", visible=False)

    caption = "Referrals to the designated officer"

    class Meta:
        model = Referral
        fields = (
            "reference",
            "date_referred",
            "employer_name",
            "sector",
            "person_role",
            "category",
            "status",
            "timeliness",
            "next_clock",
            "outcome",
            "date_known",
            "closed_on",
        )
        orderable = False
        empty_text = "No referral matches."

    def __init__(self, *args, partnership, sectors: dict[str, str], categories: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.sectors, self.categories = sectors, categories
        self.address = record_address("lado:referral_detail", partnership=partnership.slug)

    def render_reference(self, record: Referral, value) -> str:
        return format_html('<a class="govuk-link" href="{}">{}</a>', self.address(record.pk), value)

    def value_reference(self, value) -> str:
        return value

    def render_date_referred(self, value) -> str:
        return _day(value)

    def value_date_referred(self, value):
        return value

    def render_date_known(self, value) -> str:
        return _day(value)

    def value_date_known(self, value):
        return value

    def render_closed_on(self, value) -> str:
        return _day(value)

    def value_closed_on(self, value):
        return value or ""

    def render_sector(self, value) -> str:
        return self.sectors.get(value, value)

    def value_sector(self, value) -> str:
        return self.sectors.get(value, value)

    def render_category(self, value) -> str:
        return self.categories.get(value, value)

    def value_category(self, value) -> str:
        return self.categories.get(value, value)

    def render_status(self, record: Referral) -> str:
        return format_html('<strong class="govuk-tag govuk-tag--grey">{}</strong>', record.get_status_display())

    def value_status(self, record: Referral) -> str:
        return record.get_status_display()

    def _clocks(self, record: Referral):
        return getattr(record, "register_clocks", None)

    def render_timeliness(self, record: Referral) -> str:
        clocks = self._clocks(record)
        return lateness(clocks.referred) if clocks else ""

    def value_timeliness(self, record: Referral) -> str:
        return self.render_timeliness(record)

    def render_next_clock(self, record: Referral) -> str:
        clocks = self._clocks(record)
        if not clocks or clocks.next_clock is None:
            return "None" if record.status == Referral.Status.OPEN else ""
        return format_html(
            "{}<br>{}",
            clocks.next_timescale.title,
            render_to_string("clocks/_clock.html", {"reading": clocks.next_clock}),
        )

    def value_next_clock(self, record: Referral) -> str:
        clocks = self._clocks(record)
        if not clocks or clocks.next_clock is None:
            return ""
        reading = clocks.next_clock
        return f"{clocks.next_timescale.title}: {reading.state.label}, {reading.due_label}, {reading.label}"

    def render_outcome(self, record: Referral) -> str:
        return record.outcome.title if record.outcome_id else ""

    def value_outcome(self, record: Referral) -> str:
        return self.render_outcome(record)
