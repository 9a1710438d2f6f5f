import csv
import hashlib
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command

from assure.audit.models import Event
from assure.performance.areas import (
    AUTHORITIES_FILE,
    CODE_HISTORY_FILE,
    DATA_DIR,
    HIERARCHY_FILE,
    NEIGHBOURS_FILE,
    REORGANISATIONS_FILE,
    SUB_REGIONS_FILE,
    area_with_code,
    areas_load,
)
from assure.performance.imports import ImportRejected, import_statistics
from assure.performance.imports.rates import DERIVED_COMMENT
from assure.performance.models import Area, FiguresVersion, Observation, Publication
from assure.performance.tests.factories import AreaFactory, indicator, statistics_mapping

pytestmark = pytest.mark.django_db

C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
D3 = "d3_cpps_subsequent_plan_2013_to_2025.csv"
ONS = "ons_mid-year_population_estimates_2012_to_2024.csv"
SHIPPED_MAPPINGS = sorted(
    yaml.safe_load(path.read_text())["items"][0]["code"]
    for path in (Path(settings.LIBRARY_DIR) / "assure" / "statistics").glob("*.yaml")
)


# --- reading the shipped files, as the tests' own source of truth ----------------------------


def file_rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def file_row(name: str, time_period: str, code: str) -> dict[str, str]:
    """The row of a shipped file for an area (ONS code of any level) and year."""
    return next(
        row
        for row in file_rows(name)
        if row["time_period"] == time_period
        and code
        == {"National": row["country_code"], "Regional": row["region_code"]}.get(
            row["geographic_level"], row["new_la_code"]
        )
    )


def subset_file(directory: Path, name: str, keep: Callable[[dict], bool], change=None) -> Path:
    """A copy of a shipped file (same name) holding only the rows ``keep`` accepts; ``change``
    may alter each kept row (a dict) before it is written."""
    with (DATA_DIR / name).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header, rows = reader.fieldnames, [row for row in reader if keep(row)]
    path = directory / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        for number, row in enumerate(rows, start=2):
            writer.writerow(change(number, row) if change else row)
    return path


def year(*time_periods: str) -> Callable[[dict], bool]:
    return lambda row: row["time_period"] in time_periods


def published(code: str, period_label: str, area_code: str) -> Observation:
    """The published figure of an area named by any of its codes."""
    return Observation.objects.get(
        source=Observation.Source.PUBLICATION,
        indicator__code=code,
        period__label=period_label,
        area=area_with_code(area_code),
    )


@pytest.fixture
def areas():
    areas_load()


# --- every shipped mapping, and spot checks against the files --------------------------------


@pytest.mark.parametrize("mapping_code", SHIPPED_MAPPINGS)
def test_every_shipped_mapping_imports_its_file(areas, mapping_code):
    mapping = statistics_mapping(mapping_code)
    files = [p for p in DATA_DIR.glob("*.csv") if fnmatch(p.name, mapping.data["file_pattern"])]
    assert len(files) == 1, f"{mapping_code} should read exactly one file of data/dfe"
    result = import_statistics(path=files[0], mapping_code=mapping_code)
    rows = len(file_rows(files[0].name))
    assert (result.rows_read, result.rows_kept) == (rows, rows)
    assert result.created == rows * len(mapping.data["measures"])
    assert result.publication.observations_written == result.created


def test_the_shipped_mappings_cover_every_statistics_file():
    patterns = [statistics_mapping(code).data["file_pattern"] for code in SHIPPED_MAPPINGS]
    area_files = {
        AUTHORITIES_FILE,
        HIERARCHY_FILE,
        NEIGHBOURS_FILE,
        CODE_HISTORY_FILE,
        REORGANISATIONS_FILE,
        SUB_REGIONS_FILE,
    }
    unread = [
        p.name
        for p in DATA_DIR.glob("*.csv")
        if p.name not in area_files and not any(fnmatch(p.name, x) for x in patterns)
    ]
    assert unread == []


def test_england_referrals_for_2015_match_the_file(areas, tmp_path):
    import_statistics(path=subset_file(tmp_path, C1, year("2015")), mapping_code="dfe-c1")
    expected = Decimal(file_row(C1, "2015", "E92000001")["referral_count"])
    assert published("dfe-referrals", "2014-15", "E92000001").value == expected


