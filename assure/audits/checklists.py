"""The submitted conference checklists of a partnership, read in bulk: each conference's financial
year and the answers to the questions asked, with which questions its checklist showed (a
conditional question is asked only where the answer it depends on was given).

The computed indicators, the year's table and the report's readers all count from here, so a
figure reads the same wherever it is shown. Nothing here checks who is asking: the callers do
(a selector given the person, or a computation whose figures performance shows through its own
permissions). Two queries, whatever the number of conferences.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from django.db.models import Q

from assure.library.models import LibraryItem
from assure.partnerships.years import financial_year_bounds, financial_year_of
from assure.questionnaires.definition import Questionnaire, Value, is_blank, questionnaire_of
from assure.questionnaires.models import Response
from assure.questionnaires.results import answers_of

from .models import Conference


@dataclass
class Checklist:
    """One conference's submitted checklist: its year and its answers (question code → value)."""

    conference_id: int
    response_id: int
    held_on: object
    year: str
    definition: Questionnaire
    sections: list[str]
    values: dict[str, Value] = field(default_factory=dict)

    def asked(self, question: str) -> bool:
        """Whether the checklist showed ``question`` (a question its version does not hold is not asked)."""
        try:
            found = self.definition.question(question)
        except KeyError:
            return False
        if self.sections and self.definition.section_of(question) not in self.sections:
            return False
        return self.definition.is_shown(found, self.values)

    def answered(self, question: str, code: str) -> bool:
        value = self.values.get(question)
        return code in value if isinstance(value, list) else value == code

    def absent(self, question: str) -> list[str]:
        """The agencies a multiple-choice question of absences names: every code chosen but the
        exclusive ones ("None: every agency was represented")."""
        value = self.values.get(question)
        if not isinstance(value, list) or is_blank(value):
            return []
        try:
            exclusive = {c.code for c in self.definition.choices(self.definition.question(question)) if c.exclusive}
        except KeyError:
            return []
        return [code for code in value if code not in exclusive]


def submitted_conferences(*, partnership, years: Collection[str] | None = None):
    """The partnership's conferences whose checklist was submitted, in the financial years given
    (every year when None)."""
    conferences = Conference.objects.filter(partnership=partnership, response__status__in=Response.LOCKED)
    if years is not None:
        bounds = [financial_year_bounds(year) for year in years]
        if not bounds:
            return conferences.none()
        within = Q()
        for first, last in bounds:
            within |= Q(held_on__gte=first, held_on__lte=last)
        conferences = conferences.filter(within)
    return conferences


def checklists(
    *, partnership=None, conferences=None, years: Collection[str] | None = None, questions: Iterable[str] | None = None
) -> list[Checklist]:
    """The submitted checklists of ``conferences`` (or of the partnership's, in ``years``), with
    the answers to ``questions`` and to every question they depend on (all answers when None)."""
    if conferences is None:
        conferences = submitted_conferences(partnership=partnership, years=years)
    else:
        conferences = conferences.filter(response__status__in=Response.LOCKED)
    rows = list(
        conferences.order_by("held_on", "pk").values_list(
            "pk", "response_id", "held_on", "response__questionnaire_id", "response__sections"
        )
    )
    if not rows:
        return []
    versions = {pk: questionnaire_of(item) for pk, item in _items({row[3] for row in rows}).items()}
    found = [
        Checklist(
            conference_id=pk,
            response_id=response_id,
            held_on=held_on,
            year=financial_year_of(held_on),
            definition=versions[item_id],
            sections=list(sections or []),
        )
        for pk, response_id, held_on, item_id, sections in rows
    ]
    wanted = None if questions is None else _with_conditions(set(questions), versions.values())
    values = answers_of([c.response_id for c in found], questions=wanted)
    for checklist in found:
        checklist.values = values.get(checklist.response_id, {})
    return found


def _items(ids: set[int]) -> dict[int, LibraryItem]:
    return {item.pk: item for item in LibraryItem.objects.filter(pk__in=ids)}


def _with_conditions(codes: set[str], versions: Iterable[Questionnaire]) -> set[str]:
    """The codes asked for and every question their conditions depend on, in any version."""
    wanted = set(codes)
    for definition in versions:
        for code in codes:
            current = code
            while True:
                try:
                    condition = definition.question(current).shown_when
                except KeyError:
                    break
                if condition is None:  # conditions name earlier questions only, so this ends
                    break
                wanted.add(condition.question)
                current = condition.question
    return wanted
