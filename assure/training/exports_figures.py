"""The training figures as a download (CSV or Excel): one row a figure, as the page shows them,
never a row per delegate."""

from .selectors.figures import TrainingFigures


def figure_rows(figures: TrainingFigures) -> tuple[list[str], list[list[str]]]:
    """The figures as one table: year, table, row, figure."""
    headers = ["Year", "Table", "Row", "Figure"]
    rows: list[list[str]] = []
    for measure in figures.measures:
        rows.append([figures.previous_year, "Summary", measure.label, str(measure.before)])
        rows.append([figures.year, "Summary", measure.label, str(measure.now)])
    for table in figures.tables:
        for row in table.rows:
            rows.append([figures.previous_year, table.caption, row.label, str(row.before)])
            rows.append([figures.year, table.caption, row.label, str(row.now)])
    rated = figures.evaluations
    if rated is not None:
        for label, value in (
            ("Delegates attended", rated.attended),
            ("Returned after the course", rated.after_returned),
            ("Returned after the course (%)", rated.after_percent),
            ("Follow-ups sent", rated.follow_up_sent),
            ("Follow-ups returned", rated.follow_up_returned),
            ("Follow-ups returned (%)", rated.follow_up_percent),
            ("Mean confidence before (out of 5)", rated.confidence_before),
            ("Mean confidence after (out of 5)", rated.confidence_after),
        ):
            rows.append([figures.year, "Evaluations", label, "" if value is None else str(value)])
    returns = figures.returns
    rows.append([figures.year, "Single-agency training returns", "Agencies taking part", str(returns.agencies)])
    rows.append([figures.year, "Single-agency training returns", "Returns submitted", str(returns.submitted)])
    rows.append([figures.year, "Single-agency training returns", "Workforce returned", str(returns.workforce)])
    rows.append([figures.year, "Single-agency training returns", "Staff who completed single-agency training",
                 str(returns.completions)])  # fmt: skip
    return headers, rows
