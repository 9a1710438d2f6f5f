"""The Section 11 self-assessments of the report's year: for each cycle the partnership took part
in (the agencies' Section 11 audit, the schools' section 175/157 audit, the early years
settings' audit), how many criteria were met, by standard with the previous cycle beside it, by
agency type and by sector, and how far agencies rated themselves above the moderators."""

from assure.section11.charts import percent_bars_spec, percent_text

from .. import BlockContext, BlockData, register
from ._common import block, chart, reader_of, report_year, table
from ._section11 import cycle_results, cycles_of_year, over_rating_sentence, previous_results

SOURCE = (
    "Section 11 returns handed in by the partnership's agencies (submitted, under challenge or accepted), scored "
    "on each framework's rating scale, with moderated ratings where a moderator changed them."
)


def _compliance_cell(found) -> str:
    return found.text if found is not None else "–"


@register(
    "section11-summary",
    title="Section 11 compliance",
    description="The year's Section 11 cycles: compliance overall, by standard (with the previous cycle), by "
    "agency type and sector, and over-rating against moderation, with a chart per cycle.",
)
def compute(context: BlockContext) -> BlockData:
    year = report_year(context)
    reader = reader_of(context)
    partnership = context.report.partnership
    title = f"Section 11 self-assessment, {year}"
    cycles = cycles_of_year(reader=reader, partnership=partnership, year=year)
    if not cycles:
        return block(context, title=title, source=SOURCE, empty=f"No Section 11 cycle was run in {year}.")
    paragraphs, tables, charts = [], [], []
    summary_rows = []
    for cycle in cycles:
        results = cycle_results(reader=reader, partnership=partnership, cycle=cycle)
        overall = results.overall
        summary_rows.append([cycle.title, results.framework.title, str(results.returns), _compliance_cell(overall)])
        if overall.rated:
            paragraphs.append(
                f"{cycle.title}: {results.percent_text} of the criteria rated were met ({overall.compliant} of "
                f"{overall.rated}), from {results.returns} return{'' if results.returns == 1 else 's'} handed in."
            )
        else:
            paragraphs.append(f"{cycle.title}: no return has been handed in yet.")
        over = over_rating_sentence(results)
        if over:
            paragraphs.append(over)
        if len(results.by_standard) > 1:
            previous = previous_results(reader=reader, partnership=partnership, cycle=cycle)
            standards = results.framework.standards
            rows = []
            for standard in standards:
                now = results.by_standard.get(standard.number)
                before = previous.by_standard.get(standard.number) if previous else None
                row = [f"{standard.number}. {standard.title}", _compliance_cell(now)]
                if previous is not None:
                    row.append(_compliance_cell(before))
                rows.append(row)
            columns = ["Standard", cycle.year]
            series = {
                cycle.year: [
                    results.by_standard.get(s.number).percent if results.by_standard.get(s.number) else None
                    for s in standards
                ]
            }
            if previous is not None:
                columns.append(previous.cycle.year)
                series = {
                    previous.cycle.year: [
                        previous.by_standard[s.number].percent if s.number in previous.by_standard else None
                        for s in standards
                    ],
                    **series,
                }
            tables.append(
                table(f"{cycle.title}: criteria met by standard", columns, rows, [False, *[True] * (len(columns) - 1)])
            )
            charts.append(
                chart(
                    f"{cycle.title}: criteria met by standard",
                    f"Bars of the percentage of criteria met for each standard of {results.framework.title}"
                    + (f", {cycle.year} beside {previous.cycle.year}" if previous else "")
                    + ": "
                    + "; ".join(
                        f"standard {s.number} {percent_text(results.by_standard[s.number].whole_percent)}"
                        for s in standards
                        if s.number in results.by_standard
                    )
                    + ".",
                    percent_bars_spec(
                        description=f"Criteria met by standard, {cycle.title}.",
                        categories=[f"{s.number}. {s.title}" for s in standards],
                        series=series,
                    ),
                    len(tables) - 1,
                )
            )
        if len(results.by_agency_type) > 1:
            tables.append(
                table(
                    f"{cycle.title}: criteria met by agency type",
                    ["Agency type", "Criteria met"],
                    [[name, found.text] for name, found in results.by_agency_type.items()],
                    [False, True],
                )
            )
        if len(results.by_sector) > 1:
            tables.append(
                table(
                    f"{cycle.title}: criteria met by sector",
                    ["Sector", "Criteria met"],
                    [[name, found.text] for name, found in results.by_sector.items()],
                    [False, True],
                )
            )
            sectors = list(results.by_sector)
            charts.append(
                chart(
                    f"{cycle.title}: criteria met by sector",
                    "Bars of the percentage of criteria met by the agencies of each sector: "
                    + "; ".join(
                        f"{name} {percent_text(found.whole_percent)}" for name, found in results.by_sector.items()
                    )
                    + ".",
                    percent_bars_spec(
                        description=f"Criteria met by sector, {cycle.title}.",
                        categories=sectors,
                        series={cycle.year: [results.by_sector[s].percent for s in sectors]},
                    ),
                    len(tables) - 1,
                )
            )
    tables.insert(
        0,
        table(
            f"Section 11 cycles of {year}",
            ["Cycle", "Framework", "Returns handed in", "Criteria met"],
            summary_rows,
            [False, False, True, True],
        ),
    )
    # The summary table went first: every chart's table moved down by one.
    charts = [c.model_copy(update={"table": c.table + 1}) for c in charts]
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables, charts=charts)
