"""England, its regions and local authorities, and each authority's statistical neighbours, as the
DfE's files in data/dfe/ describe them.

``areas_load`` reads the files shipped with Assure and is safe to run again (it changes only what
differs). It is the only way areas are made: a statistics import refuses a row for an area it does
not hold. The codes the statistics files use that the 2015 list and the hierarchy do not give
(an authority's new code when it became a unitary authority, London's two sub-regions) are listed
in ``area_codes_since_2015.csv``, the areas' code history.
The reads below need no user: areas and neighbours are public reference data shared by every
partnership, like the library.
"""

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max, QuerySet

from .cache import bump_benchmarks
from .models import Area, StatisticalNeighbour

DATA_DIR = Path(settings.BASE_DIR) / "data" / "dfe"
AUTHORITIES_FILE = "england_las_2015.csv"
HIERARCHY_FILE = "region_la_hierarchy.csv"
NEIGHBOURS_FILE = "New_Statistical_Neighbour_Groupings_April_2021.csv"
HISTORY_FILE = "area_codes_since_2015.csv"
NEIGHBOUR_MODEL = "April 2021"
ENGLAND_CODE = "E92000001"

ONS_CODE = re.compile(r"[EWSNK][0-9]{8}")
OLD_LA_CODE = re.compile(r"[0-9]{3}")
# The neighbours file has a fixed layout: LA number, name, LA number again, region number and
# name, then ten (neighbour's LA number, closeness) pairs. Its headers repeat ("SNP"), so columns
# are read by position.
FIRST_NEIGHBOUR_COLUMN = 5
NEIGHBOURS_PER_AUTHORITY = 10


class AreasInvalid(Exception):
    """The area files contradict themselves; every problem is listed."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class AreasLoaded:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    neighbours_written: int = 0
    neighbours_unchanged: int = 0
    neighbours_removed: int = 0
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"Areas: {self.created} created, {self.updated} updated, {self.unchanged} unchanged. "
            f"Statistical neighbours ({NEIGHBOUR_MODEL}): {self.neighbours_written} written, "
            f"{self.neighbours_unchanged} unchanged, {self.neighbours_removed} removed."
        )


@dataclass(frozen=True)
class AreaRow:
    level: str
    code: str
    name: str
    old_la_code: str = ""
    region_code: str = ""


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(handle)]


def area_rows(data_dir: Path) -> list[AreaRow]:
    """England, the regions and the authorities the two area files name, once each.

    Every authority of the 2015 list is kept (not its combined Kingston upon Thames / Richmond
    upon Thames row: both boroughs have rows of their own). The hierarchy file adds the authorities made since
    (and a few abolished before 2015); its other rows give earlier or later ONS codes of an
    authority the 2015 list already holds under the same old LA code, or no real code at all
    ("x", "z", "E06000061 / E06000062"), and are left out so that each authority appears once.
    """
    authorities = _rows(data_dir / AUTHORITIES_FILE)
    hierarchy = _rows(data_dir / HIERARCHY_FILE)
    regions: dict[str, str] = {}
    for row in authorities + hierarchy:
        if ONS_CODE.fullmatch(row["region_code"]):
            regions.setdefault(row["region_code"], row["region_name"])
    found = [AreaRow(Area.Level.NATIONAL, ENGLAND_CODE, "England")]
    found += [AreaRow(Area.Level.REGIONAL, code, name) for code, name in sorted(regions.items())]
    codes: set[str] = set()
    old_codes: set[str] = set()
    for row in authorities:
        code, old = row["new_la_code"], row["old_la_code"]
        if not ONS_CODE.fullmatch(code) or not OLD_LA_CODE.fullmatch(old):
            continue  # a combined row ("E09000021 / E09000027"): its authorities have their own
        found.append(AreaRow(Area.Level.LOCAL_AUTHORITY, code, row["la_name"], old, row["region_code"]))
        codes.add(code)
        old_codes.add(old)
    for row in hierarchy:
        code, old = row["new_la_code"], row["old_la_code"]
        if not ONS_CODE.fullmatch(code) or not OLD_LA_CODE.fullmatch(old) or code in codes or old in old_codes:
            continue
        found.append(AreaRow(Area.Level.LOCAL_AUTHORITY, code, row["la_name"], old, row["region_code"]))
        codes.add(code)
        old_codes.add(old)
    # The code history: later codes of authorities already listed, and London's sub-regions (a
    # sub-region's region is London). Read last, so an old LA code still means the 2015 authority.
    history = data_dir / HISTORY_FILE
    for row in _rows(history) if history.is_file() else []:
        if row["code"] not in codes:
            found.append(AreaRow(row["level"], row["code"], row["name"], row["old_la_code"], row["region_code"]))
            codes.add(row["code"])
    return found


def _save_areas(rows: list[AreaRow], report: AreasLoaded) -> dict[str, Area]:
    existing = {a.code: a for a in Area.objects.all()}
    # Regions first: an authority points at its region.
    for row in sorted(rows, key=lambda r: r.level == Area.Level.LOCAL_AUTHORITY):
        region = existing.get(row.region_code) if row.region_code else None
        wanted = {"level": row.level, "name": row.name, "old_la_code": row.old_la_code, "region": region}
        area = existing.get(row.code)
        if area is None:
            existing[row.code] = Area.objects.create(code=row.code, **wanted)
            report.created += 1
        elif any(getattr(area, k) != v for k, v in wanted.items()):
            for key, value in wanted.items():
                setattr(area, key, value)
            area.save()
            report.updated += 1
        else:
            report.unchanged += 1
    return existing


def neighbour_rows(path: Path) -> list[list[str]]:
    """The data rows of the neighbours file: those whose first cell is an LA number (the file
    also holds a blank row and an "Old SNs:" heading before the reorganised authorities)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return [row for row in rows[1:] if row and OLD_LA_CODE.fullmatch(row[0].strip())]


