"""Reads of the child's journey: from early help through referral, assessment, section 47 enquiry
and conference to a child protection plan and care, with the year's figures beside the year
before's.

Which indicators make the journey, and in which order, is library data (documents of kind
"journey-step", library/assure/childs-journey.yaml). Each step's figure is the partnership's own
(its agencies' validated returns for the year) or, when it has none, its local authority's
published figure, labelled as such.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Max, OuterRef, Q

from assure.library.selectors import current_items
from assure.partnerships.models import Partnership

from ..areas import area_of_partnership
from ..cache import remembered
from ..charts import change_text, figure_text, journey_spec
from ..models import Indicator, Observation, Period
from ..permissions import can_view_performance
from .scorecard import LocalFigure, local_figures, published_indicators, published_series

LOCAL = "Agency returns, provisional"
PUBLISHED = "DfE publication"


@dataclass(frozen=True)
class JourneyFigure:
    value: Decimal | None
    missing: str = ""
    source: str = ""


@dataclass
class JourneyLine:
    """One indicator of a step: its figure this year and last, and the change in words."""

    code: str
    title: str
    unit: str
    decimals: int
    this_year: JourneyFigure
    last_year: JourneyFigure

    @property
    def this_year_text(self) -> str:
        return figure_text(self.this_year.value, unit=self.unit, decimals=self.decimals, missing=self.this_year.missing)

    @property
    def last_year_text(self) -> str:
        return figure_text(self.last_year.value, unit=self.unit, decimals=self.decimals, missing=self.last_year.missing)

    @property
    def comparable(self) -> bool:
        """Whether the two years can be compared: a partnership's own count and the DfE's are
        counted differently (definitions and timing), so they are set side by side, never
        turned into a change."""
        sources = {self.this_year.source, self.last_year.source} - {""}
        return len(sources) <= 1

    @property
    def change(self) -> str:
        if not self.comparable:
            return "Not compared: the two years come from different sources"
        return change_text(self.this_year.value, self.last_year.value, unit=self.unit, decimals=self.decimals)


@dataclass
class JourneyStep:
    code: str
    title: str
    description: str
    lines: list[JourneyLine] = field(default_factory=list)

    @property
    def count(self) -> JourneyLine | None:
        """The step's number of children or cases (what the chart draws), if it has one."""
        first = self.lines[0] if self.lines else None
        return first if first is not None and first.unit == "count" else None


@dataclass
class Journey:
    year: Period | None
    previous: Period | None
    steps: list[JourneyStep]
    years: list[Period]
    spec: dict


def journey_steps() -> list[dict]:
    """The steps of the journey in order: each a dict of code, title, description, indicator and
    details (codes of further indicators shown with it), from the library's newest journey."""
    return [
        {
            "code": item.code,
            "title": item.title,
            "description": item.data.get("description", ""),
            "indicators": [item.data["indicator"], *item.data.get("details", [])],
        }
        for item in current_items(kind="journey-step")
    ]


def year_asked(value: str | None) -> Period | None:
    """The financial year ``?year=`` names ("2014-15"); None when nothing is asked;
    Period.DoesNotExist when there is no such year."""
    value = (value or "").strip()
    if not value:
        return None
    return Period.objects.get(kind=Period.Kind.YEAR, label=value)


def childs_journey(
    *, user, partnership: Partnership, year: Period | None = None, version: str | None = None
) -> Journey:
    """The journey for ``year`` (by default the newest year with the partnership's own figures,
    or else the newest published one), with the year before. PermissionDenied for anyone who
    may not view the partnership's performance.

    Everyone who may see the partnership's performance sees the same journey, so it is cached
    for the partnership under the versions of its figures (cache.remembered: its returns, local
    figures, the published figures and the library) and of the years Assure knows (a round of
    returns may open a year that holds no figure yet, which then becomes the year before).
    ``version``: see cache.remembered."""
    if not can_view_performance(user=user, partnership=partnership):
        raise PermissionDenied
    newest_period = Period.objects.aggregate(newest=Max("pk"))["newest"] or 0
    return remembered(
        partnership=partnership,
        name=f"journey:{year.pk if year else 'newest'}:{newest_period}",
        compute=lambda: build_journey(user=user, partnership=partnership, year=year),
        version=version,
    )


