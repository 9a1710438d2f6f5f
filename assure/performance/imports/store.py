"""Writing published figures: each (indicator, period, area) holds one published observation, so a
figure is created the first time a file holds it, corrected when a later file holds a different
one, and left alone when it is the same. Written in batches with bulk_create/bulk_update: a file
holds tens of thousands of figures."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..models import Observation

BATCH_SIZE = 2000

Key = tuple[int, int, int]
"""(indicator id, period id, area id)."""


@dataclass(frozen=True, slots=True)
class Figure:
    value: Decimal | None
    missing: str
    numerator: Decimal | None
    denominator: Decimal | None
    definition_id: int
    publication_id: int
    comment: str = ""


@dataclass
class Written:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def written(self) -> int:
        return self.created + self.updated


_VARYING = (
    "id",
    "indicator_id",
    "definition_id",
    "period_id",
    "area_id",
    "value",
    "missing",
    "numerator",
    "denominator",
    "publication_id",
    "comment",
)


def _observation_maker(recorded_at: dt.datetime) -> Callable[..., Observation]:
    """Make published observations from the _VARYING values, in that order. Model instances are
    made with positional arguments in field order, Django's fast path: an import makes tens of
    thousands of them, and keyword arguments cost several times as much."""
    fields = Observation._meta.concrete_fields
    constant = {f.attname: f.get_default() for f in fields if f.attname not in _VARYING}
    constant.update(source=Observation.Source.PUBLICATION, recorded_at=recorded_at)
    plan = [(_VARYING.index(f.attname), None) if f.attname in _VARYING else (None, constant[f.attname]) for f in fields]

    def make(*varying) -> Observation:
        return Observation(*[varying[at] if at is not None else value for at, value in plan])

    return make


def published_figures_save(*, figures: dict[Key, Figure], recorded_at: dt.datetime) -> Written:
    """Create or correct the published observation of every key; leave identical ones alone.
    An unchanged figure keeps pointing at the publication that first held it."""
    written = Written()
    if not figures:
        return written
    indicator_ids = {key[0] for key in figures}
    period_ids = {key[1] for key in figures}
    existing = {
        (indicator_id, period_id, area_id): (pk, (value, missing, numerator, denominator))
        for pk, indicator_id, period_id, area_id, value, missing, numerator, denominator in Observation.objects.filter(
            source=Observation.Source.PUBLICATION, indicator_id__in=indicator_ids, period_id__in=period_ids
        ).values_list("pk", "indicator_id", "period_id", "area_id", "value", "missing", "numerator", "denominator")
    }
    make = _observation_maker(recorded_at)
    new: list[Observation] = []
    changed: list[Observation] = []
    for (indicator_id, period_id, area_id), figure in figures.items():
        stored = existing.get((indicator_id, period_id, area_id))
        if stored is not None and stored[1] == (figure.value, figure.missing, figure.numerator, figure.denominator):
            written.unchanged += 1
            continue
        observation = make(
            stored[0] if stored else None,
            indicator_id,
            figure.definition_id,
            period_id,
            area_id,
            figure.value,
            figure.missing,
            figure.numerator,
            figure.denominator,
            figure.publication_id,
            figure.comment,
        )
        (changed if stored else new).append(observation)
    Observation.objects.bulk_create(new, batch_size=BATCH_SIZE)
    if changed:
        Observation.objects.bulk_update(
            changed,
            ["definition", "value", "missing", "numerator", "denominator", "publication", "comment", "recorded_at"],
            batch_size=BATCH_SIZE,
        )
    written.created, written.updated = len(new), len(changed)
    return written
