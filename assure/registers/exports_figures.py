"""A register's figures for a year as a download (CSV or Excel): one row a figure, as the page
shows it to the reader (small numbers hidden for those the page hides them from), never a row per
entry."""

from .selectors.figures import KindFigures

HEADERS = ["Register", "Year", "Table", "Row", "Column", "Figure"]


def figure_rows(figures: KindFigures) -> tuple[list[str], list[list[str]]]:
    """The year's figures as one table: register, year, table, row, column, figure."""
    title, year, before = figures.kind.title, figures.year, figures.previous_year
    rows: list[list[str]] = []
    for headline in figures.headlines:
        rows.append([title, before, "Indicators", headline.title, "", headline.before.text])
        rows.append([title, year, "Indicators", headline.title, "", headline.now.text])
    for timely in figures.timeliness:
        rows.append([title, before, "Timeliness", timely.title, "Percentage met", timely.before_percent.text])
        rows.append([title, year, "Timeliness", timely.title, "Met", timely.met.text])
        rows.append([title, year, "Timeliness", timely.title, "Counted", timely.counted.text])
        rows.append([title, year, "Timeliness", timely.title, "Percentage met", timely.percent.text])
        rows.append([title, year, "Timeliness", timely.title, "Target", timely.target])
    for breakdown in figures.breakdowns:
        for row in breakdown.rows:
            rows.append([title, before, breakdown.title, row.label, "", row.before.text])
            rows.append([title, year, breakdown.title, row.label, "", row.now.text])
        if breakdown.total_now is not None:
            rows.append([title, before, breakdown.title, "Total", "", breakdown.total_before.text])
            rows.append([title, year, breakdown.title, "Total", "", breakdown.total_now.text])
    if figures.months is not None:
        for month in figures.months.rows:
            for heading, cell in zip(figures.months.headings, month.cells, strict=True):
                rows.append([title, year, "By month", month.label, heading, cell.text])
    return HEADERS, rows
