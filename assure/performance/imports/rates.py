"""Rates per 10,000 children derived from published counts.

The files give counts; a rate indicator of the library names the count it is a rate of
(``rate_of``). After every import, each area and period that has both a published count and the
ONS estimate of children aged 0-17 for that period gets the rate, recorded as a published
observation of the rate indicator (numerator the count, denominator the population). The
estimate for mid-2014 is stored against 2014-15 by its mapping, so the rate for 2014-15 uses
it. A count or estimate that is suppressed makes the rate missing with the same reason."""

import datetime as dt
from collections.abc import Iterable

from ..calculations import rate_per_10000
from ..models import Indicator, Observation, Period
from .store import Figure, Written, published_figures_save

DERIVED_COMMENT = "Worked out by Assure: the published count per 10,000 children aged 0-17 (ONS mid-year estimate)."


def rate_indicators() -> list[tuple[Indicator, Indicator, Indicator]]:
    """(rate, count, population) indicators for every current indicator with ``rate_of`` and
    ``rate_population`` (both named in the library)."""
    indicators = {i.code: i for i in Indicator.objects.select_related("definition")}
    triples = []
    for indicator in indicators.values():
        count_code = indicator.definition.data.get("rate_of")
        population_code = indicator.definition.data.get("rate_population")
        if count_code in indicators and population_code in indicators:
            triples.append((indicator, indicators[count_code], indicators[population_code]))
    return sorted(triples, key=lambda triple: triple[0].code)


def _published(indicator: Indicator, period_ids: set[int] | None) -> dict[tuple[int, int], tuple]:
    rows = Observation.objects.filter(source=Observation.Source.PUBLICATION, indicator=indicator)
    if period_ids is not None:
        rows = rows.filter(period_id__in=period_ids)
    return {
        (period_id, area_id): (value, missing, publication_id)
        for period_id, area_id, value, missing, publication_id in rows.values_list(
            "period_id", "area_id", "value", "missing", "publication_id"
        )
    }


def published_rates_derive(*, period_ids: Iterable[int] | None = None, recorded_at: dt.datetime) -> Written:
    """Work out every published rate per 10,000 children of the periods given (all when None)
    from the published counts and populations; create, correct or leave alone each one."""
    periods = set(period_ids) if period_ids is not None else None
    total = Written()
    populations: dict[int, dict] = {}
    for rate, count_indicator, population_indicator in rate_indicators():
        if population_indicator.pk not in populations:
            populations[population_indicator.pk] = _published(population_indicator, periods)
        population = populations[population_indicator.pk]
        figures: list[Figure] = []
        for (period_id, area_id), (count, count_missing, publication_id) in _published(
            count_indicator, periods
        ).items():
            people = population.get((period_id, area_id))
            if people is None:
                continue
            value = rate_per_10000(count=count, population=people[0])
            missing = "" if value is not None else (count_missing or people[1] or Observation.Missing.NOT_AVAILABLE)
            figures.append(
                Figure(
                    indicator_id=rate.pk,
                    definition_id=rate.definition_id,
                    period_id=period_id,
                    area_id=area_id,
                    value=value,
                    missing=missing,
                    numerator=count,
                    denominator=people[0],
                    publication_id=publication_id,
                    comment=DERIVED_COMMENT,
                )
            )
        written = published_figures_save(figures=figures, recorded_at=recorded_at)
        total.created += written.created
        total.updated += written.updated
        total.unchanged += written.unchanged
        total.corrected += written.corrected
    return total


def rates_not_worked_out(*, imported: Iterable[str], period_ids: Iterable[int]) -> list[str]:
    """Why rates of the counts just imported (indicator codes ``imported``) were not worked out
    for the periods given, a sentence each, so that an import never leaves a rate out unsaid: a
    rate naming no population Assure knows (a definition loaded before the library required
    one), or a year with counts but no published population yet (the rates are worked out when
    the population file is imported)."""
    imported, periods = set(imported), set(period_ids)
    indicators = {i.code: i for i in Indicator.objects.select_related("definition")}
    notes = []
    for rate in sorted(indicators.values(), key=lambda indicator: indicator.code):
        count_code = rate.definition.data.get("rate_of")
        if count_code not in imported:
            continue
        population = indicators.get(rate.definition.data.get("rate_population") or "")
        if population is None:
            notes.append(
                f"No “{rate.definition.title}” was worked out: its definition names no population indicator "
                "Assure knows (rate_population). Publish a new version of its document that names one."
            )
            continue
        lacking = _years_with(indicators[count_code], periods) - _years_with(population, periods)
        if lacking:
            labels = ", ".join(Period.objects.filter(pk__in=lacking).order_by("start").values_list("label", flat=True))
            notes.append(
                f"No “{rate.definition.title}” for {labels} yet: there is no “{population.definition.title}” "
                "for those years. The rates are worked out when it is imported."
            )
    return notes


def _years_with(indicator: Indicator, period_ids: set[int]) -> set[int]:
    published = Observation.objects.filter(
        source=Observation.Source.PUBLICATION, indicator=indicator, period_id__in=period_ids, value__isnull=False
    )
    return set(published.values_list("period_id", flat=True).distinct())
