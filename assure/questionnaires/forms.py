"""A response's questions as a page shows them: each shown question of the response's sections
with its current answer (or what was just typed, when it was wrong), its message, and the ids its
GOV.UK markup uses. Not a Django form: a questionnaire's fields come from the library, and which
of them are asked depends on the answers.

Names and ids follow GOV.UK's conventions: a question's fields are named by its code (a date's
``<code>-day``, ``<code>-month`` and ``<code>-year``); the first input's id is the code (a
radio or checkbox's others ``<code>-2``, ``<code>-3``...), which the error summary links to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.http import QueryDict

from assure.library.schemas_questionnaires import CHOICE_TYPES, Question

from .definition import Questionnaire, Value, displayed, questionnaire_of, raw_of
from .identifying import identifying_warning
from .models import Response

DATE_PARTS = ("day", "month", "year")
# A yes-no or scale question's answers sit on one line when there are few and they are short.
INLINE_CHOICES = 5
INLINE_LABEL = 20


@dataclass
class ChoiceField:
    code: str
    label: str
    hint: str
    id: str
    checked: bool
    exclusive: bool = False

    @property
    def hint_id(self) -> str:
        return f"{self.id}-item-hint"


@dataclass
class DatePart:
    name: str
    label: str
    id: str
    value: str
    width: int
    wrong: bool


@dataclass
class QuestionField:
    question: Question
    number: int
    raw: list[str]
    error: str = ""
    warning: str = ""
    choices: list[ChoiceField] = field(default_factory=list)
    inline: bool = False

    @property
    def code(self) -> str:
        return self.question.code

    @property
    def type(self) -> str:
        return self.question.type

    @property
    def id(self) -> str:
        """The id of the question's first input: what the error summary links to."""
        if self.type == "date":
            wrong = [part for part in self.date_parts if part.wrong]
            return (wrong or self.date_parts)[0].id
        return self.code

    @property
    def hint_id(self) -> str:
        return f"{self.code}-hint"

    @property
    def error_id(self) -> str:
        return f"{self.code}-error"

    @property
    def warning_id(self) -> str:
        return f"{self.code}-warning"

    @property
    def info_id(self) -> str:
        return f"{self.code}-info"

    @property
    def described_by(self) -> str:
        ids = []
        if self.type == "long-text" and self.question.max_length:
            ids.append(self.info_id)
        if self.question.help:
            ids.append(self.hint_id)
        if self.error:
            ids.append(self.error_id)
        if self.warning:
            ids.append(self.warning_id)
        return " ".join(ids)

    @property
    def value(self) -> str:
        return self.raw[0] if self.raw else ""

    @property
    def is_choice(self) -> bool:
        return self.type in CHOICE_TYPES

    @property
    def date_parts(self) -> list[DatePart]:
        given = (list(self.raw) + ["", "", ""])[:3]
        blank = [not part.strip() for part in given]
        return [
            DatePart(
                name=f"{self.code}-{part}",
                label=part.capitalize(),
                id=f"{self.code}-{part}",
                value=given[i],
                width=4 if part == "year" else 2,
                # A date missing a part marks that part; a date that is wrong as a whole, all three.
                wrong=bool(self.error) and (blank[i] or not any(blank)),
            )
            for i, part in enumerate(DATE_PARTS)
        ]

    @property
    def template(self) -> str:
        if self.is_choice:
            return "questionnaires/fields/choices.html"
        return f"questionnaires/fields/{self.type}.html"


@dataclass
class SectionFields:
    code: str
    title: str
    description: str
    questions: list[QuestionField]


@dataclass
class SummaryError:
    message: str
    href: str = ""


@dataclass
class AnswerRow:
    section: str
    section_title: str
    code: str
    question: str
    answer: str
    type: str


@dataclass
class AnswerForm:
    """Everything ``questionnaires/_form.html`` draws."""

    response: Response
    questionnaire: Questionnaire
    sections: list[SectionFields]
    answered: int
    asked: int
    errors: list[SummaryError]
    editable: bool
    action: str
    saved: bool = False
    answers: list[AnswerRow] = field(default_factory=list)

    @property
    def fields(self) -> list[QuestionField]:
        return [question for section in self.sections for question in section.questions]

    @property
    def progress(self) -> str:
        noun = "question" if self.asked == 1 else "questions"
        return f"{self.answered} of {self.asked} {noun} answered"


