"""The risk register's heat map, as a report shows it: the partnership's open risks placed by
current likelihood and impact on its risk matrix, each cell with its score, its level in words
and the references of its risks, then the same risks listed by score."""

from assure.governance.selectors.risks import heat_map

from .. import BlockContext, BlockData, register
from ._common import block, reader_of, table

SOURCE = "The partnership's risk register."


def _cell_text(cell) -> str:
    level = cell.band.label if cell.band else "no band"
    refs = ", ".join(risk.reference for risk in cell.risks)
    return f"{cell.score} {level}" + (f": {refs}" if refs else "")


@register(
    "risk-heat-map",
    title="Heat map of the risks",
    description="The open risks of the risk register by likelihood and impact on the partnership's risk matrix, "
    "with the same risks listed by score.",
)
def compute(context: BlockContext) -> BlockData:
    title = "Heat map of the risks"
    found = heat_map(user=reader_of(context), partnership=context.report.partnership)
    if found is None:
        return block(context, title=title, source=SOURCE, empty="The library holds no risk matrix.")
    if not found.placed:
        return block(context, title=title, source=SOURCE, empty="The risk register holds no open risk.")
    matrix = found.matrix
    grid = [
        [f"{impact.score} {impact.label}", *[_cell_text(cell) for cell in row]]
        for impact, row in zip(reversed(matrix.impact), found.rows, strict=True)
    ]
    columns = ["Impact by likelihood", *[f"{point.score} {point.label}" for point in matrix.likelihood]]
    listed = [
        [
            risk.reference,
            risk.title,
            str(cell.score),
            cell.band.label if cell.band else "–",
            "Yes" if matrix.above_appetite(cell.score) else "No",
        ]
        for cell in found.cells
        for risk in cell.risks
    ]
    above = sum(1 for row in listed if row[4] == "Yes")
    paragraphs = [
        f"On {context.today.day} {context.today:%B %Y} the register held {found.placed} open "
        f"risk{'s' if found.placed != 1 else ''}, {above} of them above the board's appetite (a score above "
        f"{matrix.appetite}). Each cell gives the score, its level and the risks scored there."
    ]
    tables = [
        table(
            "Open risks by impact (rows, the greatest first) and likelihood (columns)",
            columns,
            grid,
            [False] * len(columns),
        ),
        table(
            "Open risks by score",
            ["Reference", "Risk", "Score", "Level", "Above appetite"],
            listed,
            [False, False, True, False, False],
        ),
    ]
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables)
