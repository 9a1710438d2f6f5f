"""The partnership's registers as tables: sortable, paginated and exportable (CSV/XLSX)."""

from decimal import Decimal

import django_tables2 as tables
from django.utils.html import format_html

from assure.core.tables import record_address

from .models import Meeting, PartnershipAgency, Subgroup
from .selectors import NO_FIGURE


def _link(url_name: str, pk_of=lambda record: record.pk):
    """A linkify callable to a page of this partnership; the table knows the partnership."""

    def url(record, table) -> str:
        return table.record_url(url_name, pk_of(record))

    return url


LINK = {"a": {"class": "govuk-link"}}
NUMERIC = {"td": {"class": "govuk-table__cell--numeric"}, "th": {"class": "govuk-table__header--numeric"}}


def pounds(amount: Decimal | None) -> str:
    """An amount of money as a budget shows it: £1,234.50, or −£1,234.50."""
    if amount is None:
        return ""
    return f"−£{-amount:,.2f}" if amount < 0 else f"£{amount:,.2f}"


class PartnershipTable(tables.Table):
    """A table of one partnership's records (links need its slug)."""

    def __init__(self, *args, partnership, **kwargs):
        self.partnership = partnership
        self._addresses = {}
        super().__init__(*args, **kwargs)

    def record_url(self, url_name: str, pk: int) -> str:
        """The address of a record's page of this partnership (``url_name`` of partnerships)."""
        address = self._addresses.get(url_name)
        if address is None:
            address = self._addresses[url_name] = record_address(
                f"partnerships:{url_name}", partnership=self.partnership.slug
            )
        return address(pk)


def _yes_no(value) -> str:
    return "Yes" if value else "No"


class AgencyTable(PartnershipTable):
    caption = "Agencies"
    name = tables.Column(
        verbose_name="Agency",
        accessor="agency__name",
        linkify=_link("agency_detail", lambda record: record.agency_id),
        attrs=LINK,
    )
    agency_type = tables.Column(verbose_name="Type", accessor="agency__agency_type__title")
    sector = tables.Column(verbose_name="Sector", accessor="agency__sector__title")
    on_board = tables.Column(verbose_name="On the board", accessor="on_board")
    left_on = tables.DateColumn(verbose_name="Left the partnership", format="j F Y", default="")

    class Meta:
        model = PartnershipAgency
        fields = ()
        sequence = ("name", "agency_type", "sector", "on_board", "left_on")
        empty_text = "No agencies match."

    def render_on_board(self, value) -> str:
        return _yes_no(value)

    def value_on_board(self, value) -> str:
        return _yes_no(value)


class SubgroupTable(PartnershipTable):
    caption = "Subgroups"
    name = tables.Column(verbose_name="Subgroup", linkify=_link("subgroup_detail"), attrs=LINK)
    chair = tables.Column(verbose_name="Chair", default="")
    agency_count = tables.Column(verbose_name="Agencies expected", attrs=NUMERIC)
    terms_reviewed_on = tables.DateColumn(verbose_name="Terms of reference reviewed", format="j F Y", default="")
    is_active = tables.Column(verbose_name="Active")

    class Meta:
        model = Subgroup
        fields = ()
        sequence = ("name", "chair", "agency_count", "terms_reviewed_on", "is_active")
        empty_text = "No subgroups match."

    def render_is_active(self, value) -> str:
        return _yes_no(value)

    def value_is_active(self, value) -> str:
        return _yes_no(value)


class MeetingTable(PartnershipTable):
    caption = "Meetings"
    held_on = tables.DateColumn(verbose_name="Date", format="j F Y", linkify=_link("meeting_detail"), attrs=LINK)
    body = tables.Column(
        verbose_name="Body", accessor="subgroup__name", default="Board", order_by=("subgroup__name", "held_on")
    )
    title = tables.Column(verbose_name="Title", default="")
    location = tables.Column(verbose_name="Location", default="")
    attendance_count = tables.Column(verbose_name="Agencies recorded", attrs=NUMERIC)

    class Meta:
        model = Meeting
        fields = ()
        sequence = ("held_on", "body", "title", "location", "attendance_count")
        empty_text = "No meetings match."


class AttendanceReportTable(tables.Table):
    caption = "Attendance by agency"
    agency = tables.Column(verbose_name="Agency")
    year = tables.Column(verbose_name="Year")
    expected = tables.Column(verbose_name="Meetings expected", attrs=NUMERIC)
    attended = tables.Column(verbose_name="Meetings attended", attrs=NUMERIC)
    percentage = tables.Column("Attendance", accessor="percentage_text", order_by="percentage", attrs=NUMERIC)

    class Meta:
        empty_text = "No attendance has been recorded for these meetings."
        # Missing figures are a dash, not an empty cell that could be read as zero.
        default = NO_FIGURE


