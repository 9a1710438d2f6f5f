"""England, its regions and local authorities, each authority's ONS codes over time and the
reorganisations that made or ended authorities, and each authority's statistical neighbours, as
the files in data/dfe/ describe them.

An authority is one Area whatever codes it has had: the DfE numbers children's services
authorities by their three-digit LA number, which survives a re-coding, so the LA number is what
joins an authority's rows across the files. ``area_code_history.csv`` gives the codes an
authority has had and when each was in use (with where that was checked);
``area_reorganisations.csv`` the mergers and splits that made or ended authorities, each with the
day it took effect. Every code of an authority resolves to it (``known_area_codes``), so a file
using an earlier code for earlier years adds its figures to the same area, and the neighbour
links, which point at the authority, keep its figures in its neighbours' means.

``areas_load`` reads the files shipped with Assure and is safe to run again (it changes only what
differs). It is the only way areas are made: a statistics import refuses a row for an area it does
not hold. The reads below need no user: areas and neighbours are public reference data shared by
every partnership, like the library.
"""

import csv
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q, QuerySet

from .cache import bump_benchmarks
from .models import Area, AreaCode, AreaSuccession, StatisticalNeighbour

DATA_DIR = Path(settings.BASE_DIR) / "data" / "dfe"
AUTHORITIES_FILE = "england_las_2015.csv"
HIERARCHY_FILE = "region_la_hierarchy.csv"
NEIGHBOURS_FILE = "New_Statistical_Neighbour_Groupings_April_2021.csv"
CODE_HISTORY_FILE = "area_code_history.csv"
REORGANISATIONS_FILE = "area_reorganisations.csv"
SUB_REGIONS_FILE = "london_sub_regions.csv"
NEIGHBOUR_MODEL = "April 2021"
ENGLAND_CODE = "E92000001"

ONS_CODE = re.compile(r"[EWSNK][0-9]{8}")
OLD_LA_CODE = re.compile(r"[0-9]{3}")
VERIFICATIONS = {"verified", "paraphrase", "check"}
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
    codes_written: int = 0
    codes_unchanged: int = 0
    successions_written: int = 0
    successions_unchanged: int = 0
    successions_removed: int = 0
    neighbours_written: int = 0
    neighbours_unchanged: int = 0
    neighbours_removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(
            self.created
            or self.updated
            or self.codes_written
            or self.successions_written
            or self.successions_removed
            or self.neighbours_written
            or self.neighbours_removed
        )

    def __str__(self) -> str:
        return (
            f"Areas: {self.created} created, {self.updated} updated, {self.unchanged} unchanged. "
            f"Codes: {self.codes_written} written, {self.codes_unchanged} unchanged. "
            f"Reorganisations: {self.successions_written} links written, {self.successions_unchanged} unchanged, "
            f"{self.successions_removed} removed. "
            f"Statistical neighbours ({NEIGHBOUR_MODEL}): {self.neighbours_written} written, "
            f"{self.neighbours_unchanged} unchanged, {self.neighbours_removed} removed."
        )


@dataclass(frozen=True)
class CodeRow:
    """One ONS code of an area, with the days it was in use where known."""

    code: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    note: str = ""
    source: str = ""
    verification: str = ""


@dataclass
class AreaRow:
    """One area as the files describe it: ``code`` is the code it has now (or had last), and
    ``codes`` every code it has had, the area files' own first."""

    level: str
    code: str
    name: str
    old_la_code: str = ""
    region_code: str = ""
    codes: list[CodeRow] = field(default_factory=list)
    began_on: dt.date | None = None
    ended_on: dt.date | None = None


@dataclass(frozen=True)
class SuccessionRow:
    predecessor: str  # LA numbers
    successor: str
    took_effect: dt.date
    kind: str
    note: str = ""
    source: str = ""
    verification: str = ""


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(handle)]


def _date(text: str, where: str, problems: list[str]) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        problems.append(f"{where}: {text!r} is not a date such as 2019-04-01")
        return None


