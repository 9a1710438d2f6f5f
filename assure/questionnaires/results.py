"""What the responses to a questionnaire add up to, question by question.

Each question is counted among the responses that were **asked** it: a response whose sections
do not hold the question was not asked it, and neither was one whose answers hid it (a
conditional question's denominator is the responses that showed it). Responses to several
versions of one questionnaire are counted together, question by question by code: each response
is read with the version it was answered on, and the newest version gives the questions' order,
wording and choices (a question or choice only an older version has follows the newest's).

Only the responses the caller passes are counted; callers pass the ones that count (submitted,
or moderated). The responses are read in one query and their answers in one more, whatever
their number. Nothing here decides who may see the figures: the using app's selector does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet

from assure.library.schemas_questionnaires import Choice, Question

from .definition import Questionnaire, Value, is_blank, label_of, questionnaire_of
from .models import Answer, Response
from .outline import asked_when

# Means are given to one decimal place, half rounded up.
MEAN_PLACES = Decimal("0.1")


def percent(part: int, whole: int) -> int | None:
    """``part`` as a whole percentage of ``whole``, a half rounded up (57.5 is 58); None when
    ``whole`` is nought. Integer arithmetic, so no half is lost to a binary fraction."""
    if not whole:
        return None
    return (200 * part + whole) // (2 * whole)


def mean(figures: Iterable[Decimal]) -> Decimal | None:
    """The mean to one decimal place, half rounded up; None when there are no figures."""
    figures = list(figures)
    if not figures:
        return None
    return (sum(figures, Decimal(0)) / len(figures)).quantize(MEAN_PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ChoiceResult:
    code: str
    label: str
    count: int
    percent: int | None  # of the responses asked the question
    score: float | None = None
    result: str = ""


@dataclass(frozen=True)
class QuestionResult:
    code: str
    label: str  # the short label for tables (the question's report label, or its text)
    text: str
    type: str
    section: str  # the title of its section
    asked_when: str  # its condition in words; "" when always asked
    asked: int  # responses that were asked it
    answered: int  # of those, the ones that answered it
    choices: list[ChoiceResult] = field(default_factory=list)
    count: int = 0  # number questions: the answers counted
    mean: Decimal | None = None  # number questions: their mean; choice questions with scores: the mean score
    minimum: Decimal | None = None
    maximum: Decimal | None = None

    @property
    def unanswered(self) -> int:
        return self.asked - self.answered

    @property
    def answered_percent(self) -> int | None:
        return percent(self.answered, self.asked)

    def choice(self, code: str) -> ChoiceResult | None:
        return next((choice for choice in self.choices if choice.code == code), None)


@dataclass(frozen=True)
class GroupFigure:
    group: str
    asked: int
    count: int  # responses answering the chosen answer
    percent: int | None


@dataclass(frozen=True)
class ComparedRow:
    code: str
    label: str
    text: str
    asked_when: str
    figures: list[GroupFigure]

    def figure(self, group: str) -> GroupFigure | None:
        return next((figure for figure in self.figures if figure.group == group), None)


# --- reading the responses -----------------------------------------------------------------


@dataclass(frozen=True)
class _Read:
    """One response as counting needs it: the version it was answered on, its answers, and the
    codes of the questions it was asked."""

    questionnaire: Questionnaire
    version: tuple[int, int]  # how new its version is: the document's version, then the item's id
    values: dict[str, Value]
    asked: frozenset[str]


def answers_of(response_ids: Iterable[int], *, questions: Iterable[str] | None = None) -> dict[int, dict[str, Value]]:
    """Each response's answers (question code → value), for the responses given, in one query;
    only the ``questions`` named when given."""
    values: dict[int, dict[str, Value]] = defaultdict(dict)
    answers = Answer.objects.filter(response_id__in=list(response_ids)).only(
        "response_id", "question", "choice", "choices", "number", "date", "text"
    )
    if questions is not None:
        answers = answers.filter(question__in=list(questions))
    for answer in answers.order_by():
        values[answer.response_id][answer.question] = answer.value
    return values


def _read(responses: QuerySet[Response]) -> list[_Read]:
    """The responses with their answers: two queries, however many responses."""
    responses = list(responses.select_related("questionnaire__document").order_by())
    values = answers_of([r.pk for r in responses])
    versions: dict[int, Questionnaire] = {}
    read = []
    for response in responses:
        questionnaire = versions.get(response.questionnaire_id)
        if questionnaire is None:
            questionnaire = versions[response.questionnaire_id] = questionnaire_of(response.questionnaire)
        given = values.get(response.pk, {})
        shown = frozenset(q.code for q in questionnaire.shown(given, response.sections))
        version = (response.questionnaire.document.version, response.questionnaire_id)
        read.append(_Read(questionnaire=questionnaire, version=version, values=given, asked=shown))
    return read


@dataclass
class _Entry:
    """A question as the results give it: the newest version's wording, and every choice any
    version offers (the newest's first)."""

    question: Question
    questionnaire: Questionnaire
    section: str
    choices: list[Choice]


def _catalogue(reads: Iterable[_Read]) -> list[_Entry]:
    """Every question of the versions answered, by code: the newest version's first, in its
    order, then any only older versions have."""
    versions: dict[tuple[int, int], Questionnaire] = {}
    for read in reads:
        versions.setdefault(read.version, read.questionnaire)
    ordered = [versions[version] for version in sorted(versions, reverse=True)]
    entries: dict[str, _Entry] = {}
    for questionnaire in ordered:
        for section in questionnaire.sections:
            for question in section.questions:
                entry = entries.get(question.code)
                if entry is None:
                    entries[question.code] = _Entry(
                        question=question,
                        questionnaire=questionnaire,
                        section=section.title,
                        choices=questionnaire.choices(question),
                    )
                    continue
                known = {choice.code for choice in entry.choices}
                entry.choices += [c for c in questionnaire.choices(question) if c.code not in known]
    return list(entries.values())


def _score_of(questionnaire: Questionnaire, question: Question, code: str) -> float | None:
    for choice in questionnaire.choices(question):
        if choice.code == code:
            return choice.score
    return None


def _result(entry: _Entry, reads: list[_Read]) -> QuestionResult:
    code = entry.question.code
    asked = [read for read in reads if code in read.asked]
    answered = [read for read in asked if not is_blank(read.values.get(code))]
    counts: Mapping[str, int] = defaultdict(int)
    scores: list[Decimal] = []
    numbers: list[Decimal] = []
    for read in answered:
        value = read.values[code]
        if isinstance(value, list):
            for chosen in set(value):
                counts[chosen] += 1
        elif isinstance(value, str) and entry.question.type in {"yes-no", "scale", "grade", "single"}:
            counts[value] += 1
            score = _score_of(read.questionnaire, read.questionnaire.question(code), value)
            if score is not None:
                scores.append(Decimal(str(score)))
        elif isinstance(value, Decimal):
            numbers.append(value)
    choices = [
        ChoiceResult(
            code=choice.code,
            label=choice.label,
            count=counts.get(choice.code, 0),
            percent=percent(counts.get(choice.code, 0), len(asked)),
            score=choice.score,
            result=choice.result,
        )
        for choice in entry.choices
    ]
    return QuestionResult(
        code=code,
        label=label_of(entry.question),
        text=entry.question.text,
        type=entry.question.type,
        section=entry.section,
        asked_when=asked_when(entry.questionnaire, entry.question),
        asked=len(asked),
        answered=len(answered),
        choices=choices,
        count=len(numbers),
        mean=mean(numbers) if entry.question.type == "number" else mean(scores),
        minimum=min(numbers) if numbers else None,
        maximum=max(numbers) if numbers else None,
    )


def question_results(*, responses: QuerySet[Response]) -> list[QuestionResult]:
    """Per question of the questionnaire (by code, across its versions), among the responses
    asked it: how many were asked and answered; each choice's count and percentage of those
    asked (a multiple-choice question's: of the responses choosing it); a number question's
    count, mean, minimum and maximum; a choice question with scores (a scale) its mean score."""
    reads = _read(responses)
    return [_result(entry, reads) for entry in _catalogue(reads)]


def compared(*, groups: Mapping[str, QuerySet[Response]], choice: str = "yes") -> list[ComparedRow]:
    """Per question offering the answer ``choice``, each group's (a year, an agency) responses
    asked it, how many answered ``choice``, and the percentage: the "% yes" table year on year.
    The groups keep the order given; the questions follow the newest version any group answered."""
    for responses in groups.values():
        reads = {name: _read(responses) for name, responses in groups.items()}
    entries = _catalogue(read for group in reads.values() for read in group)
    rows = []
    for entry in entries:
        if choice not in {c.code for c in entry.choices}:
            continue
        figures = []
        for name, group in reads.items():
            result = _result(entry, group)
            chosen = result.choice(choice)
            count = chosen.count if chosen else 0
            figures.append(
                GroupFigure(group=name, asked=result.asked, count=count, percent=percent(count, result.asked))
            )
        rows.append(
            ComparedRow(
                code=entry.question.code,
                label=label_of(entry.question),
                text=entry.question.text,
                asked_when=asked_when(entry.questionnaire, entry.question),
                figures=figures,
            )
        )
    return rows
