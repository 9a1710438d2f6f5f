"""Reading the conferences quality-assured: the list (those who read the board's figures see every
conference of the partnership; someone recording for their agency sees the ones they recorded),
the year's table of "% yes" beside the year before (§5.8 of the seed), and the analysis of the
agencies not adequately represented (§5.9)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from assure.partnerships.years import financial_year_bounds, financial_year_of
from assure.questionnaires.definition import questionnaire_of
from assure.questionnaires.models import Response
from assure.questionnaires.results import ComparedRow, compared, percent

from ..checklists import checklists
from ..models import Conference
from ..permissions import can_record_conferences, can_view_conferences, sees_own_conferences_only

# The checklist's question of the agencies not adequately represented (library content: the
# question's code in library/assure/questionnaires/conference-checklist.yaml).
ABSENCES = "agencies-absent"


def conferences_visible_to(*, user, partnership) -> QuerySet[Conference]:
    """The partnership's conferences the user may see, newest first."""
    if not (
        can_view_conferences(user=user, partnership=partnership)
        or can_record_conferences(user=user, partnership=partnership)
    ):
        return Conference.objects.none()
    found = Conference.objects.filter(partnership=partnership).select_related("response", "recorded_by")
    if sees_own_conferences_only(user=user, partnership=partnership):
        found = found.filter(recorded_by=user)
    return found


def conference_years(*, user, partnership) -> list[str]:
    """The financial years of the conferences the user may see, newest first."""
    days = conferences_visible_to(user=user, partnership=partnership).dates("held_on", "month", order="DESC")
    years: list[str] = []
    for day in days:
        year = financial_year_of(day)
        if year not in years:
            years.append(year)
    return years


def previous_year(year: str) -> str:
    start = int(year[:4]) - 1
    return f"{start}-{(start + 1) % 100:02d}"


def _submitted_responses(*, user, partnership, year: str) -> QuerySet[Response]:
    first, last = financial_year_bounds(year)
    ids = (
        conferences_visible_to(user=user, partnership=partnership)
        .filter(held_on__gte=first, held_on__lte=last, response__status__in=Response.LOCKED)
        .values("response_id")
    )
    return Response.objects.filter(pk__in=ids)


@dataclass(frozen=True)
class YearTable:
    """The year's "% yes" table: the years compared (the year before first), the conferences
    checked in each, and a row per yes-no question."""

    years: list[str]
    totals: dict[str, int]
    rows: list[ComparedRow]

    @property
    def empty(self) -> bool:
        return not any(self.totals.values())


def conference_year_table(*, user, partnership, year: str) -> YearTable:
    """Each yes-no question's "% yes" among the submitted checklists of the year that asked it,
    beside the year before (the engine's ``compared``)."""
    if not can_view_conferences(user=user, partnership=partnership):
        return YearTable(years=[], totals={}, rows=[])
    years = [previous_year(year), year]
    groups = {label: _submitted_responses(user=user, partnership=partnership, year=label) for label in years}
    totals = {label: responses.count() for label, responses in groups.items()}
    rows = compared(groups=groups) if any(totals.values()) else []
    return YearTable(years=years, totals=totals, rows=rows)


@dataclass(frozen=True)
class AgencyAbsence:
    code: str
    agency: str
    conferences: int  # of the conferences with an agency absent, those it was absent from
    percent: int | None


@dataclass(frozen=True)
class Absences:
    """The year's conferences at which an agency was not adequately represented, and for each
    agency the share of those it was absent from."""

    year: str
    checked: int  # conferences asked who was absent
    with_absence: int
    agencies: list[AgencyAbsence]

    @property
    def percent(self) -> int | None:
        return percent(self.with_absence, self.checked)


def absences_of(*, conferences: QuerySet[Conference], year: str) -> Absences:
    """The absences analysis of the submitted checklists among ``conferences`` held in ``year``
    (the caller has decided the conferences may be seen)."""
    first, last = financial_year_bounds(year)
    found = [
        c
        for c in checklists(conferences=conferences.filter(held_on__gte=first, held_on__lte=last), questions=[ABSENCES])
        if c.asked(ABSENCES)
    ]
    absent = [c.absent(ABSENCES) for c in found]
    with_absence = [codes for codes in absent if codes]
    labels: dict[str, str] = {}
    for checklist in found:
        try:
            question = checklist.definition.question(ABSENCES)
        except KeyError:
            continue
        for choice in checklist.definition.choices(question):
            if not choice.exclusive:
                labels.setdefault(choice.code, choice.label)
    counts = {code: sum(1 for codes in with_absence if code in codes) for code in labels}
    agencies = [
        AgencyAbsence(code=code, agency=labels[code], conferences=count, percent=percent(count, len(with_absence)))
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], labels[item[0]]))
        if count
    ]
    return Absences(year=year, checked=len(found), with_absence=len(with_absence), agencies=agencies)


def conference_absences(*, user, partnership, year: str) -> Absences:
    """The year's absences analysis for someone who reads the board's figures."""
    if not can_view_conferences(user=user, partnership=partnership):
        return Absences(year=year, checked=0, with_absence=0, agencies=[])
    return absences_of(conferences=conferences_visible_to(user=user, partnership=partnership), year=year)


def checklist_title(conference: Conference) -> str:
    """The checklist's title, as the version answered names it."""
    if conference.response is None:
        return "Quality-assurance checklist"
    return questionnaire_of(conference.response.questionnaire).title
