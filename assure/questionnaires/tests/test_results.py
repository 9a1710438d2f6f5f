"""Results question by question: each question counted among the responses asked it (a
conditional question's denominator is the responses that showed it), choices as percentages of
those, numbers and scores as means, versions counted together, and groups compared."""

import datetime as dt
from decimal import Decimal

import pytest

from assure.library.loader import load_library
from assure.library.models import LibraryItem
from assure.questionnaires.models import Response
from assure.questionnaires.results import compared, percent, question_results

from .answered import answered
from .conftest import QUESTIONNAIRE_URN, SECTIONS, questionnaire_document

pytestmark = pytest.mark.django_db


def _by_code(results):
    return {result.code: result for result in results}


def _results(partnership):
    return _by_code(question_results(responses=Response.objects.filter(partnership=partnership)))


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(23, 40, 58), (1, 8, 13), (1, 3, 33), (2, 3, 67), (0, 5, 0), (5, 5, 100), (3, 0, None)],
)
def test_percent_is_whole_with_a_half_rounded_up(part, whole, expected):
    assert percent(part, whole) == expected


def test_a_conditional_question_counts_only_the_responses_that_showed_it(every_type, partnership):
    for seen in ["yes", "yes", "yes", "no", "na"]:
        answered(every_type, partnership, {"seen": seen, **({"seen-where": "school"} if seen == "yes" else {})})
    results = _results(partnership)
    assert (results["seen"].asked, results["seen-where"].asked, results["seen-where"].answered) == (5, 3, 3)


def test_a_conditional_choice_is_a_percentage_of_those_asked(every_type, partnership):
    for where in ["home", "school", "school", "school"]:
        answered(every_type, partnership, {"seen": "yes", "seen-where": where})
    answered(every_type, partnership, {"seen": "no"})
    assert _results(partnership)["seen-where"].choice("school").percent == 75


def test_a_nested_condition_counts_only_where_every_condition_held(every_type, partnership):
    answered(every_type, partnership, {"seen": "yes", "seen-where": "home", "seen-alone": "yes"})
    answered(every_type, partnership, {"seen": "yes", "seen-where": "school"})
    answered(every_type, partnership, {"seen": "no"})
    assert _results(partnership)["seen-alone"].asked == 1


def test_a_question_outside_the_responses_sections_is_not_asked(every_type, partnership):
    answered(every_type, partnership, {"seen": "no"})
    answered(every_type, partnership, {"comment": "Well run."}, sections=["overall"])
    results = _results(partnership)
    assert (results["seen"].asked, results["comment"].asked) == (1, 1)


def test_an_unanswered_optional_question_is_asked_but_not_answered(every_type, partnership):
    answered(every_type, partnership, {"team": "North"})
    answered(every_type, partnership, {})
    team = _results(partnership)["team"]
    assert (team.asked, team.answered, team.unanswered) == (2, 1, 1)


def test_multiple_choice_percentages_are_of_the_responses_choosing_each(every_type, partnership):
    for chosen in [["neglect", "emotional"], ["neglect"], ["none"], ["neglect", "physical"]]:
        answered(every_type, partnership, {"concerns": chosen})
    concerns = _results(partnership)["concerns"]
    assert [(c.code, c.count, c.percent) for c in concerns.choices] == [
        ("neglect", 3, 75),
        ("emotional", 1, 25),
        ("physical", 1, 25),
        ("none", 1, 25),
    ]


def test_a_number_question_gives_its_count_mean_lowest_and_highest(every_type, partnership):
    for visits in [2, 3, 5]:
        answered(every_type, partnership, {"visits": Decimal(visits)})
    answered(every_type, partnership, {})
    visits = _results(partnership)["visits"]
    assert (visits.asked, visits.count, visits.mean, visits.minimum, visits.maximum) == (
        4,
        3,
        Decimal("3.3"),
        Decimal(2),
        Decimal(5),
    )


def test_a_scale_gives_its_mean_score(every_type, partnership):
    for quality in ["poor", "good", "very-good", "very-good"]:
        answered(every_type, partnership, {"quality": quality})
    assert _results(partnership)["quality"].mean == Decimal("3.0")


def test_a_scale_mean_rounds_half_up(every_type, partnership):
    for quality in ["poor", "fair", "fair", "fair"]:  # 7 / 4 = 1.75
        answered(every_type, partnership, {"quality": quality})
    assert _results(partnership)["quality"].mean == Decimal("1.8")


