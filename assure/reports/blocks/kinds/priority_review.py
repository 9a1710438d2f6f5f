"""The business plan's review of a priority for the report's year: why it is a priority, and the
plan's three questions answered (what have we done, what difference have we made, what will we
do next). Written once, in the business plan; the annual report's priority section shows it."""

import re

from assure.plans.selectors import priority_review

from .. import BlockContext, BlockData, register
from ._common import block, reader_of, report_year, table

SOURCE = "The business plan: the priority and its review for the year, as the business unit wrote them."
QUESTIONS = (
    ("what_done", "What we did"),
    ("what_difference", "What difference it made"),
    ("what_next", "What we will do next"),
)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


def section_priority(context: BlockContext):
    """The priority the section is about, or its parent section's (a subsection of a priority)."""
    section = context.section
    priority = getattr(section, "priority", None)
    parent = getattr(section, "parent", None)
    if priority is None and parent is not None:
        priority = getattr(parent, "priority", None)
    return priority


def answer_lines(text: str) -> list[str]:
    """An answer as the lines a reader scans: one per item of a list, one per paragraph otherwise."""
    lines = [_BULLET.sub("", line).strip() for line in text.splitlines()]
    return [line for line in lines if line]


@register(
    "priority-review",
    title="The year's review of the priority",
    description="For a priority section: why it is a priority and the business plan's review of it for the "
    "report's year (what we did, what difference it made, what we will do next), as written in the plan.",
)
def compute(context: BlockContext) -> BlockData:
    year = report_year(context)
    priority = section_priority(context)
    if priority is None:
        return block(
            context,
            title=f"The year's review, {year}",
            source=SOURCE,
            empty="This section is not about a priority of the business plan.",
        )
    title = f"Review of {priority.title}, {year}"
    review = priority_review(user=reader_of(context), priority=priority, year=year)
    paragraphs = [priority.description] if priority.description else []
    tables = []
    for field, heading in QUESTIONS:
        lines = answer_lines(getattr(review, field, "") if review is not None else "")
        if lines:
            tables.append(table(f"{heading}, {year}", [heading], [[line] for line in lines], [False]))
    if not tables:
        paragraphs.append(f"The business plan holds no review of {priority.title} for {year} yet.")
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables)
