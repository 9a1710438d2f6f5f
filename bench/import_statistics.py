"""Benchmark: importing each DfE file against a plain load of the same CSV into the same database.

    .venv/bin/python bench/import_statistics.py [--repeat 5]

For each file of data/dfe/ that a shipped mapping reads, in the order a fresh installation imports
them (C1, D3, then the ONS estimates, whose import also works out the rates per 10,000 children):

- the plain load: the CSV read with the csv module and every row written, as text, into a scratch
  table with one column per CSV column, by bulk_create in one transaction — the least work that
  puts the file into the database;
- the cell load: the same, but one scratch row per figure cell (line, column, text), so it writes
  as many rows as the import writes observations — the least work that stores the same figures;
- the import: ``import_statistics`` itself (checksum, mapping, every check of every row, areas,
  periods, one observation per figure, the publication, the derived rates, the trail event).

Each is timed ``--repeat`` times in the same process, on the same database, each in its own
committed transaction, and the best time is kept; what a run wrote is deleted (untimed) before the
next, so every run starts from the same state; then the file is imported for good so the next file
sees it (as the rates need). Speed is
rows of the file per second, so the ratio printed is plain time / import time (1.0 = as fast as
the plain load; the goal is at least 0.5).

The database is a fresh test database made from DATABASE_URL like the test suite's (SQLite by
default, in var/bench-import.sqlite3; ``DATABASE_URL=postgres://...`` for PostgreSQL), dropped at
the end.
"""

import argparse
import csv
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, models, transaction  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

from assure.audit.models import Event  # noqa: E402
from assure.library.loader import load_library  # noqa: E402
from assure.library.selectors import current_item  # noqa: E402
from assure.performance.areas import DATA_DIR, areas_load  # noqa: E402
from assure.performance.imports import import_statistics  # noqa: E402
from assure.performance.models import Observation  # noqa: E402

FILES = [
    ("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", "dfe-c1"),
    ("d3_cpps_subsequent_plan_2013_to_2025.csv", "dfe-d3"),
    ("ons_mid-year_population_estimates_2012_to_2024.csv", "ons-population"),
]


def scratch_model(name: str, columns: list[str]) -> type[models.Model]:
    """A throwaway model with one text column per CSV column (c0, c1, ...)."""
    attrs = {"__module__": __name__, "Meta": type("Meta", (), {"app_label": "bench", "db_table": f"bench_{name}"})}
    attrs.update({f"c{i}": models.TextField(blank=True) for i in range(len(columns))})
    return type(f"Scratch{name.title()}", (models.Model,), attrs)


def cell_model() -> type[models.Model]:
    attrs = {
        "__module__": __name__,
        "Meta": type("Meta", (), {"app_label": "bench", "db_table": "bench_cells"}),
        "line": models.PositiveIntegerField(),
        "column": models.CharField(max_length=100),
        "text": models.TextField(blank=True),
    }
    return type("ScratchCell", (models.Model,), attrs)


def timed(action, repeat: int, after=None) -> float:
    """The best of ``repeat`` runs of ``action``; ``after`` tidies up between runs, untimed."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
        if after:
            after()
    return min(times)


def plain_load(path: Path, model, repeat: int) -> float:
    def load():
        with transaction.atomic(), path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            next(reader)
            model.objects.bulk_create(
                (model(**{f"c{i}": cell for i, cell in enumerate(row)}) for row in reader), batch_size=2000
            )

    return timed(load, repeat, after=model.objects.all().delete)


def cell_load(path: Path, model, measure_columns: list[str], repeat: int) -> float:
    def load():
        with transaction.atomic(), path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            wanted = [(i, name) for i, name in enumerate(header) if name in measure_columns]
            model.objects.bulk_create(
                (
                    model(line=line, column=name, text=row[i])
                    for line, row in enumerate(reader, start=2)
                    for i, name in wanted
                ),
                batch_size=2000,
            )

    return timed(load, repeat, after=model.objects.all().delete)


def real_import(path: Path, mapping: str, repeat: int) -> tuple[float, str]:
    results = []

    def run():
        results.append(import_statistics(path=path, mapping_code=mapping))

    def undo():
        # Everything the import wrote carries its time; the areas and periods it made stay (the
        # first run pays for them; the best run is kept).
        publication = results[-1].publication
        written = Observation.objects.filter(recorded_at=publication.imported_at)
        written._raw_delete(written.db)  # no per-row signals: this is tidying up, not measured
        Event.objects.filter(verb="statistics.imported", target_id=str(publication.pk)).delete()
        publication.delete()

    best = timed(run, repeat, after=undo)
    return best, str(results[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        (ROOT / "var").mkdir(exist_ok=True)
        database.setdefault("TEST", {})["NAME"] = str(ROOT / "var" / "bench-import.sqlite3")
    config = setup_databases(verbosity=0, interactive=False)
    try:
        load_library()
        areas_load()
        cells = cell_model()
        print(f"database: {connection.vendor}, best of {options.repeat} runs")
        print(
            f"{'file':<55} {'rows':>6} {'figures':>8} {'plain s':>8} {'cells s':>8} {'import s':>9} "
            f"{'ratio':>6} {'vs cells':>8}"
        )
        for file_name, mapping in FILES:
            path = DATA_DIR / file_name
            with path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.reader(handle)
                header = next(reader)
                rows = sum(1 for _ in reader)
            measures = [m["column"] for m in current_item(kind="statistics-mapping", code=mapping).data["measures"]]
            wide = scratch_model(mapping.replace("-", "_"), header)
            with connection.schema_editor() as editor:
                editor.create_model(wide)
                editor.create_model(cells)
            plain = plain_load(path, wide, options.repeat)
            cell = cell_load(path, cells, measures, options.repeat)
            imported, summary = real_import(path, mapping, options.repeat)
            with connection.schema_editor() as editor:
                editor.delete_model(wide)
                editor.delete_model(cells)
            import_statistics(path=path, mapping_code=mapping)
            print(
                f"{file_name:<55} {rows:>6} {rows * len(measures):>8} {plain:>8.3f} {cell:>8.3f} {imported:>9.3f} "
                f"{plain / imported:>6.2f} {cell / imported:>8.2f}"
            )
            print(f"    {summary}")
    finally:
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
