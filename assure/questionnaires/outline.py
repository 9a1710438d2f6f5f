"""A questionnaire's outline in words, for the people who check it before it is used: its
sections and who answers each, its questions with their type, whether they are required, their
choices (with scores and results) and the condition under which each is asked.

Pure functions of a questionnaire (``definition.Questionnaire``): nothing here reads the
database, so a file being checked is outlined the same way as a questionnaire of the library.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assure.library.schemas_questionnaires import Question, QuestionnaireSection

from .definition import Questionnaire

TYPE_WORDS = {
    "yes-no": "Yes or no",
    "scale": "A point on a scale",
    "grade": "A grade",
    "single": "One of the choices",
    "multiple": "Any of the choices",
    "number": "A number",
    "date": "A date",
    "text": "A short answer",
    "long-text": "A longer answer",
}


@dataclass(frozen=True)
class OutlineChoice:
    code: str
    label: str
    hint: str
    score: float | None
    result: str
    exclusive: bool


@dataclass(frozen=True)
class OutlineQuestion:
    number: int  # counted through the whole questionnaire, from 1
    code: str
    text: str
    report_label: str
    type: str
    type_words: str
    help: str
    required: bool
    choices: list[OutlineChoice]
    asked_when: str  # "" when always asked
    limits: str  # "" when none

    @property
    def has_scores(self) -> bool:
        return any(choice.score is not None for choice in self.choices)

    @property
    def has_results(self) -> bool:
        return any(choice.result for choice in self.choices)


@dataclass(frozen=True)
class OutlineSection:
    code: str
    title: str
    description: str
    answered_by: str
    questions: list[OutlineQuestion]


def _quoted(text: str) -> str:
    return f"“{text}”"


def _plain(number: float) -> str:
    return f"{int(number):,}" if float(number).is_integer() else f"{number:,}"


def _or(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} or {words[-1]}"


def asked_when(questionnaire: Questionnaire, question: Question) -> str:
    """The question's condition in words ("Asked only when “Did the parents see the report...?”
    is No"), or "" when it is always asked. A condition on a question that is itself conditional
    holds only when that one is asked too, which its own line says."""
    condition = question.shown_when
    if condition is None:
        return ""
    try:
        earlier = questionnaire.question(condition.question)
    except KeyError:
        return f"Asked only when {condition.question} is answered {_or(list(condition.in_))}"
    answers = _or([questionnaire.choice_label(earlier, code) for code in condition.in_])
    verb = "includes" if earlier.type == "multiple" else "is"
    return f"Asked only when {_quoted(earlier.text)} {verb} {answers}"


def limits_of(question: Question) -> str:
    """What the answer may be, in words, where the questionnaire limits it."""
    if question.type == "number":
        kind = "A whole number" if question.whole_number else "A number"
        if question.minimum is not None and question.maximum is not None:
            return f"{kind} from {_plain(question.minimum)} to {_plain(question.maximum)}"
        if question.minimum is not None:
            return f"{kind}, {_plain(question.minimum)} or more"
        if question.maximum is not None:
            return f"{kind}, {_plain(question.maximum)} or less"
        return kind if question.whole_number else ""
    if question.type in {"text", "long-text"} and question.max_length is not None:
        return f"Up to {question.max_length:,} characters"
    return ""


def answered_by_words(
    section: QuestionnaireSection,
    *,
    role_titles: Mapping[str, str] | None = None,
    agency_type_titles: Mapping[str, str] | None = None,
) -> str:
    """Who answers the section, in words, with the roles' and agency types' titles where known."""
    roles = [(role_titles or {}).get(code, code) for code in section.answered_by.roles]
    types = [(agency_type_titles or {}).get(code, code) for code in section.answered_by.agency_types]
    said = []
    if roles:
        said.append(f"People in the role{'s' if len(roles) > 1 else ''} {_or(roles)}")
    if types:
        said.append(f"agencies of type {_or(types)}" if said else f"Agencies of type {_or(types)}")
    if not said:
        return "Whoever answers the questionnaire"
    return ", for ".join(said) if len(said) == 2 else said[0]


def outline_of(
    questionnaire: Questionnaire,
    *,
    role_titles: Mapping[str, str] | None = None,
    agency_type_titles: Mapping[str, str] | None = None,
) -> list[OutlineSection]:
    """Every section of the questionnaire with its questions, in order, in words."""
    sections = []
    number = 0
    for section in questionnaire.sections:
        questions = []
        for question in section.questions:
            number += 1
            questions.append(
                OutlineQuestion(
                    number=number,
                    code=question.code,
                    text=question.text,
                    report_label=question.report_label,
                    type=question.type,
                    type_words=TYPE_WORDS[question.type]
                    + (" (or not applicable)" if question.type == "yes-no" and question.not_applicable else ""),
                    help=question.help,
                    required=question.required,
                    choices=[
                        OutlineChoice(
                            code=choice.code,
                            label=choice.label,
                            hint=choice.hint,
                            score=choice.score,
                            result=choice.result,
                            exclusive=choice.exclusive,
                        )
                        for choice in questionnaire.choices(question)
                    ],
                    asked_when=asked_when(questionnaire, question),
                    limits=limits_of(question),
                )
            )
        sections.append(
            OutlineSection(
                code=section.code,
                title=section.title,
                description=section.description,
                answered_by=answered_by_words(section, role_titles=role_titles, agency_type_titles=agency_type_titles),
                questions=questions,
            )
        )
    return sections
