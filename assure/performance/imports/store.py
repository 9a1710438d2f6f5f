"""Writing published figures: each (indicator, period, area) holds one published observation, so a
figure is created the first time a file holds it, corrected when a later file holds a different
one, and left alone when it is the same. A file holds tens of thousands of figures: new ones go
straight to the database driver, corrections (rare) through bulk_update.

A partnership's own figures (local imports) are written by ``local_figures_save`` below, which
reads and writes only that partnership's local-import observations and refuses anything else."""

import datetime as dt
from dataclasses import dataclass, field
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
    # Each corrected figure: the stored (value, missing, numerator, denominator) and the figure
    # that replaced it, so that every partnership can be shown what changed.
    corrected: list[tuple[tuple, Figure]] = field(default_factory=list)

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
            written.corrected.append((stored[1], figure))
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


# --- a partnership's own figures -------------------------------------------------------------


class LocalFigureRefused(ValueError):
    """A local import tried to write something other than a new local figure of its own
    partnership: a published figure, another partnership's figure, or any stored row."""


_LOCAL_COMPARED = ("value", "missing", "numerator", "denominator", "comment")


def _refusal(observation: Observation, partnership_id: int) -> str:
    """Why the observation is not a local figure the partnership may write ("" when it is)."""
    if not observation._state.adding or observation.pk is not None:
        return "it is a stored figure; a local import only hands over new figures"
    if observation.source != Observation.Source.LOCAL_IMPORT:
        return f"its source is {observation.get_source_display()!r}, not a local import"
    if observation.partnership_id != partnership_id:
        return "it belongs to another partnership, or to none"
    if observation.area_id or observation.publication_id or observation.data_return_id or observation.agency_id:
        return "it names an area, a publication, a return or an agency, which a local figure never does"
    return ""


def local_figures_save(*, partnership, observations: list[Observation], recorded_at: dt.datetime) -> Written:
    """Create or correct the partnership's own figures: each (indicator, period) holds one
    local-import observation of the partnership. Only those are ever read, created or changed
    here: a published figure, another partnership's figure, an area or a neighbour is never
    touched, and anything other than a new local figure of this partnership is refused
    (LocalFigureRefused) before anything is written. Where two figures share a key the later one
    counts; nothing is deleted."""
    written = Written()
    for observation in observations:
        if reason := _refusal(observation, partnership.pk):
            raise LocalFigureRefused(f"A local import cannot write {observation}: {reason}. Nothing was written.")
    if not observations:
        return written
    # Two imports of the same partnership at once would each create the same figure: they take
    # turns. (NO KEY UPDATE leaves the partnership's other records free to point at it.)
    type(partnership).objects.select_for_update(no_key=True).filter(pk=partnership.pk).first()
    by_key = {(o.indicator_id, o.period_id): o for o in observations}
    existing = {
        (o.indicator_id, o.period_id): o
        for o in Observation.objects.filter(
            source=Observation.Source.LOCAL_IMPORT,
            partnership=partnership,
            indicator_id__in={key[0] for key in by_key},
            period_id__in={key[1] for key in by_key},
        )
    }
    new: list[Observation] = []
    changed: list[Observation] = []
    for key, figure in by_key.items():
        stored = existing.get(key)
        if stored is None:
            figure.recorded_at = recorded_at
            new.append(figure)
        elif all(getattr(stored, name) == getattr(figure, name) for name in _LOCAL_COMPARED):
            written.unchanged += 1
        else:
            for name in (*_LOCAL_COMPARED, "definition_id"):
                setattr(stored, name, getattr(figure, name))
            stored.recorded_at = recorded_at
            changed.append(stored)
    Observation.objects.bulk_create(new, batch_size=BATCH_SIZE)
    Observation.objects.bulk_update(changed, [*_LOCAL_COMPARED, "definition", "recorded_at"], batch_size=BATCH_SIZE)
    written.created, written.updated = len(new), len(changed)
    return written
