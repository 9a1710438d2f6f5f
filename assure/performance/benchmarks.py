"""How a local authority compares: for an indicator and a period, the authority's published value
beside England's, its region's and the mean of its statistical neighbours, with its quartile band
and rank among all local authorities (the DfE's Local Authority Interactive Tool's way: quartiles
of every authority's value that year, missing values left out).

A statistical neighbour that did not exist in a year (an authority made or ended by a
reorganisation) and has no figure for it is marked so (``NeighbourFigure.existed``), and the mean
says how many neighbours it is the mean of (``neighbours_with_value``).

Published figures are public and shared by every partnership, so these reads need no user. The
scorecard asks for about a hundred indicators over eight periods at once: ``benchmarks_for_many``
answers with a fixed number of queries, however many indicators, periods or authorities there
are.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q

from .areas import ENGLAND_CODE
from .calculations import quartile_band, quartile_cuts, rank_of
from .models import Area, Indicator, Observation, Period, StatisticalNeighbour

PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class NeighbourFigure:
    """One statistical neighbour's published value (None, with the reason, when missing).
    ``existed`` is False when the authority did not exist in the period and no figure was
    published for it; ``began_on`` and ``ended_on`` say when it did."""

    rank: int
    closeness: str
    name: str
    code: str
    value: Decimal | None
    missing: str
    existed: bool = True
    began_on: dt.date | None = None
    ended_on: dt.date | None = None


@dataclass(frozen=True)
class Benchmark:
    """An authority's published value for one indicator and period, and what it compares with.

    ``value`` is None when there is no published figure (``published`` False) or when it is
    suppressed (``missing`` holds the code: c, x, z, low, k, u). ``neighbours_mean`` is the mean
    of the neighbours that have a value (``neighbours_with_value`` of ``neighbours_total``;
    ``neighbours_absent`` of them did not exist in the period). ``existed`` is False when the area
    itself did not exist in the period and has no figure for it.
    ``quartile_band`` (A best to D worst) and ``rank`` (1 best) are None for an indicator whose
    polarity is "neither", for a missing value, and for an area that is not a local authority.
    """

    indicator_id: int
    period_id: int
    value: Decimal | None = None
    missing: str = ""
    published: bool = False
    publication_id: int | None = None
    england: Decimal | None = None
    england_missing: str = ""
    region: Decimal | None = None
    region_missing: str = ""
    region_name: str = ""
    neighbours_mean: Decimal | None = None
    neighbours_with_value: int = 0
    neighbours_total: int = 0
    neighbours_absent: int = 0
    neighbours: tuple[NeighbourFigure, ...] = field(default=(), repr=False)
    existed: bool = True
    quartile_band: str | None = None
    rank: int | None = None
    authorities_with_value: int = 0
    quartiles: tuple[Decimal | None, Decimal | None, Decimal | None] = (None, None, None)


def _mean(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values) / len(values)).quantize(PLACES, rounding=ROUND_HALF_UP)


def _neighbour_links(area: Area) -> list[StatisticalNeighbour]:
    """The area's neighbours in the newest model that covers it, closest first (one query)."""
    links = list(StatisticalNeighbour.objects.filter(area=area).select_related("neighbour").order_by("-pk"))
    if not links:
        return []
    newest = links[0].model
    return sorted((link for link in links if link.model == newest), key=lambda link: link.rank)


def _spans(periods: Iterable[Period | int]) -> dict[int, tuple[dt.date, dt.date]]:
    """Each period's first and last days: from the Periods given, or (for ids) one query."""
    periods = list(periods)
    spans = {p.pk: (p.start, p.end) for p in periods if isinstance(p, Period)}
    ids = {p for p in periods if not isinstance(p, Period)} - set(spans)
    if ids:
        spans |= {
            pk: (start, end) for pk, start, end in Period.objects.filter(pk__in=ids).values_list("pk", "start", "end")
        }
    return spans


def _neighbour_figure(
    link: StatisticalNeighbour, found: tuple | None, span: tuple[dt.date, dt.date]
) -> NeighbourFigure:
    """A neighbour's figure for a period; one that did not exist then, with no figure, says so."""
    neighbour = link.neighbour
    return NeighbourFigure(
        rank=link.rank,
        closeness=link.closeness,
        name=neighbour.name,
        code=neighbour.code,
        value=found[0] if found else None,
        missing=found[1] if found else "",
        existed=found is not None or neighbour.existed_during(*span),
        began_on=neighbour.began_on,
        ended_on=neighbour.ended_on,
    )


