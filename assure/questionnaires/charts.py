"""Vega-Lite specs of questionnaire results, in Assure's house style (``assure.core.charts``).
A page or a report shows each chart with a table of the same figures beside it (the results'
rows themselves); nothing here reads the database."""

from collections.abc import Sequence
from decimal import Decimal

from assure.core.charts import FILLS, grouped_bars_spec, value_axis

from .results import ComparedRow, QuestionResult


def percent_text(value: int | None) -> str:
    return "Not asked" if value is None else f"{value}%"


def compared_chart(rows: Sequence[ComparedRow], *, title: str, answer: str = "yes") -> dict:
    """Horizontal bars of the percentage answering ``answer`` to each question, one group per
    question and one bar per group of responses (a year, say), the newest (the last) solid blue
    and the earlier ones pale, each labelled with its percentage. A group not asked a question
    has no bar there (never a bar of nought)."""
    groups = [figure.group for figure in rows[0].figures] if rows else []
    series: dict[str, list[Decimal | None]] = {
        group: [
            None if (figure := row.figure(group)) is None or figure.percent is None else Decimal(figure.percent)
            for row in rows
        ]
        for group in groups
    }
    return grouped_bars_spec(
        description=f"{title}: the percentage of responses answering {answer}, per question and "
        f"{', '.join(groups)}. The table beside the chart holds the same figures.",
        categories=[row.label for row in rows],
        series=series,
        shown={
            group: [percent_text(None if (f := row.figure(group)) is None else f.percent) for row in rows]
            for group in groups
        },
        figure_axis=value_axis(f"Responses answering {answer} (%)", domain=[0, 100], whole_numbers=True),
        fills=FILLS[: len(groups)][::-1],
        figure_title=f"Answering {answer}",
        plain_when_single=True,
    )


def choices_chart(result: QuestionResult) -> dict:
    """Horizontal bars of one choice question's answers: each choice's percentage of the
    responses asked the question, labelled with the percentage."""
    categories = [choice.label for choice in result.choices]
    figures = [None if choice.percent is None else Decimal(choice.percent) for choice in result.choices]
    return grouped_bars_spec(
        description=f"{result.label}: the percentage of the {result.asked} responses asked who gave each answer. "
        "The table beside the chart holds the same figures.",
        categories=categories,
        series={"Responses": figures},
        shown={"Responses": [percent_text(choice.percent) for choice in result.choices]},
        figure_axis=value_axis("Responses asked (%)", domain=[0, 100], whole_numbers=True),
        fills=FILLS[:1],
        figure_title="Share",
        plain_when_single=True,
    )
