"""Computed figures: the indicators Assure counts from its own records, stored as observations
with their provenance ("computed from 23 Section 11 returns on 6 December 2026").

They are computed again inside the transaction of every change to the records they count (the
owning app calls ``records_changed``, and ``records_recount`` below is registered for it), by the
daily jobs (``manage.py compute_indicators``) and after the demo is loaded. A figure is written
only when it changed, and the partnership's cached figures are moved on in the same transaction,
so the scorecard shows a new figure on its very next page and never an old one.

No event is recorded: the change that moved the figure (a return accepted, attendance recorded)
is in the trail already, and field history keeps each figure's changes.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone

from assure.core.computations import ComputedFigure
from assure.partnerships.models import Partnership

from ..cache import bump_partnership
from ..computations import ComputedIndicator, computed_indicators, provenance_text
from ..models import Observation, Period
from ..periods import period_for_year
from ..validation import ratio_value

STORED = Decimal("0.0001")  # the four decimal places an observation keeps

Source = Observation.Source


@dataclass
class ComputedReport:
    """What a computation run did: figures written (new or changed), left as they were, and
    removed (the records no longer give a figure for that year)."""

    written: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def changed(self) -> int:
        return self.written + self.removed

    def add(self, other: "ComputedReport") -> None:
        self.written += other.written
        self.unchanged += other.unchanged
        self.removed += other.removed


def _stored(number: Decimal | None) -> Decimal | None:
    return None if number is None else Decimal(number).quantize(STORED, rounding=ROUND_HALF_UP)


def _value(figure: ComputedFigure, definition: dict) -> Decimal | None:
    if figure.denominator is None:
        return _stored(figure.numerator)
    if not figure.denominator:
        return None
    return _stored(ratio_value(indicator=definition, numerator=figure.numerator, denominator=figure.denominator))


def _same(observation: Observation, figure: ComputedFigure, value: Decimal | None) -> bool:
    """Whether the stored figure already says this: the same value, parts and source records."""
    counted_on = timezone.localdate(observation.computed_at) if observation.computed_at else None
    return (
        observation.value == value
        and observation.numerator == _stored(figure.numerator)
        and observation.denominator == _stored(figure.denominator)
        and counted_on is not None
        and observation.provenance == provenance_text(figure.counted_from, counted_on)
    )


def _recount(*, partnership: Partnership, computed: ComputedIndicator, years: Collection[str] | None) -> ComputedReport:
    indicator, definition = computed.indicator, computed.indicator.data
    figures = {
        figure.year: figure
        for figure in computed.computation.compute(partnership=partnership, parameters=computed.parameters, years=years)
        if years is None or figure.year in years
    }
    stored = Observation.objects.filter(source=Source.COMPUTED, partnership=partnership, indicator=indicator)
    if years is not None:
        stored = stored.filter(period__kind=Period.Kind.YEAR, period__label__in=list(years))
    existing = {observation.period.label: observation for observation in stored.select_related("period")}
    report = ComputedReport()
    now = timezone.now()
    for year, figure in figures.items():
        value = _value(figure, definition)
        observation = existing.pop(year, None)
        if observation is not None and _same(observation, figure, value):
            report.unchanged += 1
            continue
        observation = observation or Observation(
            indicator=indicator, period=period_for_year(year), source=Source.COMPUTED, partnership=partnership
        )
        observation.definition = indicator.definition
        observation.value, observation.missing = value, "" if value is not None else Observation.Missing.NOT_APPLICABLE
        observation.numerator, observation.denominator = _stored(figure.numerator), _stored(figure.denominator)
        observation.provenance = provenance_text(figure.counted_from, timezone.localdate(now))
        observation.computed_at = observation.recorded_at = now
        observation.save()
        report.written += 1
    for observation in existing.values():
        observation.delete()
        report.removed += 1
    return report


@transaction.atomic
def compute_indicators(
    *, partnership: Partnership, period: Period | None = None, owner: str | None = None
) -> ComputedReport:
    """Count the partnership's computed indicators from its records and store what changed: for
    ``period`` (a financial year) or for every year the records cover, and only ``owner``'s
    computations when given. Moves the partnership's cached figures on when anything changed."""
    if period is not None and period.kind != Period.Kind.YEAR:
        return ComputedReport()  # computed figures are yearly: a quarter or a month has none
    years = None if period is None else {period.label}
    return _compute(partnership=partnership, years=years, owner=owner)


def _compute(*, partnership: Partnership, years: Collection[str] | None, owner: str | None) -> ComputedReport:
    report = ComputedReport()
    for computed in computed_indicators(owner=owner, partnership=partnership):
        report.add(_recount(partnership=partnership, computed=computed, years=years))
    if report.changed:
        bump_partnership(partnership.pk)
    return report


@transaction.atomic
def compute_all_indicators(*, partnerships: Iterable[Partnership] | None = None) -> ComputedReport:
    """``compute_indicators`` for every active partnership (or those given), every year."""
    report = ComputedReport()
    chosen = Partnership.objects.filter(is_active=True) if partnerships is None else partnerships
    for partnership in chosen:
        report.add(_compute(partnership=partnership, years=None, owner=None))
    return report


def records_recount(owner: str, *, partnership_ids: Iterable[int], years: Iterable[str] | None = None) -> None:
    """What the performance app does when an app's counted records change (registered with
    ``on_records_changed``): count that app's indicators again for those partnerships, in the
    changing transaction."""
    asked = None if years is None else set(years)
    for partnership in Partnership.objects.filter(pk__in=list(partnership_ids)):
        _compute(partnership=partnership, years=asked, owner=owner)
