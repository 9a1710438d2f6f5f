"""Who comes to the board's multi-agency training, against who works with children: delegates by
agency and by sector in a reporting year, beside each agency's workforce from its single-agency
training return.

Delegates are bookings marked attended on scheduled sessions of multi-agency courses starting in
the year (not conferences, not their workshops). Delegates per 100 staff divide an agency's
delegates by the workforce it returned. A sector's share of the delegates (of those from
agencies) is set against its share of the workforce returned; a sector whose share of delegates
is under the partnership's training policy's ``under_represented_percent`` (half, as Assure ships
it) of its share of the workforce is under-represented.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count

from assure.partnerships.models import Agency
from assure.partnerships.years import financial_year_bounds

from ..models import Booking, Course, Session, TrainingReturn
from ..permissions import can_view_figures
from ..policy import policy_for
from .returns import current_agencies

NO_SECTOR = "No sector recorded"
OTHER_ORGANISATIONS = "Organisations that are not agencies"


def _one_place(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _percent(part: int, whole: int) -> Decimal | None:
    return _one_place(Decimal(part) * 100 / whole) if whole else None


@dataclass
class AgencyLine:
    name: str
    sector: str
    delegates: int = 0
    workforce: int | None = None

    @property
    def per_hundred(self) -> Decimal | None:
        return _one_place(Decimal(self.delegates) * 100 / self.workforce) if self.workforce else None


@dataclass
class SectorLine:
    name: str
    delegates: int = 0
    workforce: int = 0
    delegate_share: Decimal | None = None
    workforce_share: Decimal | None = None
    under_represented: bool = False

    @property
    def per_hundred(self) -> Decimal | None:
        return _one_place(Decimal(self.delegates) * 100 / self.workforce) if self.workforce else None


@dataclass
class Representation:
    year: str
    agencies: list[AgencyLine] = field(default_factory=list)
    sectors: list[SectorLine] = field(default_factory=list)
    other_delegates: int = 0
    returns: int = 0
    # Under what percentage of its workforce share a sector's delegate share is flagged (the policy's).
    ratio_percent: int = 50

    @property
    def delegates(self) -> int:
        return sum(line.delegates for line in self.agencies) + self.other_delegates

    @property
    def under_represented(self) -> list[SectorLine]:
        return [line for line in self.sectors if line.under_represented]


def _delegates(partnership, year: str):
    start, end = financial_year_bounds(year)
    return (
        Booking.objects.filter(
            partnership=partnership,
            attendance=Booking.Attendance.ATTENDED,
            session__status=Session.Status.SCHEDULED,
            session__parent__isnull=True,
            session__course__is_multi_agency=True,
            session__starts_at__date__gte=start,
            session__starts_at__date__lte=end,
        )
        .exclude(session__course__delivery=Course.Delivery.CONFERENCE)
        .values_list("agency_id")
        .annotate(n=Count("pk"))
        .order_by()
    )


def representation_for_year(*, partnership, year: str) -> Representation:
    """The year's representation at multi-agency training, for every current agency of the
    partnership (and agencies no longer in it that sent delegates). Reads no person: the caller
    has decided the reader may see the figures (``representation_of`` does, given the user)."""
    delegates = dict(_delegates(partnership, year))
    returns = {
        r.agency_id: r.workforce
        for r in TrainingReturn.objects.filter(
            partnership=partnership, year=year, status=TrainingReturn.Status.SUBMITTED
        ).only("agency_id", "workforce")
    }
    agencies = list(current_agencies(partnership))
    known = {a.pk for a in agencies}
    missing = {pk for pk in delegates if pk is not None and pk not in known}
    if missing:
        agencies += list(Agency.objects.filter(pk__in=missing).select_related("sector"))
    ratio_percent = policy_for(partnership)[1].under_represented_percent
    result = Representation(
        year=year, other_delegates=delegates.get(None, 0), returns=len(returns), ratio_percent=ratio_percent
    )
    sectors: dict[str, SectorLine] = defaultdict(lambda: SectorLine(name=""))
    for agency in sorted(agencies, key=lambda a: a.name.lower()):
        sector = agency.sector.title if agency.sector_id else NO_SECTOR
        line = AgencyLine(
            name=agency.name, sector=sector, delegates=delegates.get(agency.pk, 0), workforce=returns.get(agency.pk)
        )
        result.agencies.append(line)
        totals = sectors[sector]
        totals.name = sector
        totals.delegates += line.delegates
        totals.workforce += line.workforce or 0
    all_delegates = sum(s.delegates for s in sectors.values())
    all_workforce = sum(s.workforce for s in sectors.values())
    for line in sectors.values():
        line.delegate_share = _percent(line.delegates, all_delegates)
        line.workforce_share = _percent(line.workforce, all_workforce)
        if all_delegates and all_workforce and line.workforce:
            line.under_represented = Decimal(line.delegates) / all_delegates < Decimal(ratio_percent) / 100 * (
                Decimal(line.workforce) / all_workforce
            )
    result.sectors = sorted(sectors.values(), key=lambda s: (s.name == NO_SECTOR, s.name.lower()))
    return result


def representation_of(*, user, partnership, year: str) -> Representation | None:
    """The year's representation for a reader of the training figures; None for anyone else."""
    if not can_view_figures(user=user, partnership=partnership):
        return None
    return representation_for_year(partnership=partnership, year=year)
