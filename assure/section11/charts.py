"""Vega-Lite specs of the Section 11 analysis: compliance percentages as bars, in Assure's chart
house style (assure.core.charts), with a table of the same figures beside each chart. Nothing
here reads the database."""

from collections.abc import Sequence
from decimal import Decimal

from assure.core.charts import FILLS, grouped_bars_spec, value_axis


def percent_text(value: Decimal | None) -> str:
    return "No rated criteria" if value is None else f"{value.quantize(Decimal(1))}%"


def percent_bars_spec(
    *, description: str, categories: Sequence[str], series: dict[str, Sequence[Decimal | None]]
) -> dict:
    """Horizontal bars of compliance percentages: one group per category (a standard, an agency
    type, a partnership), one bar per series in the group (this cycle and the previous one, say).
    ``series`` maps a name to its percentages, one per category (None where nothing was rated,
    drawn as no bar)."""
    return grouped_bars_spec(
        description=f"{description} The table beside the chart holds the same figures.",
        categories=categories,
        series=series,
        shown={name: [percent_text(figure) for figure in figures] for name, figures in series.items()},
        figure_axis=value_axis("Criteria compliant (%)", domain=[0, 100]),
        fills=FILLS[: len(series)],
        bar_step=14,
        figure_title="Compliant",
        plain_when_single=True,
    )