def _current_code(codes: list[CodeRow]) -> str:
    """The code in use now: one still valid, the latest to start; else the last to end. Ties
    go to the area files' own code (listed first)."""
    ranked = sorted(
        enumerate(codes),
        key=lambda pair: (pair[1].valid_to or dt.date.max, pair[1].valid_from or dt.date.min, -pair[0]),
    )
    return ranked[-1][1].code


def _authorities(data_dir: Path, problems: list[str]) -> dict[str, AreaRow]:
    """Every local authority by LA number, with the codes the 2015 list and the hierarchy give.

    Every authority of the 2015 list is kept (not its combined Kingston upon Thames / Richmond
    upon Thames row: both boroughs have rows of their own). The hierarchy adds the authorities made
    since, and other codes of an authority already listed under the same LA number (earlier or
    later ONS codes); its rows without a real code or LA number ("x", "z", "E06000061 /
    E06000062") are left out, unless the code history names them."""
    authorities: dict[str, AreaRow] = {}
    owner: dict[str, str] = {}
    for file_name in (AUTHORITIES_FILE, HIERARCHY_FILE):
        for row in _rows(data_dir / file_name):
            code, number = row["new_la_code"], row["old_la_code"]
            if not ONS_CODE.fullmatch(code) or not OLD_LA_CODE.fullmatch(number):
                continue  # a combined row, or one with no real code
            if owner.setdefault(code, number) != number:
                problems.append(f"{file_name}: {code} is given to LA {owner[code]} and to LA {number}")
                continue
            authority = authorities.get(number)
            if authority is None:
                authorities[number] = AreaRow(
                    Area.Level.LOCAL_AUTHORITY, code, row["la_name"], number, row["region_code"], [CodeRow(code)]
                )
            elif code not in {c.code for c in authority.codes}:
                authority.codes.append(CodeRow(code))
    return authorities


def _add_code_history(data_dir: Path, authorities: dict[str, AreaRow], problems: list[str]) -> None:
    """Date the codes of ``area_code_history.csv`` (adding those the area files do not give)."""
    path = data_dir / CODE_HISTORY_FILE
    owner = {c.code: number for number, authority in authorities.items() for c in authority.codes}
    for line, row in enumerate(_rows(path) if path.is_file() else [], start=2):
        where = f"{CODE_HISTORY_FILE}, line {line}"
        number, code = row["la_number"], row["code"]
        authority = authorities.get(number)
        if authority is None:
            problems.append(f"{where}: LA number {number!r} ({row['name']}) is not a known authority")
            continue
        if not ONS_CODE.fullmatch(code):
            problems.append(f"{where}: {code!r} is not an ONS code")
            continue
        if owner.setdefault(code, number) != number:
            problems.append(f"{where}: {code} is already a code of LA {owner[code]}, not of LA {number}")
            continue
        if row["verification"] not in VERIFICATIONS:
            problems.append(f"{where}: verification {row['verification']!r} is not one of {sorted(VERIFICATIONS)}")
        dated = CodeRow(
            code,
            _date(row["valid_from"], where, problems),
            _date(row["valid_to"], where, problems),
            row["note"],
            row["source"],
            row["verification"],
        )
        if dated.valid_from and dated.valid_to and dated.valid_from > dated.valid_to:
            problems.append(f"{where}: {code} ends before it starts")
        authority.codes = [dated if c.code == code else c for c in authority.codes]
        if code not in {c.code for c in authority.codes}:
            authority.codes.append(dated)


