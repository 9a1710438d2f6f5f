"""Figures of the core dataset counted from audits' records (registered in
``registrations.conferences()`` with ``assure.core.computations``): the child protection
conferences quality-assured in the year and the percentage answering "yes" to each question of
their checklist, the conferences where an agency was not adequately represented and who was
absent, and the case files audited and moderated in the year.

The conference services call ``records_changed("audits", ...)`` when a checklist is submitted or
a conference's date changes; the case-file services when a file is moderated. Every figure counts
every record of the partnership, whoever is looking: the performance app shows them only to those
who may see the partnership's performance.
"""

from collections import defaultdict
from collections.abc import Collection
from decimal import Decimal

from django.utils import timezone

from assure.core.computations import ComputedFigure, Parameter
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_of

from .checklists import Checklist, checklists
from .models import CaseAudit

OWNER = "audits"

QUESTION = Parameter("The code of a question of the conference checklist.")
ANSWER = Parameter('The answer counted, by its code (default "yes").', required=False)
ABSENCES = Parameter("The code of the checklist's multiple-choice question of the agencies absent.")
AGENCY = Parameter(
    "The code of one agency among that question's choices (the GP, say): the percentage of the conferences "
    "with an agency absent where it was absent. Without it, the percentage of conferences with any agency absent.",
    required=False,
)


def _conferences(count: int) -> str:
    return f"{count} conference checklist{'' if count == 1 else 's'}"


def _by_year(found: list[Checklist]) -> dict[str, list[Checklist]]:
    years: dict[str, list[Checklist]] = defaultdict(list)
    for checklist in found:
        years[checklist.year].append(checklist)
    return dict(sorted(years.items()))


def conferences_checked(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year, the conferences whose quality-assurance checklist was submitted."""
    found = _by_year(checklists(partnership=partnership, years=years, questions=()))
    return [
        ComputedFigure(year=year, numerator=Decimal(len(rows)), counted_from=_conferences(len(rows)))
        for year, rows in found.items()
    ]


def conference_yes_percent(
    *, partnership: Partnership, years: Collection[str] | None = None, question: str, answer: str = "yes"
) -> list[ComputedFigure]:
    """Per financial year, of the submitted checklists that asked ``question`` (a conditional
    question is asked only of some), those answering ``answer``."""
    figures = []
    for year, rows in _by_year(checklists(partnership=partnership, years=years, questions=[question])).items():
        asked = [c for c in rows if c.asked(question)]
        if not asked:
            continue
        chosen = sum(1 for c in asked if c.answered(question, answer))
        figures.append(
            ComputedFigure(
                year=year,
                numerator=Decimal(chosen),
                denominator=Decimal(len(asked)),
                counted_from=f"{_conferences(len(asked))} asked the question",
            )
        )
    return figures


def conferences_with_absence(
    *, partnership: Partnership, years: Collection[str] | None = None, question: str
) -> list[ComputedFigure]:
    """Per financial year, the conferences at which an agency was not adequately represented
    (the checklist's question of absences names at least one agency)."""
    figures = []
    for year, rows in _by_year(checklists(partnership=partnership, years=years, questions=[question])).items():
        asked = [c for c in rows if c.asked(question)]
        if asked:
            absent = sum(1 for c in asked if c.absent(question))
            figures.append(ComputedFigure(year=year, numerator=Decimal(absent), counted_from=_conferences(len(asked))))
    return figures


def conference_absence_percent(
    *, partnership: Partnership, years: Collection[str] | None = None, question: str, agency: str = ""
) -> list[ComputedFigure]:
    """Per financial year: without ``agency``, the percentage of the conferences asked about
    absences at which an agency was absent; with it, the percentage of those conferences with an
    agency absent at which that agency was."""
    figures = []
    for year, rows in _by_year(checklists(partnership=partnership, years=years, questions=[question])).items():
        asked = [c for c in rows if c.asked(question)]
        with_absence = [c for c in asked if c.absent(question)]
        if agency:
            if not with_absence:
                continue
            part = sum(1 for c in with_absence if agency in c.absent(question))
            whole, words = len(with_absence), f"{_conferences(len(with_absence))} with an agency absent"
        else:
            if not asked:
                continue
            part, whole, words = len(with_absence), len(asked), _conferences(len(asked))
        figures.append(
            ComputedFigure(year=year, numerator=Decimal(part), denominator=Decimal(whole), counted_from=words)
        )
    return figures


def case_files_audited(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year, the case files of the partnership's audits moderated in it."""
    counts: dict[str, int] = defaultdict(int)
    moments = CaseAudit.objects.filter(
        partnership=partnership, status=CaseAudit.Status.MODERATED, moderated_at__isnull=False
    ).values_list("moderated_at", flat=True)
    for moment in moments:
        counts[financial_year_of(timezone.localtime(moment).date())] += 1
    return [
        ComputedFigure(
            year=year,
            numerator=Decimal(count),
            counted_from=f"{count} case file{'' if count == 1 else 's'} audited and moderated",
        )
        for year, count in sorted(counts.items())
        if years is None or year in years
    ]
