"""The risks above the board's appetite, as a board pack lists them: the open risks whose current
score is above the appetite of the matrix they are scored on, the highest first, with their owner,
trend and mitigating actions."""

from assure.governance.selectors.risks import risk_actions, risk_trend, risks_above_appetite

from .. import BlockContext, BlockData, register
from ._common import block, reader_of, table

SOURCE = "The partnership's risk register and action tracker."
COLUMNS = ["Reference", "Risk", "Owner", "Score", "Level", "Since the last review", "Next review", "Actions open"]


def _trend(rows) -> str:
    if not rows:
        return "Not reviewed yet"
    return rows[-1].change


@register(
    "risks-above-appetite",
    title="Risks above the board's appetite",
    description="Open risks whose current score is above the board's appetite, the highest first, with their "
    "owner, last change, next review and open mitigating actions.",
)
def compute(context: BlockContext) -> BlockData:
    title = "Risks above the board's appetite"
    reader = reader_of(context)
    found = risks_above_appetite(user=reader, partnership=context.report.partnership)
    if not found:
        return block(context, title=title, source=SOURCE, empty="No open risk is above the board's appetite.")
    rows = []
    for entry in found:
        risk = entry.risk
        open_actions = [a for a in risk_actions(user=reader, risk=risk) if a.status in a.OPEN_STATUSES]
        rows.append(
            [
                risk.reference,
                risk.title,
                risk.owner_display or "Not named",
                str(entry.score),
                entry.band.label if entry.band else "–",
                _trend(risk_trend(user=reader, risk=risk)),
                f"{risk.next_review_on.day} {risk.next_review_on:%B %Y}"
                + (" (overdue)" if risk.next_review_on < context.today else ""),
                ", ".join(a.reference for a in open_actions) or "None",
            ]
        )
    appetite = found[0].appetite
    paragraphs = [
        f"On {context.today.day} {context.today:%B %Y}, {len(found)} open risk{'s' if len(found) != 1 else ''} "
        f"scored above the board's appetite of {appetite}."
    ]
    numeric = [False, False, False, True, False, False, False, False]
    return block(
        context,
        title=title,
        source=SOURCE,
        paragraphs=paragraphs,
        tables=[table("Risks above the appetite", COLUMNS, rows, numeric)],
    )
