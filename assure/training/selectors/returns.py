"""Reads of agencies' single-agency training returns.

An agency returns once a year, for the reporting year (April to March) just ended: the return of
2014-15 is asked from 1 April 2015 and due by ``DUE_MONTH``/``DUE_DAY`` (30 June 2015); after that
it is late. The agency's lead reads their own agencies' returns; the business unit every agency's.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from assure.accounts.permissions import agencies_of
from assure.library.selectors import current_item, current_items
from assure.partnerships.models import Agency, PartnershipAgency
from assure.partnerships.years import financial_year_of
from assure.questionnaires.definition import questionnaire_of

from ..imports import COMMENTS, LEVEL_QUESTION, WORKFORCE
from ..models import TrainingReturn
from ..permissions import can_make_return, can_manage

QUESTIONNAIRE = "training-return"
DUE_MONTH, DUE_DAY = 6, 30


def asked_year(today: dt.date) -> str:
    """The reporting year whose return is asked on ``today``: the one that ended last."""
    return financial_year_of(dt.date(today.year - 1, today.month, min(today.day, 28)))


def due_on(year: str) -> dt.date:
    """The day the return of ``year`` is due: 30 June after the year ends."""
    return dt.date(int(year[:4]) + 1, DUE_MONTH, DUE_DAY)


def is_late(*, year: str, today: dt.date) -> bool:
    return today > due_on(year)


def return_questionnaire():
    """The current version of the return's questionnaire (a new return is started on it)."""
    return current_item(kind="questionnaire", code=QUESTIONNAIRE)


def single_agency_levels(questionnaire=None) -> list[tuple[str, str]]:
    """(code, title) of the training levels counted in single-agency returns, in the library's
    order, those the questionnaire asks about."""
    questionnaire = questionnaire or return_questionnaire()
    asked = {q.code for q in questionnaire_of(questionnaire).questions(())} if questionnaire else set()
    levels = sorted(current_items(kind="training-level"), key=lambda item: item.data.get("order", 0))
    return [
        (item.code, item.title)
        for item in levels
        if item.data.get("single_agency", True) and LEVEL_QUESTION.format(code=item.code) in asked
    ]


def return_codes(questionnaire=None) -> list[str]:
    """The question codes a return's template carries, in its order."""
    levels = single_agency_levels(questionnaire)
    return [WORKFORCE, *(LEVEL_QUESTION.format(code=code) for code, _ in levels), COMMENTS]


def current_agencies(partnership) -> QuerySet[Agency]:
    links = PartnershipAgency.objects.filter(partnership=partnership, left_on__isnull=True)
    return Agency.objects.filter(pk__in=links.values("agency_id")).select_related("sector").order_by("name")


def returns_visible_to(*, user, partnership) -> QuerySet[TrainingReturn]:
    """The returns the user may read: every agency's for the business unit, their own agencies'
    for an agency's lead, none otherwise."""
    qs = TrainingReturn.objects.filter(partnership=partnership).select_related("agency", "response", "submitted_by")
    if can_manage(user=user, partnership=partnership):
        return qs
    if can_make_return(user=user, partnership=partnership):
        return qs.filter(agency_id__in=agencies_of(user=user, partnership=partnership))
    return qs.none()


def return_for(*, user, partnership, pk: int) -> TrainingReturn | None:
    return returns_visible_to(user=user, partnership=partnership).filter(pk=pk).first()


def lead_agencies(*, user, partnership) -> QuerySet[Agency]:
    """The agencies the user makes returns for (their own, still in the partnership)."""
    if not can_make_return(user=user, partnership=partnership):
        return Agency.objects.none()
    return current_agencies(partnership).filter(pk__in=agencies_of(user=user, partnership=partnership))


@dataclass(frozen=True)
class AgencyReturn:
    """One agency's line of the year's overview: its return, if it has been started."""

    agency: Agency
    training_return: TrainingReturn | None

    @property
    def is_submitted(self) -> bool:
        return self.training_return is not None and self.training_return.status == TrainingReturn.Status.SUBMITTED

    @property
    def figures(self) -> dict:
        """The completions by level code, once returned."""
        return self.training_return.completions if self.is_submitted else {}


def returns_overview(*, user, partnership, year: str) -> list[AgencyReturn]:
    """Every current agency of the partnership with its return of ``year`` (or None), for the
    business unit; nothing for anyone else. Two queries."""
    if not can_manage(user=user, partnership=partnership):
        return []
    found = {r.agency_id: r for r in returns_visible_to(user=user, partnership=partnership).filter(year=year)}
    return [
        AgencyReturn(agency=agency, training_return=found.get(agency.pk)) for agency in current_agencies(partnership)
    ]


def return_years(*, user, partnership, today: dt.date) -> list[str]:
    """The years to choose between: those with returns, and the one asked now, newest first."""
    years = set(returns_visible_to(user=user, partnership=partnership).values_list("year", flat=True).distinct())
    years.add(asked_year(today))
    return sorted(years, reverse=True)
