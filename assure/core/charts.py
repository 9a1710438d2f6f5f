"""Assure's house style for charts: the Vega-Lite schema, font and GOV.UK colours every chart uses,
and the shapes of spec that more than one part of Assure draws.

A page embeds a spec in a ``<script type="application/json">`` element that
frontend/src/charts.mjs draws with vega-embed, and always prints a table of the same figures
beside the chart; a report draws the same specs into its PDF and DOCX. Nothing here reads the
database: every function takes figures and returns a spec.
"""

from collections.abc import Iterable, Sequence
from decimal import Decimal

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
FONT = "system-ui, -apple-system, Segoe UI, arial, sans-serif"

# GOV.UK Frontend's palette.
BLUE = "#1d70b8"
INK = "#0b0c0c"  # outlines of bars and the figures written on them
PALE_GREY = "#b1b4b6"

# Lines: blue, black, orange, green, purple. Series are told apart by the line's dash and the
# points' shape as well, never by colour alone.
SERIES_COLOURS = [BLUE, INK, "#d4351c", "#00703c", "#4c2c92"]
SERIES_DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4]]
SERIES_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross"]

# Bars: one solid series and one pale one (this cycle and the previous one, this year and the
# last), all outlined, so they differ by more than colour; each bar carries its figure as a label.
FILLS = [BLUE, PALE_GREY, "#00703c", "#4c2c92", "#d4351c"]

# How tall one bar of a horizontal bar chart is when it stands alone in its group.
SINGLE_BAR_STEP = 22


def config() -> dict:
    """The font and frameless view of every chart."""
    return {"font": FONT, "view": {"stroke": None}}


def vega_lite_spec(
    *, description: str, width: int | str, height: int | dict, values: list[dict], **body: object
) -> dict:
    """A whole spec in the house style: the schema, a description that screen readers announce,
    the figures as inline data, then ``body`` (mark or layers, and encodings) in the order given."""
    return {
        "$schema": SCHEMA,
        "description": description,
        "width": width,
        "height": height,
        "data": {"values": values},
        **body,
        "config": config(),
    }


def outlined_bar(**mark: object) -> dict:
    """A bar mark outlined in ink, so a pale bar stands out from the page."""
    return {"type": "bar", **mark, "stroke": INK, "strokeWidth": 1}


def figure_labels(*, font_size: int = 11, **placement: object) -> dict:
    """A layer writing each bar's figure (its ``shown`` text) beside the bar."""
    return {
        "mark": {"type": "text", **placement, "fontSize": font_size, "color": INK},
        "encoding": {"text": {"field": "shown"}},
    }


def category_axis(categories: Sequence[str]) -> dict:
    """The axis of a horizontal bar chart's categories, in the order given, with room for long names."""
    return {
        "field": "category",
        "type": "nominal",
        "sort": list(categories),
        "title": None,
        "axis": {"labelLimit": 260},
    }


def value_axis(
    title: str,
    *,
    domain: Sequence[float] | None = None,
    whole_numbers: bool = False,
    decimals: int | None = None,
    figures: Iterable[Decimal | float | None] | None = None,
    percentage: bool = False,
) -> dict:
    """The axis of the figures, ticked at round numbers written as the figures are. Counts have
    no fractions: an axis of small counts would otherwise tick at 0.2, 0.4 ..., so
    ``whole_numbers`` ticks at whole numbers only; ``decimals`` keeps ticks to that many places
    (a rate to one place ticks at 0.1 at the finest) and writes them with no more. Given the
    ``figures``, an axis whose figures are all nought still runs up to 5 (100 for a
    ``percentage``), rather than a single tick written to six places ("0.000000")."""
    axis: dict = {"field": "value", "type": "quantitative", "title": title}
    places = 0 if whole_numbers else decimals
    if places is not None:
        axis["axis"] = {"tickMinStep": 10**-places if places else 1, "format": f",.{places}~f"}
    if domain is None and figures is not None and not any(float(f) for f in figures if f is not None):
        domain = [0, 100] if percentage else [0, 5]
    if domain is not None:
        axis["scale"] = {"domain": list(domain)}
    return axis


def only_whole_numbers(figures: Iterable[Decimal | None]) -> bool:
    """Whether there are figures and none of them has a fraction."""
    present = [figure for figure in figures if figure is not None]
    return bool(present) and all(float(figure).is_integer() for figure in present)


def series_rows(
    *, categories: Sequence[str], series: dict[str, Sequence[Decimal | None]], shown: dict[str, Sequence[str]]
) -> list[dict]:
    """One data row per bar: each series' figure in each category, with its figure as written.
    A category without a figure has no row, so it is drawn as no bar (never as zero)."""
    return [
        {"category": category, "series": name, "value": float(figures[i]), "shown": shown[name][i]}
        for name, figures in series.items()
        for i, category in enumerate(categories)
        if figures[i] is not None
    ]


def grouped_bars_spec(
    *,
    description: str,
    categories: Sequence[str],
    series: dict[str, Sequence[Decimal | None]],
    shown: dict[str, Sequence[str]],
    figure_axis: dict,
    fills: Sequence[str],
    width: int | str = "container",
    bar_step: int = 14,
    figure_title: str = "Figure",
    label_size: int = 11,
    plain_when_single: bool = False,
) -> dict:
    """Horizontal bars in groups: one group per category (a standard, a measure, a priority), one
    bar per series in the group (a year, say), the series told apart by fill and outline as well
    as colour, each bar labelled with its figure as written in the table.

    ``series`` maps a name to its figures, one per category, and ``shown`` the same names to the
    figures as written; ``figure_axis`` is the axis of the figures (see ``value_axis``);
    ``fills`` colours the series in order. With ``plain_when_single``, a single series is drawn
    as plain bars, without a legend."""
    names = list(series)
    grouped = len(names) > 1 or not plain_when_single
    colour = {
        "field": "series",
        "type": "nominal",
        "sort": names,
        "title": None,
        "scale": {"domain": names, "range": list(fills)},
        "legend": {"orient": "top"} if grouped else None,
    }
    return vega_lite_spec(
        description=description,
        width=width,
        height={"step": bar_step if len(names) > 1 else SINGLE_BAR_STEP},
        values=series_rows(categories=categories, series=series, shown=shown),
        encoding={
            "y": category_axis(categories),
            **({"yOffset": {"field": "series", "type": "nominal", "sort": names}} if grouped else {}),
            "x": figure_axis,
        },
        layer=[
            {
                "mark": outlined_bar(),
                "encoding": {
                    "color": colour,
                    "tooltip": [
                        {"field": "category", "title": "Group"},
                        {"field": "series", "title": "Series"},
                        {"field": "shown", "title": figure_title},
                    ],
                },
            },
            figure_labels(font_size=label_size, align="left", dx=3),
        ],
    )
