"""The multi-agency training blocks (the seed's §3.28–3.31): the year's sessions, delegates,
conference delegates and e-learning completions against the year before, with the sentences the
report says them in ("42 multi-agency training sessions plus 1 e-learning module reached 948
delegates"), and the delegates by training level and by business plan priority; and the
delegates' words chosen for the report. Counted by the training figures' rules
(``assure/training/selectors/figures.py``); no block names a delegate."""

from assure.training.selectors.evaluations import quotes_for_year
from assure.training.selectors.figures import LEVEL, PRIORITY, TrainingFigures, figures_for_year

from .. import BlockContext, BlockData, register
from ._common import block, reader_of, report_year, table

SOURCE = "The training records in Assure: sessions, registers marked and e-learning completions imported."


def _measures(figures: TrainingFigures):
    rows = [[m.label, f"{m.before:,}", f"{m.now:,}", m.change] for m in figures.measures]
    return table(
        f"Multi-agency training, {figures.year} against {figures.previous_year}",
        ["Measure", figures.previous_year, figures.year, "Change"],
        rows,
        [False, True, True, True],
    )


@register(
    "training-figures",
    title="Multi-agency training",
    description="The year's multi-agency training sessions, delegates (sessions and e-learning), conference "
    "delegates and e-learning completions against the year before, in sentences and a table, with the delegates "
    "by training level and by business plan priority.",
)
def training_figures(context: BlockContext) -> BlockData:
    year = report_year(context)
    title = f"Multi-agency training, {year}"
    figures = figures_for_year(user=reader_of(context), partnership=context.report.partnership, year=year)
    if figures is None:
        return block(context, title=title, source=SOURCE, empty="The partnership's training figures are not available.")
    if figures.now.is_empty:
        return block(context, title=title, source=SOURCE, empty=f"No multi-agency training was recorded in {year}.")
    tables = [_measures(figures)]
    for shown in figures.tables:
        if shown.heading in (LEVEL, PRIORITY) and shown.rows:
            tables.append(
                table(
                    shown.caption,
                    [shown.heading, figures.previous_year, figures.year],
                    [[row.label, f"{row.before:,}", f"{row.now:,}"] for row in shown.rows],
                    [False, True, True],
                )
            )
    return block(context, title=title, source=SOURCE, paragraphs=figures.summary, tables=tables)


@register(
    "training-quotes",
    title="What delegates said",
    description="The delegates' words the business unit chose from the year's evaluations for the annual report, "
    "as it edited them (names taken out).",
)
def training_quotes(context: BlockContext) -> BlockData:
    year = report_year(context)
    title = f"What delegates said, {year}"
    quotes = quotes_for_year(partnership=context.report.partnership, year=year)
    return block(
        context,
        title=title,
        source="Delegates' evaluations in Assure, chosen by the business unit.",
        paragraphs=[f"“{quote}”" for quote in quotes],
        empty=f"No delegate's words were chosen for {year}.",
    )
