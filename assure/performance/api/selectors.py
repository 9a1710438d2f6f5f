"""Reads behind the API. Every one takes the requesting user and the partnership of the URL,
and returns only what that user may see there."""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from ..areas import area_of_partnership, statistical_neighbours
from ..models import Area, DataReturn, Observation
from ..permissions import can_view_performance


@dataclass(frozen=True)
class ComparisonAreas:
    """The areas whose published figures a partnership compares itself with."""

    local_authority: Area | None = None
    region: Area | None = None
    england: Area | None = None
    neighbours: tuple[Area, ...] = field(default_factory=tuple)

    @property
    def ids(self) -> list[int]:
        areas = [self.local_authority, self.region, self.england, *self.neighbours]
        return [a.pk for a in areas if a is not None]


def comparison_areas(*, partnership) -> ComparisonAreas:
    """The partnership's local authority, its region, England and the authority's statistical
    neighbours (of the newest grouping), as the scorecard compares them."""
    england = Area.objects.filter(level=Area.Level.NATIONAL).first()
    la = area_of_partnership(partnership)
    if la is None:
        return ComparisonAreas(england=england)
    neighbours = tuple(link.neighbour for link in statistical_neighbours(area=la))
    return ComparisonAreas(local_authority=la, region=la.region, england=england, neighbours=neighbours)


def observations_visible_to(*, user, partnership) -> QuerySet[Observation]:
    """The observations a person with performance.view sees in the partnership: its agencies'
    validated returns, its local imports and the figures Assure computed from its records (each
    with its provenance), and the published figures of its local authority,
    its region, England and its statistical neighbours. Drafts, submitted and returned figures
    are the returns pages' business, never the API's. Empty for anyone else."""
    if not can_view_performance(user=user, partnership=partnership):
        return Observation.objects.none()
    areas = comparison_areas(partnership=partnership)
    local = Q(partnership=partnership) & (
        Q(source=Observation.Source.AGENCY_RETURN, data_return__status=DataReturn.Status.VALIDATED)
        | Q(source=Observation.Source.LOCAL_IMPORT)
        | Q(source=Observation.Source.COMPUTED)
    )
    published = Q(source=Observation.Source.PUBLICATION, area_id__in=areas.ids)
    return (
        Observation.objects.filter(local | published)
        .select_related(
            "indicator",
            "definition__document",
            "period",
            "area",
            "agency",
            "publication",
            "data_return",
        )
        .order_by("indicator__code", "period__start", "period__kind", "source", "area__level", "area__name", "pk")
    )
