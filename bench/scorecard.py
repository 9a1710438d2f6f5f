"""Benchmark: the scorecard page against a trivial page of the same app, on a full database.

    .venv/bin/python bench/scorecard.py [--requests 30] [--partnerships 150]

The database holds what a busy installation would: every area and the statistical neighbours,
every file of data/dfe/ imported (every local authority × 13 years), and synthetic agency returns
for ``--partnerships`` partnerships, each with a 100-line scorecard and validated returns from
two agencies for 8 years (100 indicators × 8 periods each).

For one partnership it then times, with Django's test client in this process (so the time is the
server's: middleware, sign-in, permission, view, template):

- the trivial page: a view behind the same access declaration (``performance.view``) that renders
  the page shell and nothing else — the least any page of the app costs;
- the scorecard, cached: the page as a board member sees it on every visit after the first;
- the scorecard, computed: the same page with the cache out of date before each request (as
  after a return is validated), so the whole scorecard is worked out again.

Each is requested ``--requests`` times and the median is kept; the ratio is scorecard / trivial
(the goal is at most 3 for the cached page). The queries of each page are counted, for a
scorecard of 20 lines and of 100 lines, to show the count does not grow with the data.

The database is a fresh test database made from DATABASE_URL like the test suite's (SQLite by
default, in var/bench-scorecard.sqlite3; ``DATABASE_URL=postgres://...`` for PostgreSQL),
dropped at the end.
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.shortcuts import render  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings, setup_databases, teardown_databases  # noqa: E402
from django.urls import include, path  # noqa: E402

from assure.accounts.models import Membership, User  # noqa: E402
from assure.core.access import requires  # noqa: E402
from assure.library.loader import load_library  # noqa: E402
from assure.library.models import LibraryDocument, LibraryItem  # noqa: E402
from assure.library.selectors import current_item  # noqa: E402
from assure.partnerships.models import Agency, Partnership, PartnershipAgency  # noqa: E402
from assure.performance.areas import DATA_DIR, areas_load  # noqa: E402
from assure.performance.cache import bump_partnership  # noqa: E402
from assure.performance.imports import import_statistics  # noqa: E402
from assure.performance.indicators import indicators_sync  # noqa: E402
from assure.performance.models import (  # noqa: E402
    Area,
    DataReturn,
    Indicator,
    Observation,
    Period,
    Priority,
    ReturnRound,
    ScorecardLine,
)
from assure.performance.periods import period_for_year, year_label  # noqa: E402

FILES = [
    ("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", "dfe-c1"),
    ("d3_cpps_subsequent_plan_2013_to_2025.csv", "dfe-d3"),
    ("ons_mid-year_population_estimates_2012_to_2024.csv", "ons-population"),
]
LINES = 100
YEARS = [year_label(start) for start in range(2017, 2025)]  # 2017-18 … 2024-25: 8 periods
PRIORITIES = 5


@requires("performance.view")
def trivial(request):
    """The least a page of the app does: the same declaration, the page shell, nothing else."""
    return render(request, "core/base.html", {})


urlpatterns = [
    path("p/<slug:partnership>/performance/bench-trivial/", trivial),
    path("", include(settings.ROOT_URLCONF)),
]


def scorecard_indicators() -> list[Indicator]:
    """100 indicators: every published measure (benchmarked against every authority) and the
    agencies' own measures after them."""
    published = list(Indicator.objects.filter(definition__data__source="dfe_publication").order_by("code"))
    own = list(Indicator.objects.filter(definition__data__source="agency_return").order_by("code"))
    chosen = (published + own)[:LINES]
    return chosen + extra_indicators(LINES - len(chosen))


def extra_indicators(count: int) -> list[Indicator]:
    """Made-up agency measures, in a library document of the benchmark's own, when the library
    holds fewer than 100 indicators."""
    if count <= 0:
        return []
    document = LibraryDocument.objects.create(
        urn="urn:bench:indicators",
        version=1,
        kind="indicator",
        provider="bench",
        title="Benchmark indicators",
        checksum="bench",
        source_path=__file__,
        content={},
    )
    for n in range(count):
        code = f"bench-measure-{n}"
        LibraryItem.objects.create(
            document=document,
            urn=f"urn:bench:indicator:{code}",
            kind="indicator",
            code=code,
            title=f"Benchmark measure {n}",
            position=n,
            data={
                "definition": "A made-up count for the benchmark.",
                "unit": "count",
                "polarity": "higher_is_better",
                "frequency": "annual",
                "theme": "outcomes",
                "source": "agency_return",
                "decimals": 0,
            },
        )
    indicators_sync()
    return list(Indicator.objects.filter(code__startswith="bench-measure-").order_by("code"))


