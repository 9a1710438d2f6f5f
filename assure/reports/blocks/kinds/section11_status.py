"""Where the Section 11 cycles stand: for each cycle of the partnership still open (or of the
report's year), how many returns are in each state and how many are overdue."""

from assure.section11.models import Cycle
from assure.section11.selectors.cycles import cycle_completion, cycles_visible_to

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import block, reader_of, report_year, table

SOURCE = "The partnership's Section 11 cycles: returns of its agencies and their status."


@register(
    "section11-status",
    title="Section 11 cycle status",
    description="For each open Section 11 cycle (or each of the year's), how many returns are not started, in "
    "progress, submitted, under challenge, accepted and overdue.",
)
def compute(context: BlockContext) -> BlockData:
    reader = reader_of(context)
    partnership = context.report.partnership
    year = report_year(context)
    visible = cycles_visible_to(user=reader, partnership=partnership)
    cycles = list(visible.filter(status=Cycle.Status.OPEN).order_by("deadline", "pk")) or list(
        visible.filter(year=year).order_by("deadline", "pk")
    )
    title = "Section 11 cycles"
    if not cycles:
        return block(context, title=title, source=SOURCE, empty="No Section 11 cycle is open.")
    completions = [cycle_completion(user=reader, partnership=partnership, cycle=cycle) for cycle in cycles]
    rows, paragraphs = [], []
    for cycle, done in zip(cycles, completions, strict=True):
        rows.append(
            [
                cycle.title,
                f"{cycle.deadline.day} {cycle.deadline:%B %Y}",
                cycle.get_status_display(),
                str(done.total),
                *[str(count) for _, count, _ in done.rows],
            ]
        )
        handed_in = done.submitted + done.under_challenge + done.accepted
        paragraphs.append(
            f"{cycle.title}: {handed_in} of {phrases.count_phrase(done.total, 'return')} handed in, "
            f"{done.accepted} accepted and {done.overdue} overdue."
        )
    labels = [label for label, _, _ in completions[0].rows]
    return block(
        context,
        title=title,
        source=SOURCE,
        paragraphs=paragraphs,
        tables=[
            table(
                "Section 11 returns by status",
                ["Cycle", "Deadline", "Status", "Returns", *labels],
                rows,
                [False, False, False, True, *[True] * len(labels)],
            )
        ],
    )
