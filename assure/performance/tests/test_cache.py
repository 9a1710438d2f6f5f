"""The cached scorecard is never stale: every change that affects it (a return validated, a
target changed, figures imported, a new RAG rule, another area) shows on the very next page."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assure.library.models import LibraryDocument, LibraryItem
from assure.partnerships.tests.factories import AgencyFactory
from assure.performance.cache import bump_benchmarks, bump_partnership, figures_version, remembered
from assure.performance.models import DataReturn, FiguresVersion
from assure.performance.periods import period_for_year
from assure.performance.selectors.scorecard import scorecard
from assure.performance.services.returns import return_validate
from assure.performance.services.setup import scorecard_line_update
from assure.performance.tests.factories import (
    PriorityFactory,
    ScorecardLineFactory,
    benchmark_areas,
    figure,
    indicator,
    return_with,
    scorecard_test_indicators,
    validated_figures,
)


@pytest.fixture
def year(db):
    return period_for_year("2014-15")


@pytest.fixture
def line(partnership, agency):
    indicators = scorecard_test_indicators()
    priority = PriorityFactory(partnership=partnership, title="Early help")
    return ScorecardLineFactory(
        priority=priority, indicator=indicators["sc-referrals"], target=D(1000), tolerance=D(50), owner_agency=agency
    )


@pytest.fixture
def validated(partnership, agency, line, year):
    return validated_figures(partnership=partnership, agency=agency, period=year, figures={line.indicator: 1000})


def value_of(card, code="sc-referrals"):
    return next(row for row in card.rows if row.code == code)


# --- the mechanism ---------------------------------------------------------------------------


def test_a_second_read_comes_from_the_cache(business_unit, partnership, validated):
    scorecard(user=business_unit, partnership=partnership)
    with CaptureQueriesContext(connection) as second:
        scorecard(user=business_unit, partnership=partnership)
    # The two version reads; no figure is read again.
    assert len(second.captured_queries) <= 3
    assert not any("performance_observation" in q["sql"] for q in second.captured_queries)


def test_bumping_a_partnership_changes_only_its_own_version(partnership, other_partnership):
    mine, theirs = figures_version(partnership=partnership), figures_version(partnership=other_partnership)
    bump_partnership(partnership.pk)
    assert figures_version(partnership=partnership) != mine
    assert figures_version(partnership=other_partnership) == theirs


def test_bumping_the_benchmarks_changes_every_partnerships_version(partnership, other_partnership):
    mine, theirs = figures_version(partnership=partnership), figures_version(partnership=other_partnership)
    bump_benchmarks()
    assert figures_version(partnership=partnership) != mine
    assert figures_version(partnership=other_partnership) != theirs


def test_a_version_is_created_on_first_bump_and_then_counts_up(partnership):
    bump_partnership(partnership.pk)
    bump_partnership(partnership.pk)
    assert FiguresVersion.objects.get(scope=f"partnership:{partnership.pk}").version == 2


def test_remembered_computes_again_after_a_bump(partnership):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert remembered(partnership=partnership, name="test", compute=compute) == 1
    assert remembered(partnership=partnership, name="test", compute=compute) == 1
    bump_partnership(partnership.pk)
    assert remembered(partnership=partnership, name="test", compute=compute) == 2


# --- no stale figure, through the services that change them ------------------------------------


def test_a_return_validated_shows_at_once(business_unit, partnership, validated, line, year):
    assert value_of(scorecard(user=business_unit, partnership=partnership)).value == D(1000)
    submitted = return_with(
        partnership=partnership,
        agency=AgencyFactory(partnerships=[partnership]),
        indicators=[line.indicator],
        period=year,
        status=DataReturn.Status.SUBMITTED,
    )
    figure(submitted, line.indicator, 250)
    assert value_of(scorecard(user=business_unit, partnership=partnership)).value == D(1000)
    return_validate(actor=business_unit, data_return=submitted)
    assert value_of(scorecard(user=business_unit, partnership=partnership)).value == D(1250)


def test_a_target_changed_shows_at_once(business_unit, partnership, validated, line):
    assert value_of(scorecard(user=business_unit, partnership=partnership)).rag == "green"
    scorecard_line_update(
        actor=business_unit,
        line=line,
        priority=line.priority,
        target=D(1200),
        tolerance=D(50),
        owner_agency=line.owner_agency,
        position=line.position,
    )
    row = value_of(scorecard(user=business_unit, partnership=partnership))
    assert (row.target, row.rag) == (D(1200), "red")


C1_HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,"
    "new_la_code,la_name,category,referral_count,rereferral_count,rereferral_percent,no_further_action_count,"
    "no_further_action_percent,not_in_need_count,not_in_need_percent,referral_child_count,rereferral_child_count,"
    "rereferral_child_percent"
)


def c1_file(tmp_path, referrals: int, name: str):
    rows = [
        "2015,Reporting year,National,E92000001,England,,,,,,Referrals and Re-referrals,"
        "600000,130000,21.7,40000,6.7,180000,30,500000,100000,20",
        "2015,Reporting year,Regional,E92000001,England,E12000005,West Midlands,,,,Referrals and Re-referrals,"
        "60000,13000,21.7,4000,6.7,18000,30,50000,10000,20",
        "2015,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,999,E06999999,Northshire,"
        f"Referrals and Re-referrals,{referrals},500,20,100,4,700,28,2000,400,20",
    ]
    path = tmp_path / name
    path.write_text("\n".join([C1_HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_published_figures_imported_show_at_once(business_unit, partnership, tmp_path):
    from assure.performance.imports.service import import_statistics

    benchmark_areas(partnership)
    priority = PriorityFactory(partnership=partnership, title="Published")
    ScorecardLineFactory(priority=priority, indicator=indicator("dfe-referrals"))
    import_statistics(path=c1_file(tmp_path, 2500, "c1_first.csv"), mapping_code="dfe-c1")
    assert value_of(scorecard(user=business_unit, partnership=partnership), "dfe-referrals").value == D(2500)
    import_statistics(path=c1_file(tmp_path, 2722, "c1_corrected.csv"), mapping_code="dfe-c1")
    row = value_of(scorecard(user=business_unit, partnership=partnership), "dfe-referrals")
    assert row.value == D(2722) and row.benchmark.england == D(600000)


def test_a_new_rag_rule_in_the_library_shows_at_once(business_unit, partnership, validated, line):
    line.target, line.tolerance = D(1100), None
    line.save()
    bump_partnership(partnership.pk)
    assert value_of(scorecard(user=business_unit, partnership=partnership)).rag == "red"  # 5% of 1100 is 55
    current = LibraryDocument.objects.filter(kind="rag-rule").order_by("-version").first()
    newer = LibraryDocument.objects.create(
        urn=current.urn,
        version=current.version + 1,
        kind="rag-rule",
        provider=current.provider,
        title=current.title,
        checksum="newer",
        source_path=current.source_path,
        content={},
    )
    for item in current.items.all():
        LibraryItem.objects.create(
            document=newer,
            urn=item.urn,
            kind=item.kind,
            code=item.code,
            title=item.title,
            position=item.position,
            data={**item.data, "default_tolerance_percent": 10.0},
        )
    assert value_of(scorecard(user=business_unit, partnership=partnership)).rag == "amber"


def test_another_area_for_the_partnership_shows_at_once(business_unit, partnership, validated, line):
    areas = benchmark_areas(partnership)
    twin = scorecard_test_indicators()["sc-referrals-published"]
    from assure.performance.tests.factories import published

    published(twin, areas["own"], 1100)
    published(twin, areas["others"][0], 900)
    assert value_of(scorecard(user=business_unit, partnership=partnership)).published[0] == D(1100)
    partnership.ons_code = areas["others"][0].code
    partnership.save()
    assert value_of(scorecard(user=business_unit, partnership=partnership)).published[0] == D(900)
