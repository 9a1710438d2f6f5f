"""Several indicators over several years in one table, labelled as the report template says:
the quality of child protection conferences year on year, section 136 detentions by place of
safety, training sessions and delegates.

Params (all from the report template):
  rows: [{indicator: code, label: "how the row reads", subject: "how a sentence names it",
        not_available: "what a figure returned as not available means here", e.g. "Not in use"}]
  years: how many years up to the report's year (default 2)
  caption, first_column: the table's caption and first heading
  chart: "bars" (grouped by row, one bar per year), "lines" (one line per row) or "none"
  sentences: whether to write each row's latest change in words (default true)
"""

from assure.performance.areas import area_of_partnership
from assure.performance.charts import figure_text, history_spec
from assure.performance.models import Indicator, Period
from assure.performance.selectors.journey import journey_figure
from assure.performance.selectors.scorecard import local_figures, published_indicators, published_series

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import NO_FIGURE, block, chart, grouped_bars_spec, reader_of, report_year, table, years_up_to

SOURCE = (
    "Figures computed from Assure's own records where it counts them, else validated returns of the partnership's "
    "agencies (provisional), or the DfE's published figure for the local authority where the agencies returned none."
)
AXIS_TITLES = {"percentage": "Per cent", "count": "Number", "rate_per_10000": "Per 10,000 children"}


class _Row:
    def __init__(self, spec: dict, indicator: Indicator | None):
        self.code = str(spec.get("indicator", ""))
        self.indicator = indicator
        self.label = spec.get("label") or (indicator.definition.title if indicator else self.code)
        self.not_available = spec.get("not_available", "")
        self.subject = spec.get("subject") or self.label
        data = indicator.data if indicator else {}
        self.unit = data.get("unit", "count")
        self.decimals = int(data.get("decimals", 0))
        self.polarity = data.get("polarity", "neither")
        self.values: list = []
        self.missing: list[str] = []

    def cell(self, i: int) -> str:
        value, missing = self.values[i], self.missing[i]
        if value is None and missing == "x" and self.not_available:
            return self.not_available
        if value is not None:
            # Whole numbers as the report writes them (95%, not 95.0%); decimals where there are some.
            places = phrases.places_needed(value, self.decimals)
            return figure_text(value, unit=self.unit, decimals=places)
        return figure_text(None, unit=self.unit, missing=missing) if missing else NO_FIGURE


def _figures(context: BlockContext, rows: list[_Row], years: list[str]) -> None:
    partnership = context.report.partnership
    periods = {p.label: p for p in Period.objects.filter(kind=Period.Kind.YEAR, label__in=years)}
    indicators = [r.indicator for r in rows if r.indicator is not None]
    local = local_figures(
        user=reader_of(context), partnership=partnership, indicators=indicators, periods=periods.values()
    )
    paired = published_indicators(indicators, partnership=partnership)
    published = published_series(
        indicator_ids=[i.pk for i in paired.values()], periods=periods.values(), area=area_of_partnership(partnership)
    )
    for row in rows:
        for year in years:
            figure = journey_figure(row.indicator, periods.get(year), local, published, paired)
            row.values.append(figure.value)
            row.missing.append(figure.missing)


@register(
    "indicator-table",
    title="Indicator table",
    description="Several indicators by year in one table (params: rows, years, caption, first_column, chart, "
    "sentences), with the latest change of each row in words.",
)
def compute(context: BlockContext) -> BlockData:
    params = context.params
    year = report_year(context)
    years = years_up_to(year, int(params.get("years", 2)))
    specs = [r for r in params.get("rows", []) if isinstance(r, dict)]
    found = {
        i.code: i
        for i in Indicator.objects.filter(code__in=[r.get("indicator") for r in specs]).select_related("definition")
    }
    rows = [_Row(spec, found.get(spec.get("indicator"))) for spec in specs]
    caption = params.get("caption") or f"Figures by year, {years[0]} to {year}"
    if not rows:
        return block(context, title=caption, source=SOURCE, empty="The template names no indicators for this table.")
    _figures(context, rows, years)
    # A figure returned as not available is still something to show ("Not in use").
    if all(v is None and not m for r in rows for v, m in zip(r.values, r.missing, strict=True)):
        return block(context, title=caption, source=SOURCE, empty=f"There are no figures for {years[0]} to {year}.")

    tables = [
        table(
            caption,
            [params.get("first_column", "Measure"), *years],
            [[r.label, *[r.cell(i) for i in range(len(years))]] for r in rows],
            [False, *[True] * len(years)],
        )
    ]
    paragraphs = []
    if params.get("sentences", True):
        for r in rows:
            if len(years) > 1 and r.values[-1] is not None and r.values[-2] is not None:
                moved = phrases.change(
                    r.values[-1], r.values[-2], unit=r.unit, polarity=r.polarity, previous_label=f"{years[-2]}'s figure"
                )
                paragraphs.append(moved.sentence(f"{r.subject} in {year}"))
    charts = []
    style = params.get("chart", "none")
    drawn = [r for r in rows if any(v is not None for v in r.values)]
    units = {r.unit for r in drawn}
    if style in ("bars", "lines") and drawn and len(units) == 1:
        unit = units.pop()
        if style == "bars":
            spec = grouped_bars_spec(
                description=f"{caption}: for each measure, one bar per year, {years[0]} to {year}.",
                axis_title=AXIS_TITLES.get(unit, "Value"),
                categories=[r.label for r in drawn],
                series={y: [r.values[i] for r in drawn] for i, y in enumerate(years)},
                shown={y: [r.cell(i) for r in drawn] for i, y in enumerate(years)},
                domain=[0, 100] if unit == "percentage" else None,
            )
        else:
            spec = history_spec(
                title=caption,
                unit=unit,
                decimals=max(r.decimals for r in drawn),
                periods=years,
                series={r.label: r.values for r in drawn},
            )
        charts.append(
            chart(
                caption,
                f"{'Bar' if style == 'bars' else 'Line'} chart of {caption.lower()}, {years[0]} to {year}: "
                + "; ".join(f"{r.label} {r.cell(len(years) - 1)} in {year}" for r in drawn)
                + ".",
                spec,
                0,
            )
        )
    return block(context, title=caption, source=SOURCE, paragraphs=paragraphs, tables=tables, charts=charts)
