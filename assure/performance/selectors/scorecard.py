"""Reads of the partnership's scorecard: for a period, each line under its priority with the
partnership's own figure (its agencies' validated returns added up), the figure before it, the
direction of travel, the target and RAG rating, the published figure of its local authority for
the same year beside it, England, the region, the statistical neighbours, the quartile band and a
trend line.

The scorecard is built from a constant number of queries, however many lines it has, and is
cached (cache.py) under versions that every change to its data moves on.

``local_figures`` and ``published_series`` are the two sources every page of the core dataset
reads figures from (the indicator page and the child's journey use them too). The partnership's
own figure of an indicator Assure counts from its records is the computed one, with its provenance;
a figure its agencies also returned for it stands beside it, labelled.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.text import capfirst

from assure.library.selectors import current_items
from assure.partnerships.models import Partnership

from .. import calculations
from ..areas import area_of_partnership
from ..benchmarks import Benchmark, benchmarks_for_many
from ..cache import remembered
from ..charts import NO_FIGURE, RATIO_UNITS, figure_text, sparkline_svg
from ..imports.selectors import local_observations_for
from ..models import Area, ExceptionItem, Indicator, Observation, Period
from ..permissions import can_view_performance
from ..validation import ratio_value
from .catalogue import indicator_pairings, scorecard_lines
from .returns import validated_observations

SERIES_LENGTH = 8
"""How many periods a trend line shows (the selected one and the seven before it)."""

LOCAL_SOURCE = "Agency returns, provisional"
LOCAL_IMPORT_SOURCE = "Local import"
COMPUTED_SOURCE = "Computed from Assure's records"
PUBLISHED_SOURCE = "DfE publication"


# --- figures ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LocalFigure:
    """The partnership's figure for an indicator and period: counted from Assure's own records
    (``computed``, with its ``provenance``), else its agencies' validated returns added up
    (``returned_by`` names them), or, where its agencies return none, the figure its business
    unit imported (``imported``). ``missing`` holds the reason when there is no figure. A
    computed figure keeps the figure returned or imported for the same indicator and period as
    ``returned``, so both can be shown."""

    value: Decimal | None
    missing: str = ""
    agencies: int = 0
    imported: bool = False
    computed: bool = False
    provenance: str = ""
    returned_by: str = ""
    returned: "LocalFigure | None" = None
    without_parts: bool = False  # a ratio given as a figure alone: no numerator or denominator

    def text(self, *, unit: str, decimals: int = 0) -> str:
        """The figure as tables show it, saying so when a ratio came without its numbers."""
        return figure_text(
            self.value, unit=unit, decimals=decimals, missing=self.missing, without_parts=self.without_parts
        )

    @property
    def source(self) -> str:
        """Where the figure came from, as a label: "computed from 23 Section 11 returns on 6
        December 2026", "returned by Education", "local import"."""
        if self.computed:
            return self.provenance or COMPUTED_SOURCE.lower()
        if self.imported:
            return LOCAL_IMPORT_SOURCE.lower()
        return f"returned by {self.returned_by}" if self.returned_by else LOCAL_SOURCE.lower()


def combine(
    rows: Sequence[tuple[Decimal | None, Decimal | None, Decimal | None, str]], definition: dict
) -> LocalFigure:
    """One partnership figure from its agencies' (value, numerator, denominator, missing).

    Counts and money add up. A ratio (percentage, rate, average) is the sum of the numerators
    over the sum of the denominators, when every agency gave both; one agency's figure stands
    alone; several agencies' ratios without their parts cannot be combined honestly, so there
    is no figure."""
    given = [r for r in rows if r[0] is not None or (r[1] is not None and r[2] is not None)]
    if not given:
        reasons = {r[3] for r in rows if r[3]}
        return LocalFigure(None, reasons.pop() if len(reasons) == 1 else ("x" if rows else ""), 0)
    if definition.get("unit", "count") in ("count", "currency"):
        return LocalFigure(sum((r[0] for r in given if r[0] is not None), Decimal(0)), "", len(given))
    if all(r[1] is not None and r[2] is not None for r in given):
        numerator = sum((r[1] for r in given), Decimal(0))
        denominator = sum((r[2] for r in given), Decimal(0))
        if denominator:
            value = ratio_value(indicator=definition, numerator=numerator, denominator=denominator)
            return LocalFigure(value, "", len(given))
    if len(given) == 1:
        value, numerator, denominator = given[0][:3]
        return LocalFigure(value, "", 1, without_parts=numerator is None or denominator is None)
    return LocalFigure(None, "", len(given))


