"""Benchmark: the Section 11 pages of the load mix against the page shell, in this process.

    .venv/bin/python bench/section11.py [--requests 30] [--database-cache] [--profile "a cycle's analysis"]

It loads the demo region into a fresh test database made from DATABASE_URL like the test
suite's (SQLite by default, in var/bench-section11.sqlite3; ``DATABASE_URL=postgres://...`` for
PostgreSQL), dropped at the end, and signs in as bench/load.py does: the business manager of the
first partnership, working on the Section 11 cycle with the most partnerships (the demo's regional
2014-15 cycle).

With Django's test client (middleware, sign-in, permission, view, template: the server's time,
without a network or a WSGI server) it requests, ``--requests`` rounds of each:

- the baseline: the signed-in accessibility statement, the page shell alone;
- the Section 11 cycles, a cycle, and its analysis, as they are served (from the cache, the
  cycle's figures being unchanged since the page was last computed);
- a cycle and its analysis computed afresh (the cycle's cached parts made out of date before
  each request, as an answer saved, a moderation or a submitted return does).

The pages take turns within each round, so a machine busy with other work slows them alike. For
each page it prints the median wall-clock milliseconds, their ratio to the baseline's, the median
processor milliseconds of this process (less sensitive to other work on the machine) and the
page's queries. The cache is the test settings' (in memory); ``--database-cache`` keeps it in
the database as the production settings do, so a page read from the cache costs a query more.
``--profile PAGE`` runs cProfile over the requests of that page (one of the names printed) and
prints where the time went.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    override_settings,
    setup_databases,
    teardown_databases,
)
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from assure.accounts.middleware import MFA_CHECKED, SIGNED_IN_AT  # noqa: E402
from assure.accounts.models import Membership  # noqa: E402
from assure.demo.load import demo_load  # noqa: E402
from assure.section11.cache import bump_cycle  # noqa: E402
from assure.section11.models import Cycle  # noqa: E402

BASELINE = "baseline: accessibility statement"


def queries(client: Client, url: str, before=None) -> int:
    if before:
        before()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--profile", help="the name of a page to profile")
    parser.add_argument(
        "--database-cache", action="store_true", help="keep the cache in the database, as the production settings do"
    )
    options = parser.parse_args()

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        (ROOT / "var").mkdir(exist_ok=True)
        database.setdefault("TEST", {})["NAME"] = str(ROOT / "var" / "bench-section11.sqlite3")
    config = setup_databases(verbosity=0, interactive=False)
    overrides = {"ALLOWED_HOSTS": ["testserver"]}
    if options.database_cache:
        overrides["CACHES"] = {
            "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "assure_cache"}
        }
    overridden = override_settings(**overrides)
    overridden.enable()
    try:
        if options.database_cache:
            call_command("createcachetable", verbosity=0)
        demo_load()
        lead = Membership.objects.filter(role="business-unit", is_active=True).select_related("user", "partnership")[0]
        partnership = lead.partnership
        cycle = (
            Cycle.objects.filter(pk__in=Cycle.objects.filter(partnerships=partnership).values("pk"))
            .annotate(taking_part=Count("partnerships"))
            .order_by("-taking_part", "-pk")
            .first()
        )
        client = Client()
        client.force_login(lead.user)
        session = client.session
        session[SIGNED_IN_AT] = timezone.now().isoformat()
        session[MFA_CHECKED] = True
        session.save()

        def url(name: str, **kwargs) -> str:
            return reverse(name, kwargs={"partnership": partnership.slug, **kwargs})

        def out_of_date() -> None:
            bump_cycle(cycle.pk)

        cycle_url, analysis_url = url("section11:cycle_detail", pk=cycle.pk), url("section11:analysis", pk=cycle.pk)
        # Computed afresh first in each round, then the cache filled again, then the others.
        pages = [
            ("a cycle, computed afresh", cycle_url, out_of_date),
            ("a cycle's analysis, computed afresh", analysis_url, out_of_date),
            (BASELINE, reverse("core:accessibility"), None),
            ("Section 11 cycles", url("section11:cycles"), None),
            ("a cycle", cycle_url, None),
            ("a cycle's analysis", analysis_url, None),
        ]
        for _, address, _ in pages:  # the first request of each pays for imports and templates
            client.get(address)
        wall: dict[str, list[float]] = {name: [] for name, _, _ in pages}
        cpu: dict[str, list[float]] = {name: [] for name, _, _ in pages}
        profile = cProfile.Profile() if options.profile else None
        for _ in range(options.requests):
            for name, address, before in pages:
                if name == BASELINE:
                    for warm in (cycle_url, analysis_url):
                        client.get(warm)
                if before:
                    before()
                if name == options.profile:
                    profile.enable()
                started, started_cpu = time.perf_counter(), time.process_time()
                response = client.get(address)
                wall[name].append((time.perf_counter() - started) * 1000)
                cpu[name].append((time.process_time() - started_cpu) * 1000)
                if name == options.profile:
                    profile.disable()
                assert response.status_code == 200, (address, response.status_code)
        # Counted the same way: those computed afresh, then the others with the cache filled again.
        counted = {name: queries(client, address, before) for name, address, before in pages if before}
        for warm in (cycle_url, analysis_url):
            client.get(warm)
        counted |= {name: queries(client, address) for name, address, before in pages if not before}
        taking_part = cycle.partnerships.count()
    finally:
        overridden.disable()
        teardown_databases(config, verbosity=0)

    if profile:
        stats = pstats.Stats(profile)
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
    base, base_cpu = statistics.median(wall[BASELINE]), statistics.median(cpu[BASELINE])
    print(
        f"{partnership.name}'s business unit, “{cycle.title}” ({taking_part} partnerships); "
        f"{connection.vendor}; median of {options.requests} requests"
    )
    print("| page | ms | ratio | cpu ms | cpu ratio | queries |\n|---|---:|---:|---:|---:|---:|")
    for name in [BASELINE, *[name for name, _, _ in pages if name != BASELINE]]:
        ms, cpu_ms = statistics.median(wall[name]), statistics.median(cpu[name])
        print(f"| {name} | {ms:.1f} | {ms / base:.2f} | {cpu_ms:.1f} | {cpu_ms / base_cpu:.2f} | {counted[name]} |")


if __name__ == "__main__":
    main()
