"""The multi-agency registers' block for a priority section (the seed's Priority 2: the CSE panel,
missing episodes, placement notifications; §5.66-5.70 and §5.88-5.89 for custody, Operation
Encompass and MARAC): for each register monitored under the section's priority, its indicators for
the report's year against the year before, its timeliness against the targets and its
breakdowns. Counted by the registers' figures (``assure/registers/figures.py``).

A report is published, so the breakdowns and the timeliness counts are suppressed by the library's
small-numbers rule (assure/core/suppression.py) whoever refreshes it, as for a board member; the
headline counts are the registers' published figures. No block names a child."""

from assure.registers.selectors.figures import KindFigures, kind_figures, kinds_monitored_under

from .. import BlockContext, BlockData, TableData, register
from ._common import block, reader_of, report_year, table
from .priority_review import section_priority

SOURCE = "The multi-agency registers in Assure (their submitted entries); small numbers in the breakdowns hidden."


def _headlines(figures: KindFigures) -> TableData:
    rows = [[h.title, h.before.text, h.now.text, h.change, h.target] for h in figures.headlines]
    return table(
        f"{figures.kind.title}, {figures.year} against {figures.previous_year}",
        ["Indicator", figures.previous_year, figures.year, "Change", "Target"],
        rows,
        [False, True, True, True, True],
    )


def _breakdowns(figures: KindFigures) -> list[TableData]:
    tables = []
    for breakdown in figures.breakdowns:
        rows = [[row.label, row.before.text, row.now.text] for row in breakdown.rows]
        if breakdown.total_now is not None:
            rows.append(["All with a value recorded", breakdown.total_before.text, breakdown.total_now.text])
        tables.append(
            table(
                f"{breakdown.title}, {figures.year}",
                [breakdown.heading, figures.previous_year, figures.year],
                rows,
                [False, True, True],
            )
        )
    return tables


def _sentences(figures: KindFigures) -> list[str]:
    said = []
    for headline in figures.headlines:
        if headline.now.value is None:
            continue
        sentence = f"{headline.title}: {headline.now.text} in {figures.year}"
        if headline.before.value is not None and figures.entries_before:
            sentence += f", against {headline.before.text} in {figures.previous_year}"
        if headline.target:
            sentence += f" (the target: {headline.target})"
        said.append(sentence + ".")
    return said


@register(
    "register-figures",
    title="Multi-agency registers' figures",
    description="For a priority section: each multi-agency register monitored under the priority (the CSE panel, "
    "MARAC, missing episodes...), its indicators for the year against the year before with their targets, and its "
    "breakdowns; small numbers in the breakdowns and timeliness hidden.",
)
def register_figures(context: BlockContext) -> BlockData:
    year = report_year(context)
    priority = section_priority(context)
    title = (
        f"The registers' figures for {priority.title}, {year}"
        if priority is not None
        else f"The registers' figures, {year}"
    )
    if priority is None:
        return block(context, title=title, source=SOURCE, empty="The block shows the registers of a priority section.")
    reader = reader_of(context)
    partnership = context.report.partnership
    kinds = kinds_monitored_under(user=reader, partnership=partnership, priority=priority)
    if not kinds:
        return block(context, title=title, source=SOURCE, empty="No register is monitored under this priority.")
    paragraphs, tables = [], []
    rule = None
    for kind in kinds:
        figures = kind_figures(user=reader, partnership=partnership, kind_code=kind.code, year=year, suppressed=True)
        if figures is None:
            continue
        rule = figures.rule
        if figures.is_empty:
            paragraphs.append(f"{kind.title}: no entry was recorded in {year} or {figures.previous_year}.")
            continue
        paragraphs += _sentences(figures)
        tables.append(_headlines(figures))
        tables += _breakdowns(figures)
    if rule is not None and tables:
        paragraphs.append(f'In the breakdowns, a count from 1 to {rule.threshold - 1} is shown as "{rule.shown_as}".')
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables)