def _succession_rows(data_dir: Path, authorities: dict[str, AreaRow], problems: list[str]) -> list[SuccessionRow]:
    """The links of ``area_reorganisations.csv``; each authority's first and last days follow."""
    path = data_dir / REORGANISATIONS_FILE
    found: list[SuccessionRow] = []
    for line, row in enumerate(_rows(path) if path.is_file() else [], start=2):
        where = f"{REORGANISATIONS_FILE}, line {line}"
        unknown = [n for n in (row["predecessor"], row["successor"]) if n not in authorities]
        took_effect = _date(row["took_effect"], where, problems)
        if unknown:
            problems.append(f"{where}: LA number {unknown[0]!r} is not a known authority")
        if row["kind"] not in AreaSuccession.Kind.values:
            problems.append(f"{where}: kind {row['kind']!r} is not one of {AreaSuccession.Kind.values}")
        if row["verification"] not in VERIFICATIONS:
            problems.append(f"{where}: verification {row['verification']!r} is not one of {sorted(VERIFICATIONS)}")
        if unknown or took_effect is None:
            continue
        found.append(
            SuccessionRow(
                row["predecessor"],
                row["successor"],
                took_effect,
                row["kind"],
                row["note"],
                row["source"],
                row["verification"],
            )
        )
    for link in found:
        before, after = authorities[link.predecessor], authorities[link.successor]
        last_day = link.took_effect - dt.timedelta(days=1)
        if before.ended_on not in (None, last_day) or after.began_on not in (None, link.took_effect):
            problems.append(f"{REORGANISATIONS_FILE}: {before.name} or {after.name} is given two different dates")
        before.ended_on, after.began_on = last_day, link.took_effect
    return found


@dataclass
class AreaFiles:
    """What the area files say, and every problem found in them."""

    rows: list[AreaRow]
    successions: list[SuccessionRow]
    problems: list[str]


def area_files(data_dir: Path) -> AreaFiles:
    """England, the regions, London's sub-regions and every local authority the area files
    name, once each, with their codes and, for authorities a reorganisation made or ended, their
    first or last day; and the reorganisations' links."""
    problems: list[str] = []
    authorities = _authorities(data_dir, problems)
    _add_code_history(data_dir, authorities, problems)
    successions = _succession_rows(data_dir, authorities, problems)
    for authority in authorities.values():
        authority.code = _current_code(authority.codes)

    regions: dict[str, str] = {}
    for row in _rows(data_dir / AUTHORITIES_FILE) + _rows(data_dir / HIERARCHY_FILE):
        if ONS_CODE.fullmatch(row["region_code"]):
            regions.setdefault(row["region_code"], row["region_name"])
    found = [AreaRow(Area.Level.NATIONAL, ENGLAND_CODE, "England", codes=[CodeRow(ENGLAND_CODE)])]
    found += [AreaRow(Area.Level.REGIONAL, code, name, codes=[CodeRow(code)]) for code, name in sorted(regions.items())]
    # London's sub-regions (Inner and Outer London) are named in the statistics files'
    # region_code; each belongs to London and is not a region of its own.
    sub_regions = data_dir / SUB_REGIONS_FILE
    for row in _rows(sub_regions) if sub_regions.is_file() else []:
        found.append(
            AreaRow(Area.Level.REGIONAL, row["code"], row["name"], "", row["region_code"], [CodeRow(row["code"])])
        )
    found += authorities.values()
    return AreaFiles(found, successions, problems)


# --- writing ---------------------------------------------------------------------------------


def _stored_areas(rows: list[AreaRow]) -> dict[str, Area]:
    """The stored area of each row (by any of its codes), or none yet. An earlier load kept an
    authority under another of its codes; this finds it, so it is corrected, not doubled."""
    areas = {a.pk: a for a in Area.objects.all()}
    by_code = {code: areas[area_id] for code, area_id in AreaCode.objects.values_list("code", "area_id")}
    by_code.update({a.code: a for a in areas.values()})
    stored: dict[str, Area] = {}
    claimed: dict[int, str] = {}
    problems = []
    for row in rows:
        matches = {by_code[c.code].pk: by_code[c.code] for c in row.codes if c.code in by_code}
        if len(matches) > 1:
            named = ", ".join(f"{a.name} ({a.code})" for a in matches.values())
            problems.append(f"{row.name}'s codes belong to {len(matches)} stored areas: {named}")
        elif matches:
            area = next(iter(matches.values()))
            if claimed.setdefault(area.pk, row.code) != row.code:
                problems.append(
                    f"the stored area {area.name} ({area.code}) holds codes of {claimed[area.pk]} and of {row.code}"
                )
            stored[row.code] = area
    if problems:
        raise AreasInvalid(problems)
    return stored


