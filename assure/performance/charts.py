"""How the core dataset's figures are written and drawn.

- ``figure_text``: a figure as a reader sees it (2,626; 7.7%; 84.0 per 10,000; "Suppressed (c)";
  "72% (numbers not given)" for a percentage given without its numerator and denominator).
- ``sparkline_svg``: the scorecard's small trend lines, drawn on the server as inline SVG with a
  text alternative, so they need neither JavaScript nor a stylesheet.
- ``history_spec`` and ``journey_spec``: Vega-Lite specs built from a selector's figures, in
  Assure's chart house style (assure.core.charts). A page always prints a table of the same
  figures beside the chart.

Nothing here reads the database: every function takes figures and returns text or a spec.
"""

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from assure.core.charts import (
    BLUE,
    INK,
    PALE_GREY,
    SERIES_COLOURS,
    SERIES_DASHES,
    SERIES_SHAPES,
    figure_labels,
    outlined_bar,
    value_axis,
    vega_lite_spec,
)

from .tables_catalogue import UNIT_LABELS

NO_FIGURE = "–"
"""What a table shows for a figure that does not exist (never a zero, never a blank)."""

MISSING_LABELS = {
    "c": "Suppressed",
    "x": "Not available",
    "z": "Not applicable",
    "low": "Rounds to zero",
    "k": "Fewer than 5",
    "u": "Low reliability",
}
"""Short labels of the DfE's codes for a figure that is not published (see Observation.Missing)."""


def rounded(value: Decimal | None, decimals: int = 0) -> Decimal | None:
    """``value`` rounded half up to ``decimals`` places, as it is shown."""
    if value is None:
        return None
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def missing_text(code: str) -> str:
    """A DfE suppression code in words, with the code itself: "Suppressed (c)"."""
    return f"{MISSING_LABELS.get(code, 'Not available')} ({code})" if code else NO_FIGURE


WITHOUT_PARTS = "numbers not given"
"""Said of a percentage or rate given as a figure alone, without what it was worked out from."""

RATIO_UNITS = frozenset({"percentage", "rate_per_10000"})


def figure_text(
    value: Decimal | None, *, unit: str, decimals: int = 0, missing: str = "", without_parts: bool = False
) -> str:
    """A figure as tables show it, in its unit and to its indicator's decimal places. A missing
    figure is a dash, or the reason the publisher gave for it. A percentage or rate given
    ``without_parts`` (no numerator or denominator) says so: "72% (numbers not given)"."""
    if value is None:
        return missing_text(missing)
    if without_parts and unit in RATIO_UNITS:
        return f"{figure_text(value, unit=unit, decimals=decimals)} ({WITHOUT_PARTS})"
    shown = rounded(value, decimals)
    digits = f"{abs(shown):,.{decimals}f}"
    sign = "−" if shown < 0 else ""
    if unit == "percentage":
        return f"{sign}{digits}%"
    if unit == "currency":
        return f"{sign}£{digits}"
    if unit == "days":
        return f"{sign}{digits} day{'' if shown == 1 else 's'}"
    if unit == "rate_per_10000":
        return f"{sign}{digits} per 10,000"
    return f"{sign}{digits}"


def change_text(current: Decimal | None, previous: Decimal | None, *, unit: str, decimals: int = 0) -> str:
    """The change from ``previous`` to ``current`` in words: "up 153 (36.1%) from 424",
    "down 3.2 percentage points from 13.2%", "no change", or why there is no comparison."""
    if current is None and previous is None:
        return "No figure for either year"
    if previous is None:
        return "No figure for the year before"
    if current is None:
        return "No figure for this year"
    now, before = rounded(current, decimals), rounded(previous, decimals)
    if now == before:
        return "No change"
    difference = now - before
    direction = "Up" if difference > 0 else "Down"
    if unit == "percentage":
        points = f"{abs(difference):,.{decimals}f} percentage point{'' if abs(difference) == 1 else 's'}"
        return f"{direction} {points} from {figure_text(before, unit=unit, decimals=decimals)}"
    amount = figure_text(abs(difference), unit=unit, decimals=decimals)
    relative = ""
    if before != 0:
        relative = f" ({abs(difference) * 100 / abs(before):,.1f}%)"
    return f"{direction} {amount}{relative} from {figure_text(before, unit=unit, decimals=decimals)}"


# --- sparklines ------------------------------------------------------------------------------

SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 120, 32, 4


def sparkline_svg(points: Sequence[tuple[str, Decimal | None]], *, unit: str, decimals: int = 0) -> SafeString:
    """A small line of ``points`` ((period label, figure), oldest first) as inline SVG with
    ``role="img"`` and a text alternative listing every figure. Gaps stay gaps: a missing figure
    breaks the line rather than being drawn as zero. Empty when fewer than two figures exist."""
    present = [(i, v) for i, (_, v) in enumerate(points) if v is not None]
    if len(present) < 2:
        return SafeString("")
    low = min(v for _, v in present)
    high = max(v for _, v in present)
    span = high - low
    step = (SPARK_WIDTH - 2 * SPARK_PAD) / max(len(points) - 1, 1)

    def xy(index: int, value: Decimal) -> tuple[float, float]:
        x = SPARK_PAD + index * step
        share = float((value - low) / span) if span else 0.5
        return round(x, 1), round(SPARK_HEIGHT - SPARK_PAD - share * (SPARK_HEIGHT - 2 * SPARK_PAD), 1)

    runs: list[list[tuple[float, float]]] = [[]]
    for index, (_, value) in enumerate(points):
        if value is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(xy(index, value))
    lines = format_html_join(
        "",
        '<polyline points="{}" fill="none" stroke="{}" stroke-width="2" stroke-linejoin="round"/>',
        ((" ".join(f"{x},{y}" for x, y in run), BLUE) for run in runs if len(run) > 1),
    )
    dots = format_html_join(
        "", '<circle cx="{}" cy="{}" r="2" fill="{}"/>', ((*xy(i, v), BLUE) for i, v in present if _alone(i, points))
    )
    last_x, last_y = xy(*present[-1])
    described = "; ".join(f"{label} {figure_text(v, unit=unit, decimals=decimals)}" for label, v in points)
    return format_html(
        '<svg class="assure-sparkline" role="img" aria-label="{}" width="{}" height="{}" viewBox="0 0 {} {}" '
        'focusable="false">{}{}<circle cx="{}" cy="{}" r="3" fill="{}"/></svg>',
        f"Trend: {described}",
        SPARK_WIDTH,
        SPARK_HEIGHT,
        SPARK_WIDTH,
        SPARK_HEIGHT,
        lines,
        dots,
        last_x,
        last_y,
        INK,
    )


