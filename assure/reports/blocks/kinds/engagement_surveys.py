"""A survey series year on year (the seed's e-safety survey of young people, February 2015 against
February 2014): the report's year's survey of the series (param ``series``) against the one
before it, the percentage answering yes to each yes-no question and the percentage giving each
answer to each choice question, with the change in percentage points and a chart. Counted by the
surveys' own comparison (``assure/engagement/selectors/surveys.py``); responses are anonymous."""

from assure.engagement.selectors.surveys import survey_comparison, surveys_visible_to
from assure.partnerships.years import financial_year_bounds

from .. import BlockContext, BlockData, register
from ._common import block, chart, reader_of, report_year, table
from .priority_review import section_priority

SOURCE = "Anonymous responses to the partnership's surveys in Assure."


def _percent(value: int | None) -> str:
    return "Not asked" if value is None else f"{value}%"


@register(
    "survey-comparison",
    title="Survey year on year",
    description="A survey series (param series, e.g. esafety-young-people): the year's survey against the one "
    "before, the percentage answering yes and giving each answer, question by question, with the change in "
    "percentage points, in tables and a chart; in a priority section, only a survey run under its priority.",
)
def survey_comparison_block(context: BlockContext) -> BlockData:
    year = report_year(context)
    series = str(context.params.get("series") or "")
    title = f"Survey year on year, {year}"
    reader = reader_of(context)
    partnership = context.report.partnership
    start, end = financial_year_bounds(year)
    surveys = surveys_visible_to(user=reader, partnership=partnership).filter(
        series=series, opens_on__range=(start, end)
    )
    priority = section_priority(context)
    if priority is not None:
        # In a priority's section, only the survey run under that priority.
        surveys = surveys.filter(priority=priority)
    survey = surveys.order_by("-opens_on", "-pk").first()
    if survey is None:
        return block(
            context,
            title=title,
            source=SOURCE,
            empty=f"No survey of the series {series or '(none given)'} ran in {year}.",
        )
    title = f"{survey.title}: year on year"
    compared = survey_comparison(user=reader, partnership=partnership, survey=survey)
    if compared is None or compared.previous is None:
        return block(
            context, title=title, source=SOURCE, empty=f"{survey.title} has no earlier survey of its series to compare."
        )
    before, now = compared.before, compared.now
    tables, charts = [], []
    paragraphs = [f"{survey.title}, {now}, against {before}: the percentage of the responses asked each question."]
    if compared.yes_rows:
        rows = []
        for row in compared.yes_rows:
            earlier, later = row.figure(before), row.figure(now)
            points = (
                None
                if earlier is None or later is None or None in (earlier.percent, later.percent)
                else later.percent - earlier.percent
            )
            rows.append(
                [
                    row.label,
                    _percent(earlier.percent if earlier else None),
                    _percent(later.percent if later else None),
                    "" if points is None else f"{points:+d} points",
                ]
            )
        tables.append(
            table(
                f"Answering yes, {before} and {now}",
                ["Question", before, now, "Change"],
                rows,
                [False, True, True, True],
            )
        )
        if compared.yes_chart:
            charts.append(
                chart(
                    f"Answering yes, {before} and {now}",
                    "Bars of the percentage of responses answering yes to each question, in each survey: "
                    + "; ".join(f"{r[0]}: {r[1]} then {r[2]}" for r in rows)
                    + ".",
                    compared.yes_chart,
                    len(tables) - 1,
                )
            )
    for question in compared.questions:
        if {change.answer.lower() for change in question.changes} <= {"yes", "no"}:
            continue  # a yes-no question is in the table of yes above
        rows = [
            [change.answer, _percent(change.before.percent), _percent(change.now.percent), change.points_text]
            for change in question.changes
        ]
        tables.append(table(question.label, ["Answer", before, now, "Change"], rows, [False, True, True, False]))
        if question.chart:
            charts.append(
                chart(
                    question.label,
                    f"Bars of the percentage of responses giving each answer to “{question.label}”, in each survey: "
                    + "; ".join(f"{r[0]}: {r[1]} then {r[2]}" for r in rows)
                    + ".",
                    question.chart,
                    len(tables) - 1,
                )
            )
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables, charts=charts)
