"""Writing published figures: each (indicator, period, area) holds one published observation, so a
figure is created the first time a file holds it, corrected when a later file holds a different
one, and left alone when it is the same. Written in batches with bulk_create/bulk_update: a file
holds tens of thousands of figures: new ones go straight to the database driver."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.db import connection

from ..models import Observation

BATCH_SIZE = 2000

Key = tuple[int, int, int]
"""(indicator id, period id, area id)."""


class Figure(NamedTuple):
    """One figure to store (a named tuple: an import makes tens of thousands)."""

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
    """Make published observations from the _VARYING values, in that order (for corrections,
    which bulk_update writes). Positional arguments in field order are Django's fast path."""
    fields = Observation._meta.concrete_fields
    constant = {f.attname: f.get_default() for f in fields if f.attname not in _VARYING}
    constant.update(source=Observation.Source.PUBLICATION, recorded_at=recorded_at)
    plan = [(_VARYING.index(f.attname), None) if f.attname in _VARYING else (None, constant[f.attname]) for f in fields]

    def make(*varying) -> Observation:
        return Observation(*[varying[at] if at is not None else value for at, value in plan])

    return make


def _insert_new(rows: list[tuple], recorded_at: dt.datetime) -> None:
    """Insert new published observations given as _VARYING tuples without the id.

    An import writes tens of thousands of rows at once, and bulk_create spends most of its time
    preparing each field of each instance in Python. The values here are already what the
    database stores (ids, Decimals quantized by the reader, short texts), so they go straight to
    the driver: PostgreSQL's COPY, or one executemany elsewhere. Every other column takes its
    model default, worked out once through the field (so a datetime is adapted as Django would)."""
    fields = {f.attname: f for f in Observation._meta.concrete_fields}
    varying = list(_VARYING[1:])
    constant = {
        name: field.get_db_prep_save(field.get_default(), connection)
        for name, field in fields.items()
        if name not in _VARYING
    }
    constant["source"] = Observation.Source.PUBLICATION.value
    constant["recorded_at"] = fields["recorded_at"].get_db_prep_save(recorded_at, connection)
    # Columns left empty (a published figure has no partnership, agency or return) are not
    # written at all: no column of the table has a database default, so they are NULL.
    constant = {name: value for name, value in constant.items() if value is not None}
    columns = varying + list(constant)
    tail = tuple(constant.values())
    table = connection.ops.quote_name(Observation._meta.db_table)
    names = ", ".join(connection.ops.quote_name(fields[name].column) for name in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row + tail)
        else:
            parameters = ", ".join(["%s"] * len(columns))
            # Table and column names come from the model, quoted; every value is a parameter.
            sql = f"INSERT INTO {table} ({names}) VALUES ({parameters})"  # noqa: S608
            for start in range(0, len(rows), BATCH_SIZE):
                cursor.executemany(sql, [row + tail for row in rows[start : start + BATCH_SIZE]])


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
    new: list[tuple] = []
    changed: list[Observation] = []
    for key, (value, missing, numerator, denominator, definition_id, publication_id, comment) in figures.items():
        indicator_id, period_id, area_id = key
        values = (
            indicator_id,
            definition_id,
            period_id,
            area_id,
            value,
            missing,
            numerator,
            denominator,
            publication_id,
            comment,
        )
        stored = existing.get(key)
        if stored is None:
            new.append(values)
        elif stored[1] == (value, missing, numerator, denominator):
            written.unchanged += 1
        else:
            changed.append(make(stored[0], *values))
    if new:
        _insert_new(new, recorded_at)
    if changed:
        Observation.objects.bulk_update(
            changed,
            ["definition", "value", "missing", "numerator", "denominator", "publication", "comment", "recorded_at"],
            batch_size=BATCH_SIZE,
        )
    written.created, written.updated = len(new), len(changed)
    return written