def synthetic_partnerships(count: int, indicators: list[Indicator]) -> list[Partnership]:
    """``count`` partnerships on real local authorities, each with two agencies, a scorecard of
    every indicator under five priorities, and validated returns for 8 years."""
    rng = random.Random(2015)
    authorities = list(Area.objects.filter(level=Area.Level.LOCAL_AUTHORITY).exclude(old_la_code="").order_by("code"))
    agency_type = current_item(kind="agency-type", code="police")
    sector = current_item(kind="sector", code="police")
    years = [period_for_year(label) for label in YEARS]
    creator = User.objects.create_user(email="bench-creator@example.org", password=None, full_name="Bench Creator")
    own = [i for i in indicators if i.data.get("source") == "agency_return"]
    partnerships = []
    for n, area in enumerate(authorities[:count]):
        with transaction.atomic():
            partnership = Partnership.objects.create(
                name=f"Bench partnership {n}",
                short_name=f"BP{n}",
                slug=f"bench-{n}",
                la_name=area.name,
                old_la_code=area.old_la_code,
                ons_code=area.code,
                region=area.region.name if area.region_id else "",
            )
            agencies = [
                Agency.objects.create(name=f"Bench agency {n}-{a}", agency_type=agency_type, sector=sector)
                for a in range(2)
            ]
            PartnershipAgency.objects.bulk_create(
                [PartnershipAgency(partnership=partnership, agency=agency) for agency in agencies]
            )
            priorities = [
                Priority.objects.create(partnership=partnership, title=f"Priority {p + 1}", position=p)
                for p in range(PRIORITIES)
            ]
            ScorecardLine.objects.bulk_create(
                [
                    ScorecardLine(
                        partnership=partnership,
                        priority=priorities[i % PRIORITIES],
                        indicator=indicator,
                        target=Decimal(rng.randint(10, 500)),
                        owner_agency=agencies[i % 2],
                        position=i,
                    )
                    for i, indicator in enumerate(indicators)
                ]
            )
            observations = []
            for year in years:
                round_ = ReturnRound.objects.create(
                    partnership=partnership, period=year, deadline=year.end + dt.timedelta(days=30), created_by=creator
                )
                for a, agency in enumerate(agencies):
                    data_return = DataReturn.objects.create(
                        round=round_, agency=agency, status=DataReturn.Status.VALIDATED
                    )
                    observations += [
                        Observation(
                            indicator=indicator,
                            definition_id=indicator.definition_id,
                            period=year,
                            source=Observation.Source.AGENCY_RETURN,
                            partnership=partnership,
                            agency=agency,
                            data_return=data_return,
                            value=Decimal(rng.randint(0, 1000)),
                        )
                        for i, indicator in enumerate(own)
                        if i % 2 == a
                    ]
            Observation.objects.bulk_create(observations, batch_size=2000)
        partnerships.append(partnership)
    return partnerships


def board_member_of(partnership: Partnership) -> User:
    user = User.objects.create_user(
        email=f"board-{partnership.slug}@example.org", password=None, full_name="Bench Board Member"
    )
    Membership.objects.create(user=user, partnership=partnership, role="board-member")
    return user


def timed(client: Client, url: str, requests: int, before=None) -> float:
    """The median server time of ``requests`` GETs of ``url``; ``before`` runs untimed first."""
    times = []
    for _ in range(requests):
        if before:
            before()
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def queries(client: Client, url: str, before=None) -> int:
    if before:
        before()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--partnerships", type=int, default=150)
    options = parser.parse_args()

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        (ROOT / "var").mkdir(exist_ok=True)
        database.setdefault("TEST", {})["NAME"] = str(ROOT / "var" / "bench-scorecard.sqlite3")
    config = setup_databases(verbosity=0, interactive=False)
    try:
        started = time.perf_counter()
        load_library()
        areas_load()
        for file_name, mapping in FILES:
            import_statistics(path=DATA_DIR / file_name, mapping_code=mapping)
        indicators = scorecard_indicators()
        partnerships = synthetic_partnerships(options.partnerships, indicators)
        print(
            f"database: {connection.vendor}; {Observation.objects.count():,} observations "
            f"({Observation.objects.filter(source='publication').count():,} published), "
            f"{Period.objects.count()} periods, {len(partnerships)} partnerships; set up in "
            f"{time.perf_counter() - started:.0f} s"
        )

        with override_settings(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"]):
            partnership = next((p for p in partnerships if p.ons_code == "E06000051"), partnerships[0])
            client = Client()
            client.force_login(board_member_of(partnership))
            newest = Period.objects.get(kind=Period.Kind.YEAR, label=YEARS[-1])
            trivial_url = f"/p/{partnership.slug}/performance/bench-trivial/"
            scorecard_url = f"/p/{partnership.slug}/performance/scorecard/?period={newest.pk}"

            def out_of_date() -> None:
                bump_partnership(partnership.pk)

            # Warm up: the first request of each pays for imports and template loading.
            client.get(trivial_url)
            client.get(scorecard_url)
            trivial_time = timed(client, trivial_url, options.requests)
            cached_time = timed(client, scorecard_url, options.requests)
            computed_time = timed(client, scorecard_url, max(5, options.requests // 3), before=out_of_date)
            trivial_queries = queries(client, trivial_url)
            cached_queries = queries(client, scorecard_url)
            computed_queries = queries(client, scorecard_url, before=out_of_date)

            # The same scorecard with 20 lines: the number of queries must be the same.
            kept = ScorecardLine.objects.filter(partnership=partnership).order_by("position")[:20]
            ScorecardLine.objects.filter(partnership=partnership).exclude(
                pk__in=list(kept.values_list("pk", flat=True))
            ).delete()
            computed_queries_20 = queries(client, scorecard_url, before=out_of_date)

        print(
            f"page of {partnership.name} ({partnership.la_name}), {LINES} lines × {len(YEARS)} periods, "
            f"median of {options.requests} requests"
        )
        print(f"{'page':<36} {'ms':>8} {'ratio':>7} {'queries':>8}")
        print(f"{'trivial page (shell only)':<36} {trivial_time * 1000:>8.1f} {1:>7.2f} {trivial_queries:>8}")
        print(
            f"{'scorecard, cached':<36} {cached_time * 1000:>8.1f} {cached_time / trivial_time:>7.2f} "
            f"{cached_queries:>8}"
        )
        print(
            f"{'scorecard, computed afresh':<36} {computed_time * 1000:>8.1f} {computed_time / trivial_time:>7.2f} "
            f"{computed_queries:>8}"
        )
        print(
            f"queries of the scorecard computed afresh: {computed_queries_20} with 20 lines, "
            f"{computed_queries} with {LINES} lines"
        )
    finally:
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
