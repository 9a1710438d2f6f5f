"""Reading a questionnaire: each question type's answers parsed, shown again and written in
words; conditions deciding which questions are asked, required and counted."""

import datetime as dt
from decimal import Decimal

import pytest

from assure.questionnaires.definition import displayed, parse, raw_of


def round_trip(definition, code: str, raw: list[str]):
    """The value ``raw`` parses to, what the form shows for it again, and its words."""
    question = definition.question(code)
    value, error = parse(definition, question, raw)
    assert error is None
    return value, raw_of(question, value), displayed(definition, question, value)


@pytest.mark.parametrize(
    ("code", "raw", "value", "words"),
    [
        ("seen", ["yes"], "yes", "Yes"),
        ("seen", ["na"], "na", "Not applicable"),
        ("quality", ["very-good"], "very-good", "Very good"),
        ("grade", ["requires-improvement"], "requires-improvement", "Requires improvement"),
        ("seen-where", ["school"], "school", "At school"),
        ("team", ["Duty and assessment"], "Duty and assessment", "Duty and assessment"),
        ("summary", ["Regular visits.\r\nThe plan was reviewed."], "Regular visits.\nThe plan was reviewed.", None),
    ],
)
def test_a_single_answer_parses_shows_again_and_reads_in_words(definition, code, raw, value, words):
    parsed, again, in_words = round_trip(definition, code, raw)
    assert parsed == value
    assert again == [value]
    assert in_words == (words or value)


def test_multiple_choice_keeps_the_questionnaires_order(definition):
    value, again, words = round_trip(definition, "concerns", ["physical", "neglect"])
    assert value == ["neglect", "physical"]
    assert again == ["neglect", "physical"]
    assert words == "Neglect, Physical abuse"


def test_a_whole_number_round_trips(definition):
    assert round_trip(definition, "visits", ["12"]) == (Decimal("12"), ["12"], "12")


def test_a_decimal_number_round_trips_without_trailing_noughts(definition):
    question = definition.question("hours")
    assert parse(definition, question, ["2.5"]) == (Decimal("2.5"), None)
    stored = Decimal("2.5000")  # as the answers' column gives it back
    assert raw_of(question, stored) == ["2.5"]
    assert displayed(definition, question, stored) == "2.5"


def test_a_date_round_trips_from_day_month_and_year(definition):
    assert round_trip(definition, "referred-on", ["4", "11", "2014"]) == (
        dt.date(2014, 11, 4),
        ["4", "11", "2014"],
        "4 November 2014",
    )


def test_a_blank_answer_is_none_without_a_message(definition):
    for code, raw in [("seen", []), ("concerns", []), ("visits", [" "]), ("referred-on", ["", "", ""])]:
        assert parse(definition, definition.question(code), raw) == (None, None)


@pytest.mark.parametrize(
    ("code", "raw", "message"),
    [
        ("seen-alone", ["na"], "Select from the list: Was the child seen alone at home"),
        ("grade", ["excellent"], "Select from the list: How do you grade the practice"),
        ("concerns", ["neglect", "cruelty"], "Select from the list: Which concerns were recorded"),
        ("concerns", ["neglect", "none"], "Select “None of these” on its own, or the other answers without it"),
        ("visits", ["lots"], "How many visits were made must be a number"),
        ("visits", ["2.5"], "How many visits were made must be a whole number"),
        ("visits", ["-1"], "How many visits were made must be 0 or more"),
        ("visits", ["51"], "How many visits were made must be 50 or less"),
        ("hours", ["99999999999"], "How many hours did the assessment take must be less than 10,000,000,000"),
        ("referred-on", ["4", "", "2014"], "When was the case referred on must include a month"),
        ("referred-on", ["", "", "2014"], "When was the case referred on must include a day and month"),
        ("referred-on", ["31", "2", "2014"], "When was the case referred on must be a real date"),
        ("referred-on", ["4", "11", "14"], "When was the case referred on: the year must have 4 numbers"),
        ("team", ["x" * 41], "Which team holds the case must be 40 characters or fewer"),
    ],
)
def test_a_wrong_answer_gets_a_message_naming_the_question(definition, code, raw, message):
    assert parse(definition, definition.question(code), raw) == (None, message)


def test_the_report_label_names_the_question_in_messages_when_there_is_one(definition):
    assert parse(definition, definition.question("quality"), ["superb"]) == (
        None,
        "Select from the list: Quality of the plan",
    )


def test_a_yes_no_question_offers_not_applicable_only_when_it_allows_it(definition):
    assert [c.code for c in definition.choices(definition.question("seen"))] == ["yes", "no", "na"]
    assert [c.label for c in definition.choices(definition.question("seen-alone"))] == ["Yes", "No"]


# --- conditions -------------------------------------------------------------------------------


def test_a_conditional_question_is_shown_only_for_its_answers(definition):
    seen_where = definition.question("seen-where")
    assert not definition.is_shown(seen_where, {})
    assert not definition.is_shown(seen_where, {"seen": "no"})
    assert definition.is_shown(seen_where, {"seen": "yes"})


def test_a_hidden_question_is_not_required(definition):
    assert "seen-where" not in definition.missing({"seen": "no"}, ["visit"])
    assert definition.missing({"seen": "yes"}, ["visit"])["seen-where"] == "Select an answer: Where was the child seen"


def test_a_hidden_question_is_not_counted(definition):
    assert definition.progress({"seen": "no"}, ["visit"]) == (1, 9)
    assert definition.progress({"seen": "yes"}, ["visit"]) == (1, 10)


def test_a_question_on_a_conditional_question_is_shown_through_it(definition):
    seen_alone = definition.question("seen-alone")
    assert definition.is_shown(seen_alone, {"seen": "yes", "seen-where": "home"})
    assert not definition.is_shown(seen_alone, {"seen": "yes", "seen-where": "school"})


def test_a_question_on_a_hidden_question_is_hidden_whatever_that_answer_was(definition):
    stale = {"seen": "no", "seen-where": "home"}
    assert not definition.is_shown(definition.question("seen-alone"), stale)
    assert definition.progress(stale, ["visit"]) == (1, 9)


def test_an_optional_question_is_counted_but_not_required(definition):
    assert "hours" not in definition.missing({}, ["visit"])
    assert definition.progress({"hours": Decimal("2")}, ["visit"]) == (1, 9)


def test_sections_are_found_by_who_answers_them(definition):
    assert [s.code for s in definition.sections_for(role="auditor")] == ["visit", "overall"]
    assert [s.code for s in definition.sections_for(role="agency-lead")] == ["visit"]