def computed_observations(
    *, user, partnership: Partnership, indicators: Iterable[Indicator], periods: Iterable[Period] | None = None
) -> QuerySet[Observation]:
    """The partnership's figures counted from Assure's records, of the indicators (in the
    periods, when given), for a member who may see its performance; empty for anyone else."""
    if not can_view_performance(user=user, partnership=partnership):
        return Observation.objects.none()
    found = Observation.objects.filter(
        source=Observation.Source.COMPUTED, partnership=partnership, indicator__in=list(indicators)
    )
    return found if periods is None else found.filter(period__in=list(periods))


def local_figures(
    *, user, partnership: Partnership, indicators: Iterable[Indicator], periods: Iterable[Period]
) -> dict[tuple[int, int], LocalFigure]:
    """(indicator id, period id) → the partnership's own figure: counted from Assure's records
    where the indicator is computed, else its agencies' validated returns, or its own imported
    figure where they return none (a local import fills gaps; it never outweighs what the
    agencies returned). A figure returned or imported beside a computed one is kept with it
    (``returned``). Three queries."""
    indicators, periods = list(indicators), list(periods)
    definitions = {i.pk: i.data for i in indicators}
    grouped: dict[tuple[int, int], list] = defaultdict(list)
    returned_by: dict[tuple[int, int], set[str]] = defaultdict(set)
    rows = validated_observations(user=user, partnership=partnership, indicators=indicators, periods=periods)
    for indicator_id, period_id, value, numerator, denominator, missing, agency in rows.values_list(
        "indicator_id", "period_id", "value", "numerator", "denominator", "missing", "agency__name"
    ):
        grouped[(indicator_id, period_id)].append((value, numerator, denominator, missing))
        returned_by[(indicator_id, period_id)].add(agency or "")
    figures = {
        key: replace(combine(found, definitions[key[0]]), returned_by=", ".join(sorted(returned_by[key] - {""})))
        for key, found in grouped.items()
    }
    imported = local_observations_for(user=user, partnership=partnership, indicators=indicators, periods=periods)
    columns = ("indicator_id", "period_id", "value", "missing", "numerator", "denominator")
    for indicator_id, period_id, value, missing, numerator, denominator in imported.values_list(*columns):
        alone = _alone(definitions[indicator_id], value, numerator, denominator)
        figures.setdefault(
            (indicator_id, period_id), LocalFigure(value, missing, 0, imported=True, without_parts=alone)
        )
    computed = computed_observations(user=user, partnership=partnership, indicators=indicators, periods=periods)
    for indicator_id, period_id, value, missing, numerator, denominator, provenance in computed.values_list(
        *columns, "provenance"
    ):
        key = (indicator_id, period_id)
        figures[key] = LocalFigure(
            value,
            missing,
            0,
            computed=True,
            provenance=provenance,
            returned=figures.get(key),
            without_parts=_alone(definitions[indicator_id], value, numerator, denominator),
        )
    return figures


def _alone(definition: dict, value, numerator, denominator) -> bool:
    """Whether a ratio's figure was given without its numerator or denominator."""
    return value is not None and definition.get("unit") in RATIO_UNITS and (numerator is None or denominator is None)


