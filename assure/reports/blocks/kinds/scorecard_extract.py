"""An extract of the scorecard for the report's year: every line, or one priority's, with its
figure, the figure before, the direction of travel, the target and RAG rating, and England's and
the statistical neighbours' figures beside it."""

from assure.performance.selectors.scorecard import Scorecard, ScorecardSection, scorecard

from .. import BlockContext, BlockData, register
from ._common import NO_FIGURE, block, reader_of, report_year, table, year_period

SOURCE = (
    "The partnership's scorecard: figures computed from Assure's own records, validated agency returns "
    "(provisional) or the DfE's published figures; England and statistical neighbours from the DfE's "
    "publications; targets set by the board."
)
DIRECTION_WORDS = {"improving": "Improving", "worsening": "Worsening", "no_change": "No change"}
RAG_WORDS = {"green": "Green", "amber": "Amber", "red": "Red"}
COLUMNS = ["Indicator", "Previous", "Value", "Direction", "Target", "RAG", "England", "Statistical neighbours"]
NUMERIC = [False, True, True, False, True, False, True, True]


def year_scorecard(context: BlockContext) -> Scorecard | None:
    """The partnership's scorecard for the report's year, or None when the year has no figures."""
    period = year_period(report_year(context))
    if period is None:
        return None
    return scorecard(user=reader_of(context), partnership=context.report.partnership, period=period)


def chosen_sections(card: Scorecard, context: BlockContext) -> list[ScorecardSection]:
    """The priority the section is about, or the one the ``priority`` param names (its title, or
    its number counting from 1); every priority otherwise."""
    wanted = context.params.get("priority")
    section_priority = getattr(context.section, "priority", None)
    if section_priority is not None and not wanted:
        wanted = section_priority.title
    if not wanted:
        return card.sections
    if isinstance(wanted, int) or str(wanted).isdigit():
        index = int(wanted) - 1
        return card.sections[index : index + 1] if 0 <= index < len(card.sections) else []
    return [s for s in card.sections if s.title.casefold() == str(wanted).casefold()]


def row_cells(row) -> list[str]:
    return [
        row.title,
        row.previous_text if row.previous is not None else NO_FIGURE,
        row.value_text if row.value is not None else NO_FIGURE,
        DIRECTION_WORDS.get(row.direction, NO_FIGURE),
        row.target_text if row.target is not None else NO_FIGURE,
        RAG_WORDS.get(row.rag, NO_FIGURE),
        row.england_text,
        row.neighbours_text,
    ]


@register(
    "scorecard-extract",
    title="Scorecard extract",
    description="The scorecard's lines for the year (all, or one priority's): value, previous, direction, target, "
    "RAG, England and statistical neighbours.",
)
def compute(context: BlockContext) -> BlockData:
    year = report_year(context)
    card = year_scorecard(context)
    title = f"Scorecard, {year}"
    if card is None:
        return block(context, title=title, source=SOURCE, empty=f"There are no scorecard figures for {year}.")
    sections = chosen_sections(card, context)
    tables = [
        table(section.title, COLUMNS, [row_cells(row) for row in section.rows], NUMERIC)
        for section in sections
        if section.rows
    ]
    if not tables:
        return block(context, title=title, source=SOURCE, empty="The scorecard has no lines for this priority.")
    rows = [row for section in sections for row in section.rows]
    rated = {rag: sum(1 for r in rows if r.rag == rag) for rag in RAG_WORDS}
    directions = {d: sum(1 for r in rows if r.direction == d) for d in DIRECTION_WORDS}
    paragraphs = [
        f"Of {len(rows)} scorecard lines, {rated['green']} were rated green, {rated['amber']} amber and "
        f"{rated['red']} red against their targets in {year}; {len(rows) - sum(rated.values())} have no target "
        "or no figure.",
        f"Compared with the year before, {directions['improving']} improved, {directions['worsening']} worsened and "
        f"{directions['no_change']} did not change; the others have no direction that counts as better, or no "
        "figure to compare.",
    ]
    paragraphs += computed_sentences(rows)
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables)


def computed_sentences(rows) -> list[str]:
    """Where each figure computed from Assure's records came from, with the figure the agencies
    returned for the same thing beside it."""
    sentences = []
    for row in rows:
        if row.value is None or not (row.local and row.local.computed):
            continue
        beside = f"; {row.returned_text} {row.returned.source}" if row.returned else ""
        sentences.append(f"{row.title}: {row.value_text}, {row.local.source}{beside}.")
    return sentences