def test_shropshire_referrals_and_rereferral_percentage_for_2015_match_the_file(areas, tmp_path):
    import_statistics(path=subset_file(tmp_path, C1, year("2015")), mapping_code="dfe-c1")
    row = file_row(C1, "2015", "E06000051")
    assert published("dfe-referrals", "2014-15", "E06000051").value == Decimal(row["referral_count"])
    percent = published("dfe-rereferrals-percent", "2014-15", "E06000051")
    assert percent.value == Decimal(row["rereferral_percent"])
    assert (percent.numerator, percent.denominator) == (
        Decimal(row["rereferral_count"]),
        Decimal(row["referral_count"]),
    )


def test_second_plans_for_2015_match_the_file(areas, tmp_path):
    import_statistics(path=subset_file(tmp_path, D3, year("2015")), mapping_code="dfe-d3")
    row = file_row(D3, "2015", "E06000051")
    assert published("dfe-cpp-starts", "2014-15", "E06000051").value == Decimal(row["CPP_start"])
    assert published("dfe-cpp-subsequent-percent", "2014-15", "E06000051").value == Decimal(
        row["CPP_subsequent_percent"]
    )


def test_observations_keep_the_version_of_their_indicator_and_their_publication(areas, tmp_path):
    result = import_statistics(path=subset_file(tmp_path, C1, year("2015")), mapping_code="dfe-c1")
    observation = published("dfe-referrals", "2014-15", "E06000051")
    assert observation.definition_id == indicator("dfe-referrals").definition_id
    assert observation.publication == result.publication


# --- suppressed figures ----------------------------------------------------------------------


def test_suppression_codes_are_kept_as_missing_with_their_code(areas, tmp_path):
    import_statistics(path=DATA_DIR / C1, mapping_code="dfe-c1")
    columns = {"no_further_action_count": "dfe-referrals-nfa", "rereferral_count": "dfe-rereferrals"}
    checked = set()
    for row in file_rows(C1):
        for column, code in columns.items():
            if row[column] in {"c", "x", "u"} and row["geographic_level"] == "Local authority":
                observation = published(
                    code, f"{int(row['time_period']) - 1}-{row['time_period'][2:]}", row["new_la_code"]
                )
                assert (observation.value, observation.missing) == (None, row[column])
                checked.add(row[column])
    assert checked == {"c", "x", "u"}


def test_no_suppressed_figure_becomes_a_zero(areas):
    import_statistics(path=DATA_DIR / D3, mapping_code="dfe-d3")
    suppressed = sum(
        1
        for row in file_rows(D3)
        for c in ("CPP_start", "CPP_subsequent", "CPP_subsequent_percent")
        if row[c] in {"c", "x", "z", "u"}
    )
    assert Observation.objects.exclude(missing="").count() == suppressed
    assert not Observation.objects.exclude(missing="").filter(value__isnull=False).exists()


# --- bad files -------------------------------------------------------------------------------


def test_a_file_with_two_bad_rows_writes_nothing_and_names_both(areas, tmp_path):
    def spoil(line, row):
        if line == 3:
            row["referral_count"] = "12,5O"
        if line == 7:
            row["geographic_level"] = "County"
        return row

    areas_before = Area.objects.count()
    path = subset_file(tmp_path, C1, year("2015"), change=spoil)
    with pytest.raises(ImportRejected) as rejected:
        import_statistics(path=path, mapping_code="dfe-c1")
    assert [(p.line, p.column) for p in rejected.value.problems] == [(3, "referral_count"), (7, "geographic_level")]
    assert "'12,5O' is neither a number nor a suppression code" in rejected.value.problems[0].reason
    assert "unknown geographic level 'County'" in rejected.value.problems[1].reason
    assert not Observation.objects.exists() and not Publication.objects.exists()
    assert Area.objects.count() == areas_before


@pytest.mark.parametrize(
    ("column", "bad", "reason"),
    [
        ("time_period", "2015/16", "'2015/16' is not a year such as 2015"),
        ("new_la_code", "", "no area code"),
        ("new_la_code", "893", "'893' is not an ONS area code"),
        ("rereferral_percent", "", "empty; expected a number or a suppression code"),
        ("rereferral_percent", "NaN", "'NaN' is neither a number nor a suppression code"),
    ],
)
def test_each_kind_of_bad_cell_is_named_with_its_line_and_column(areas, tmp_path, column, bad, reason):
    def spoil(line, row):
        if row["new_la_code"] == "E06000051":
            row[column] = bad
        return row

    path = subset_file(tmp_path, C1, year("2015"), change=spoil)
    line = 2 + [r["new_la_code"] for r in file_rows(C1) if r["time_period"] == "2015"].index("E06000051")
    with pytest.raises(ImportRejected) as rejected:
        import_statistics(path=path, mapping_code="dfe-c1")
    assert [(p.line, p.column) for p in rejected.value.problems] == [(line, column)]
    assert reason in rejected.value.problems[0].reason