def published_series(
    *, indicator_ids: Iterable[int], periods: Iterable[Period], area: Area | None
) -> dict[tuple[int, int], tuple[Decimal | None, str]]:
    """(indicator id, period id) → (value, missing code) of the area's published figures. One
    query (none without an area)."""
    if area is None:
        return {}
    rows = Observation.objects.filter(
        source=Observation.Source.PUBLICATION, area=area, indicator_id__in=list(indicator_ids), period__in=list(periods)
    ).values_list("indicator_id", "period_id", "value", "missing")
    return {(i, p): (value, missing) for i, p, value, missing in rows}


def published_indicators(
    indicators: Iterable[Indicator], *, partnership: Partnership | None = None
) -> dict[int, Indicator]:
    """Indicator id → the indicator whose published figures stand beside it: itself when the DfE
    publishes it, else the published measure the partnership pairs it with (``indicator_pairings``,
    when a partnership is given), else the one its definition names as ``published_as``. One
    query, and indicator_pairings's with a partnership."""
    indicators = list(indicators)
    chosen = indicator_pairings(partnership=partnership) if partnership is not None else {}
    twin_codes = {i.pk: chosen.get(i.code) or i.data.get("published_as") for i in indicators}
    named = set(twin_codes.values()) - {None}
    by_code = {i.code: i for i in Indicator.objects.filter(code__in=named).select_related("definition")}
    paired = {}
    for indicator in indicators:
        if indicator.data.get("source") == "dfe_publication":
            paired[indicator.pk] = indicator
        elif twin_codes[indicator.pk] in by_code:
            paired[indicator.pk] = by_code[twin_codes[indicator.pk]]
    return paired


def rag_rule() -> dict:
    """The library's RAG rule (the first of the current rag-rule items)."""
    item = current_items(kind="rag-rule").first()
    return item.data if item is not None else {"bands": [], "default_tolerance_percent": 5.0}


# --- periods ---------------------------------------------------------------------------------


def year_of(period: Period, years: Iterable[Period]) -> Period | None:
    """The financial year, among ``years``, that holds the period."""
    return next((y for y in years if y.start <= period.start <= y.end), None)


def _periods_with_figures(*, partnership: Partnership, area: Area | None, indicator_ids: list[int]) -> list[Period]:
    local = Observation.objects.filter(
        period=OuterRef("pk"),
        source=Observation.Source.AGENCY_RETURN,
        partnership=partnership,
        data_return__status="validated",
        indicator_id__in=indicator_ids,
    )
    own = Observation.objects.filter(
        period=OuterRef("pk"),
        source__in=(Observation.Source.LOCAL_IMPORT, Observation.Source.COMPUTED),
        partnership=partnership,
        indicator_id__in=indicator_ids,
    )
    condition = Q(Exists(local)) | Q(Exists(own))
    if area is not None:
        published = Observation.objects.filter(
            period=OuterRef("pk"), source=Observation.Source.PUBLICATION, area=area, indicator_id__in=indicator_ids
        )
        condition |= Q(Exists(published))
    return list(Period.objects.filter(condition).order_by("-start", "kind"))


def _default_period(periods: list[Period], local_ids: set[int]) -> Period | None:
    """The newest period with the partnership's own figures, or else the newest published year.
    Among periods ending on the same day the longest wins (a year before its last quarter)."""
    rank = {Period.Kind.YEAR: 0, Period.Kind.QUARTER: 1, Period.Kind.MONTH: 2}
    ordered = sorted(periods, key=lambda p: (-p.end.toordinal(), rank.get(p.kind, 3)))
    return next((p for p in ordered if p.pk in local_ids), ordered[0] if ordered else None)


def period_asked(value: str | None) -> Period | None:
    """The period a ``?period=`` parameter names: a Period's id or its label (e.g. "2014-15").
    None when nothing is asked; Period.DoesNotExist when the period is unknown."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return Period.objects.get(pk=int(value))
    found = Period.objects.filter(label=value).order_by("kind").first()
    if found is None:
        raise Period.DoesNotExist(value)
    return found


# --- the owning agency's commentary ------------------------------------------------------------


@dataclass(frozen=True)
class Commentary:
    """The newest commentary an owning agency wrote on an indicator in an exception report: what
    it says, who wrote it for which agency, when, and the report's period and address."""

    text: str
    agency: str
    written_on: str
    period: str
    url: str


