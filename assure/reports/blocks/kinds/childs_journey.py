"""The child's journey in numbers: each step's figures for the report's year beside the year
before, the change in words, and the journey drawn as bars."""

from assure.performance.selectors.journey import childs_journey

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import block, chart, reader_of, report_year, table, year_period

SOURCE = (
    "Validated returns of the partnership's agencies (provisional), or the DfE's published figure for the "
    "local authority where the agencies returned none; the child's journey of the performance pages."
)


def _sentence(line, year: str, previous: str) -> str:
    moved = phrases.change(
        line.this_year.value,
        line.last_year.value,
        unit=line.unit,
        current_missing=line.this_year.missing,
        previous_missing=line.last_year.missing,
        previous_label=phrases.PREVIOUS_YEAR,
    )
    if line.this_year.value is None:
        return f"{line.title}: no figure for {year} ({phrases.missing_words(line.this_year.missing)})."
    if line.last_year.value is None:
        return f"{line.title}: {phrases.figure_words(line.this_year.value, line.unit)} in {year}."
    if not line.comparable:
        # The partnership's own count one year and the DfE's the other are counted differently:
        # set side by side, never turned into a change.
        return (
            f"{line.title}: {phrases.figure_words(line.this_year.value, line.unit)} in {year} "
            f"({line.this_year.source.lower()}), {phrases.figure_words(line.last_year.value, line.unit)} in "
            f"{previous} ({line.last_year.source}); the two are counted differently, so no change is given."
        )
    return moved.sentence(f"{line.title} in {year}")


@register(
    "childs-journey",
    title="The child's journey",
    description="The year's figures at each step from early help to care, beside the year before's, with the "
    "change in words and a chart.",
)
def compute(context: BlockContext) -> BlockData:
    year = report_year(context)
    period = year_period(year)
    title = f"The child's journey in numbers, {year}"
    if period is None:
        return block(context, title=title, source=SOURCE, empty=f"There are no figures for {year} yet.")
    journey = childs_journey(user=reader_of(context), partnership=context.report.partnership, year=period)
    previous = journey.previous.label if journey.previous else "the year before"
    rows, paragraphs = [], []
    for step in journey.steps:
        for line in step.lines:
            if line.this_year.value is None and line.last_year.value is None:
                continue
            rows.append([step.title, line.title, line.last_year_text, line.this_year_text, line.change])
            paragraphs.append(_sentence(line, year, previous))
    if not rows:
        return block(context, title=title, source=SOURCE, empty=f"There are no figures of the journey for {year}.")
    tables = [
        table(
            f"The child's journey: {previous} and {year}",
            ["Step", "Measure", previous, year, "Change"],
            rows,
            [False, False, True, True, False],
        )
    ]
    charts = []
    if journey.spec:
        # The steps the chart draws: those counted in children or cases, with a figure.
        counted = [
            s
            for s in journey.steps
            if s.count and (s.count.this_year.value is not None or s.count.last_year.value is not None)
        ]
        tables.append(
            table(
                f"Children or cases at each step, {previous} and {year}",
                ["Step", previous, year],
                [[s.title, s.count.last_year_text, s.count.this_year_text] for s in counted],
                [False, True, True],
            )
        )
        charts.append(
            chart(
                f"The child's journey, {previous} and {year}",
                f"Bars of the number of children or cases at each step of the child's journey, {previous} beside "
                f"{year}: " + "; ".join(f"{s.title} {s.count.this_year_text}" for s in counted) + ".",
                journey.spec,
                1,
            )
        )
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables, charts=charts)