def build_journey(*, user, partnership: Partnership, year: Period | None = None) -> Journey:
    """The journey computed afresh (``childs_journey`` caches it)."""
    if not can_view_performance(user=user, partnership=partnership):
        raise PermissionDenied
    steps = journey_steps()
    codes = [code for step in steps for code in step["indicators"]]
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes).select_related("definition")}
    paired = published_indicators(indicators.values(), partnership=partnership)
    area = area_of_partnership(partnership)
    years = _years_with_figures(
        partnership=partnership,
        area=area,
        local_ids=[i.pk for i in indicators.values()],
        published_ids=[i.pk for i in paired.values()],
    )
    if year is None:
        year = next((y for y, own in years if own), years[0][0] if years else None)
    choices = [y for y, _ in years]
    if year is None:
        return Journey(None, None, [_step(s, indicators, None, None, {}, {}, paired) for s in steps], choices, {})
    previous = Period.objects.filter(kind=Period.Kind.YEAR, start__lt=year.start).order_by("-start").first()
    periods = [p for p in (year, previous) if p is not None]
    local = local_figures(user=user, partnership=partnership, indicators=indicators.values(), periods=periods)
    published = published_series(indicator_ids=[i.pk for i in paired.values()], periods=periods, area=area)
    built = [_step(s, indicators, year, previous, local, published, paired) for s in steps]
    return Journey(year, previous, built, choices, _spec(built, year, previous))


def _years_with_figures(*, partnership, area, local_ids, published_ids) -> list[tuple[Period, bool]]:
    """Years with any figure of the journey, newest first, each with whether the partnership has
    its own figures for it."""
    own = Observation.objects.filter(
        period=OuterRef("pk"),
        source=Observation.Source.AGENCY_RETURN,
        partnership=partnership,
        data_return__status="validated",
        indicator_id__in=local_ids,
    )
    years = Period.objects.filter(kind=Period.Kind.YEAR).annotate(own=Exists(own))
    condition = Q(own=True)
    if area is not None:
        published = Observation.objects.filter(
            period=OuterRef("pk"), source=Observation.Source.PUBLICATION, area=area, indicator_id__in=published_ids
        )
        condition |= Q(Exists(published))
    return [(y, y.own) for y in years.filter(condition).order_by("-start")]


def journey_figure(indicator, period, local, published, paired) -> JourneyFigure:
    """The indicator's figure for the period: the partnership's own (``local``, from
    ``local_figures``) when it has a value, else the published figure of its twin (``paired``,
    ``published``: from ``published_indicators`` and ``published_series``), else none, with why
    the partnership's own is missing."""
    if indicator is None or period is None:
        return JourneyFigure(None)
    own: LocalFigure | None = local.get((indicator.pk, period.pk))
    if own is not None and own.value is not None:
        return JourneyFigure(own.value, "", LOCAL)
    twin = paired.get(indicator.pk)
    if twin is not None and (twin.pk, period.pk) in published:
        value, missing = published[(twin.pk, period.pk)]
        return JourneyFigure(value, missing, PUBLISHED)
    return JourneyFigure(None, own.missing if own else "", "")


def _step(step: dict, indicators, year, previous, local, published, paired) -> JourneyStep:
    built = JourneyStep(step["code"], step["title"], step["description"])
    for code in step["indicators"]:
        indicator = indicators.get(code)
        if indicator is None:
            continue
        data = indicator.data
        built.lines.append(
            JourneyLine(
                code=code,
                title=indicator.definition.title,
                unit=data.get("unit", "count"),
                decimals=int(data.get("decimals", 0)),
                this_year=journey_figure(indicator, year, local, published, paired),
                last_year=journey_figure(indicator, previous, local, published, paired),
            )
        )
    return built


def _spec(steps: list[JourneyStep], year: Period, previous: Period | None) -> dict:
    drawn = [
        s for s in steps if s.count and (s.count.this_year.value is not None or s.count.last_year.value is not None)
    ]
    if not drawn:
        return {}
    years = [p.label for p in (previous, year) if p is not None]
    figures = {year.label: [s.count.this_year.value for s in drawn]}
    if previous is not None:
        figures = {previous.label: [s.count.last_year.value for s in drawn], **figures}
    return journey_spec(steps=[s.title for s in drawn], years=years, figures=figures)