def latest_commentary(*, user, partnership: Partnership, indicator_ids: Iterable[int]) -> dict[int, Commentary]:
    """Indicator id → the newest commentary written on it in the partnership's exception
    reports, for a member who may see its performance. One query."""
    if not can_view_performance(user=user, partnership=partnership):
        return {}
    items = (
        ExceptionItem.objects.filter(report__partnership=partnership, indicator_id__in=list(indicator_ids))
        .exclude(commentary="")
        .select_related("report__period", "report__partnership", "owner_agency")
        .order_by("indicator_id", "-commentary_at", "-pk")
    )
    found: dict[int, Commentary] = {}
    for item in items:
        if item.indicator_id in found:
            continue
        found[item.indicator_id] = Commentary(
            text=item.commentary,
            agency=item.owner_agency.name if item.owner_agency_id else "",
            written_on=date_format(timezone.localtime(item.commentary_at), "j F Y") if item.commentary_at else "",
            period=item.report.period.label,
            url=item.get_absolute_url(),
        )
    return found


# --- the scorecard ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodRef:
    """A period as a cached scorecard keeps it (no model instance in the cache)."""

    pk: int
    label: str
    kind: str


@dataclass
class ScorecardRow:
    """One line of the scorecard, with every figure it shows. ``value`` is the figure the board
    reads (its own, or the published one when its agencies return none: ``value_source`` says
    which), rated and compared with ``previous``; ``local`` and ``published`` are the two
    figures of the period's year side by side."""

    line_id: int
    indicator_id: int
    code: str
    title: str
    unit: str
    decimals: int
    polarity: str
    owner_agency_id: int | None
    owner_agency: str
    local: LocalFigure | None
    published: tuple[Decimal | None, str] | None
    published_code: str
    published_year: str
    value: Decimal | None
    value_source: str
    previous: Decimal | None
    previous_label: str
    direction: str | None
    target: Decimal | None
    tolerance: Decimal | None
    rag: str | None
    benchmark: Benchmark | None
    trend: list[tuple[str, Decimal | None]]
    sparkline: SafeString = field(default_factory=lambda: SafeString(""))
    commentary: Commentary | None = None

    def text(self, value: Decimal | None, missing: str = "") -> str:
        return figure_text(value, unit=self.unit, decimals=self.decimals, missing=missing)

    @property
    def local_text(self) -> str:
        return self.local.text(unit=self.unit, decimals=self.decimals) if self.local else NO_FIGURE

    @property
    def local_source(self) -> str:
        """Where the partnership's own figure came from: "computed from ...", "local import" or
        "agency returns, provisional"."""
        if self.local is None:
            return ""
        return self.local.source if self.local.computed or self.local.imported else LOCAL_SOURCE.lower()

    @property
    def returned(self) -> LocalFigure | None:
        """The figure the agencies returned (or the business unit imported) for the period beside
        a computed one, when there is one: both are shown, each labelled."""
        return self.local.returned if self.local and self.local.computed else None

    @property
    def returned_text(self) -> str:
        return self.returned.text(unit=self.unit, decimals=self.decimals) if self.returned else NO_FIGURE

    @property
    def published_text(self) -> str:
        return self.text(*self.published) if self.published else NO_FIGURE

    @property
    def value_text(self) -> str:
        if self.local is not None and self.value_source != PUBLISHED_SOURCE and self.value == self.local.value:
            return self.local_text
        return self.text(self.value)

    @property
    def previous_text(self) -> str:
        return self.text(self.previous)

    @property
    def target_text(self) -> str:
        return self.text(self.target)

    @property
    def has_both(self) -> bool:
        """Whether the partnership's own figure and the published one both exist for the year."""
        return bool(self.local and self.local.value is not None and self.published and self.published[0] is not None)

    @property
    def england_text(self) -> str:
        return self.text(self.benchmark.england) if self.benchmark else NO_FIGURE

    @property
    def region_text(self) -> str:
        return self.text(self.benchmark.region) if self.benchmark else NO_FIGURE

    @property
    def neighbours_text(self) -> str:
        return self.text(self.benchmark.neighbours_mean) if self.benchmark else NO_FIGURE

    @property
    def band(self) -> str | None:
        return self.benchmark.quartile_band if self.benchmark else None