def benchmarks_for_many(
    *, indicators: Iterable[Indicator | int], periods: Iterable[Period | int], area: Area
) -> dict[tuple[int, int], Benchmark]:
    """The benchmark of ``area`` for every (indicator, period) pair, keyed by (indicator id,
    period id); a pair with no published figures anywhere still gets a Benchmark (all empty).
    Four queries in all when ``periods`` are Periods (one more for ids): polarities, England and
    the region, the neighbours, and the published values of every local authority (plus England
    and the region) for those indicators and periods."""
    indicator_ids = sorted({getattr(i, "pk", i) for i in indicators})
    spans = _spans(periods)
    period_ids = sorted(spans)
    if not indicator_ids or not period_ids:
        return {}
    polarity = dict(Indicator.objects.filter(pk__in=indicator_ids).values_list("pk", "definition__data__polarity"))
    references = {
        code: (pk, name)
        for pk, code, name in Area.objects.filter(Q(code=ENGLAND_CODE) | Q(pk=area.region_id)).values_list(
            "pk", "code", "name"
        )
    }
    england_id = references.get(ENGLAND_CODE, (None, ""))[0]
    region_id, region_name = next(
        ((pk, name) for code, (pk, name) in references.items() if pk == area.region_id), (None, "")
    )
    links = _neighbour_links(area)

    values: dict[tuple[int, int], dict[int, tuple[Decimal | None, str, int | None]]] = defaultdict(dict)
    authorities: dict[tuple[int, int], list[Decimal]] = defaultdict(list)
    rows = Observation.objects.filter(
        Q(area__level=Area.Level.LOCAL_AUTHORITY) | Q(area_id__in=[i for i in (england_id, region_id) if i]),
        source=Observation.Source.PUBLICATION,
        indicator_id__in=indicator_ids,
        period_id__in=period_ids,
    ).values_list("indicator_id", "period_id", "area_id", "area__level", "value", "missing", "publication_id")
    for indicator_id, period_id, area_id, level, value, missing, publication_id in rows:
        key = (indicator_id, period_id)
        values[key][area_id] = (value, missing, publication_id)
        if level == Area.Level.LOCAL_AUTHORITY and value is not None:
            authorities[key].append(value)

    is_authority = area.level == Area.Level.LOCAL_AUTHORITY
    found: dict[tuple[int, int], Benchmark] = {}
    for indicator_id in indicator_ids:
        for period_id in period_ids:
            key = (indicator_id, period_id)
            here = values.get(key, {})
            own = here.get(area.pk)
            england = here.get(england_id) if england_id else None
            region = here.get(region_id) if region_id else None
            neighbours = tuple(_neighbour_figure(link, here.get(link.neighbour_id), spans[period_id]) for link in links)
            present = [n.value for n in neighbours if n.value is not None]
            all_values = authorities.get(key, [])
            value = own[0] if own else None
            direction = polarity.get(indicator_id) or "neither"
            ranked = is_authority and value is not None and direction != "neither"
            found[key] = Benchmark(
                indicator_id=indicator_id,
                period_id=period_id,
                value=value,
                missing=own[1] if own else "",
                published=own is not None,
                publication_id=own[2] if own else None,
                england=england[0] if england else None,
                england_missing=england[1] if england else "",
                region=region[0] if region else None,
                region_missing=region[1] if region else "",
                region_name=region_name,
                neighbours_mean=_mean(present),
                neighbours_with_value=len(present),
                neighbours_total=len(neighbours),
                neighbours_absent=sum(1 for n in neighbours if not n.existed),
                neighbours=neighbours,
                existed=own is not None or area.existed_during(*spans[period_id]),
                quartile_band=quartile_band(value=value, values=all_values, polarity=direction) if ranked else None,
                rank=rank_of(value=value, values=all_values, polarity=direction) if ranked else None,
                authorities_with_value=len(all_values),
                quartiles=quartile_cuts(all_values),
            )
    return found


def benchmark_for(*, indicator: Indicator, period: Period, area: Area) -> Benchmark:
    """The benchmark of one indicator in one period (see benchmarks_for_many)."""
    return benchmarks_for_many(indicators=[indicator], periods=[period], area=area)[(indicator.pk, period.pk)]
