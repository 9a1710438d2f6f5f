"""Attendance at the board's meetings of the report's year: for each agency, the meetings it was
expected at, those it attended (in person or by a deputy) and the percentage."""

from decimal import Decimal

from assure.partnerships.selectors import BOARD, attendance_by_agency, meetings_of
from assure.partnerships.years import financial_year_bounds
from assure.section11.scoring import percent

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import bars_spec, block, chart, reader_of, report_year, table

SOURCE = "Attendance recorded at each board meeting of the year (present or represented by a deputy)."


@register(
    "attendance",
    title="Attendance at board meetings",
    description="Board meetings of the year: meetings expected and attended by each agency, the percentage, and "
    "a chart.",
)
def compute(context: BlockContext) -> BlockData:
    year = report_year(context)
    partnership = context.report.partnership
    title = f"Attendance at board meetings, {year}"
    reader = reader_of(context)
    rows = attendance_by_agency(user=reader, partnership=partnership, year=year, subgroup=BOARD)
    rows = [r for r in rows if r.expected]
    if not rows:
        return block(context, title=title, source=SOURCE, empty=f"No board meeting attendance is recorded for {year}.")
    meetings = (
        meetings_of(user=reader, partnership=partnership)
        .filter(subgroup__isnull=True, held_on__range=financial_year_bounds(year))
        .count()
    )
    expected = sum(r.expected for r in rows)
    attended = sum(r.attended for r in rows)
    overall = percent(attended, expected)
    lowest = min(r.percentage for r in rows)
    lowest_names = [r.agency for r in rows if r.percentage == lowest]
    full = [r.agency for r in rows if r.percentage == Decimal(100)]
    paragraphs = [
        f"The board met {phrases.count_phrase(meetings, 'time')} in {year}. Agencies were represented at "
        f"{attended} of the {expected} places expected ({phrases.number_text(overall)}%).",
        f"{phrases.count_phrase(len(full), 'agency', 'agencies').capitalize()} attended every meeting; the lowest "
        f"attendance was {phrases.number_text(lowest)}% ({phrases.listing(lowest_names)}).",
    ]
    tables = [
        table(
            f"Board meetings attended by agency, {year}",
            ["Agency", "Meetings expected", "Meetings attended", "Attendance"],
            [[r.agency, str(r.expected), str(r.attended), r.percentage_text] for r in rows],
            [False, True, True, True],
        )
    ]
    charts = [
        chart(
            f"Attendance at board meetings by agency, {year}",
            f"Bars of each agency's attendance at the board's meetings in {year} as a percentage of the meetings it "
            f"was expected at; overall {phrases.number_text(overall)}%, lowest {phrases.number_text(lowest)}%.",
            bars_spec(
                description=f"Attendance at board meetings by agency, {year}.",
                axis_title="Meetings attended (%)",
                categories=[r.agency for r in rows],
                values=[r.percentage for r in rows],
                shown=[r.percentage_text for r in rows],
                domain=[0, 100],
            ),
            0,
        )
    ]
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables, charts=charts)
