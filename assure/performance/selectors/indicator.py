"""Reads of one indicator's page: its definition, the partnership's figures for it over time beside
the published figures of its local authority, England, the region and the statistical
neighbours (each named), and how the area ranks among all local authorities."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied

from assure.partnerships.models import Partnership

from ..areas import area_of_partnership, statistical_neighbours
from ..charts import NO_FIGURE, figure_text, history_spec
from ..models import Area, Indicator, Observation, Period, ScorecardLine
from .catalogue import catalogue_indicators, indicator_themes
from .scorecard import (
    Benchmark,
    LocalFigure,
    benchmarks_for_many,
    local_figures,
    may_view_performance,
    published_indicators,
)

KIND_ORDER = {Period.Kind.MONTH: 0, Period.Kind.QUARTER: 1, Period.Kind.YEAR: 2}

LOCAL_SERIES = "Partnership (agency returns, provisional)"
ENGLAND_SERIES = "England"
NEIGHBOURS_SERIES = "Statistical neighbours' mean"
ABSOLUTE_UNITS = ("count", "currency")


@dataclass
class HistoryRow:
    """One period of an indicator's history."""

    period: str
    local: LocalFigure | None
    published: tuple[Decimal | None, str] | None
    england: Decimal | None
    region: Decimal | None
    neighbours_mean: Decimal | None


@dataclass
class NeighbourFigure:
    name: str
    rank: int
    closeness: str
    value: Decimal | None
    missing: str


@dataclass
class IndicatorHistory:
    indicator: Indicator
    theme: str
    published: Indicator | None
    area: Area | None
    line: ScorecardLine | None
    rows: list[HistoryRow]
    year: Period | None
    benchmark: Benchmark | None
    neighbours: list[NeighbourFigure]
    spec: dict

    @property
    def unit(self) -> str:
        return self.indicator.data.get("unit", "count")

    @property
    def decimals(self) -> int:
        return int(self.indicator.data.get("decimals", 0))

    def text(self, value: Decimal | None, missing: str = "") -> str:
        return figure_text(value, unit=self.unit, decimals=self.decimals, missing=missing)

    @property
    def chart_series(self) -> list[str]:
        """The names of the series the chart draws, in its legend's order."""
        return self.spec.get("encoding", {}).get("color", {}).get("scale", {}).get("domain", [])

    @property
    def published_name(self) -> str:
        return f"{self.area.name} (DfE publication)" if self.area else "Published (DfE)"

    @property
    def table(self) -> list[dict[str, str]]:
        """The history as the page's table shows it: every figure in words and digits."""
        return [
            {
                "period": row.period,
                "local": self.text(row.local.value, row.local.missing) if row.local else NO_FIGURE,
                "published": self.text(*row.published) if row.published else NO_FIGURE,
                "england": self.text(row.england),
                "region": self.text(row.region),
                "neighbours": self.text(row.neighbours_mean),
            }
            for row in self.rows
        ]


def indicator_of(*, user, partnership: Partnership, code: str) -> Indicator | None:
    """The catalogue's indicator with this code, or None (also for someone who may not view the
    partnership's performance)."""
    return catalogue_indicators(user=user, partnership=partnership).filter(code=code).first()


def indicator_history(*, user, partnership: Partnership, indicator: Indicator) -> IndicatorHistory:
    """Everything the indicator's page shows, in a constant number of queries. The published
    figures are the indicator's own when the DfE publishes it, or those of the published measure
    its definition names (``published_as``)."""
    if not may_view_performance(user, partnership):
        raise PermissionDenied
    area = area_of_partnership(partnership)
    twin = published_indicators([indicator]).get(indicator.pk)
    line = ScorecardLine.objects.filter(partnership=partnership, indicator=indicator).select_related("priority").first()
    local_periods = Period.objects.filter(
        observations__indicator=indicator,
        observations__source=Observation.Source.AGENCY_RETURN,
        observations__partnership=partnership,
        observations__data_return__status="validated",
    ).distinct()
    periods = {p.pk: p for p in local_periods}
    local = local_figures(user=user, partnership=partnership, indicators=[indicator], periods=list(periods.values()))

    published: dict[int, dict[int, Observation]] = {}
    neighbour_links = statistical_neighbours(area=area) if area else []
    england = Area.objects.filter(level=Area.Level.NATIONAL).values_list("pk", flat=True).first()
    if twin is not None and area is not None:
        comparators = {area.pk, area.region_id, england, *(n.neighbour_id for n in neighbour_links)} - {None}
        for observation in Observation.objects.filter(
            source=Observation.Source.PUBLICATION, indicator=twin, area__in=comparators
        ):
            published.setdefault(observation.period_id, {})[observation.area_id] = observation
        periods |= {p.pk: p for p in Period.objects.filter(pk__in=published)}

    ordered = sorted(periods.values(), key=lambda p: (p.end, KIND_ORDER.get(p.kind, 3)))
    history = [
        _history_row(
            period,
            local.get((indicator.pk, period.pk)),
            published.get(period.pk, {}),
            area=area,
            england=england,
            neighbours=[n.neighbour_id for n in neighbour_links],
        )
        for period in ordered
    ]
    year = next((p for p in reversed(ordered) if p.kind == Period.Kind.YEAR and p.pk in published), None)
    benchmark = None
    neighbours: list[NeighbourFigure] = []
    if twin is not None and area is not None and year is not None:
        benchmark = benchmarks_for_many(indicators=[twin], periods=[year], area=area).get((twin.pk, year.pk))
        figures = published.get(year.pk, {})
        neighbours = [
            NeighbourFigure(
                name=link.neighbour.name,
                rank=link.rank,
                closeness=link.closeness,
                value=figures[link.neighbour_id].value if link.neighbour_id in figures else None,
                missing=figures[link.neighbour_id].missing if link.neighbour_id in figures else "",
            )
            for link in neighbour_links
        ]
    result = IndicatorHistory(
        indicator=indicator,
        theme=indicator_themes().get(indicator.data.get("theme", ""), ""),
        published=twin,
        area=area,
        line=line,
        rows=history,
        year=year,
        benchmark=benchmark,
        neighbours=neighbours,
        spec={},
    )
    result.spec = _spec(result)
    return result


def _history_row(period, local, figures: dict, *, area, england, neighbours) -> HistoryRow:
    own = figures.get(area.pk) if area else None
    region = figures.get(area.region_id) if area and area.region_id else None
    national = figures.get(england)
    values = [figures[n].value for n in neighbours if n in figures and figures[n].value is not None]
    return HistoryRow(
        period=period.label,
        local=local,
        published=(own.value, own.missing) if own else None,
        england=national.value if national else None,
        region=region.value if region else None,
        neighbours_mean=sum(values) / len(values) if values else None,
    )


def _spec(history: IndicatorHistory) -> dict:
    periods = [row.period for row in history.rows]
    series = {
        LOCAL_SERIES: [row.local.value if row.local else None for row in history.rows],
        history.published_name: [row.published[0] if row.published else None for row in history.rows],
        ENGLAND_SERIES: [row.england for row in history.rows],
        NEIGHBOURS_SERIES: [row.neighbours_mean for row in history.rows],
    }
    if history.unit in ABSOLUTE_UNITS:
        # England's or a region's number of children dwarfs an authority's and says nothing
        # about it; the table keeps them, the chart leaves them out.
        series.pop(ENGLAND_SERIES)
    series = {name: values for name, values in series.items() if any(v is not None for v in values)}
    return history_spec(
        title=history.indicator.definition.title,
        unit=history.unit,
        decimals=history.decimals,
        periods=periods,
        series=series,
    )
