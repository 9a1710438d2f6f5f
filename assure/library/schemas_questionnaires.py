"""The ``questionnaire`` kind: sections of typed questions, with conditions, scores and who answers.

A questionnaire is answered through the questionnaire engine (``assure.questionnaires``); every
response keeps the version it was answered on, so a new version never rewrites past answers.
"""

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from .schemas import Code, Item, Provenance, Reference, Strict

QuestionType = Literal[
    "yes-no",  # yes or no, and "not applicable" where the question allows it
    "scale",  # labelled points, each with a score
    "grade",  # a judgement such as outstanding / good / requires improvement / inadequate
    "single",  # one of several choices
    "multiple",  # any of several choices
    "number",
    "date",
    "text",  # a short answer on one line
    "long-text",  # a longer answer, with a character count
]

CHOICE_TYPES = {"yes-no", "scale", "grade", "single", "multiple"}
YES_NO_CODES = ("yes", "no", "na")


class Choice(Strict):
    """One answer a choice question offers."""

    code: Code
    label: str
    hint: str = ""
    score: float | None = Field(default=None, description="What the answer scores, where the tool adds scores.")
    result: str = Field(default="", description="What the answer means, e.g. 'compliant'; shown in the results.")
    exclusive: bool = Field(
        default=False, description="On a multiple-choice question, an answer such as 'none' that stands alone."
    )


class Condition(Strict):
    """Show a question only when an earlier question is shown and answered with one of ``in``.
    Conditions nest: the earlier question may have a condition of its own."""

    # Authors write ``in``; the library stores the validated data under the field's name.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    question: Code
    in_: Annotated[list[Code], Field(alias="in", min_length=1)]


class Question(Strict):
    code: Code = Field(description="Unique in the questionnaire; answers are stored under it.")
    text: str
    type: QuestionType
    help: str = Field(default="", description="Shown under the question in the domain's words.")
    required: bool = True
    choices: list[Choice] = Field(
        default_factory=list,
        description="For scale, grade, single and multiple questions; a yes-no question has yes and "
        "no (and na where not_applicable) and may list them only to give scores or results.",
    )
    not_applicable: bool = Field(default=False, description="A yes-no question also offers 'not applicable'.")
    shown_when: Condition | None = None
    max_length: int | None = Field(default=None, ge=1, description="For text and long-text answers.")
    minimum: float | None = Field(default=None, description="For number answers.")
    maximum: float | None = Field(default=None, description="For number answers.")
    whole_number: bool = Field(default=True, description="For number answers: whole numbers only.")
    report_label: str = Field(default="", description="A short label for results tables, if the text is long.")

    @model_validator(mode="after")
    def _choices_fit_the_type(self) -> "Question":
        codes = [choice.code for choice in self.choices]
        if len(codes) != len(set(codes)):
            raise ValueError(f"question {self.code}: choice codes must be distinct")
        if self.type == "yes-no":
            allowed = set(YES_NO_CODES if self.not_applicable else YES_NO_CODES[:2])
            stray = [code for code in codes if code not in allowed]
            if stray:
                raise ValueError(
                    f"question {self.code}: a yes-no question's choices are {', '.join(sorted(allowed))}; "
                    f"not {', '.join(stray)}"
                )
        elif self.type in CHOICE_TYPES and len(self.choices) < 2:
            raise ValueError(f"question {self.code}: a {self.type} question needs at least two choices")
        elif self.type not in CHOICE_TYPES and self.choices:
            raise ValueError(f"question {self.code}: a {self.type} question has no choices")
        if self.type == "scale" and any(choice.score is None for choice in self.choices):
            raise ValueError(f"question {self.code}: every point of a scale needs a score")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError(f"question {self.code}: minimum is above maximum")
        return self

    def choice_codes(self) -> list[str]:
        """The codes of the answers it offers (yes-no questions included)."""
        if self.type == "yes-no":
            return list(YES_NO_CODES if self.not_applicable else YES_NO_CODES[:2])
        return [choice.code for choice in self.choices]


