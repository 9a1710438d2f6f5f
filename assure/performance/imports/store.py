"""Writing published figures: each (indicator, period, area) holds one published observation, so a
figure is created the first time a file holds it, corrected when a later file holds a different
one, and left alone when it is the same. A file holds tens of thousands of figures: new ones go
straight to the database driver, corrections (rare) through bulk_update."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.db import IntegrityError, connection, models

from assure.library.models import LibraryItem

from ..models import Area, Indicator, Observation, Period, Publication

BATCH_SIZE = 2000

Key = tuple[int, int, int]
"""(indicator id, period id, area id)."""


class Figure(NamedTuple):
    """One published observation to store, its columns in the order they are written (a named
    tuple: an import makes tens of thousands, and hands them to the driver as they are)."""

    indicator_id: int
    definition_id: int
    period_id: int
    area_id: int
    value: Decimal | None
    missing: str
    numerator: Decimal | None
    denominator: Decimal | None
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


_VARYING = ("id", *Figure._fields)
"""The columns an import writes: the id, then a Figure's."""

# What each figure points at, by its field. The observation table has no foreign-key constraints
# on these columns (see the model): this is the check instead, once per referenced row rather
# than once per figure.
_REFERENCES: tuple[tuple[type[models.Model], int], ...] = (
    (Indicator, Figure._fields.index("indicator_id")),
    (LibraryItem, Figure._fields.index("definition_id")),
    (Period, Figure._fields.index("period_id")),
    (Area, Figure._fields.index("area_id")),
    (Publication, Figure._fields.index("publication_id")),
)


def references_hold(figures: list[Figure]) -> None:
    """Raise IntegrityError unless every indicator, library version, period, area and
    publication the figures point at exists. On PostgreSQL each of those rows is locked FOR KEY
    SHARE until the transaction ends, the lock a foreign-key check takes, so none can be deleted
    (or its id changed) before the figures are committed; SQLite lets one transaction write at a
    time, so what exists now exists at the commit."""
    if not figures:
        return
    columns = list(zip(*figures, strict=True))
    for model, position in _REFERENCES:
        wanted = set(columns[position]) - {None}
        if not wanted:
            continue
        if connection.vendor == "postgresql":
            table = connection.ops.quote_name(model._meta.db_table)
            column = connection.ops.quote_name(model._meta.pk.column)
            with connection.cursor() as cursor:
                # Table and column names come from the model, quoted; the ids are a parameter,
                # in order, so two imports lock the rows they share in the same order.
                cursor.execute(
                    f"SELECT {column} FROM {table} WHERE {column} = ANY(%s) FOR KEY SHARE",  # noqa: S608
                    [sorted(wanted)],
                )
                found = {pk for (pk,) in cursor.fetchall()}
        else:
            found = set(model._default_manager.filter(pk__in=wanted).values_list("pk", flat=True))
        absent = wanted - found
        if absent:
            shown = ", ".join(str(pk) for pk in sorted(absent)[:5])
            raise IntegrityError(
                f"figures point at {model._meta.verbose_name} ids that do not exist ({shown}); nothing was written"
            )


def _observation(pk: int, figure: Figure, recorded_at: dt.datetime) -> Observation:
    """The stored observation ``pk`` as the figure corrects it (for bulk_update)."""
    return Observation(pk=pk, source=Observation.Source.PUBLICATION, recorded_at=recorded_at, **figure._asdict())


def _insert_new(figures: list[Figure], recorded_at: dt.datetime) -> None:
    """Insert new published observations.

    An import writes tens of thousands of rows at once, and bulk_create spends most of its time
    preparing each field of each instance in Python. The values here are already what the
    database stores (ids, Decimals quantized by the reader, short texts), so they go straight to
    the driver: PostgreSQL's COPY, or one executemany elsewhere. Every other column takes its
    model default, worked out once through the field (so a datetime is adapted as Django would)."""
    fields = {f.attname: f for f in Observation._meta.concrete_fields}
    varying = list(Figure._fields)
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
                for figure in figures:
                    copy.write_row(figure + tail)
        else:
            parameters = ", ".join(["%s"] * len(columns))
            # Table and column names come from the model, quoted; every value is a parameter.
            sql = f"INSERT INTO {table} ({names}) VALUES ({parameters})"  # noqa: S608
            for start in range(0, len(figures), BATCH_SIZE):
                cursor.executemany(sql, [figure + tail for figure in figures[start : start + BATCH_SIZE]])


def published_figures_save(*, figures: list[Figure], recorded_at: dt.datetime) -> Written:
    """Create or correct the published observation of every figure's (indicator, period, area);
    leave identical ones alone. Where two figures share a key the later one counts. An unchanged
    figure keeps pointing at the publication that first held it."""
    written = Written()
    if not figures:
        return written
    by_key: dict[Key, Figure] = {(f[0], f[2], f[3]): f for f in figures}  # by indicator, period, area
    indicator_ids = {key[0] for key in by_key}
    period_ids = {key[1] for key in by_key}
    existing = {
        (indicator_id, period_id, area_id): (pk, (value, missing, numerator, denominator))
        for pk, indicator_id, period_id, area_id, value, missing, numerator, denominator in Observation.objects.filter(
            source=Observation.Source.PUBLICATION, indicator_id__in=indicator_ids, period_id__in=period_ids
        ).values_list("pk", "indicator_id", "period_id", "area_id", "value", "missing", "numerator", "denominator")
    }
    new: list[Figure] = []
    changed: list[tuple[int, Figure]] = []
    for key, figure in by_key.items():
        stored = existing.get(key)
        if stored is None:
            new.append(figure)
        elif stored[1] == figure[4:8]:  # value, missing, numerator, denominator
            written.unchanged += 1
        else:
            changed.append((stored[0], figure))
    references_hold(new + [figure for _, figure in changed])
    if new:
        _insert_new(new, recorded_at)
    if changed:
        Observation.objects.bulk_update(
            [_observation(pk, figure, recorded_at) for pk, figure in changed],
            ["definition", "value", "missing", "numerator", "denominator", "publication", "comment", "recorded_at"],
            batch_size=BATCH_SIZE,
        )
    written.created, written.updated = len(new), len(changed)
    return written