def _alone(index: int, points: Sequence[tuple[str, Decimal | None]]) -> bool:
    """Whether a figure has no neighbour to join (so it is drawn as a dot)."""
    before = index > 0 and points[index - 1][1] is not None
    after = index + 1 < len(points) and points[index + 1][1] is not None
    return not (before or after)


# --- Vega-Lite specs -------------------------------------------------------------------------


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def history_spec(
    *, title: str, unit: str, decimals: int, periods: Sequence[str], series: dict[str, Sequence[Decimal | None]]
) -> dict:
    """A line chart of an indicator's history: one line per series ("Local, provisional",
    "Published (DfE)", "England", "Statistical neighbours' mean"), over ``periods`` in order.
    ``series`` maps a name to its figures, one per period (None where there is none)."""
    names = list(series)
    values = [
        {
            "period": period,
            "series": name,
            "value": _number(figures[i]),
            "shown": figure_text(figures[i], unit=unit, decimals=decimals),
        }
        for name, figures in series.items()
        for i, period in enumerate(periods)
        if figures[i] is not None
    ]
    legend = {"domain": names}
    return vega_lite_spec(
        description=f"{title}: {', '.join(names)} by period. The table beside the chart holds the same figures.",
        width="container",
        height=280,
        values=values,
        mark={"type": "line", "point": {"size": 60, "filled": True}, "strokeWidth": 2},
        encoding={
            "x": {
                "field": "period",
                "type": "ordinal",
                "sort": list(periods),
                "title": None,
                "axis": {"labelAngle": 0},
            },
            "y": value_axis(
                UNIT_LABELS.get(unit, "Value"),
                whole_numbers=unit == "count",
                decimals=decimals,
                figures=[figure for figures in series.values() for figure in figures],
                percentage=unit == "percentage",
            ),
            "color": {
                "field": "series",
                "type": "nominal",
                "title": None,
                "scale": {**legend, "range": SERIES_COLOURS[: len(names)]},
                "legend": {"orient": "bottom", "direction": "vertical", "labelLimit": 400},
            },
            "strokeDash": {
                "field": "series",
                "type": "nominal",
                "scale": {**legend, "range": SERIES_DASHES[: len(names)]},
            },
            "shape": {"field": "series", "type": "nominal", "scale": {**legend, "range": SERIES_SHAPES[: len(names)]}},
            "tooltip": [
                {"field": "period", "title": "Period"},
                {"field": "series", "title": "Figure"},
                {"field": "shown", "title": "Value"},
            ],
        },
    )


def journey_spec(*, steps: Sequence[str], years: Sequence[str], figures: dict[str, Sequence[Decimal | None]]) -> dict:
    """Bars of the child's journey: for each step (in order), one bar per year. ``figures`` maps
    a year to its figures, one per step. The current year is solid, the year before pale with an
    outline, so they differ by more than colour; each bar carries its figure as a label."""
    values = [
        {"step": step, "year": year, "value": _number(numbers[i]), "shown": figure_text(numbers[i], unit="count")}
        for year, numbers in figures.items()
        for i, step in enumerate(steps)
        if numbers[i] is not None
    ]
    fills = [PALE_GREY, BLUE][-len(years) :]
    encoding = {
        "x": {
            "field": "step",
            "type": "nominal",
            "sort": list(steps),
            "title": None,
            "axis": {"labelAngle": -30, "labelLimit": 180},
        },
        "xOffset": {"field": "year", "type": "nominal", "sort": list(years)},
        "y": value_axis(
            "Number of children or cases",
            whole_numbers=True,
            figures=[figure for numbers in figures.values() for figure in numbers],
        ),
    }
    return vega_lite_spec(
        description=(
            f"The child's journey, {' and '.join(years)}: the number at each step. "
            "The table below holds the same figures."
        ),
        width="container",
        height=320,
        values=values,
        encoding=encoding,
        layer=[
            {
                "mark": outlined_bar(),
                "encoding": {
                    "color": {
                        "field": "year",
                        "type": "nominal",
                        "sort": list(years),
                        "title": "Year",
                        "scale": {"domain": list(years), "range": fills},
                        "legend": {"orient": "top"},
                    },
                    "tooltip": [
                        {"field": "step", "title": "Step"},
                        {"field": "year", "title": "Year"},
                        {"field": "shown", "title": "Number"},
                    ],
                },
            },
            figure_labels(dy=-6),
        ],
    )
