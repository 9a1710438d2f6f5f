"""The blocks of allegations against people who work with children (the seed's §5.15–5.21): the
referrals to the designated officer in the year against the year before (the first six months
against the whole previous year, joint evaluation meetings, police investigations, suspensions),
the referrals by the employer's sector against the partnership's expectations, what was alleged
and the outcomes, and the timescales against their targets.

A report is published, so every count is suppressed by the library's small-numbers rule
(assure/core/suppression.py) whoever refreshes it: a count from 1 to 5 reads "fewer than 6", and
another count is hidden with it where a total would give it away. No block names a person or
describes a case."""

from assure.lado.selectors.figures import AllegationFigures, FigureTable, Measure, figures_for_year

from .. import BlockContext, BlockData, TableData, register
from ._common import block, reader_of, report_year, table

SOURCE = "The designated officer's records in Assure; small numbers hidden."


def _figures(context: BlockContext) -> tuple[str, AllegationFigures | None]:
    year = report_year(context)
    return year, figures_for_year(
        user=reader_of(context), partnership=context.report.partnership, year=year, suppressed=True
    )


def _nothing(context: BlockContext, title: str, year: str, figures: AllegationFigures | None) -> BlockData | None:
    """The empty block when there is nothing to show, else None."""
    if figures is None:
        return block(
            context, title=title, source=SOURCE, empty="The partnership's allegations figures are not available."
        )
    if not figures.counts.referrals and not figures.previous.referrals:
        return block(
            context, title=title, source=SOURCE, empty=f"The designated officer recorded no referral in {year}."
        )
    return None


def _hidden_note(figures: AllegationFigures) -> list[str]:
    if figures.unsuppressed:
        return []
    return [f'A count from 1 to {figures.rule.threshold - 1} is shown as "{figures.rule.shown_as}".']


def _measures(caption: str, figures: AllegationFigures, measures: list[Measure]) -> TableData:
    rows = [[m.label, m.before.text, m.now.text, m.change.text] for m in measures]
    return table(caption, ["Measure", figures.previous_year, figures.year, "Change"], rows, [False, True, True, True])


def _counts(shown: FigureTable) -> TableData:
    rows = [[row.label, row.shown.text] for row in shown.rows]
    if shown.total is not None:
        rows.append([shown.total_label, shown.total.text])
    return table(shown.caption, [shown.heading, shown.counted], rows, [False, True])


@register(
    "allegations-referrals",
    title="Allegations against people who work with children",
    description="Referrals to the designated officer in the year against the year before (the first six months "
    "against the whole previous year too), joint evaluation meetings, police investigations, suspensions and "
    "referrals on, with the referrals by half-year; small numbers hidden.",
)
def allegations_referrals(context: BlockContext) -> BlockData:
    year, figures = _figures(context)
    title = f"Referrals to the designated officer, {year}"
    if (empty := _nothing(context, title, year, figures)) is not None:
        return empty
    tables = [
        _measures(
            f"Referrals, meetings and actions, {year} against {figures.previous_year}", figures, figures.measures
        ),
        _counts(figures.halves),
    ]
    return block(
        context,
        title=title,
        source=SOURCE,
        paragraphs=[*figures.summary, *_hidden_note(figures)],
        tables=tables,
    )


@register(
    "allegations-by-sector",
    title="Allegations by the employer's sector",
    description="The year's referrals to the designated officer by the employer's sector, beside the referrals the "
    "partnership expects a year, sectors with fewer highlighted; small numbers and a complementary cell hidden.",
)
def allegations_by_sector(context: BlockContext) -> BlockData:
    year, figures = _figures(context)
    title = f"Referrals by the employer's sector, {year}"
    if (empty := _nothing(context, title, year, figures)) is not None:
        return empty
    sectors = figures.sectors
    rows = [
        [
            row.label,
            row.shown.text,
            "" if row.expected is None else str(row.expected),
            "Fewer than expected" if row.below_expectation else "",
        ]
        for row in sectors.rows
    ]
    if sectors.total is not None:
        rows.append([sectors.total_label, sectors.total.text, "", ""])
    paragraphs = []
    if below := figures.below_expectation:
        paragraphs.append(
            "Fewer referrals than the partnership expects a year came from: "
            + ", ".join(f"{row.label} ({row.shown.text} against {row.expected})" for row in below)
            + "."
        )
    paragraphs += _hidden_note(figures)
    tables = [
        table(sectors.caption, ["Sector", "Referrals", "Expected a year", "Against the expectation"], rows,
              [False, True, True, False])
    ]  # fmt: skip
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables)


@register(
    "allegations-outcomes",
    title="What was alleged and the outcomes",
    description="The year's referrals to the designated officer by category, and the closed allegations by outcome "
    "(the library's allegation outcomes); small numbers and a complementary cell hidden.",
)
def allegations_outcomes(context: BlockContext) -> BlockData:
    year, figures = _figures(context)
    title = f"What was alleged and the outcomes, {year}"
    if (empty := _nothing(context, title, year, figures)) is not None:
        return empty
    return block(
        context,
        title=title,
        source=SOURCE,
        paragraphs=_hidden_note(figures),
        tables=[_counts(figures.categories), _counts(figures.outcomes)],
    )


@register(
    "allegations-timescales",
    title="Allegations: timescales against their targets",
    description="The year's closed allegations by time from the referral to the resolution, the share resolved "
    "within each timescale against its target, and the referrals made within one working day; small numbers "
    "hidden.",
)
def allegations_timescales(context: BlockContext) -> BlockData:
    year, figures = _figures(context)
    title = f"Timescales for resolving allegations, {year}"
    if (empty := _nothing(context, title, year, figures)) is not None:
        return empty
    targets = [
        [
            t.title,
            t.target_text,
            t.met.text,
            t.applicable.text,
            t.percent.text,
            {True: "Target met", False: "Below the target"}.get(t.target_met, ""),
        ]
        for t in figures.targets
    ]
    paragraphs = [
        f"{t.percent.text} of the closed allegations were resolved {t.title[0].lower()}{t.title[1:]} "
        f"(the target: {t.target_text})."
        for t in figures.targets
        if t.target_percent is not None and t.percent.value is not None
    ]
    if figures.referred_in_time.value is not None:
        paragraphs.append(
            f"{figures.referred_in_time.text} of the referrals were made within one working day of the employer "
            "knowing."
        )
    tables = [
        _counts(figures.bands),
        table(
            f"Closed allegations resolved within each timescale, {year}",
            ["Timescale", "Target", "Resolved in time", "Closed allegations it applies to", "Percentage",
             "Against the target"],
            targets,
            [False, False, True, True, True, False],
        ),
        table(
            f"Referrals made within one working day of the employer knowing, {year}",
            ["Measure", "Figure"],
            [["Referrals", figures.timed.text], ["Referred within one working day", figures.referred_in_time.text]],
            [False, True],
        ),
    ]  # fmt: skip
    return block(context, title=title, source=SOURCE, paragraphs=[*paragraphs, *_hidden_note(figures)], tables=tables)
