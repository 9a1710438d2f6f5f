"""One indicator's history up to the report's year, as a line chart with its table: the
partnership's own figures, the local authority's published ones, England and the statistical
neighbours."""

from assure.performance.charts import history_spec
from assure.performance.models import Period
from assure.performance.selectors.indicator import (
    ABSOLUTE_UNITS,
    ENGLAND_SERIES,
    NEIGHBOURS_SERIES,
    indicator_history,
    indicator_of,
)

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import NO_FIGURE, block, chart, reader_of, report_year, table, years_up_to

SOURCE = (
    "Validated returns of the partnership's agencies (provisional); the DfE's published figures for the local "
    "authority, England and its statistical neighbours."
)
DEFAULT_YEARS = 5


def _source(history, rows) -> str:
    """SOURCE, or for an indicator Assure counts from its records, where its newest figure came from."""
    counted = [row.local.provenance for row in rows if row.local and row.local.computed and row.local.provenance]
    if not counted:
        return SOURCE
    return (
        f"The partnership's figures are computed from Assure's own records (the newest was {counted[-1]}); the DfE's "
        "published figures for the local authority, England and its statistical neighbours."
    )


@register(
    "indicator-chart",
    title="Indicator chart",
    description="One indicator's yearly history up to the report's year (params: indicator, years): a chart and "
    "its table, and the latest change in words.",
)
def compute(context: BlockContext) -> BlockData:
    code = str(context.params.get("indicator", ""))
    year = report_year(context)
    reader = reader_of(context)
    partnership = context.report.partnership
    indicator = indicator_of(user=reader, partnership=partnership, code=code)
    if indicator is None:
        return block(context, title="Indicator", source=SOURCE, empty=f"Assure has no indicator {code!r}.")
    name = indicator.definition.title
    history = indicator_history(user=reader, partnership=partnership, indicator=indicator)
    wanted = set(years_up_to(year, int(context.params.get("years", DEFAULT_YEARS))))
    yearly = {p.label for p in Period.objects.filter(kind=Period.Kind.YEAR, label__in=wanted)}
    rows = [row for row in history.rows if row.period in yearly]
    if not rows:
        return block(
            context,
            title=f"{name} to {year}",
            source=SOURCE,
            empty=f"There are no yearly figures of {name} up to {year}.",
        )
    span = rows[0].period if len(rows) == 1 else f"{rows[0].period} to {rows[-1].period}"
    title = f"{name}, {span}"

    published_name, local_name, source = history.published_name, history.local_name, _source(history, rows)
    series = {
        local_name: [row.local.value if row.local else None for row in rows],
        published_name: [row.published[0] if row.published else None for row in rows],
        ENGLAND_SERIES: [row.england for row in rows],
        NEIGHBOURS_SERIES: [row.neighbours_mean for row in rows],
    }
    # England's number of children dwarfs an authority's: the table keeps it, the chart not.
    left_out = ENGLAND_SERIES if history.unit in ABSOLUTE_UNITS else None
    drawn = {k: v for k, v in series.items() if k != left_out and any(x is not None for x in v)}
    shown = {k: v for k, v in series.items() if any(x is not None for x in v)}
    columns = ["Year", *shown]
    table_rows = [
        [row.period, *[history.text(values[i]) if values[i] is not None else NO_FIGURE for values in shown.values()]]
        for i, row in enumerate(rows)
    ]
    # Where the agencies gave a reason for a missing figure, the table says it.
    for i, row in enumerate(rows):
        if local_name in shown and row.local and row.local.value is None and row.local.missing:
            table_rows[i][1 + list(shown).index(local_name)] = history.text(None, row.local.missing)

    paragraphs = []
    own = [(row.period, row.local.value) for row in rows if row.local and row.local.value is not None]
    if len(own) >= 2 and own[-1][0] == year:
        moved = phrases.change(
            own[-1][1],
            own[-2][1],
            unit=history.unit,
            polarity=indicator.data.get("polarity", "neither"),
            previous_label=f"{own[-2][0]}'s figure",
        )
        paragraphs.append(moved.sentence(f"{name} in {year}"))
    tables = [table(f"{name} by year", columns, table_rows, [False, *[True] * len(shown)])]
    charts = []
    if drawn:
        spec = history_spec(
            title=name, unit=history.unit, decimals=history.decimals, periods=[r.period for r in rows], series=drawn
        )
        charts.append(
            chart(
                title,
                f"Line chart of {name} by year, {span}: {', '.join(drawn)}.",
                spec,
                0,
            )
        )
    return block(context, title=title, source=source, paragraphs=paragraphs, tables=tables, charts=charts)
