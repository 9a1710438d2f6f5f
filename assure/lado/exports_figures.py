"""The allegations figures as a download (CSV or Excel): one row a figure, as the reader sees it
on the page (small numbers hidden the same way), never a row per case."""

from .selectors.figures import AllegationFigures


def figure_rows(figures: AllegationFigures) -> tuple[list[str], list[list[str]]]:
    """The figures as one table for a download (as shown): year, table, row, figure."""
    headers = ["Year", "Table", "Row", "Figure"]
    rows = []
    for measure in figures.measures:
        rows.append([figures.year, "Summary", measure.label, measure.now.text])
        before_year = figures.previous_year
        rows.append([before_year, "Summary", measure.label, measure.before.text])
        rows.append([figures.year, "Summary", f"{measure.label}: change on {before_year}", measure.change.text])
    for table in figures.tables:
        for row in table.rows:
            rows.append([figures.year, table.heading, row.label, row.shown.text])
            if row.expected is not None:
                rows.append([figures.year, table.heading, f"{row.label}: expected a year", str(row.expected)])
        if table.total is not None:
            rows.append([figures.year, table.heading, table.total_label, table.total.text])
    for target in figures.targets:
        rows.append([figures.year, "Timescales", f"{target.title}: resolved in time", target.met.text])
        rows.append([figures.year, "Timescales", f"{target.title}: closed allegations it applies to",
                     target.applicable.text])  # fmt: skip
        rows.append([figures.year, "Timescales", f"{target.title}: percentage", target.percent.text])
    rows.append([figures.year, "Timeliness", "Referred within one working day", figures.referred_in_time.text])
    return headers, rows