@dataclass
class ScorecardSection:
    """A priority of the partnership and its lines."""

    title: str
    description: str
    rows: list[ScorecardRow]
    pk: int = 0


@dataclass
class Scorecard:
    """The scorecard for ``period``, compared with the published figures of ``year``; ``periods``
    are those with any figure, newest first (the choices offered)."""

    period: PeriodRef | None
    year: PeriodRef | None
    area: str
    region: str
    sections: list[ScorecardSection]
    periods: list[PeriodRef]

    @property
    def rows(self) -> list[ScorecardRow]:
        return [row for section in self.sections for row in section.rows]


def scorecard(*, user, partnership: Partnership, period: Period | None = None, version: str | None = None) -> Scorecard:
    """The partnership's scorecard for ``period`` (by default the newest period with its own
    figures). Everyone with ``performance.view`` sees the same scorecard, so it is cached for the
    partnership (``version``: see cache.remembered); PermissionDenied for anyone else."""
    if not can_view_performance(user=user, partnership=partnership):
        raise PermissionDenied
    name = f"scorecard:{period.pk if period else 'newest'}"
    return remembered(
        partnership=partnership,
        name=name,
        compute=lambda: build_scorecard(user=user, partnership=partnership, period=period),
        version=version,
    )


def build_scorecard(*, user, partnership: Partnership, period: Period | None = None) -> Scorecard:
    """The scorecard computed afresh (``scorecard`` caches it)."""
    lines = list(scorecard_lines(user=user, partnership=partnership))
    area = area_of_partnership(partnership)
    indicators = [line.indicator for line in lines]
    paired = published_indicators(indicators, partnership=partnership)
    ids = sorted({i.pk for i in indicators} | {i.pk for i in paired.values()})
    periods = _periods_with_figures(partnership=partnership, area=area, indicator_ids=ids)
    if period is None:
        local_ids = (
            set(
                validated_observations(user=user, partnership=partnership, indicators=indicators)
                .values_list("period_id", flat=True)
                .distinct()
            )
            | set(
                local_observations_for(user=user, partnership=partnership, indicators=indicators)
                .values_list("period_id", flat=True)
                .distinct()
            )
            | set(
                computed_observations(user=user, partnership=partnership, indicators=indicators)
                .values_list("period_id", flat=True)
                .distinct()
            )
        )
        period = _default_period(periods, local_ids)
    choices = [PeriodRef(p.pk, p.label, p.kind) for p in periods]
    if period is None:
        return Scorecard(None, None, area.name if area else "", _region(area), _sections(lines, {}), choices)

    series = _last_periods(kind=period.kind, starting_by=period.start)
    years = _last_periods(kind=Period.Kind.YEAR, starting_by=period.end)
    year = year_of(period, years)
    local = local_figures(user=user, partnership=partnership, indicators=indicators, periods=series)
    published = published_series(indicator_ids=[i.pk for i in paired.values()], periods=years, area=area)
    benchmarks = (
        benchmarks_for_many(indicators=list({i.pk: i for i in paired.values()}.values()), periods=[year], area=area)
        if year is not None and area is not None and paired
        else {}
    )
    rule = rag_rule()
    commentary = latest_commentary(user=user, partnership=partnership, indicator_ids=[i.pk for i in indicators])
    rows = {}
    for line in lines:
        twin = paired.get(line.indicator_id)
        rows[line.pk] = _row(
            line,
            series=series,
            years=years,
            year=year,
            local=local,
            published=published,
            twin=twin,
            benchmark=benchmarks.get((twin.pk, year.pk)) if twin is not None and year is not None else None,
            rule=rule,
            commentary=commentary.get(line.indicator_id),
        )
    return Scorecard(
        PeriodRef(period.pk, period.label, period.kind),
        PeriodRef(year.pk, year.label, year.kind) if year else None,
        area.name if area else "",
        _region(area),
        _sections(lines, rows),
        choices,
    )


