"""Vega-Lite specs of the Section 11 analysis: compliance percentages as bars, drawn like the
performance app's charts (a ``<script type="application/json">`` spec drawn by charts.mjs, with a
table of the same figures beside it). Nothing here reads the database."""

from collections.abc import Sequence
from decimal import Decimal

from assure.performance.charts import SCHEMA

# One solid series and one pale outlined one (this cycle, the previous one; or self and
# moderated): they differ by more than colour, and each bar carries its figure as a label.
FILLS = ["#1d70b8", "#b1b4b6", "#00703c", "#4c2c92", "#d4351c"]
FONT = "system-ui, -apple-system, Segoe UI, arial, sans-serif"


def percent_text(value: Decimal | None) -> str:
    return "No rated criteria" if value is None else f"{value.quantize(Decimal(1))}%"


def percent_bars_spec(
    *, description: str, categories: Sequence[str], series: dict[str, Sequence[Decimal | None]]
) -> dict:
    """Horizontal bars of compliance percentages: one group per category (a standard, an agency
    type, a partnership), one bar per series in the group. ``series`` maps a name to its
    percentages, one per category (None where nothing was rated, drawn as no bar)."""
    names = list(series)
    values = [
        {"category": category, "series": name, "value": float(figures[i]), "shown": percent_text(figures[i])}
        for name, figures in series.items()
        for i, category in enumerate(categories)
        if figures[i] is not None
    ]
    colour = {
        "field": "series",
        "type": "nominal",
        "sort": names,
        "title": None,
        "scale": {"domain": names, "range": FILLS[: len(names)]},
        "legend": {"orient": "top"} if len(names) > 1 else None,
    }
    return {
        "$schema": SCHEMA,
        "description": f"{description} The table beside the chart holds the same figures.",
        "width": "container",
        "height": {"step": 14 if len(names) > 1 else 22},
        "data": {"values": values},
        "encoding": {
            "y": {
                "field": "category",
                "type": "nominal",
                "sort": list(categories),
                "title": None,
                "axis": {"labelLimit": 260},
            },
            **({"yOffset": {"field": "series", "type": "nominal", "sort": names}} if len(names) > 1 else {}),
            "x": {
                "field": "value",
                "type": "quantitative",
                "title": "Criteria compliant (%)",
                "scale": {"domain": [0, 100]},
            },
        },
        "layer": [
            {
                "mark": {"type": "bar", "stroke": "#0b0c0c", "strokeWidth": 1},
                "encoding": {
                    "color": colour,
                    "tooltip": [
                        {"field": "category", "title": "Group"},
                        {"field": "series", "title": "Series"},
                        {"field": "shown", "title": "Compliant"},
                    ],
                },
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 11, "color": "#0b0c0c"},
                "encoding": {"text": {"field": "shown"}},
            },
        ],
        "config": {"font": FONT, "view": {"stroke": None}},
    }
