"""A questionnaire of the library as the engine uses it: its sections and questions, which
questions a response shows given its answers, and how a submitted answer is read and checked.

Pure functions of the library item's validated data: nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cached_property

from assure.library.models import LibraryItem
from assure.library.schemas_questionnaires import (
    CHOICE_TYPES,
    Choice,
    Question,
    QuestionnaireItem,
    QuestionnaireSection,
)

YES_NO_LABELS = {"yes": "Yes", "no": "No", "na": "Not applicable"}

# The answers' number column holds 14 figures, 4 of them after the point.
LARGEST_NUMBER = 10**10

# An answer's value as the engine holds it: a choice code, a list of codes, a number, a date or text.
Value = str | list[str] | Decimal | dt.date | None


@dataclass(frozen=True)
class Questionnaire:
    """The questionnaire of one library item (one version)."""

    item: QuestionnaireItem
    item_id: int | None = None

    @classmethod
    def of(cls, item: LibraryItem) -> Questionnaire:
        return cls(item=QuestionnaireItem.model_validate(item.data), item_id=item.pk)

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def sections(self) -> list[QuestionnaireSection]:
        return list(self.item.sections)

    @cached_property
    def _questions(self) -> dict[str, Question]:
        return {q.code: q for section in self.item.sections for q in section.questions}

    @cached_property
    def _section_of(self) -> dict[str, str]:
        return {q.code: section.code for section in self.item.sections for q in section.questions}

    def section(self, code: str) -> QuestionnaireSection:
        for section in self.item.sections:
            if section.code == code:
                return section
        raise KeyError(code)

    def question(self, code: str) -> Question:
        return self._questions[code]

    def section_of(self, question: str) -> str:
        return self._section_of[question]

    def questions(self, sections: Sequence[str] = ()) -> list[Question]:
        """The questions of the sections named (all when none), in order."""
        return [
            q for section in self.item.sections if not sections or section.code in sections for q in section.questions
        ]

    def sections_for(self, *, agency_type: str | None = None, role: str | None = None) -> list[QuestionnaireSection]:
        """The sections an agency of ``agency_type`` (or a person in ``role``) answers, by the
        questionnaire's ``answered_by``."""
        found = []
        for section in self.item.sections:
            who = section.answered_by
            if agency_type is not None and who.agency_types and agency_type not in who.agency_types:
                continue
            if role is not None and who.roles and role not in who.roles:
                continue
            found.append(section)
        return found

    # --- conditions ------------------------------------------------------------------------

    def is_shown(self, question: Question, values: Mapping[str, Value]) -> bool:
        """Whether ``question`` is asked given the answers so far: its condition's question is
        itself shown and answered with one of the condition's choices (so conditions nest)."""
        condition = question.shown_when
        if condition is None:
            return True
        earlier = self._questions.get(condition.question)
        if earlier is None or not self.is_shown(earlier, values):
            return False
        answer = values.get(condition.question)
        given = answer if isinstance(answer, list) else [answer]
        return any(code in condition.in_ for code in given if code)

    def shown(self, values: Mapping[str, Value], sections: Sequence[str] = ()) -> list[Question]:
        return [q for q in self.questions(sections) if self.is_shown(q, values)]

    def progress(self, values: Mapping[str, Value], sections: Sequence[str] = ()) -> tuple[int, int]:
        """``(answered, asked)``: hidden questions are neither asked nor counted."""
        shown = self.shown(values, sections)
        return sum(1 for q in shown if not is_blank(values.get(q.code))), len(shown)

    def missing(self, values: Mapping[str, Value], sections: Sequence[str] = ()) -> dict[str, str]:
        """The required questions shown and not answered, each with its message."""
        return {
            q.code: required_message(q)
            for q in self.shown(values, sections)
            if q.required and is_blank(values.get(q.code))
        }

    # --- choices -----------------------------------------------------------------------------

    def choices(self, question: Question) -> list[Choice]:
        """The answers a choice question offers, a yes-no question's included."""
        if question.type != "yes-no":
            return list(question.choices)
        given = {choice.code: choice for choice in question.choices}
        return [given.get(code) or Choice(code=code, label=YES_NO_LABELS[code]) for code in question.choice_codes()]

    def choice_label(self, question: Question, code: str) -> str:
        for choice in self.choices(question):
            if choice.code == code:
                return choice.label
        return code


def questionnaire_of(item: LibraryItem) -> Questionnaire:
    """The engine's view of a library item of kind ``questionnaire``."""
    return Questionnaire.of(item)


def is_blank(value: Value) -> bool:
    return value is None or value == "" or value == []


def label_of(question: Question) -> str:
    """The question's short label for tables."""
    return question.report_label or question.text