class _BudgetTable(PartnershipTable):
    amount = tables.Column(
        "Amount",
        attrs=NUMERIC,
        footer=lambda table: pounds(sum((row.amount for row in table.data), Decimal("0.00"))),
    )
    note = tables.Column(verbose_name="Note", default="", orderable=False)
    change = tables.Column(verbose_name="Change", empty_values=(), orderable=False)
    export_exclude = ("change",)
    edit_url_name = ""
    delete_url_name = ""

    def __init__(self, *args, may_manage: bool = False, **kwargs):
        if not may_manage:
            kwargs["exclude"] = ("change",)
        super().__init__(*args, **kwargs)

    def render_amount(self, value: Decimal) -> str:
        return pounds(value)

    def value_amount(self, value: Decimal) -> Decimal:
        return value

    def render_change(self, record, column) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">Edit<span class="govuk-visually-hidden"> {}</span></a> '
            '<a class="govuk-link" href="{}">Delete<span class="govuk-visually-hidden"> {}</span></a>',
            self.record_url(self.edit_url_name, record.pk),
            record.label,
            self.record_url(self.delete_url_name, record.pk),
            record.label,
        )


class ContributionTable(_BudgetTable):
    caption = "Contributions"
    label = tables.Column(verbose_name="Contributor", footer="Total contributions")
    edit_url_name = "contribution_edit"
    delete_url_name = "contribution_delete"

    class Meta:
        sequence = ("label", "amount", "note", "change")
        empty_text = "No contributions recorded for this year."


def _variance_text(variance) -> str:
    return variance.text if variance is not None else "No plan to compare"


def _against_plan(variance) -> str:
    return "on plan" if not variance.amount else f"{variance.text} against the plan"


def _signed(variance, part: str):
    return getattr(variance, part) if variance is not None and getattr(variance, part) is not None else ""


class ExpenditureTable(_BudgetTable):
    """Each line's plan beside what was spent, the variance in words (over or under, never colour
    alone) and the forecast for the year, with a totals row; the download adds the figures as
    numbers and how each forecast was reached. ``budget`` (the year's ``Budget``) gives the
    totals."""

    caption = "Expenditure"
    label = tables.Column(verbose_name="Expenditure", footer="Total expenditure")
    planned = tables.Column(
        "Planned",
        attrs=NUMERIC,
        empty_values=(),
        footer=lambda table: pounds(table.budget.total_planned) if table.budget.total_planned is not None else "",
    )
    amount = tables.Column("Spent so far", attrs=NUMERIC, footer=lambda table: pounds(table.budget.total_expenditure))
    variance = tables.Column(
        "Variance",
        attrs=NUMERIC,
        empty_values=(),
        orderable=False,
        footer=lambda table: _variance_text(table.budget.total_variance),
    )
    forecast = tables.Column(
        "Forecast for the year", attrs=NUMERIC, footer=lambda table: pounds(table.budget.total_forecast)
    )
    # Only in the download: the figures as numbers, and how each forecast was reached.
    variance_percent = tables.Column("Variance (% of plan)", empty_values=(), visible=False)
    over_or_under = tables.Column("Over or under plan", empty_values=(), visible=False)
    forecast_basis = tables.Column("How the forecast was reached", visible=False)
    forecast_against_plan = tables.Column("Forecast against plan", empty_values=(), visible=False)
    edit_url_name = "expenditure_edit"
    delete_url_name = "expenditure_delete"

    class Meta:
        sequence = (
            "label",
            "planned",
            "amount",
            "variance",
            "forecast",
            "note",
            "change",
            "variance_percent",
            "over_or_under",
            "forecast_basis",
            "forecast_against_plan",
        )
        empty_text = "No expenditure recorded for this year."

    def __init__(self, *args, budget, **kwargs):
        self.budget = budget
        super().__init__(*args, **kwargs)

    def render_planned(self, value) -> str:
        return pounds(value) if value is not None else "Not planned"

    def value_planned(self, value):
        return value if value is not None else ""

    def render_variance(self, record) -> str:
        return _variance_text(record.variance)

    def value_variance(self, record):
        return _signed(record.variance, "amount")

    def render_forecast(self, record) -> str:
        against = record.forecast_variance
        return format_html(
            '{}<br><span class="govuk-!-font-size-16">{}{}</span>',
            pounds(record.forecast),
            record.forecast_basis,
            f"; {_against_plan(against)}" if against is not None else "",
        )

    def value_forecast(self, record):
        return record.forecast

    def value_variance_percent(self, record):
        return _signed(record.variance, "percent")

    def value_over_or_under(self, record) -> str:
        return record.variance.direction if record.variance is not None else ""

    def value_forecast_against_plan(self, record):
        return _signed(record.forecast_variance, "amount")
