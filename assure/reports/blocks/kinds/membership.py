"""The board's membership: the agencies with a seat on the board, their type and sector."""

from assure.partnerships.selectors import agency_links_of

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import block, reader_of, table

SOURCE = "The partnership's register of agencies: those represented on the board."


@register("membership", title="Board membership", description="The agencies represented on the board.")
def compute(context: BlockContext) -> BlockData:
    links = [
        link
        for link in agency_links_of(user=reader_of(context), partnership=context.report.partnership)
        if link.on_board
    ]
    title = "Membership of the board"
    if not links:
        return block(context, title=title, source=SOURCE, empty="No agency is recorded as represented on the board.")
    sectors = sorted({link.agency.sector.title for link in links if link.agency.sector_id})
    paragraphs = [
        f"{phrases.count_phrase(len(links), 'agency', 'agencies').capitalize()} "
        f"{'is' if len(links) == 1 else 'are'} represented on the board"
        + (f", from {phrases.count_phrase(len(sectors), 'sector')}: {phrases.listing(sectors)}." if sectors else ".")
    ]
    rows = [
        [
            link.agency.name,
            link.agency.agency_type.title if link.agency.agency_type_id else "",
            link.agency.sector.title if link.agency.sector_id else "",
        ]
        for link in links
    ]
    return block(
        context,
        title=title,
        source=SOURCE,
        paragraphs=paragraphs,
        tables=[table("Agencies represented on the board", ["Agency", "Type", "Sector"], rows, [False, False, False])],
    )
