"""The ``questionnaire`` kind as authors meet it: a valid document loads, and each mistake is
reported with the file, the questionnaire's URN and the question."""

import pytest
from django.conf import settings

from assure.library.loader import LibraryInvalid, validate_library

from .conftest import QUESTIONNAIRE_URN, SECTIONS, questionnaire_document

# The loader checks the roles and agency types a document names against the stored library.
pytestmark = pytest.mark.django_db


def problem_of(write_questionnaire, sections: str) -> str:
    path = write_questionnaire(questionnaire_document(sections=sections))
    with pytest.raises(LibraryInvalid) as caught:
        validate_library([path])
    [problem] = [str(p) for p in caught.value.problems]
    assert str(path) in problem
    assert QUESTIONNAIRE_URN in problem
    return problem


def one_section(questions: str) -> str:
    indented = "\n".join("    " + line for line in questions.strip("\n").splitlines())
    return f"- code: only\n  title: Only\n  questions:\n{indented}\n"


def test_the_test_questionnaire_with_every_type_is_valid(write_questionnaire):
    [document] = validate_library([write_questionnaire(questionnaire_document(sections=SECTIONS))])
    assert [item.code for item in document.items] == ["every-type"]


def test_the_shipped_conference_checklist_is_valid():
    path = settings.LIBRARY_DIR / "assure" / "questionnaires" / "conference-checklist.yaml"
    [document] = validate_library([path])
    assert document.items[0].purpose == "conference-checklist"


def test_a_condition_on_an_unknown_question_is_named(write_questionnaire):
    problem = problem_of(
        write_questionnaire,
        one_section("""
- {code: seen, text: "Seen?", type: yes-no}
- {code: where, text: "Where?", type: text, shown_when: {question: visited, in: ["yes"]}}
"""),
    )
    assert "question where: shown_when names visited, which is not an earlier question" in problem


def test_a_condition_on_an_answer_its_question_does_not_offer_is_named(write_questionnaire):
    problem = problem_of(
        write_questionnaire,
        one_section("""
- {code: seen, text: "Seen?", type: yes-no}
- {code: where, text: "Where?", type: text, shown_when: {question: seen, in: [sometimes]}}
"""),
    )
    assert "question where: shown_when gives sometimes, not an answer of seen (yes, no)" in problem


def test_a_condition_on_a_question_that_is_not_a_choice_is_named(write_questionnaire):
    problem = problem_of(
        write_questionnaire,
        one_section("""
- {code: visits, text: "Visits?", type: number}
- {code: where, text: "Where?", type: text, shown_when: {question: visits, in: ["1"]}}
"""),
    )
    assert "question where: shown_when names visits, a number question" in problem


def test_a_yes_no_question_with_a_stray_choice_is_named(write_questionnaire):
    problem = problem_of(
        write_questionnaire,
        one_section("""
- code: seen
  text: "Seen?"
  type: yes-no
  choices: [{code: "yes", label: "Yes", score: 1}, {code: maybe, label: Maybe}]
"""),
    )
    assert "question seen: a yes-no question's choices are no, yes; not maybe" in problem


def test_a_scale_without_scores_is_named(write_questionnaire):
    problem = problem_of(
        write_questionnaire,
        one_section("""
- code: quality
  text: "How good?"
  type: scale
  choices: [{code: poor, label: Poor}, {code: good, label: Good}]
"""),
    )
    assert "question quality: every point of a scale needs a score" in problem


def test_a_question_code_used_twice_is_named(write_questionnaire):
    problem = problem_of(
        write_questionnaire,
        one_section("""
- {code: seen, text: "Seen?", type: yes-no}
- {code: seen, text: "Seen again?", type: yes-no}
"""),
    )
    assert "question seen: code already used" in problem


def test_an_unknown_question_type_is_named_with_the_question(write_questionnaire):
    problem = problem_of(write_questionnaire, one_section("- {code: seen, text: 'Seen?', type: maybe}"))
    assert "question seen: type:" in problem


def test_the_authors_guides_complete_example_is_valid(tmp_path):
    guide = (settings.BASE_DIR / "library" / "README.md").read_text(encoding="utf-8")
    section = guide.split("## Questionnaires", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "home-visits.yaml"
    path.write_text(example, encoding="utf-8")
    [document] = validate_library([path])
    [item] = document.items
    assert {q.type for s in item.sections for q in s.questions} == {
        "yes-no",
        "scale",
        "grade",
        "single",
        "multiple",
        "number",
        "date",
        "text",
        "long-text",
    }
    assert item.sections[0].questions[2].shown_when.question == "seen-where"
