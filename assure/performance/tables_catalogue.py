"""The indicator catalogue as a register: sortable, paginated and exportable (CSV/XLSX), and the
words used for an indicator's unit, polarity, frequency and source wherever they are shown."""

from decimal import Decimal

import django_tables2 as tables

from assure.core.navigation import partnership_url

from .calculations import to_decimal
from .models import Indicator

# The library's schema fixes these values (assure/library/schemas.py); these are their names
# for people.
UNIT_LABELS = {
    "count": "Count",
    "percentage": "Percentage",
    "rate_per_10000": "Rate per 10,000 children",
    "days": "Days",
    "currency": "Money (£)",
    "ratio": "Ratio",
}
POLARITY_LABELS = {
    "higher_is_better": "Higher is better",
    "lower_is_better": "Lower is better",
    "neither": "Neither",
}
FREQUENCY_LABELS = {"monthly": "Monthly", "quarterly": "Quarterly", "annual": "Annual"}
SOURCE_LABELS = {
    "agency_return": "Agency return",
    "dfe_publication": "DfE publication",
    "local_import": "Local import",
    "computed": "Computed from Assure's records",
}


def figure_in_unit(number: Decimal | None, unit: str, *, distance: bool = False) -> str:
    """A target or a tolerance written with its unit: 85%, 55.5 per 10,000, 45 days, £1,200.
    A ``distance`` between percentages is in percentage points."""
    if number is None:
        return ""
    plain = f"{to_decimal(number).normalize():f}"
    if unit == "percentage":
        return f"{plain} percentage points" if distance else f"{plain}%"
    if unit == "rate_per_10000":
        return f"{plain} per 10,000 children"
    if unit == "days":
        return f"{plain} days"
    if unit == "currency":
        return f"£{plain}"
    return plain


def _indicator_url(record: Indicator, table) -> str:
    return partnership_url("performance:indicator", table.partnership, code=record.code)


LINK = {"a": {"class": "govuk-link"}}


class IndicatorTable(tables.Table):
    """Every indicator of the catalogue, each title linking to the indicator's own page."""

    caption = "Indicators"
    code = tables.Column(verbose_name="Code")
    title = tables.Column(
        verbose_name="Indicator",
        accessor="definition__title",
        order_by="definition__title",
        linkify=_indicator_url,
        attrs=LINK,
    )
    theme = tables.Column(verbose_name="Theme", accessor="definition__data__theme", order_by="definition__data__theme")
    unit = tables.Column(verbose_name="Unit", accessor="definition__data__unit", order_by="definition__data__unit")
    polarity = tables.Column(
        verbose_name="Polarity", accessor="definition__data__polarity", order_by="definition__data__polarity"
    )
    frequency = tables.Column(
        verbose_name="Frequency", accessor="definition__data__frequency", order_by="definition__data__frequency"
    )
    source = tables.Column(
        verbose_name="Source", accessor="definition__data__source", order_by="definition__data__source"
    )
    # Too long for the page, but the export is where people read definitions side by side.
    definition = tables.Column(
        verbose_name="Definition", accessor="definition__data__definition", visible=False, orderable=False
    )
    numerator = tables.Column(
        verbose_name="Numerator", accessor="definition__data__numerator", visible=False, orderable=False, default=""
    )
    denominator = tables.Column(
        verbose_name="Denominator", accessor="definition__data__denominator", visible=False, orderable=False, default=""
    )

    class Meta:
        model = Indicator
        fields = ()
        sequence = (
            "code",
            "title",
            "theme",
            "unit",
            "polarity",
            "frequency",
            "source",
            "definition",
            "numerator",
            "denominator",
        )
        empty_text = "No indicators match."

    def __init__(self, *args, partnership, themes: dict[str, str], **kwargs):
        self.partnership = partnership
        self.themes = themes
        super().__init__(*args, **kwargs)

    def render_theme(self, value) -> str:
        return self.themes.get(value, value)

    def value_theme(self, value) -> str:
        return self.themes.get(value, value)

    def render_unit(self, value) -> str:
        return UNIT_LABELS.get(value, value)

    def value_unit(self, value) -> str:
        return UNIT_LABELS.get(value, value)

    def render_polarity(self, value) -> str:
        return POLARITY_LABELS.get(value, value)

    def value_polarity(self, value) -> str:
        return POLARITY_LABELS.get(value, value)

    def render_frequency(self, value) -> str:
        return FREQUENCY_LABELS.get(value, value)

    def value_frequency(self, value) -> str:
        return FREQUENCY_LABELS.get(value, value)

    def render_source(self, value) -> str:
        return SOURCE_LABELS.get(value, value)

    def value_source(self, value) -> str:
        return SOURCE_LABELS.get(value, value)