def raw_from_post(questionnaire: Questionnaire, data: QueryDict, sections: Sequence[str] = ()) -> dict[str, list[str]]:
    """What the form sent for each question of the sections, as ``definition.parse`` reads it."""
    raw: dict[str, list[str]] = {}
    for question in questionnaire.questions(sections):
        if question.type == "date":
            raw[question.code] = [data.get(f"{question.code}-{part}", "") for part in DATE_PARTS]
        else:
            raw[question.code] = data.getlist(question.code)
    return raw


def answer_form(
    response: Response,
    *,
    action: str,
    editable: bool = True,
    submitted: Mapping[str, list[str]] | None = None,
    errors: Mapping[str, str] | None = None,
    other_errors: Sequence[str] = (),
    saved: bool = False,
    known_names: Sequence[str] = (),
) -> AnswerForm:
    """The form for ``response``: its shown questions with their stored answers, except those in
    ``errors``, which show what was ``submitted`` with the message."""
    questionnaire = questionnaire_of(response.questionnaire)
    values = response.values()
    errors = dict(errors or {})
    submitted = submitted or {}
    editable = editable and response.is_editable
    sections: list[SectionFields] = []
    number = 0
    for section in questionnaire.sections:
        if response.sections and section.code not in response.sections:
            continue
        shown = [q for q in section.questions if questionnaire.is_shown(q, values)]
        fields = []
        for question in shown:
            number += 1
            raw = (
                list(submitted.get(question.code, []))
                if question.code in errors
                else raw_of(question, values.get(question.code))
            )
            fields.append(_field(questionnaire, question, number, raw, errors.get(question.code, ""), known_names))
        if fields:
            sections.append(SectionFields(section.code, section.title, section.description, fields))
    answered, asked = questionnaire.progress(values, response.sections)
    by_code = {f.code: f for s in sections for f in s.questions}
    summary = [SummaryError(message, f"#{by_code[code].id}") for code, message in errors.items() if code in by_code]
    summary += [SummaryError(message) for code, message in errors.items() if code not in by_code]
    summary += [SummaryError(message) for message in other_errors]
    return AnswerForm(
        response=response,
        questionnaire=questionnaire,
        sections=sections,
        answered=answered,
        asked=asked,
        errors=summary,
        editable=editable,
        action=action,
        saved=saved,
        answers=[] if editable else answers_summary(response),
    )


def _field(
    questionnaire: Questionnaire,
    question: Question,
    number: int,
    raw: list[str],
    error: str,
    known_names: Sequence[str],
) -> QuestionField:
    field_ = QuestionField(question=question, number=number, raw=raw, error=error)
    if question.type in CHOICE_TYPES:
        offered = questionnaire.choices(question)
        field_.choices = [
            ChoiceField(
                code=choice.code,
                label=choice.label,
                hint=choice.hint,
                id=question.code if i == 0 else f"{question.code}-{i + 1}",
                checked=choice.code in raw,
                exclusive=question.type == "multiple" and choice.exclusive,
            )
            for i, choice in enumerate(offered)
        ]
        field_.inline = (
            question.type in {"yes-no", "scale"}
            and len(offered) <= INLINE_CHOICES
            and all(len(choice.label) <= INLINE_LABEL and not choice.hint for choice in offered)
        )
    if question.type in {"text", "long-text"}:
        field_.warning = identifying_warning(field_.value, known=known_names) or ""
    return field_


def answers_summary(response: Response) -> list[AnswerRow]:
    """The shown questions of the response's sections and their answers in words, in order (a
    question not answered says so)."""
    questionnaire = questionnaire_of(response.questionnaire)
    values = response.values()
    rows = []
    for section in questionnaire.sections:
        if response.sections and section.code not in response.sections:
            continue
        for question in section.questions:
            if not questionnaire.is_shown(question, values):
                continue
            value: Value = values.get(question.code)
            rows.append(
                AnswerRow(
                    section=section.code,
                    section_title=section.title,
                    code=question.code,
                    question=question.text,
                    answer=displayed(questionnaire, question, value) or "Not answered",
                    type=question.type,
                )
            )
    return rows
