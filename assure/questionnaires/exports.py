"""Downloads of questionnaire results as CSV or XLSX: the results question by question, the
groups compared, and every response's answers. Each is a table (headings and rows, which a
report may use as they are) and a download through ``assure.core.tables.export_response``, so
a text someone typed (an answer beginning "=") reaches a spreadsheet as text, never a formula."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone

from assure.core.tables import export_response, plain_figure

from .definition import displayed, label_of, questionnaire_of
from .models import Answer, Response
from .results import ComparedRow, QuestionResult

RESULTS_HEADERS = [
    "Section",
    "Question",
    "Asked only when",
    "Responses asked",
    "Responses answering",
    "Answer",
    "Responses giving the answer",
    "Percentage of those asked",
    "Mean",
    "Lowest",
    "Highest",
]


def _figure(value: int | None) -> int | str:
    return "" if value is None else value


def results_table(results: Sequence[QuestionResult]) -> tuple[list[str], list[list]]:
    """One row per answer of each choice question, one per other question (with a number
    question's mean, lowest and highest, and a scale's mean score on each of its rows)."""
    rows: list[list] = []
    for result in results:
        start = [result.section, result.label, result.asked_when, result.asked, result.answered]
        figures = [plain_figure(result.mean), plain_figure(result.minimum), plain_figure(result.maximum)]
        if result.choices:
            rows += [
                [*start, choice.label, choice.count, _figure(choice.percent), *figures] for choice in result.choices
            ]
        else:
            rows.append([*start, "", "", "", *figures])
    return list(RESULTS_HEADERS), rows


def results_export(results: Sequence[QuestionResult], *, name: str, export_format: str) -> HttpResponse:
    headers, rows = results_table(results)
    return export_response(headers=headers, rows=rows, name=name, export_format=export_format)


def compared_table(rows: Sequence[ComparedRow], *, answer: str = "yes") -> tuple[list[str], list[list]]:
    """One row per question: for each group, the responses asked, those answering ``answer``,
    and their percentage."""
    groups = [figure.group for figure in rows[0].figures] if rows else []
    headers = ["Question", "Asked only when"]
    for group in groups:
        headers += [f"{group}: responses asked", f"{group}: answering {answer}", f"{group}: % {answer}"]
    table = []
    for row in rows:
        line: list = [row.label, row.asked_when]
        for group in groups:
            figure = row.figure(group)
            line += [figure.asked, figure.count, _figure(figure.percent)] if figure else ["", "", ""]
        table.append(line)
    return headers, table


def compared_export(rows: Sequence[ComparedRow], *, name: str, export_format: str, answer: str = "yes") -> HttpResponse:
    headers, table = compared_table(rows, answer=answer)
    return export_response(headers=headers, rows=table, name=name, export_format=export_format)


def answers_table(*, responses: QuerySet[Response]) -> tuple[list[str], list[list]]:
    """One row per response, one column per question (of the newest version answered), each
    answer in words; a question the response was not asked is left empty. Two queries."""
    responses = list(responses.select_related("questionnaire__document", "agency"))
    values: dict[int, dict] = defaultdict(dict)
    for answer in Answer.objects.filter(response_id__in=[r.pk for r in responses]).order_by():
        values[answer.response_id][answer.question] = answer.value
    versions = {}
    for response in responses:
        if response.questionnaire_id not in versions:
            versions[response.questionnaire_id] = (
                response.questionnaire.document.version,
                questionnaire_of(response.questionnaire),
            )
    columns: dict[str, str] = {}
    for _, questionnaire in sorted(versions.values(), key=lambda pair: pair[0], reverse=True):
        for question in questionnaire.questions():
            columns.setdefault(question.code, label_of(question))
    headers = ["Response", "Version", "Agency", "Status", "Submitted on", *columns.values()]
    rows = []
    for response in responses:
        version, questionnaire = versions[response.questionnaire_id]
        given = values.get(response.pk, {})
        cells = []
        for code in columns:
            try:
                question = questionnaire.question(code)
            except KeyError:
                cells.append("")
                continue
            cells.append(displayed(questionnaire, question, given.get(code)))
        rows.append(
            [
                response.pk,
                version,
                response.agency.name if response.agency else "",
                response.get_status_display(),
                timezone.localtime(response.submitted_at).date() if response.submitted_at else "",
                *cells,
            ]
        )
    return headers, rows


def answers_export(*, responses: QuerySet[Response], name: str, export_format: str) -> HttpResponse:
    headers, rows = answers_table(responses=responses)
    return export_response(headers=headers, rows=rows, name=name, export_format=export_format)