def _keep(found, wanted: dict, create) -> str:
    """Save what ``wanted`` says of a stored row: ``create()`` it when there is none (``found`` is
    None), change it when a field differs; "created", "updated" or "unchanged"."""
    if found is None:
        create()
        return "created"
    if any(getattr(found, k) != v for k, v in wanted.items()):
        for key, value in wanted.items():
            setattr(found, key, value)
        found.save()
        return "updated"
    return "unchanged"


def _save_areas(rows: list[AreaRow], report: AreasLoaded) -> dict[str, Area]:
    stored = _stored_areas(rows)
    saved: dict[str, Area] = {}
    # Regions first: an authority or a sub-region points at its region.
    for row in sorted(rows, key=lambda r: bool(r.region_code)):
        region = saved.get(row.region_code) if row.region_code else None
        wanted = {
            "code": row.code,
            "level": row.level,
            "name": row.name,
            "old_la_code": row.old_la_code,
            "region": region,
            "began_on": row.began_on,
            "ended_on": row.ended_on,
        }
        area = stored.get(row.code) or Area(**wanted)
        outcome = _keep(area if area.pk else None, wanted, area.save)
        setattr(report, outcome, getattr(report, outcome) + 1)
        saved[row.code] = area
    return saved


def _save_codes(rows: list[AreaRow], areas: dict[str, Area], report: AreasLoaded) -> None:
    """Every code of every area, with its dates. A code is never removed: codes are not reused,
    so one that once named an area still means it in an old file."""
    stored = {c.code: c for c in AreaCode.objects.all()}
    for row in rows:
        area = areas[row.code]
        for code in row.codes:
            wanted = {
                "area_id": area.pk,
                "valid_from": code.valid_from,
                "valid_to": code.valid_to,
                "note": code.note,
                "source": code.source,
                "verification": code.verification,
            }
            found = stored.get(code.code)
            outcome = _keep(
                found, wanted, lambda code=code, wanted=wanted: AreaCode.objects.create(code=code.code, **wanted)
            )
            if outcome == "unchanged":
                report.codes_unchanged += 1
            else:
                report.codes_written += 1


def _save_successions(links: list[SuccessionRow], by_number: dict[str, Area], report: AreasLoaded) -> None:
    wanted = {
        (by_number[link.predecessor].pk, by_number[link.successor].pk): {
            "took_effect": link.took_effect,
            "kind": link.kind,
            "note": link.note,
            "source": link.source,
            "verification": link.verification,
        }
        for link in links
    }
    stored = {(s.predecessor_id, s.successor_id): s for s in AreaSuccession.objects.all()}
    for key, succession in stored.items():
        if key not in wanted:
            succession.delete()
            report.successions_removed += 1
    for (predecessor_id, successor_id), fields in wanted.items():
        outcome = _keep(
            stored.get((predecessor_id, successor_id)),
            fields,
            lambda p=predecessor_id, s=successor_id, f=fields: AreaSuccession.objects.create(
                predecessor_id=p, successor_id=s, **f
            ),
        )
        if outcome == "unchanged":
            report.successions_unchanged += 1
        else:
            report.successions_written += 1