class AnsweredBy(Strict):
    """Who answers a section. The app using the questionnaire applies it: e.g. a case-file audit
    asks each agency taking part for the sections its agency type answers."""

    roles: list[Code] = Field(default_factory=list, description="Role codes that answer it; empty: any.")
    agency_types: list[Code] = Field(
        default_factory=list, description="Only agencies of these types answer it; empty: every agency."
    )


class QuestionnaireSection(Strict):
    code: Code
    title: str
    description: str = ""
    answered_by: AnsweredBy = Field(default_factory=AnsweredBy)
    questions: list[Question] = Field(min_length=1)


class QuestionnaireItem(Item):
    """A versioned questionnaire: an audit tool, a checklist, an evaluation or a survey."""

    description: str
    purpose: Code = Field(
        description="What it is for, e.g. case-audit, conference-checklist, evaluation, survey; apps offer "
        "the questionnaires of their purpose."
    )
    sections: list[QuestionnaireSection] = Field(min_length=1)
    provenance: Provenance | None = None

    @model_validator(mode="after")
    def _questions_hang_together(self) -> "QuestionnaireItem":
        problems: list[str] = []
        sections = [section.code for section in self.sections]
        for code in sorted({c for c in sections if sections.count(c) > 1}):
            problems.append(f"section {code}: code used by {sections.count(code)} sections")
        earlier: dict[str, Question] = {}
        for section in self.sections:
            for question in section.questions:
                if question.code in earlier:
                    problems.append(f"question {question.code}: code already used; each question needs its own")
                condition = question.shown_when
                if condition is not None:
                    asked = earlier.get(condition.question)
                    if asked is None:
                        problems.append(
                            f"question {question.code}: shown_when names {condition.question}, which is not "
                            "an earlier question"
                        )
                    elif asked.type not in CHOICE_TYPES:
                        problems.append(
                            f"question {question.code}: shown_when names {condition.question}, a {asked.type} "
                            "question; only a choice question can decide"
                        )
                    else:
                        unknown = [code for code in condition.in_ if code not in asked.choice_codes()]
                        if unknown:
                            problems.append(
                                f"question {question.code}: shown_when gives {', '.join(unknown)}, not an answer "
                                f"of {condition.question} ({', '.join(asked.choice_codes())})"
                            )
                earlier.setdefault(question.code, question)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @classmethod
    def error_message(cls, raw_item: object, loc: tuple, message: str) -> str:
        """A schema error naming the question where there is one: ``sections.0.questions.2.type``
        becomes "question second-plan-reason: type: ..."."""
        message = message.removeprefix("Value error, ")
        rest = list(loc)
        if not rest and message.startswith(("question ", "section ")):
            return message  # a check across the questionnaire, naming the question itself
        if not isinstance(raw_item, dict) or rest[:1] != ["sections"] or len(rest) < 2:
            return super().error_message(raw_item, loc, message)
        sections = raw_item.get("sections")
        section = sections[rest[1]] if isinstance(sections, list) and isinstance(rest[1], int) else None
        where = _named(section, "section", rest[1])
        rest = rest[2:]
        if rest[:1] == ["questions"] and len(rest) > 1 and isinstance(section, dict):
            questions = section.get("questions")
            question = questions[rest[1]] if isinstance(questions, list) and isinstance(rest[1], int) else None
            where = _named(question, "question", rest[1])
            rest = rest[2:]
        if message.startswith(("question ", "section ")):
            return message
        field = ".".join(str(x) for x in rest)
        return f"{where}: {field}: {message}" if field else f"{where}: {message}"

    def references(self) -> list[Reference]:
        """The roles and agency types its sections name."""
        found: list[Reference] = []
        for section in self.sections:
            where = f"section {section.code}"
            found += [Reference("role", code, "answered_by.roles", where) for code in section.answered_by.roles]
            found += [
                Reference("agency-type", code, "answered_by.agency_types", where)
                for code in section.answered_by.agency_types
            ]
        return found


def _named(entry: object, noun: str, index: object) -> str:
    code = entry.get("code") if isinstance(entry, dict) else None
    if isinstance(code, str) and code.strip():
        return f"{noun} {code}"
    return f"{noun} {index + 1 if isinstance(index, int) else index} (counting from the top)"
