import csv
import datetime as dt
import importlib
import shutil
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

from assure.partnerships.tests.factories import PartnershipFactory
from assure.performance.areas import (
    CODE_HISTORY_FILE,
    DATA_DIR,
    ENGLAND_CODE,
    NEIGHBOUR_MODEL,
    NEIGHBOURS_FILE,
    REORGANISATIONS_FILE,
    AreasInvalid,
    area_of_partnership,
    area_with_code,
    areas_load,
    known_area_codes,
    statistical_neighbours,
)
from assure.performance.models import Area, AreaCode, AreaSuccession, FiguresVersion, StatisticalNeighbour
from assure.performance.periods import period_for_year
from assure.performance.tests.factories import AreaFactory, indicator, published

pytestmark = pytest.mark.django_db


def _las_2015() -> list[dict]:
    with (DATA_DIR / "england_las_2015.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_england_and_the_nine_regions_are_loaded():
    areas_load()
    assert Area.objects.get(code=ENGLAND_CODE).level == Area.Level.NATIONAL
    # London's two sub-regions (from the code history) belong to London: they are not regions.
    regions = Area.objects.filter(level=Area.Level.REGIONAL, region__isnull=True)
    assert regions.count() == 9
    assert set(regions.values_list("name", flat=True)) >= {"West Midlands", "London", "North East"}


def _copy_of_the_area_files(directory: Path) -> Path:
    for path in DATA_DIR.glob("*.csv"):
        shutil.copy(path, directory / path.name)
    return directory


def test_every_authority_of_2015_is_loaded_with_its_codes_and_region():
    areas_load()
    for row in (r for r in _las_2015() if " / " not in r["new_la_code"]):
        area = area_with_code(row["new_la_code"])
        assert (area.level, area.old_la_code, area.name) == (
            Area.Level.LOCAL_AUTHORITY,
            row["old_la_code"],
            row["la_name"],
        )
        assert area.region.code == row["region_code"]


def test_shropshire_is_in_the_west_midlands():
    areas_load()
    shropshire = Area.objects.get(code="E06000051")
    assert (shropshire.old_la_code, shropshire.region.name) == ("893", "West Midlands")


def test_authorities_made_after_2015_come_from_the_hierarchy():
    areas_load()
    north = Area.objects.get(code="E06000061")
    assert (north.name, north.old_la_code, north.region.name) == ("North Northamptonshire", "940", "East Midlands")


def test_other_codes_of_an_authority_are_its_codes_not_areas_of_their_own():
    areas_load()
    # The hierarchy also lists Gateshead's earlier ONS code and Shropshire's county code.
    assert not Area.objects.filter(code__in=["E08000020", "E10000026"]).exists()
    assert area_with_code("E08000020") == area_with_code("E08000037") == Area.objects.get(old_la_code="390")
    assert area_with_code("E10000026").name == "Shropshire"


def test_an_authority_recoded_as_a_unitary_is_one_area_with_each_code_dated():
    areas_load()
    buckinghamshire = Area.objects.get(old_la_code="825")
    assert buckinghamshire.code == "E06000060"  # the code it has now
    codes = {c.code: (c.valid_from, c.valid_to, c.verification) for c in buckinghamshire.codes.all()}
    assert codes == {
        "E10000002": (None, dt.date(2020, 3, 31), "verified"),
        "E06000060": (dt.date(2020, 4, 1), None, "verified"),
    }
    assert area_with_code("E10000002") == buckinghamshire


def test_each_authority_of_the_statistics_files_is_one_area_whatever_code_a_row_uses():
    areas_load()
    known = known_area_codes()
    codes_of: dict[str, set[int]] = {}
    for name in (
        "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
        "d3_cpps_subsequent_plan_2013_to_2025.csv",
        "ons_mid-year_population_estimates_2012_to_2024.csv",
    ):
        with (DATA_DIR / name).open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["geographic_level"] == "Local authority":
                    codes_of.setdefault(row["old_la_code"], set()).add(known.by_code[row["new_la_code"]])
    assert {number: len(areas) for number, areas in codes_of.items() if len(areas) != 1} == {}


def test_every_area_holds_its_own_code_among_its_codes():
    areas_load()
    codes = {}
    for area_id, code in AreaCode.objects.values_list("area_id", "code"):
        codes.setdefault(area_id, set()).add(code)
    assert [a.code for a in Area.objects.all() if a.code not in codes.get(a.pk, set())] == []


def test_reorganised_authorities_have_their_first_and_last_days():
    areas_load()
    bcp, bournemouth, cumbria = (Area.objects.get(old_la_code=n) for n in ("839", "837", "909"))
    assert (bcp.began_on, bcp.ended_on) == (dt.date(2019, 4, 1), None)
    assert (bournemouth.began_on, bournemouth.ended_on) == (None, dt.date(2019, 3, 31))
    assert cumbria.ended_on == dt.date(2023, 3, 31)
    shropshire = Area.objects.get(code="E06000051")
    assert (shropshire.began_on, shropshire.ended_on) == (None, None)


def test_mergers_and_splits_are_recorded_as_such():
    areas_load()
    links = {
        (s.predecessor.old_la_code, s.successor.old_la_code): (s.kind, s.took_effect)
        for s in AreaSuccession.objects.select_related("predecessor", "successor")
    }
    assert links[("837", "839")] == (AreaSuccession.Kind.MERGER, dt.date(2019, 4, 1))
    assert links[("835", "838")] == (AreaSuccession.Kind.SPLIT, dt.date(2019, 4, 1))
    assert {after for before, after in links if before == "928"} == {"940", "941"}
    assert {after for before, after in links if before == "909"} == {"942", "943"}


def test_an_authority_stored_under_its_old_code_is_corrected_not_doubled():
    # An installation loaded before the code history kept Buckinghamshire under its county code.
    earlier = Area.objects.create(level=Area.Level.LOCAL_AUTHORITY, code="E10000002", name="Buckinghamshire")
    areas_load()
    assert list(Area.objects.filter(old_la_code="825")) == [earlier]
    earlier.refresh_from_db()
    assert earlier.code == "E06000060"


def test_a_code_history_row_for_an_unknown_authority_stops_the_load(tmp_path):
    directory = _copy_of_the_area_files(tmp_path)
    with (directory / CODE_HISTORY_FILE).open("a", encoding="utf-8") as handle:
        handle.write("999,Nowhere,E06000999,,,,a test,check\n")
    with pytest.raises(AreasInvalid) as raised:
        areas_load(data_dir=directory)
    assert "LA number '999' (Nowhere) is not a known authority" in str(raised.value)
    assert not Area.objects.exists()


def test_two_dates_for_one_reorganised_authority_stop_the_load(tmp_path):
    directory = _copy_of_the_area_files(tmp_path)
    text = (directory / REORGANISATIONS_FILE).read_text(encoding="utf-8")
    (directory / REORGANISATIONS_FILE).write_text(
        text.replace("2021-04-01,928,Northamptonshire,941", "2021-05-01,928,Northamptonshire,941")
    )
    with pytest.raises(AreasInvalid) as raised:
        areas_load(data_dir=directory)
    assert "Northamptonshire or West Northamptonshire is given two different dates" in str(raised.value)


def test_a_neighbour_link_points_at_the_authority_whatever_its_code():
    areas_load()
    # Shropshire's fifth neighbour is Somerset (LA 933), a unitary authority with a new code
    # since 2023: the link is to the one area that holds both codes.
    somerset = statistical_neighbours(area=Area.objects.get(code="E06000051"))[4].neighbour
    assert somerset == area_with_code("E10000027") == area_with_code("E06000066")


def test_shropshire_has_ten_ranked_neighbours_with_closeness():
    areas_load()
    neighbours = statistical_neighbours(area=Area.objects.get(code="E06000051"))
    assert [n.rank for n in neighbours] == list(range(1, 11))
    assert neighbours[0].neighbour.name == "Devon" and neighbours[0].closeness == "Extremely Close"
    assert neighbours[2].neighbour.code == "E06000059"  # LA 838: Dorset as reorganised in 2019
    assert {n.model for n in neighbours} == {NEIGHBOUR_MODEL}


def test_reorganised_authorities_keep_their_old_neighbours():
    areas_load()
    poole = Area.objects.get(old_la_code="836")
    assert StatisticalNeighbour.objects.filter(area=poole).count() == 10


def test_loading_again_changes_nothing():
    first = areas_load()
    areas = list(Area.objects.order_by("code").values())
    codes = list(AreaCode.objects.order_by("code").values())
    successions = list(AreaSuccession.objects.order_by("pk").values())
    links = list(StatisticalNeighbour.objects.order_by("pk").values())
    second = areas_load()
    assert first.created > 150 and first.neighbours_written > 1500
    assert first.codes_written > first.created and first.successions_written == 8
    assert not second.changed
    assert list(Area.objects.order_by("code").values()) == areas
    assert list(AreaCode.objects.order_by("code").values()) == codes
    assert list(AreaSuccession.objects.order_by("pk").values()) == successions
    assert list(StatisticalNeighbour.objects.order_by("pk").values()) == links


def test_loading_again_corrects_a_changed_name():
    areas_load()
    Area.objects.filter(code="E06000051").update(name="Salop")
    report = areas_load()
    assert report.updated == 1 and Area.objects.get(code="E06000051").name == "Shropshire"


def test_an_unknown_neighbour_stops_the_load(tmp_path):
    _copy_of_the_area_files(tmp_path)
    text = (tmp_path / NEIGHBOURS_FILE).read_text(encoding="utf-8-sig")
    (tmp_path / NEIGHBOURS_FILE).write_text(
        text.replace("893,Shropshire,893,8,West Midlands,878", "893,Shropshire,893,8,West Midlands,999")
    )
    with pytest.raises(AreasInvalid) as raised:
        areas_load(data_dir=tmp_path)
    assert "Shropshire's neighbour 1 ('999')" in str(raised.value)
    assert not Area.objects.exists()


def test_the_command_loads_and_says_what_it_did(capsys):
    call_command("load_areas")
    # England, 9 regions, 2 London sub-regions, 152 authorities of 2015 and 8 made since; an
    # authority's other codes are codes, not areas.
    out = capsys.readouterr().out
    assert "Areas: 172 created" in out and "Reorganisations: 8 links written" in out
    call_command("load_areas")
    assert "0 created, 0 updated, 172 unchanged" in capsys.readouterr().out


def test_a_partnership_finds_its_area_by_its_ons_code():
    areas_load()
    partnership = PartnershipFactory(ons_code="E06000051")
    assert area_of_partnership(partnership).name == "Shropshire"
    assert area_of_partnership(PartnershipFactory(ons_code="")) is None


def test_a_partnership_made_under_an_authoritys_earlier_code_still_finds_it():
    areas_load()
    partnership = PartnershipFactory(ons_code="E10000023")
    assert area_of_partnership(partnership) == Area.objects.get(code="E06000065")


def test_loading_areas_marks_cached_benchmarks_out_of_date_only_when_something_changed():
    areas_load()
    after_first = FiguresVersion.objects.get(scope="benchmarks").version
    areas_load()
    assert after_first >= 1 and FiguresVersion.objects.get(scope="benchmarks").version == after_first


def test_the_combined_kingston_and_richmond_row_is_left_out():
    areas_load()
    assert not Area.objects.filter(name__contains=" / ").exists()
    assert Area.objects.filter(code__in=["E09000021", "E09000027"]).count() == 2


# --- the migration that brings an installation's areas to one per authority -------------------


def test_the_migration_makes_an_authority_stored_twice_one_area_with_both_codes():
    migration = importlib.import_module("assure.performance.migrations.0010_area_code_history")
    county = AreaFactory(code="E10000002", name="Buckinghamshire", old_la_code="825")
    unitary = AreaFactory(code="E06000060", name="Buckinghamshire", old_la_code="825")
    trafford = AreaFactory(code="E08000009", name="Trafford", old_la_code="358")
    StatisticalNeighbour.objects.create(area=trafford, neighbour=county, model=NEIGHBOUR_MODEL, rank=10)
    referrals = indicator("dfe-referrals")
    older = published(referrals, county, 5000, period=period_for_year("2019-20"))
    newer = published(referrals, unitary, 5200, period=period_for_year("2020-21"))
    migration.codes_of_stored_areas(apps, None)
    # The area the neighbour links name stays, with both codes and both years' figures.
    assert list(Area.objects.filter(old_la_code="825")) == [county]
    assert set(county.codes.values_list("code", flat=True)) == {"E10000002", "E06000060"}
    assert set(county.observations.values_list("pk", flat=True)) == {older.pk, newer.pk}
    assert FiguresVersion.objects.get(scope="benchmarks").version >= 1
