"""The voices the business unit chose for the annual report: heard in the report's year, under the
section's priority (every one chosen, in a section of no priority), reviewed as ones that may be
quoted and from people who agreed to be quoted. Each is quoted with whom it came from (the
library's voice source: "A parent or carer"), never a name."""

from assure.engagement.selectors.voices import chosen_quotes, source_titles

from .. import BlockContext, BlockData, register
from ._common import block, reader_of, report_year
from .priority_review import section_priority

SOURCE = "Voices heard by the partnership and recorded in Assure, reviewed and chosen by the business unit."


@register(
    "engagement-quotes",
    title="What people told us",
    description="For a priority section: the words of children and young people, parents, practitioners and the "
    "community heard in the year under the section's priority and chosen for the report, each with whom it came "
    "from and never a name.",
)
def engagement_quotes(context: BlockContext) -> BlockData:
    year = report_year(context)
    priority = section_priority(context)
    quotes = chosen_quotes(
        user=reader_of(context), partnership=context.report.partnership, year=year, priority=priority
    )
    sources = source_titles()
    paragraphs = [
        f"“{voice.text.strip()}” — {sources.get(voice.source_type, voice.source_type)}, {voice.channel.strip()}"
        for voice in quotes
    ]
    return block(
        context,
        title=f"What people told us, {year}",
        source=SOURCE,
        paragraphs=paragraphs,
        empty=f"No voice heard in {year} was chosen for the report.",
    )
