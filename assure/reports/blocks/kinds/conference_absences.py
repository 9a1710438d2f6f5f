"""The year's child protection conferences at which an agency was not adequately represented (the
seed's §5.9): how many of the conferences checked, and for each agency the share of those
conferences it was absent from, with a chart of the same figures. Counted from the conference
checklists submitted in Assure."""

from decimal import Decimal

from assure.audits.selectors.reporting import conference_absences_report

from .. import BlockContext, BlockData, register
from ._common import bars_spec, block, chart, reader_of, report_year, table

SOURCE = "The quality-assurance checklists of child protection conferences submitted in Assure."


@register(
    "conference-absences",
    title="Agencies absent from child protection conferences",
    description="The year's conferences where an agency was not adequately represented, and each agency's share "
    "of those conferences, with a chart.",
)
def compute(context: BlockContext) -> BlockData:
    year = report_year(context)
    absences = conference_absences_report(user=reader_of(context), partnership=context.report.partnership, year=year)
    title = f"Agencies absent from child protection conferences, {year}"
    if not absences.checked:
        return block(context, title=title, source=SOURCE, empty=f"No conference checklist was submitted in {year}.")
    paragraphs = [
        f"In {year}, {absences.with_absence} of the {absences.checked} conferences checked ({absences.percent}%) "
        "had an agency that neither attended nor sent a report."
    ]
    if not absences.agencies:
        return block(context, title=title, source=SOURCE, paragraphs=paragraphs)
    first = absences.agencies[0]
    paragraphs.append(
        f"The agency most often absent was the {first.agency}: absent from {first.conferences} of those "
        f"{absences.with_absence} conferences ({first.percent}%)."
    )
    rows = [[a.agency, str(a.conferences), f"{a.percent}%"] for a in absences.agencies]
    tables = [
        table(
            f"Agencies absent from the {absences.with_absence} conferences where one was, {year}",
            ["Agency", "Conferences it was absent from", "Share of those conferences"],
            rows,
            [False, True, True],
        )
    ]
    spec = bars_spec(
        description=f"The share of the {year} conferences with an agency absent that each agency was absent from.",
        axis_title="Share of the conferences with an agency absent (%)",
        categories=[a.agency for a in absences.agencies],
        values=[Decimal(a.percent or 0) for a in absences.agencies],
        shown=[f"{a.percent}%" for a in absences.agencies],
        domain=[0, 100],
    )
    charts = [chart("Agencies absent from conferences", paragraphs[-1], spec, 0)]
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables, charts=charts)
