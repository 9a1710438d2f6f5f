import csv
import shutil

import pytest
from django.core.management import call_command

from assure.partnerships.tests.factories import PartnershipFactory
from assure.performance.areas import (
    DATA_DIR,
    ENGLAND_CODE,
    NEIGHBOUR_MODEL,
    NEIGHBOURS_FILE,
    AreasInvalid,
    area_of_partnership,
    areas_load,
    statistical_neighbours,
)
from assure.performance.models import Area, FiguresVersion, StatisticalNeighbour

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


def test_every_authority_of_2015_is_loaded_with_its_codes_and_region():
    areas_load()
    for row in (r for r in _las_2015() if " / " not in r["new_la_code"]):
        area = Area.objects.select_related("region").get(code=row["new_la_code"])
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


def test_other_codes_of_an_authority_already_listed_are_not_loaded_twice():
    areas_load()
    # The hierarchy also lists Gateshead's earlier ONS code and Shropshire's county code.
    assert not Area.objects.filter(code__in=["E08000020", "E10000026"]).exists()
    assert Area.objects.filter(old_la_code="390").count() == 1


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
    links = list(StatisticalNeighbour.objects.order_by("pk").values())
    second = areas_load()
    assert first.created > 150 and first.neighbours_written > 1500
    assert (second.created, second.updated, second.neighbours_written, second.neighbours_removed) == (0, 0, 0, 0)
    assert list(Area.objects.order_by("code").values()) == areas
    assert list(StatisticalNeighbour.objects.order_by("pk").values()) == links


def test_loading_again_corrects_a_changed_name():
    areas_load()
    Area.objects.filter(code="E06000051").update(name="Salop")
    report = areas_load()
    assert report.updated == 1 and Area.objects.get(code="E06000051").name == "Shropshire"


def test_an_unknown_neighbour_stops_the_load(tmp_path):
    for path in DATA_DIR.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
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
    # 170 from the 2015 list and the hierarchy, 5 from the code history.
    assert "Areas: 175 created" in capsys.readouterr().out
    call_command("load_areas")
    assert "0 created, 0 updated, 175 unchanged" in capsys.readouterr().out


def test_a_partnership_finds_its_area_by_its_ons_code():
    areas_load()
    partnership = PartnershipFactory(ons_code="E06000051")
    assert area_of_partnership(partnership).name == "Shropshire"
    assert area_of_partnership(PartnershipFactory(ons_code="")) is None


def test_loading_areas_marks_cached_benchmarks_out_of_date_only_when_something_changed():
    areas_load()
    after_first = FiguresVersion.objects.get(scope="benchmarks").version
    areas_load()
    assert after_first >= 1 and FiguresVersion.objects.get(scope="benchmarks").version == after_first


def test_the_combined_kingston_and_richmond_row_is_left_out():
    areas_load()
    assert not Area.objects.filter(name__contains=" / ").exists()
    assert Area.objects.filter(code__in=["E09000021", "E09000027"]).count() == 2