def _save_neighbours(data_dir: Path, by_old_code: dict[str, Area], report: AreasLoaded) -> None:
    problems: list[str] = []
    wanted: dict[tuple[int, int], tuple[int, str]] = {}
    for row in neighbour_rows(data_dir / NEIGHBOURS_FILE):
        area = by_old_code.get(row[0].strip())
        if area is None:
            problems.append(f"{NEIGHBOURS_FILE}: LA number {row[0]} ({row[1]}) is not a known authority")
            continue
        for rank in range(1, NEIGHBOURS_PER_AUTHORITY + 1):
            column = FIRST_NEIGHBOUR_COLUMN + 2 * (rank - 1)
            number, closeness = row[column].strip(), row[column + 1].strip()
            neighbour = by_old_code.get(number)
            if neighbour is None:
                problems.append(f"{NEIGHBOURS_FILE}: {row[1]}'s neighbour {rank} ({number!r}) is not a known authority")
                continue
            wanted[(area.pk, rank)] = (neighbour.pk, closeness)
    if problems:
        raise AreasInvalid(problems)

    stored = {(link.area_id, link.rank): link for link in StatisticalNeighbour.objects.filter(model=NEIGHBOUR_MODEL)}
    for key, link in stored.items():
        if key not in wanted:
            link.delete()
            report.neighbours_removed += 1
    for (area_id, rank), (neighbour_id, closeness) in wanted.items():
        link = stored.get((area_id, rank))
        if link is None:
            StatisticalNeighbour.objects.create(
                area_id=area_id, neighbour_id=neighbour_id, model=NEIGHBOUR_MODEL, rank=rank, closeness=closeness
            )
            report.neighbours_written += 1
        elif (link.neighbour_id, link.closeness) != (neighbour_id, closeness):
            link.neighbour_id, link.closeness = neighbour_id, closeness
            link.save(update_fields=["neighbour", "closeness"])
            report.neighbours_written += 1
        else:
            report.neighbours_unchanged += 1


@transaction.atomic
def areas_load(*, data_dir: Path | None = None) -> AreasLoaded:
    """Create or correct England, the nine regions, every local authority (old and ONS codes,
    region) and the April 2021 statistical neighbours from the DfE's files. Running it again
    changes nothing unless the files changed. Raises AreasInvalid, writing nothing, when the
    neighbours file names an authority the area files do not hold."""
    data_dir = Path(data_dir or DATA_DIR)
    report = AreasLoaded()
    rows = area_rows(data_dir)
    areas = _save_areas(rows, report)
    # The neighbours file numbers authorities by old LA code; where two areas share one, the one
    # in the area files' own rows (the 2015 list first) is the authority meant.
    by_old_code: dict[str, Area] = {}
    for row in rows:
        if row.old_la_code:
            by_old_code.setdefault(row.old_la_code, areas[row.code])
    _save_neighbours(data_dir, by_old_code, report)
    if report.created or report.updated or report.neighbours_written or report.neighbours_removed:
        bump_benchmarks()
    return report


# --- reads -----------------------------------------------------------------------------------


def area_of_partnership(partnership) -> Area | None:
    """The local authority area a partnership covers (by its ONS code), if loaded."""
    if not partnership.ons_code:
        return None
    return Area.objects.filter(code=partnership.ons_code).select_related("region").first()


def local_authorities() -> QuerySet[Area]:
    return Area.objects.filter(level=Area.Level.LOCAL_AUTHORITY).select_related("region").order_by("name")


def neighbour_model_of(area: Area) -> str | None:
    """The newest statistical-neighbour model that covers the area."""
    newest = StatisticalNeighbour.objects.filter(area=area).aggregate(newest=Max("pk"))["newest"]
    if newest is None:
        return None
    return StatisticalNeighbour.objects.values_list("model", flat=True).get(pk=newest)


def statistical_neighbours(*, area: Area, model: str | None = None) -> list[StatisticalNeighbour]:
    """The area's ten statistical neighbours, closest first (the newest model unless named)."""
    model = model or neighbour_model_of(area)
    if model is None:
        return []
    return list(
        StatisticalNeighbour.objects.filter(area=area, model=model).select_related("neighbour").order_by("rank")
    )