def test_text_and_dates_count_the_answers(every_type, partnership):
    answered(every_type, partnership, {"summary": "Timely.", "referred-on": dt.date(2014, 9, 1)})
    answered(every_type, partnership, {"summary": "Late."})
    results = _results(partnership)
    assert (results["summary"].answered, results["referred-on"].answered) == (2, 1)


def test_only_the_responses_passed_are_counted(every_type, partnership):
    answered(every_type, partnership, {"seen": "yes"})
    answered(every_type, partnership, {"seen": "no"}, status="draft")
    results = question_results(responses=Response.objects.filter(status="submitted"))
    assert _by_code(results)["seen"].asked == 1


VERSION_2 = SECTIONS.replace("text: Was the child seen?", "text: Did the worker see the child?").replace(
    "    - code: team\n",
    "    - code: voice\n      text: Was the child's voice recorded?\n      type: yes-no\n    - code: team\n",
)


@pytest.fixture
def version_2(every_type, write_questionnaire) -> LibraryItem:
    load_library([write_questionnaire(questionnaire_document(version=2, sections=VERSION_2), name="v2.yaml")])
    return LibraryItem.objects.get(urn=QUESTIONNAIRE_URN, document__version=2)


def test_a_response_to_an_older_version_is_counted_with_the_newer(every_type, version_2, partnership):
    answered(every_type, partnership, {"seen": "yes"})
    answered(version_2, partnership, {"seen": "yes", "voice": "no"})
    answered(version_2, partnership, {"seen": "no", "voice": "yes"})
    results = _results(partnership)
    assert (results["seen"].asked, results["seen"].choice("yes").count) == (3, 2)
    assert results["seen"].text == "Did the worker see the child?"


def test_a_question_only_the_newer_version_asks_counts_only_its_responses(every_type, version_2, partnership):
    answered(every_type, partnership, {"seen": "yes"})
    answered(version_2, partnership, {"voice": "yes"})
    assert _results(partnership)["voice"].asked == 1


def test_the_newest_version_gives_the_order_of_the_questions(every_type, version_2, partnership):
    answered(every_type, partnership, {})
    answered(version_2, partnership, {})
    codes = [result.code for result in _results(partnership).values()]
    assert codes.index("voice") == codes.index("summary") - 2


def test_results_read_the_answers_in_bulk(every_type, partnership, django_assert_num_queries):
    for seen in ["yes", "no", "yes", "no", "yes", "no"]:
        answered(every_type, partnership, {"seen": seen, "summary": "Seen."})
    with django_assert_num_queries(2):
        question_results(responses=Response.objects.filter(partnership=partnership))


def test_groups_are_compared_question_by_question(every_type, partnership, other_partnership):
    for seen in ["yes", "yes", "no"]:
        answered(every_type, partnership, {"seen": seen})
    for seen in ["yes", "no", "no", "no"]:
        answered(every_type, other_partnership, {"seen": seen})
    rows = compared(
        groups={
            "2013-14": Response.objects.filter(partnership=partnership),
            "2014-15": Response.objects.filter(partnership=other_partnership),
        }
    )
    seen = next(row for row in rows if row.code == "seen")
    assert [(f.group, f.asked, f.count, f.percent) for f in seen.figures] == [
        ("2013-14", 3, 2, 67),
        ("2014-15", 4, 1, 25),
    ]


def test_comparison_keeps_only_questions_offering_the_answer(every_type, partnership):
    answered(every_type, partnership, {"seen": "yes"})
    rows = compared(groups={"This year": Response.objects.filter(partnership=partnership)})
    assert [row.code for row in rows] == ["seen", "seen-alone"]


def test_comparison_uses_each_groups_own_denominator_for_a_conditional_question(every_type, partnership):
    answered(every_type, partnership, {"seen": "yes", "seen-where": "home", "seen-alone": "no"})
    answered(every_type, partnership, {"seen": "no"})
    rows = compared(groups={"Year": Response.objects.filter(partnership=partnership)}, choice="no")
    alone = next(row for row in rows if row.code == "seen-alone")
    assert (alone.figure("Year").asked, alone.figure("Year").percent) == (1, 100)


def test_the_results_partial_gives_each_questions_denominator(every_type, partnership):
    from django.template.loader import render_to_string

    for seen in ["yes", "no", "no"]:
        answered(every_type, partnership, {"seen": seen, **({"seen-where": "home"} if seen == "yes" else {})})
    results = question_results(responses=Response.objects.filter(partnership=partnership))
    html = render_to_string("questionnaires/results/_results.html", {"results": results, "heading_level": "3"})
    assert "Asked only when “Was the child seen?” is Yes. Asked in 1 response, answered in 1." in html
