"""The blocks of child death reviews (the seed's §3.21–3.24 and §5.4): the child death overview
panel's meetings and reviews of the year, and the reviews by age band and by category of death.

A report is published, so every count about children is suppressed by the library's small-numbers
rule (assure/core/suppression.py) whoever refreshes it: a count from 1 to 5 reads "fewer than 6",
and another count is hidden with it where a total would give it away. The figures are those of
the report's partnership's own children; a partnership in no panel gets an empty block."""

from assure.cdop.selectors.figures import AGE, CATEGORY, PanelFigures, panel_figures

from .. import BlockContext, BlockData, register
from ._common import block, reader_of, report_year, table

SOURCE = "The child death overview panel's records in Assure; small numbers hidden."


def _figures(context: BlockContext) -> tuple[str, PanelFigures | None]:
    year = report_year(context)
    return year, panel_figures(
        user=reader_of(context), partnership=context.report.partnership, year=year, suppressed=True
    )


def _empty(context: BlockContext, title: str, year: str) -> BlockData:
    return block(
        context,
        title=title,
        source=SOURCE,
        empty=f"The partnership had not joined a child death overview panel in {year}.",
    )


@register(
    "child-death-reviews",
    title="Child death reviews",
    description="The child death overview panel's meetings in the year and the reviews it completed of the "
    "partnership's children, small numbers hidden.",
)
def child_death_reviews(context: BlockContext) -> BlockData:
    year, figures = _figures(context)
    title = f"Child death reviews, {year}"
    if figures is None:
        return _empty(context, title, year)
    own = figures.own
    paragraphs = [
        f"In {year} {figures.panel.name} met {own.meetings.text} time{'' if own.meetings.value == 1 else 's'} and "
        f"completed {own.reviewed.text} review{'' if own.reviewed.value == 1 else 's'} of the deaths of the "
        f"partnership's children.",
    ]
    rows = [
        ["Panel meetings held", own.meetings.text],
        ["Deaths notified", own.notified.text],
        ["Reviews completed", own.reviewed.text],
        ["Passed to another panel", own.passed_on.text],
        ["Median time from the death to the review", own.median_days.text],
        ["Reviews completed within six months", own.within_six_months.text],
    ]
    if not figures.unsuppressed:
        paragraphs.append(f'A count from 1 to {figures.rule.threshold - 1} is shown as "{figures.rule.shown_as}".')
    tables = [table(f"Child death reviews, {year}", ["Measure", "Figure"], rows, [False, True])]
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables)


def _by(context: BlockContext, heading: str, title: str) -> BlockData:
    year, figures = _figures(context)
    title = f"{title}, {year}"
    if figures is None:
        return _empty(context, title, year)
    shown = figures.own.table(heading)
    if not figures.own.counts.reviewed:
        return block(context, title=title, source=SOURCE, empty=f"The panel completed no review in {year}.")
    rows = [[label, cell.text] for label, cell in shown.rows]
    rows.append(["All reviews completed", shown.total.text if shown.total else ""])
    return block(
        context, title=title, source=SOURCE, tables=[table(shown.caption, [heading, "Reviews"], rows, [False, True])]
    )


@register(
    "child-deaths-by-age-band",
    title="Child death reviews by age band",
    description="The reviews the panel completed in the year of the partnership's children, by the child's age "
    "band, small numbers hidden.",
)
def child_deaths_by_age_band(context: BlockContext) -> BlockData:
    return _by(context, AGE, "Child death reviews by age band")


@register(
    "child-deaths-by-category",
    title="Child death reviews by category",
    description="The reviews the panel completed in the year of the partnership's children, by the category of "
    "death, small numbers hidden.",
)
def child_deaths_by_category(context: BlockContext) -> BlockData:
    return _by(context, CATEGORY, "Child death reviews by category")