def _last_periods(*, kind: str, starting_by) -> list[Period]:
    """The last SERIES_LENGTH periods of a kind that start by a date, oldest first."""
    newest_first = Period.objects.filter(kind=kind, start__lte=starting_by).order_by("-start")[:SERIES_LENGTH]
    return list(newest_first)[::-1]


def _region(area: Area | None) -> str:
    return area.region.name if area is not None and area.region_id else ""


def _sections(lines, rows: dict) -> list[ScorecardSection]:
    sections: dict[int, ScorecardSection] = {}
    for line in lines:
        section = sections.setdefault(
            line.priority_id, ScorecardSection(line.priority.title, line.priority.description, [], line.priority_id)
        )
        if line.pk in rows:
            section.rows.append(rows[line.pk])
    return list(sections.values())


def _row(line, *, series, years, year, local, published, twin, benchmark, rule, commentary=None) -> ScorecardRow:
    indicator = line.indicator
    data = indicator.data
    unit, polarity, decimals = data.get("unit", "count"), data.get("polarity", "neither"), int(data.get("decimals", 0))
    own = [local.get((indicator.pk, p.pk)) for p in series]
    own_values = [f.value if f else None for f in own]
    twin_values = [published.get((twin.pk, y.pk), (None, ""))[0] if twin else None for y in years]
    published_now = published.get((twin.pk, year.pk)) if twin is not None and year is not None else None
    # The board reads its own figures first; a line the agencies do not return shows the
    # published series instead, labelled as such.
    if any(v is not None for v in own_values):
        newest = next(f for f in reversed(own) if f is not None and f.value is not None)
        source = LOCAL_IMPORT_SOURCE if newest.imported else LOCAL_SOURCE
        if newest.computed:
            source = capfirst(newest.source)
        labels, values = [p.label for p in series], own_values
    elif year is not None and any(v is not None for v in twin_values):
        # ``years`` ends with the year that holds the period.
        labels, values, source = [y.label for y in years], twin_values, PUBLISHED_SOURCE
    else:
        labels, values, source = [p.label for p in series], own_values, ""
    value = values[-1] if values else None
    previous = values[-2] if len(values) > 1 else None
    return ScorecardRow(
        line_id=line.pk,
        indicator_id=indicator.pk,
        code=indicator.code,
        title=indicator.definition.title,
        unit=unit,
        decimals=decimals,
        polarity=polarity,
        owner_agency_id=line.owner_agency_id,
        owner_agency=line.owner_agency.name if line.owner_agency_id else "",
        local=own[-1] if own else None,
        published=published_now,
        published_code=twin.code if twin else "",
        published_year=year.label if year else "",
        value=value,
        value_source=source if value is not None else "",
        previous=previous,
        previous_label=labels[-2] if len(labels) > 1 else "",
        direction=calculations.direction_of_travel(current=value, previous=previous, polarity=polarity),
        target=line.target,
        tolerance=line.tolerance,
        rag=calculations.rag_rating(
            value=value, target=line.target, tolerance=line.tolerance, polarity=polarity, rule=rule
        ),
        benchmark=benchmark,
        trend=list(zip(labels, values, strict=True)),
        sparkline=sparkline_svg(list(zip(labels, values, strict=True)), unit=unit, decimals=decimals),
        commentary=commentary,
    )
