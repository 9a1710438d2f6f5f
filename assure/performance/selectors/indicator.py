"""Reads of one indicator's page: its definition, the partnership's figures for it over time beside
the published figures of its local authority, England, the region and the statistical
neighbours (each named), and how the area ranks among all local authorities in any year chosen.

A neighbour that did not exist in a year (made or ended by a reorganisation) is said to have
not existed, never shown as a bare dash, and every neighbours' mean says how many neighbours it
is the mean of."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Q

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
COMPUTED_SERIES = "Partnership (computed from Assure's records)"
RETURNED_SERIES = "Partnership (agency returns beside the computed figure)"
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
    benchmark: Benchmark | None = None
    """The year's comparisons in full (a yearly period with published figures only)."""


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def did_not_exist_text(*, began_on: dt.date | None, ended_on: dt.date | None, period: Period) -> str:
    """Why an authority has no figure for a period it did not exist in: made later, or ended."""
    if began_on and began_on > period.end:
        return f"Did not exist (formed {_day(began_on)})"
    if ended_on and ended_on < period.start:
        return f"Did not exist (ended {_day(ended_on)})"
    return "Did not exist"


def mean_phrase(benchmark: Benchmark | None, *, period: Period | None = None) -> str:
    """How many neighbours a neighbours' mean is the mean of ("mean of 8 neighbours"), and, given
    the period, why the others are left out. Empty for an area without neighbours."""
    if benchmark is None or not benchmark.neighbours_total:
        return ""
    counted = benchmark.neighbours_with_value
    phrase = f"mean of {counted} neighbour{'' if counted == 1 else 's'}" if counted else "no neighbour has a figure"
    if period is None:
        return phrase
    absent = benchmark.neighbours_absent
    without = benchmark.neighbours_total - counted - absent
    others = [f"{absent} did not exist in {period.label}"] if absent else []
    others += [f"{without} {'has' if without == 1 else 'have'} no figure"] if without else []
    return f"{phrase}; of the {benchmark.neighbours_total}, {' and '.join(others)}" if others else phrase


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
    years: list[Period] = field(default_factory=list)
    """The years with published figures, oldest first: those the page's year chooser offers."""

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
    def is_computed(self) -> bool:
        """Whether Assure counts the indicator from its own records."""
        return bool(self.indicator.data.get("computed"))

    @property
    def local_name(self) -> str:
        """The name of the partnership's own series: computed, or its agencies' returns."""
        return COMPUTED_SERIES if self.is_computed else LOCAL_SERIES

    @property
    def has_returned(self) -> bool:
        """Whether any period has a figure returned beside the computed one (shown as a column)."""
        return any(row.local and row.local.returned for row in self.rows)

    @property
    def table(self) -> list[dict[str, str]]:
        """The history as the page's table shows it: every figure in words and digits."""
        return [
            {
                "period": row.period,
                "local": row.local.text(unit=self.unit, decimals=self.decimals) if row.local else NO_FIGURE,
                "local_source": row.local.provenance if row.local and row.local.computed else "",
                "returned": row.local.returned.text(unit=self.unit, decimals=self.decimals)
                if row.local and row.local.returned
                else NO_FIGURE,
                "returned_source": row.local.returned.source if row.local and row.local.returned else "",
                "published": self.text(*row.published) if row.published else NO_FIGURE,
                "england": self.text(row.england),
                "region": self.text(row.region),
                "neighbours": self.text(row.neighbours_mean),
                "neighbours_counted": mean_phrase(row.benchmark),
            }
            | (
                {"published": "Did not exist"}
                if row.benchmark and not row.benchmark.existed and not row.benchmark.published
                else {}
            )
            for row in self.rows
        ]

    def neighbour_text(self, neighbour: NeighbourFigure) -> str:
        """A neighbour's figure in the chosen year, or why it has none."""
        if not neighbour.existed and self.year is not None:
            return did_not_exist_text(began_on=neighbour.began_on, ended_on=neighbour.ended_on, period=self.year)
        return self.text(neighbour.value, neighbour.missing)


def indicator_of(*, user, partnership: Partnership, code: str) -> Indicator | None:
    """The catalogue's indicator with this code, or None (also for someone who may not view the
    partnership's performance)."""
    return catalogue_indicators(user=user, partnership=partnership).filter(code=code).first()


def indicator_history(
    *, user, partnership: Partnership, indicator: Indicator, year: str | None = None
) -> IndicatorHistory:
    """Everything the indicator's page shows, in a constant number of queries. The published
    figures are the indicator's own when the DfE publishes it, or those of the published measure
    the partnership pairs it with or its definition names (``published_as``). The comparisons
    (band, rank, each neighbour) are those of ``year`` (a label such as "2014-15") when it has
    published figures, else of the latest year with a published figure of the area."""
    if not can_view_performance(user=user, partnership=partnership):
        raise PermissionDenied
    area = area_of_partnership(partnership)
    twin = published_indicators([indicator], partnership=partnership).get(indicator.pk)
    line = ScorecardLine.objects.filter(partnership=partnership, indicator=indicator).select_related("priority").first()
    local_periods = Period.objects.filter(
        Q(observations__source=Observation.Source.AGENCY_RETURN, observations__data_return__status="validated")
        | Q(observations__source=Observation.Source.COMPUTED),
        observations__indicator=indicator,
        observations__partnership=partnership,
    ).distinct()
    periods = {p.pk: p for p in local_periods}
    local = local_figures(user=user, partnership=partnership, indicators=[indicator], periods=list(periods.values()))

    # Published figures are yearly: every year's benchmark, kept where anything was published.
    benchmarks: dict[int, Benchmark] = {}
    if twin is not None and area is not None:
        years = {p.pk: p for p in Period.objects.filter(kind=Period.Kind.YEAR)}
        for (_, period_id), found in benchmarks_for_many(
            indicators=[twin], periods=list(years.values()), area=area
        ).items():
            if found.published or found.england is not None or found.neighbours_with_value:
                benchmarks[period_id] = found
                periods[period_id] = years[period_id]

    ordered = sorted(periods.values(), key=lambda p: (p.end, KIND_ORDER.get(p.kind, 3)))
    history = [_history_row(p, local.get((indicator.pk, p.pk)), benchmarks.get(p.pk)) for p in ordered]
    offered = [p for p in ordered if p.pk in benchmarks]
    chosen = next((p for p in offered if p.label == year), None)
    chosen = chosen or next((p for p in reversed(offered) if benchmarks[p.pk].published), None)
    benchmark = benchmarks.get(chosen.pk) if chosen else None
    result = IndicatorHistory(
        indicator=indicator,
        theme=indicator_themes().get(indicator.data.get("theme", ""), ""),
        published=twin,
        area=area,
        line=line,
        rows=history,
        year=chosen,
        benchmark=benchmark,
        neighbours=list(benchmark.neighbours) if benchmark else [],
        spec={},
        years=offered,
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
        benchmark=benchmark,
    )


def _spec(history: IndicatorHistory) -> dict:
    periods = [row.period for row in history.rows]
    series = {
        history.local_name: [row.local.value if row.local else None for row in history.rows],
        RETURNED_SERIES: [
            row.local.returned.value if row.local and row.local.returned else None for row in history.rows
        ],
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