def test_a_repeated_area_and_year_is_a_bad_row(areas, tmp_path):
    path = subset_file(tmp_path, C1, year("2015"))
    lines = path.read_text().splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n")
    with pytest.raises(ImportRejected) as rejected:
        import_statistics(path=path, mapping_code="dfe-c1")
    assert [str(p) for p in rejected.value.problems] == [
        f"line {len(lines) + 1}, column country_code: the same area and year as line 2"
    ]


def test_a_missing_column_is_named_on_the_header_line(areas, tmp_path):
    path = subset_file(tmp_path, C1, year("2015"))
    path.write_text(path.read_text().replace("rereferral_percent", "rereferral_pct", 1))
    with pytest.raises(ImportRejected) as rejected:
        import_statistics(path=path, mapping_code="dfe-c1")
    assert [(p.line, p.column) for p in rejected.value.problems] == [(1, "rereferral_percent")]


def test_a_file_for_another_mapping_is_refused(areas):
    with pytest.raises(ImportRejected) as rejected:
        import_statistics(path=DATA_DIR / D3, mapping_code="dfe-c1")
    assert "should match c1_*.csv" in str(rejected.value.problems[0])


def test_an_unknown_mapping_is_refused():
    with pytest.raises(ImportRejected, match="no statistics mapping 'dfe-z9'"):
        import_statistics(path=DATA_DIR / C1, mapping_code="dfe-z9")


def test_rows_other_filters_keep_are_left_out(areas, tmp_path):
    path = subset_file(tmp_path, C1, year("2015"))
    path.write_text(path.read_text().replace("Reporting year", "Calendar year", 5))
    result = import_statistics(path=path, mapping_code="dfe-c1")
    assert (result.rows_read - result.rows_kept) == 5


# --- importing again ---------------------------------------------------------------------------


def test_importing_the_same_file_again_changes_nothing_and_says_so(areas, tmp_path):
    path = subset_file(tmp_path, C1, year("2015"))
    import_statistics(path=path, mapping_code="dfe-c1")
    before = list(Observation.objects.order_by("pk").values())
    again = import_statistics(path=path, mapping_code="dfe-c1")
    assert again.already_imported and "already imported" in str(again)
    assert list(Observation.objects.order_by("pk").values()) == before
    assert Publication.objects.count() == 1


def test_the_same_figures_in_another_file_are_left_alone(areas, tmp_path):
    first = import_statistics(path=subset_file(tmp_path, C1, year("2015")), mapping_code="dfe-c1")
    path = tmp_path / C1
    path.write_text(path.read_text() + "\n")  # another checksum, the same rows
    second = import_statistics(path=path, mapping_code="dfe-c1")
    assert (second.created, second.updated, second.unchanged) == (0, 0, first.created)
    assert published("dfe-referrals", "2014-15", "E06000051").publication == first.publication


def test_a_corrected_figure_replaces_the_earlier_one(areas, tmp_path):
    import_statistics(path=subset_file(tmp_path, C1, year("2015")), mapping_code="dfe-c1")

    def correct(line, row):
        if row["new_la_code"] == "E06000051":
            row["referral_count"] = "2800"
        return row

    second = import_statistics(path=subset_file(tmp_path, C1, year("2015"), change=correct), mapping_code="dfe-c1")
    # The count, and the three percentages whose denominator it is.
    assert second.updated == 4
    observation = published("dfe-referrals", "2014-15", "E06000051")
    assert (observation.value, observation.publication) == (Decimal("2800"), second.publication)


# --- areas, rates, provenance --------------------------------------------------------------------


def test_an_authority_recoded_since_2015_comes_from_the_area_files_code_history(areas, tmp_path):
    # North Yorkshire became a unitary authority with a new code in 2023: load_areas holds it
    # under both codes, so the file's rows for it import (an import never makes an area).
    before = Area.objects.count()
    import_statistics(path=subset_file(tmp_path, C1, year("2023", "2024")), mapping_code="dfe-c1")
    north_yorkshire = Area.objects.get(old_la_code="815")
    assert (north_yorkshire.name, north_yorkshire.code) == ("North Yorkshire", "E06000065")
    assert north_yorkshire.region.name == "Yorkshire and The Humber"
    assert Area.objects.count() == before
    # Its county's rows (to 2022-23) and its unitary rows (from 2023-24) are figures of one area.
    assert set(north_yorkshire.observations.values_list("period__label", flat=True)) == {"2022-23", "2023-24"}


