"""Reads for asking agencies for figures in bulk: the indicators by theme, the partnership's
agencies by agency type and by sector, and the round before a round (whose assignments can be
copied). Each takes the requesting user: someone who may not moderate returns gets nothing."""

from dataclasses import dataclass

from django.db.models import Q

from assure.library.selectors import current_items
from assure.partnerships.models import Agency, Partnership, PartnershipAgency

from ..models import Indicator, ReturnRound
from ..permissions import can_moderate_returns
from .returns import assignable_indicators


@dataclass(frozen=True)
class AgencyGroup:
    """Agencies of one agency type or one sector, by the library item's code."""

    code: str
    title: str
    agencies: tuple[str, ...]  # their names

    @property
    def label(self) -> str:
        count = len(self.agencies)
        return f"{self.title} ({count} agenc{'ies' if count != 1 else 'y'})"


def current_agencies(*, user, partnership: Partnership):
    """The partnership's agencies that belong to it today, by name, with their type and sector."""
    if not can_moderate_returns(user=user, partnership=partnership):
        return Agency.objects.none()
    links = PartnershipAgency.objects.filter(partnership=partnership, left_on__isnull=True)
    return (
        Agency.objects.filter(pk__in=links.values("agency_id"), is_active=True)
        .select_related("agency_type", "sector")
        .order_by("name")
    )


def _groups(agencies, attribute: str) -> list[AgencyGroup]:
    found: dict[str, tuple[str, list[str]]] = {}
    for agency in agencies:
        item = getattr(agency, attribute)
        found.setdefault(item.code, (item.title, []))[1].append(agency.name)
    return [
        AgencyGroup(code, title, tuple(names)) for code, (title, names) in sorted(found.items(), key=lambda i: i[1][0])
    ]


def agency_groups(*, user, partnership: Partnership) -> tuple[list[AgencyGroup], list[AgencyGroup]]:
    """The agency types and the sectors the partnership's current agencies have, each with the
    agencies of it (an agency's type and sector are items of the library's agency-types and
    sectors documents). One query."""
    agencies = list(current_agencies(user=user, partnership=partnership))
    return _groups(agencies, "agency_type"), _groups(agencies, "sector")


def agencies_of_groups(*, user, partnership: Partnership, agency_types=(), sectors=()) -> list[Agency]:
    """The partnership's current agencies of any of the agency types or sectors given (codes)."""
    if not agency_types and not sectors:
        return []
    chosen = Q(agency_type__code__in=list(agency_types)) | Q(sector__code__in=list(sectors))
    return list(current_agencies(user=user, partnership=partnership).filter(chosen))


def indicators_by_theme() -> list[tuple[str, list[Indicator]]]:
    """The indicators agencies are asked for, under the titles of their themes in the library's
    order (reference data, the same for every partnership)."""
    titles = {item.code: item.title for item in current_items(kind="indicator-theme")}
    order = list(titles)
    grouped: dict[str, list[Indicator]] = {}
    for indicator in assignable_indicators():
        grouped.setdefault(indicator.data.get("theme", ""), []).append(indicator)
    themes = sorted(grouped, key=lambda code: (order.index(code) if code in order else len(order), code))
    return [(titles.get(code, code.replace("-", " ").capitalize() or "Other"), grouped[code]) for code in themes]


def round_before(*, user, round: ReturnRound) -> ReturnRound | None:
    """The partnership's round for the period of the same kind just before this round's (the
    latest one that starts earlier), whose assignments can be copied."""
    if not can_moderate_returns(user=user, partnership=round.partnership):
        return None
    return (
        ReturnRound.objects.filter(
            partnership=round.partnership, period__kind=round.period.kind, period__start__lt=round.period.start
        )
        .select_related("period")
        .order_by("-period__start")
        .first()
    )