def neighbour_rows(path: Path) -> list[list[str]]:
    """The data rows of the neighbours file: those whose first cell is an LA number (the file
    also holds a blank row and an "Old SNs:" heading before the reorganised authorities)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return [row for row in rows[1:] if row and OLD_LA_CODE.fullmatch(row[0].strip())]


def _neighbour_links(data_dir: Path, by_number: dict[str, Area]) -> dict[tuple[int, int], tuple[int, str]]:
    """(area id, rank) → (neighbour id, closeness) of every row of the neighbours file; raises
    AreasInvalid naming every LA number it does not know."""
    problems: list[str] = []
    wanted: dict[tuple[int, int], tuple[int, str]] = {}
    for row in neighbour_rows(data_dir / NEIGHBOURS_FILE):
        area = by_number.get(row[0].strip())
        if area is None:
            problems.append(f"{NEIGHBOURS_FILE}: LA number {row[0]} ({row[1]}) is not a known authority")
            continue
        for rank in range(1, NEIGHBOURS_PER_AUTHORITY + 1):
            column = FIRST_NEIGHBOUR_COLUMN + 2 * (rank - 1)
            number, closeness = row[column].strip(), row[column + 1].strip()
            neighbour = by_number.get(number)
            if neighbour is None:
                problems.append(f"{NEIGHBOURS_FILE}: {row[1]}'s neighbour {rank} ({number!r}) is not a known authority")
                continue
            wanted[(area.pk, rank)] = (neighbour.pk, closeness)
    if problems:
        raise AreasInvalid(problems)
    return wanted


def _save_neighbours(wanted: dict[tuple[int, int], tuple[int, str]], report: AreasLoaded) -> None:
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
    """Create or correct England, the nine regions, every local authority (LA number, current
    and earlier ONS codes with their dates, region, first and last days), the reorganisations
    between authorities and the April 2021 statistical neighbours from the files in data/dfe.
    Running it again changes nothing unless the files changed. Raises AreasInvalid, writing
    nothing, when the files contradict themselves or name an authority they do not hold."""
    data_dir = Path(data_dir or DATA_DIR)
    report = AreasLoaded()
    files = area_files(data_dir)
    if files.problems:
        raise AreasInvalid(files.problems)
    areas = _save_areas(files.rows, report)
    _save_codes(files.rows, areas, report)
    # The other files number authorities by LA number, which each authority has once.
    by_number = {row.old_la_code: areas[row.code] for row in files.rows if row.old_la_code}
    _save_successions(files.successions, by_number, report)
    _save_neighbours(_neighbour_links(data_dir, by_number), report)
    if report.changed:
        bump_benchmarks()
    return report


# --- reads -----------------------------------------------------------------------------------


def _any_code(code: str) -> Q:
    return Q(code=code) | Q(codes__code=code)


def area_with_code(code: str) -> Area | None:
    """The area any of whose ONS codes, earlier or current, is ``code``."""
    if not code:
        return None
    return Area.objects.filter(_any_code(code.strip().upper())).select_related("region").distinct().first()


def area_of_partnership(partnership) -> Area | None:
    """The local authority area a partnership covers (by its ONS code, or an earlier or later
    code of the same authority), if loaded."""
    return area_with_code(partnership.ons_code)


def _same_name(one: str, other: str) -> bool:
    """Whether two spellings name the same authority ("Bournemouth, Christchurch & Poole")."""

    def plain(name: str) -> str:
        return re.sub(r"[^a-z0-9]", "", name.lower().replace("&", "and"))

    return plain(one) == plain(other)


@dataclass(frozen=True)
class KnownAreaCodes:
    """Every code Assure holds, each with its area's id, and the LA numbers that name one
    authority only (with its name): the means of finding the area of a statistics file's row."""

    by_code: dict[str, int]
    by_la_number: dict[str, tuple[int, str]]

    def area_id(self, code: str, la_number: str = "", name: str = "") -> int | None:
        """The area of an ONS code. A code Assure does not know finds an authority by its LA
        number only where that is beyond doubt: one authority has the number, and the row
        names it (an unknown code with another name is a mistake, not a re-coding)."""
        found = self.by_code.get(code)
        if found is None and la_number in self.by_la_number:
            area_id, area_name = self.by_la_number[la_number]
            found = area_id if _same_name(name, area_name) else None
        return found


def known_area_codes() -> KnownAreaCodes:
    """Every code of every area (two queries)."""
    by_code = dict(AreaCode.objects.values_list("code", "area_id"))
    numbered: list[tuple[str, int, str]] = []
    for pk, code, level, number, name in Area.objects.values_list("pk", "code", "level", "old_la_code", "name"):
        by_code[code] = pk
        if level == Area.Level.LOCAL_AUTHORITY and number:
            numbered.append((number, pk, name))
    shared = Counter(number for number, _, _ in numbered)
    return KnownAreaCodes(by_code, {number: (pk, name) for number, pk, name in numbered if shared[number] == 1})


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
