"""The "% yes" chart year on year: grouped horizontal bars in the house style, one group per
question, the newest year solid, and no bar where a group was not asked."""

from assure.core.charts import BLUE, PALE_GREY, SCHEMA
from assure.questionnaires.charts import choices_chart, compared_chart
from assure.questionnaires.results import ChoiceResult, ComparedRow, GroupFigure, QuestionResult


def _row(code, label, *figures):
    return ComparedRow(
        code=code,
        label=label,
        text=label,
        asked_when="",
        figures=[GroupFigure(group=g, asked=a, count=c, percent=p) for g, a, c, p in figures],
    )


ROWS = [
    _row("report-on-time", "Report on time", ("2013-14", 371, 171, 46), ("2014-15", 426, 264, 62)),
    _row("parents-aware", "Parents made aware", ("2013-14", 0, 0, None), ("2014-15", 100, 80, 80)),
]


def test_the_chart_is_a_vega_lite_spec_of_one_bar_per_group_and_question():
    spec = compared_chart(ROWS, title="Conference checklist")
    assert spec["$schema"] == SCHEMA
    assert [(v["category"], v["series"], v["value"]) for v in spec["data"]["values"]] == [
        ("Report on time", "2013-14", 46.0),
        ("Report on time", "2014-15", 62.0),
        ("Parents made aware", "2014-15", 80.0),
    ]


def test_a_group_not_asked_a_question_has_no_bar():
    spec = compared_chart(ROWS, title="Conference checklist")
    assert ("Parents made aware", "2013-14") not in {(v["category"], v["series"]) for v in spec["data"]["values"]}


def test_the_bars_are_labelled_with_their_percentages():
    spec = compared_chart(ROWS, title="Conference checklist")
    assert [v["shown"] for v in spec["data"]["values"]] == ["46%", "62%", "80%"]


def test_the_newest_group_is_solid_and_the_earlier_pale():
    spec = compared_chart(ROWS, title="Conference checklist")
    colour = spec["layer"][0]["encoding"]["color"]
    assert colour["scale"] == {"domain": ["2013-14", "2014-15"], "range": [PALE_GREY, BLUE]}


def test_the_questions_keep_their_order_and_the_axis_runs_to_100():
    spec = compared_chart(ROWS, title="Conference checklist")
    assert spec["encoding"]["y"]["sort"] == ["Report on time", "Parents made aware"]
    assert spec["encoding"]["x"]["scale"] == {"domain": [0, 100]}


def test_the_description_names_the_groups_for_screen_readers():
    assert "2013-14, 2014-15" in compared_chart(ROWS, title="Conference checklist")["description"]


def test_no_rows_make_an_empty_chart():
    assert compared_chart([], title="Nothing")["data"]["values"] == []


def test_a_choice_question_is_drawn_as_plain_bars_of_its_answers():
    result = QuestionResult(
        code="where",
        label="Where seen",
        text="Where seen",
        type="single",
        section="Visit",
        asked_when="",
        asked=4,
        answered=4,
        choices=[ChoiceResult("home", "At home", 1, 25), ChoiceResult("school", "At school", 3, 75)],
    )
    spec = choices_chart(result)
    assert [(v["category"], v["shown"]) for v in spec["data"]["values"]] == [("At home", "25%"), ("At school", "75%")]
    assert spec["layer"][0]["encoding"]["color"]["legend"] is None


def test_the_comparison_partial_shows_the_chart_and_its_table():
    from django.template.loader import render_to_string

    html = render_to_string(
        "questionnaires/results/_compared.html",
        {
            "rows": ROWS,
            "spec": compared_chart(ROWS, title="Checklist"),
            "key": "checklist",
            "caption": "Conferences answering yes.",
            "answer": "yes",
        },
    )
    assert 'data-vega-spec="chart-checklist"' in html and 'id="chart-checklist"' in html
    assert '62%<br><span class="govuk-body-s">264 of 426</span>' in html
    assert "Not asked" in html