def required_message(question: Question) -> str:
    if question.type in CHOICE_TYPES:
        verb = "Select all that apply" if question.type == "multiple" else "Select an answer"
        return f"{verb}: {label_of(question).rstrip('?')}"
    if question.type == "date":
        return f"Enter a date: {label_of(question).rstrip('?')}"
    return f"Enter an answer: {label_of(question).rstrip('?')}"


def parse(questionnaire: Questionnaire, question: Question, raw: Sequence[str]) -> tuple[Value, str | None]:
    """A submitted answer read into its value, or the message saying what is wrong with it.
    ``raw`` is what the form sent for the question (a date sends day, month and year in that
    order; a multiple-choice question one entry per box ticked). A blank answer is None, without
    a message: whether it is required is the caller's decision (a draft may be incomplete)."""
    entries = [entry.strip() for entry in raw if entry is not None]
    kind = question.type
    if kind == "multiple":
        codes = [e for e in entries if e]
        if not codes:
            return None, None
        offered = {c.code: c for c in questionnaire.choices(question)}
        stray = [c for c in codes if c not in offered]
        if stray:
            return None, f"Select from the list: {label_of(question).rstrip('?')}"
        exclusive = [c for c in codes if offered[c].exclusive]
        if exclusive and len(codes) > 1:
            return None, f"Select “{offered[exclusive[0]].label}” on its own, or the other answers without it"
        return [c for c in offered if c in codes], None
    if kind == "date":
        return _parse_date(question, entries)
    text = entries[0] if entries else ""
    if not text:
        return None, None
    if kind in CHOICE_TYPES:
        if text not in [c.code for c in questionnaire.choices(question)]:
            return None, f"Select from the list: {label_of(question).rstrip('?')}"
        return text, None
    if kind == "number":
        return _parse_number(question, text)
    text = text.replace("\r\n", "\n")  # a browser sends a textarea's line breaks as two characters
    if question.max_length is not None and len(text) > question.max_length:
        return None, f"{label_of(question).rstrip('?')} must be {question.max_length} characters or fewer"
    return text, None


def _parse_number(question: Question, text: str) -> tuple[Value, str | None]:
    label = label_of(question).rstrip("?")
    try:
        number = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None, f"{label} must be a number"
    if not number.is_finite():
        return None, f"{label} must be a number"
    if abs(number) >= LARGEST_NUMBER:
        return None, f"{label} must be less than {LARGEST_NUMBER:,}"
    if question.whole_number and number != number.to_integral_value():
        return None, f"{label} must be a whole number"
    if question.minimum is not None and number < Decimal(str(question.minimum)):
        return None, f"{label} must be {_plain(question.minimum)} or more"
    if question.maximum is not None and number > Decimal(str(question.maximum)):
        return None, f"{label} must be {_plain(question.maximum)} or less"
    return number, None


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _parse_date(question: Question, entries: Sequence[str]) -> tuple[Value, str | None]:
    label = label_of(question).rstrip("?")
    parts = (list(entries) + ["", "", ""])[:3]
    if not any(parts):
        return None, None
    if not all(parts):
        missing = [name for name, part in zip(("day", "month", "year"), parts, strict=True) if not part]
        return None, f"{label} must include a {' and '.join(missing)}"
    if len(parts[2]) != 4:
        return None, f"{label}: the year must have 4 numbers"
    try:
        day, month, year = (int(part) for part in parts)
        return dt.date(year, month, day), None
    except ValueError:
        return None, f"{label} must be a real date"


def raw_of(question: Question, value: Value) -> list[str]:
    """A stored value as the form shows it again (the inverse of ``parse``)."""
    if value is None:
        return []
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dt.date):
        return [str(value.day), str(value.month), str(value.year)]
    if isinstance(value, Decimal):
        return [plain_number(value)]
    return [str(value)]


def plain_number(value: Decimal) -> str:
    """A number as people write it: no trailing noughts (a stored 2.5000 is 2.5), no exponent."""
    return format(value.normalize(), "f")


def displayed(questionnaire: Questionnaire, question: Question, value: Value) -> str:
    """An answer in words, for a summary list or an export."""
    if is_blank(value):
        return ""
    if isinstance(value, list):
        return ", ".join(questionnaire.choice_label(question, code) for code in value)
    if question.type in CHOICE_TYPES:
        return questionnaire.choice_label(question, str(value))
    if isinstance(value, dt.date):
        return value.strftime("%-d %B %Y")
    if isinstance(value, Decimal):
        return plain_number(value)
    return str(value)


def codes_in(values: Iterable[Value]) -> list[str]:
    """Every choice code among ``values`` (lists flattened), for counting."""
    found: list[str] = []
    for value in values:
        if isinstance(value, list):
            found.extend(value)
        elif isinstance(value, str):
            found.append(value)
    return found