def _old_codes_for_2014_15(line, row):
    """Northumberland's and Gateshead's rows under the codes they had before 2013, as files for
    older years may give them."""
    row["new_la_code"] = {"E06000057": "E06000048", "E08000037": "E08000020"}.get(
        row["new_la_code"], row["new_la_code"]
    )
    return row


def test_a_file_with_old_codes_for_older_years_adds_to_the_same_area(areas, tmp_path):
    before = Area.objects.count()
    import_statistics(
        path=subset_file(tmp_path, C1, year("2015"), change=_old_codes_for_2014_15), mapping_code="dfe-c1"
    )
    assert Area.objects.count() == before and not Area.objects.filter(code="E06000048").exists()
    row = file_row(C1, "2015", "E06000057")
    assert published("dfe-referrals", "2014-15", "E06000057").value == Decimal(row["referral_count"])
    assert published("dfe-referrals", "2014-15", "E06000048") == published("dfe-referrals", "2014-15", "E06000057")


def test_rates_of_rows_under_old_codes_are_worked_out_with_the_current_codes_population(areas, tmp_path):
    import_statistics(path=subset_file(tmp_path, ONS, year("2014")), mapping_code="ons-population")
    import_statistics(
        path=subset_file(tmp_path, C1, year("2015"), change=_old_codes_for_2014_15), mapping_code="dfe-c1"
    )
    rate = published("dfe-referrals-rate", "2014-15", "E08000037")
    population = Decimal(file_row(ONS, "2014", "E08000037")["population_estimate"])
    assert rate.value is not None and rate.denominator == population


def _with_an_extra_row(directory: Path, name: str, time_period: str, code: str, change) -> Path:
    """A copy of the year's rows of a shipped file, with the area's row given twice, the second
    time changed by ``change``."""
    path = subset_file(directory, name, year(time_period))
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, rows = reader.fieldnames, list(reader)
    rows.append(change(dict(next(r for r in rows if r["new_la_code"] == code))))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_one_area_and_year_given_twice_under_two_of_its_codes_is_refused(areas, tmp_path):
    def old_code(row):
        return row | {"new_la_code": "E08000020"}

    path = _with_an_extra_row(tmp_path, C1, "2015", "E08000037", old_code)
    with pytest.raises(ImportRejected) as rejected:
        import_statistics(path=path, mapping_code="dfe-c1")
    problem = rejected.value.problems[0]
    assert problem.kind == "repeated" and "E08000020" in problem.reason
    assert not Observation.objects.exists()


def _unknown_code(name: str):
    def change(line, row):
        if row["new_la_code"] == "E06000057":
            row["new_la_code"], row["la_name"] = "E06099999", name
        return row

    return change


def test_an_unknown_code_is_kept_by_its_la_number_and_name_when_one_authority_has_them(areas, tmp_path):
    result = import_statistics(
        path=subset_file(tmp_path, C1, year("2015"), change=_unknown_code("Northumberland")), mapping_code="dfe-c1"
    )
    northumberland = Area.objects.get(old_la_code="929")
    assert published("dfe-referrals", "2014-15", "E06000057").area == northumberland
    assert not Area.objects.filter(code="E06099999").exists()
    assert any("E06099999 (LA 929, Northumberland)" in line for line in result.lines())


def test_an_unknown_code_whose_la_number_two_areas_share_is_a_bad_row(areas, tmp_path):
    AreaFactory(code="E06099998", name="Northumberland", old_la_code="929")
    with pytest.raises(ImportRejected) as rejected:
        import_statistics(
            path=subset_file(tmp_path, C1, year("2015"), change=_unknown_code("Northumberland")), mapping_code="dfe-c1"
        )
    assert [p.kind for p in rejected.value.problems] == ["unknown-area"]


def test_the_mid_year_estimate_of_2014_belongs_to_2014_15(areas, tmp_path):
    import_statistics(path=subset_file(tmp_path, ONS, year("2014")), mapping_code="ons-population")
    row = file_row(ONS, "2014", "E06000051")
    assert published("population-0-17", "2014-15", "E06000051").value == Decimal(row["population_estimate"])


