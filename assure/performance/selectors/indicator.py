"""Reads of one indicator's page: its definition, the partnership's figures for it over time beside
the published figures of its local authority, England, the region and the statistical
neighbours (each named), and how the area ranks among all local authorities."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied

from assure.partnerships.models import Partnership

from ..areas import area_of_partnership
from ..benchmarks import Benchmark, NeighbourFigure, benchmarks_for_many
from ..charts import NO_FIGURE, figure_text, history_spec
from ..models import Area, Indicator, Observation, Period, ScorecardLine
from ..permissions import can_view_performance
from .catalogue import catalogue_indicators, indicator_themes
from .scorecard import LocalFigure, local_figures, published_indicators

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
    if not can_view_performance(user=user, partnership=partnership):
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

    # Published figures are yearly: every year's benchmark, kept where anything was published.
    benchmarks: dict[int, Benchmark] = {}
    if twin is not None and area is not None:
        years = {p.pk: p for p in Period.objects.filter(kind=Period.Kind.YEAR)}
        for (_, period_id), found in benchmarks_for_many(indicators=[twin], periods=list(years), area=area).items():
            if found.published or found.england is not None or found.neighbours_with_value:
                benchmarks[period_id] = found
                periods[period_id] = years[period_id]

    ordered = sorted(periods.values(), key=lambda p: (p.end, KIND_ORDER.get(p.kind, 3)))
    history = [_history_row(p, local.get((indicator.pk, p.pk)), benchmarks.get(p.pk)) for p in ordered]
    year = next((p for p in reversed(ordered) if benchmarks.get(p.pk) and benchmarks[p.pk].published), None)
    benchmark = benchmarks.get(year.pk) if year else None
    result = IndicatorHistory(
        indicator=indicator,
        theme=indicator_themes().get(indicator.data.get("theme", ""), ""),
        published=twin,
        area=area,
        line=line,
        rows=history,
        year=year,
        benchmark=benchmark,
        neighbours=list(benchmark.neighbours) if benchmark else [],
        spec={},
    )
    result.spec = _spec(result)
    return result


def _history_row(period: Period, local: LocalFigure | None, benchmark: Benchmark | None) -> HistoryRow:
    if benchmark is None:
        return HistoryRow(period.label, local, None, None, None, None)
    return HistoryRow(
        period=period.label,
        local=local,
        published=(benchmark.value, benchmark.missing) if benchmark.published else None,
        england=benchmark.england,
        region=benchmark.region,
        neighbours_mean=benchmark.neighbours_mean,
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
