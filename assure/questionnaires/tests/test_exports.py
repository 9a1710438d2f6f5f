"""Downloads of results: question by question, groups compared, and every response's answers,
made safe for a spreadsheet (an answer beginning "=" is written as text)."""

import csv
import io
from decimal import Decimal

import pytest

from assure.questionnaires.exports import answers_export, compared_export, results_export, results_table
from assure.questionnaires.models import Response
from assure.questionnaires.results import compared, question_results

from .answered import answered

pytestmark = pytest.mark.django_db


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _responses(partnership):
    return Response.objects.filter(partnership=partnership)


def test_a_text_answer_that_looks_like_a_formula_is_neutralised(every_type, partnership):
    answered(every_type, partnership, {"team": '=HYPERLINK("http://example.org","Open")'})
    rows = _csv(answers_export(responses=_responses(partnership), name="answers", export_format="csv"))
    column = rows[0].index("Which team holds the case?")
    assert rows[1][column] == '\'=HYPERLINK("http://example.org","Open")'


def test_the_answers_download_gives_each_answer_in_words(every_type, partnership):
    answered(every_type, partnership, {"seen": "yes", "seen-where": "school", "concerns": ["neglect", "emotional"]})
    rows = _csv(answers_export(responses=_responses(partnership), name="answers", export_format="csv"))
    answers = dict(zip(rows[0], rows[1], strict=True))
    assert (answers["Where was the child seen?"], answers["Which concerns were recorded?"]) == (
        "At school",
        "Neglect, Emotional abuse",
    )


def test_the_answers_download_is_an_xlsx_when_asked(every_type, partnership):
    answered(every_type, partnership, {"seen": "yes"})
    response = answers_export(responses=_responses(partnership), name="answers", export_format="xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_results_table_gives_a_row_per_answer_of_a_choice_question(every_type, partnership):
    answered(every_type, partnership, {"seen": "yes"})
    answered(every_type, partnership, {"seen": "no"})
    headers, rows = results_table(question_results(responses=_responses(partnership)))
    seen = [dict(zip(headers, row, strict=True)) for row in rows if row[1] == "Was the child seen?"]
    assert [(r["Answer"], r["Responses giving the answer"], r["Percentage of those asked"]) for r in seen] == [
        ("Yes", 1, 50),
        ("No", 1, 50),
        ("Not applicable", 0, 0),
    ]


def test_the_results_download_gives_a_number_questions_mean(every_type, partnership):
    answered(every_type, partnership, {"visits": Decimal(2)})
    answered(every_type, partnership, {"visits": Decimal(5)})
    rows = _csv(results_export(question_results(responses=_responses(partnership)), name="r", export_format="csv"))
    visits = dict(zip(rows[0], next(r for r in rows if r[1] == "How many visits were made?"), strict=True))
    assert (visits["Mean"], visits["Lowest"], visits["Highest"]) == ("3.5", "2", "5")


def test_the_comparison_download_has_three_columns_per_group(every_type, partnership, other_partnership):
    answered(every_type, partnership, {"seen": "yes"})
    answered(every_type, other_partnership, {"seen": "no"})
    rows = compared(groups={"2013-14": _responses(partnership), "2014-15": _responses(other_partnership)})
    table = _csv(compared_export(rows, name="compared", export_format="csv"))
    assert table[0][2:] == [
        "2013-14: responses asked",
        "2013-14: answering yes",
        "2013-14: % yes",
        "2014-15: responses asked",
        "2014-15: answering yes",
        "2014-15: % yes",
    ]
    assert table[1][2:] == ["1", "1", "100", "1", "0", "0"]