def test_a_rate_per_10000_is_the_count_over_the_population_of_the_same_year(areas, tmp_path):
    import_statistics(path=subset_file(tmp_path, C1, year("2015")), mapping_code="dfe-c1")
    import_statistics(path=subset_file(tmp_path, ONS, year("2014")), mapping_code="ons-population")
    count = Decimal(file_row(C1, "2015", "E06000051")["referral_count"])
    population = Decimal(file_row(ONS, "2014", "E06000051")["population_estimate"])
    rate = published("dfe-referrals-rate", "2014-15", "E06000051")
    assert rate.value == (count * 10000 / population).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    assert (rate.numerator, rate.denominator, rate.comment) == (count, population, DERIVED_COMMENT)


def test_rates_follow_whichever_file_comes_second(areas, tmp_path):
    import_statistics(path=subset_file(tmp_path, ONS, year("2014")), mapping_code="ons-population")
    assert not Observation.objects.filter(indicator__code="dfe-cpp-starts-rate").exists()
    result = import_statistics(path=subset_file(tmp_path, D3, year("2015")), mapping_code="dfe-d3")
    assert result.rates_written == Observation.objects.filter(indicator__code="dfe-cpp-starts-rate").count() > 150


def test_a_suppressed_count_makes_the_rate_missing_with_its_code(areas, tmp_path):
    def suppress(line, row):
        if row["new_la_code"] == "E06000051":
            row["referral_count"] = "c"
        return row

    import_statistics(path=subset_file(tmp_path, C1, year("2015"), change=suppress), mapping_code="dfe-c1")
    import_statistics(path=subset_file(tmp_path, ONS, year("2014")), mapping_code="ons-population")
    rate = published("dfe-referrals-rate", "2014-15", "E06000051")
    assert (rate.value, rate.missing) == (None, "c")


def test_the_publication_records_its_provenance(areas, tmp_path, operator):
    path = subset_file(tmp_path, C1, year("2015"))
    result = import_statistics(path=path, mapping_code="dfe-c1", actor=operator)
    publication = Publication.objects.get()
    mapping = statistics_mapping("dfe-c1")
    assert publication.title == mapping.data["publication"]
    assert (publication.file_name, publication.mapping, publication.imported_by) == (C1, mapping, operator)
    assert publication.checksum == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (publication.rows_read, publication.observations_written) == (result.rows_read, result.created)


def test_the_import_is_recorded_in_the_trail(areas, tmp_path, operator, partnership):
    result = import_statistics(
        path=subset_file(tmp_path, C1, year("2015")),
        mapping_code="dfe-c1",
        actor=operator,
        partnership=partnership,
    )
    event = Event.objects.get(verb="statistics.imported")
    assert (event.actor, event.partnership, event.target_id) == (operator, partnership, str(result.publication.pk))


def test_progress_is_reported_as_rows_are_read(areas):
    heard = []
    import_statistics(
        path=DATA_DIR / ONS, mapping_code="ons-population", progress=lambda done, total: heard.append((done, total))
    )
    assert heard[0] == (500, 2132) and heard[-1] == (2132, 2132)


# --- the command ---------------------------------------------------------------------------------


def test_the_command_prints_a_summary(areas, tmp_path, capsys):
    call_command("import_statistics", str(subset_file(tmp_path, C1, year("2015"))), mapping="dfe-c1")
    assert "164 rows read, 164 kept, for 2014-15." in capsys.readouterr().out


def test_the_command_lists_every_bad_row_and_fails(areas, tmp_path, capsys):
    def spoil(line, row):
        if line in (4, 9):
            row["rereferral_count"] = "many"
        return row

    with pytest.raises(CommandError, match="Nothing imported: 2 problem"):
        call_command("import_statistics", str(subset_file(tmp_path, C1, year("2015"), change=spoil)), mapping="dfe-c1")
    errors = capsys.readouterr().err
    assert "line 4, column rereferral_count: 'many'" in errors and "line 9, column rereferral_count" in errors


def _benchmarks_version() -> int:
    found = FiguresVersion.objects.filter(scope="benchmarks").first()
    return found.version if found else 0


def test_an_import_marks_cached_benchmarks_out_of_date(areas, tmp_path):
    before = _benchmarks_version()
    import_statistics(path=subset_file(tmp_path, C1, year("2015")), mapping_code="dfe-c1")
    assert _benchmarks_version() == before + 1
