"""Actions due soon and overdue, as a board pack lists them: still to be done, overdue on the day
the pack is made, and falling due within the next ``days`` (default 30)."""

import datetime as dt

from assure.actions.selectors import actions_due

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import block, reader_of, reference_day, table

SOURCE = "The partnership's action tracker."
COLUMNS = ["Reference", "Action", "Owner", "Due", "Status", "RAG"]


def action_cells(action) -> list[str]:
    return [
        action.reference,
        action.title,
        action.owner_agency.name,
        f"{action.due_on.day} {action.due_on:%B %Y}",
        action.get_status_display(),
        action.get_rag_display() if action.rag else "–",
    ]


@register(
    "actions-summary",
    title="Actions due and overdue",
    description="Actions still to be done that are overdue, and those due in the next N days (param: days).",
)
def compute(context: BlockContext) -> BlockData:
    today = reference_day(context)
    days = int(context.params.get("days", 30))
    until = today + dt.timedelta(days=days)
    # Due before the day after ``until``: up to and including ``until``.
    actions = actions_due(
        user=reader_of(context), partnership=context.report.partnership, before=until + dt.timedelta(days=1)
    )
    overdue = [a for a in actions if a.is_overdue_on(today)]
    due = [a for a in actions if a.due_on >= today]
    title = "Actions due and overdue"
    if not overdue and not due:
        return block(context, title=title, source=SOURCE, empty=f"No action is overdue or due in the next {days} days.")
    paragraphs = [
        f"On {today.day} {today:%B %Y}, {phrases.count_phrase(len(overdue), 'action')} "
        f"{'was' if len(overdue) == 1 else 'were'} overdue and {phrases.count_phrase(len(due), 'more action')} "
        f"{'falls' if len(due) == 1 else 'fall'} due in the next {days} days."
    ]
    tables = []
    if overdue:
        tables.append(table("Overdue actions", COLUMNS, [action_cells(a) for a in overdue], [False] * 6))
    if due:
        tables.append(
            table(f"Actions due in the next {days} days", COLUMNS, [action_cells(a) for a in due], [False] * 6)
        )
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables)
