"""Benchmark: many signed-in people at once against Assure as it is deployed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/assure_bench .venv/bin/python bench/load.py \
        [--users 50] [--burst 200] [--seconds 30] [--workers 4]

It makes a fresh test database from DATABASE_URL (PostgreSQL: the production configuration
needs it), loads the demo region into it, collects the static files, and starts gunicorn with
``config.settings.production`` and ``--workers`` workers on a free local port. HTTPS is what a
proxy in front of Assure would say it is: every request carries ``X-Forwarded-Proto: https``.

Signing in takes a password and, for the roles that need it, a code from an authenticator app;
the bench skips both by writing the sessions straight into the database, as signing in would
leave them (the person, the time they signed in, their MFA checked): one per simulated person,
all of the business manager of the demo's partnership with the fullest scorecard (Shropshire), who
may open every page of the mix.

Load comes from locust (a pinned development dependency), run in a second process of this script
with its Python API, so its event loop never shares a process with Django. Four measurements:

- **server time**: one person alone, every page of the mix and the baseline in turn,
  ``--rounds`` times; the median per page, as a ratio of the baseline's (the goal: at most 3);
- **baseline**: ``--users`` people asking for the signed-in accessibility statement only, the
  cheapest page behind the whole middleware (session, sign-in, MFA rule, page shell);
- **mix**: ``--users`` people, each cycling through the ten everyday pages with no pause
  (the goal: no errors, 95th percentile under 300 ms);
- **reading**: ``--users`` people cycling through the same pages as people do, reading each
  page for ``--think`` seconds (picked at random in that range) before opening the next, and
  arriving over the first of those pauses rather than all in one instant; it runs three times
  as long as the others, for as many pages;
- **burst**: ``--burst`` people starting at once, each asking for every page of the mix once
  (the goal: no errors, and nothing lost: every one of those requests answered).

The database is dropped and gunicorn stopped at the end.
"""

import argparse
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    ("overview", "partnerships:home"),
    ("scorecard", "performance:scorecard"),
    ("Section 11 cycles", "section11:cycles"),
    ("a cycle", "section11:cycle_detail"),
    ("a cycle's analysis", "section11:analysis"),
    ("actions", "actions:tracker"),
    ("meetings", "partnerships:meetings"),
    ("agencies", "partnerships:agencies"),
    ("reports", "reports:reports"),
    ("the child's journey", "performance:journey"),
]
BASELINE = ("baseline: accessibility statement", "core:accessibility")
HEADERS = {"X-Forwarded-Proto": "https"}


# --- the load generator (a process of its own: locust patches the standard library for gevent) --


def drive(spec: dict) -> dict:
    """Run one measurement with locust and return its figures."""
    import gevent
    from locust import FastHttpUser, between, constant, task
    from locust.env import Environment

    sessions = iter(spec["sessions"] * (spec["users"] // len(spec["sessions"]) + 1))
    urls = spec["urls"]

    class Person(FastHttpUser):
        host = spec["host"]
        wait_time = between(*spec["think"]) if spec.get("think") else constant(0)

        def on_start(self):
            self.headers = {**HEADERS, "Cookie": f"sessionid={next(sessions)}"}
            self.done = False
            if spec.get("think"):
                # People reading do not all open their first page in the same instant.
                gevent.sleep(random.uniform(0, spec["think"][1]))

        @task
        def pages(self):
            if self.done:
                gevent.sleep(1)
                return
            for position, (name, url) in enumerate(urls):
                if position and spec.get("think"):
                    gevent.sleep(self.wait_time())  # reading the page before opening the next
                with self.client.get(
                    url, headers=self.headers, name=name, catch_response=True, allow_redirects=False
                ) as response:
                    if response.status_code != 200:
                        response.failure(f"{response.status_code}")
            if spec["once"]:
                self.done = True

    environment = Environment(user_classes=[Person])
    runner = environment.create_local_runner()
    started = time.monotonic()
    runner.start(spec["users"], spawn_rate=spec["users"])
    if spec["once"]:
        deadline = started + spec["seconds"]
        expected = spec["users"] * len(urls)
        while environment.stats.total.num_requests < expected:
            if time.monotonic() > deadline:
                break
            gevent.sleep(0.1)
    else:
        gevent.sleep(spec["seconds"])
    elapsed = time.monotonic() - started
    runner.quit()
    total = environment.stats.total
    return {
        "requests": total.num_requests,
        "failures": total.num_failures,
        "per_second": total.num_requests / elapsed,
        "median": total.get_response_time_percentile(0.5),
        "p95": total.get_response_time_percentile(0.95),
        "p99": total.get_response_time_percentile(0.99),
        "errors": {f"{e.name} {e.error}": e.occurrences for e in environment.stats.errors.values()},
    }


def _drive_in_a_process(spec: dict) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--drive", json.dumps(spec)], check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the server --------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prepare(database_url: str, secret_key: str, users: int) -> tuple[dict, list[str], list[tuple[str, str]], str]:
    """A fresh database with the demo, and sessions for ``users`` people; returns the database
    settings (to drop it), the session keys, the mix's addresses and the baseline's."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SECRET_KEY"] = secret_key
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.db.models import Count
    from django.test.utils import setup_databases
    from django.urls import reverse
    from django.utils import timezone

    from assure.accounts.middleware import MFA_CHECKED, SIGNED_IN_AT
    from assure.accounts.models import Membership
    from assure.demo.load import demo_load
    from assure.section11.models import Cycle

    config = setup_databases(verbosity=0, interactive=False)
    demo_load()
    # Every person is the business manager of the partnership with the fullest scorecard (the
    # demo's Shropshire, who may open every page of the mix), each in a session of their own,
    # working on the newest of its Section 11 cycles with the most partnerships (the demo's
    # regional 2014-15 cycle, whose analysis compares the four partnerships and the cycle before).
    lead = (
        Membership.objects.filter(role="business-unit", is_active=True)
        .select_related("user", "partnership")
        .annotate(lines=Count("partnership__scorecard"))
        .order_by("-lines", "pk")[0]
    )
    sessions = []
    for _ in range(users):
        store = SessionStore()
        store[SESSION_KEY] = str(lead.user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = lead.user.get_session_auth_hash()
        store[SIGNED_IN_AT] = timezone.now().isoformat()
        store[MFA_CHECKED] = True
        store.create()
        sessions.append(store.session_key)
    cycle = (
        Cycle.objects.filter(pk__in=Cycle.objects.filter(partnerships=lead.partnership).values("pk"))
        .annotate(taking_part=Count("partnerships"))
        .order_by("-taking_part", "-pk")
        .first()
    )
    urls = []
    for name, url_name in PAGES:
        kwargs = {"partnership": lead.partnership.slug}
        if url_name.startswith("section11:") and url_name != "section11:cycles":
            kwargs["pk"] = cycle.pk
        urls.append((name, reverse(url_name, kwargs=kwargs)))
    return {"config": config, "name": connection.settings_dict["NAME"]}, sessions, urls, reverse(BASELINE[1])


def _serve(database_url: str, database: str, secret_key: str, options, static: Path) -> tuple:
    env = {
        **os.environ,
        "DATABASE_CONN_MAX_AGE": str(options.conn_max_age),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secret_key,
        "DATABASE_URL": database_url.rsplit("/", 1)[0] + "/" + database,
        "ASSURE_STATIC_ROOT": str(static),
        "ASSURE_SMTP_HOST": "localhost",
    }
    for command in (["createcachetable"], ["collectstatic", "--noinput"]):  # the cache is in the database
        subprocess.run([sys.executable, "manage.py", *command, "-v", "0"], cwd=ROOT, env=env, check=True)
    port = _free_port()
    log = open(ROOT / "var" / "bench-load-gunicorn.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi",
            f"--workers={options.workers}",
            f"--bind=127.0.0.1:{port}",
            "--backlog=2048",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    host = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(urllib.request.Request(f"{host}/accessibility/", headers=HEADERS), timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    return server, host


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a page that sends the person elsewhere (to sign in) is an error here


def _one_person(host: str, session: str, pages: list[tuple[str, str]], rounds: int) -> dict[str, float]:
    """Median milliseconds of each page for one person alone (the server's time, with nothing queued)."""
    headers = {**HEADERS, "Cookie": f"sessionid={session}"}
    opener = urllib.request.build_opener(_NoRedirects)
    times: dict[str, list[float]] = {name: [] for name, _ in pages}
    for round_ in range(rounds + 1):
        for name, url in pages:
            started = time.perf_counter()
            with opener.open(urllib.request.Request(host + url, headers=headers)) as response:
                response.read()
                assert response.status == 200, (name, response.status)
            if round_:  # the first round warms each worker's caches
                times[name].append((time.perf_counter() - started) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument(
        "--think",
        default="1-5",
        help="seconds a person reads a page before the next, as LOW-HIGH (the reading workload)",
    )
    parser.add_argument(
        "--conn-max-age",
        type=int,
        default=60,
        help="the workers' DATABASE_CONN_MAX_AGE (0: one connection per request)",
    )
    parser.add_argument("--drive", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.drive:
        print(json.dumps(drive(json.loads(options.drive))))
        return

    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        sys.exit("Give a PostgreSQL DATABASE_URL: the production configuration runs on PostgreSQL.")
    secret_key = secrets.token_urlsafe(60)
    database, sessions, urls, baseline_url = _prepare(database_url, secret_key, options.users)
    server = None
    try:
        with tempfile.TemporaryDirectory(prefix="assure-load-") as scratch:
            static = Path(scratch) / "static"
            server, host = _serve(database_url, database["name"], secret_key, options, static)
            baseline = (BASELINE[0], baseline_url)
            alone = _one_person(host, sessions[0], [baseline, *urls], options.rounds)
            spec = {"host": host, "sessions": sessions, "seconds": options.seconds, "once": False}
            at_baseline = _drive_in_a_process({**spec, "users": options.users, "urls": [baseline]})
            mix = _drive_in_a_process({**spec, "users": options.users, "urls": urls})
            think = [float(part) for part in options.think.split("-", 1)]
            reading = _drive_in_a_process(
                {**spec, "users": options.users, "urls": urls, "think": think, "seconds": options.seconds * 3}
            )
            burst = _drive_in_a_process({**spec, "users": options.burst, "urls": urls, "once": True, "seconds": 120})
    finally:
        if server is not None:
            server.terminate()
            server.wait()
        from django.test.utils import teardown_databases

        teardown_databases(database["config"], verbosity=0)

    _report(options, alone, at_baseline, mix, reading, burst, expected=options.burst * len(urls))


def _report(
    options, alone: dict[str, float], at_baseline: dict, mix: dict, reading: dict, burst: dict, *, expected: int
) -> None:
    base = alone[BASELINE[0]]
    print(f"\nServer time, one person alone (median of {options.rounds}; goal: at most 3 times the baseline)\n")
    print("| page | ms | ratio |\n|---|---:|---:|")
    for name, ms in alone.items():
        print(f"| {name} | {ms:.1f} | {'**' if ms / base > 3 else ''}{ms / base:.2f}{'**' if ms / base > 3 else ''} |")
    worst = max(ms / base for ms in alone.values())
    print(f"\nEvery page at most 3 times the baseline: {'met' if worst <= 3 else 'NOT met'} (worst {worst:.2f}).")
    print(
        f"\nUnder load ({options.workers} gunicorn workers, DATABASE_CONN_MAX_AGE={options.conn_max_age},"
        f" {options.seconds} s each, the reading workload three times as long)\n"
    )
    print("| workload | people | pages/s | median ms | p95 ms | p99 ms | requests | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, people, figures in (
        ("baseline only", options.users, at_baseline),
        ("the mix of ten pages, no pause", options.users, mix),
        (f"the mix, reading each page {options.think} s", options.users, reading),
        ("burst: every page once", options.burst, burst),
    ):
        print(
            f"| {label} | {people} | {figures['per_second']:.1f} | {figures['median']:.0f} | {figures['p95']:.0f} |"
            f" {figures['p99']:.0f} | {figures['requests']} | {figures['failures']} |"
        )
    unanswered = expected - burst["requests"]
    lost = "met" if unanswered == 0 else f"NOT met ({unanswered} of {expected} unanswered)"
    for figures in (at_baseline, mix, reading, burst):
        for error, count in figures["errors"].items():
            print(f"  error: {error} × {count}")
    print(
        f"\n{options.users} people without pause: no errors {'met' if mix['failures'] == 0 else 'NOT met'},"
        f" p95 under 300 ms {'met' if mix['p95'] < 300 else 'NOT met'}; {options.users} people reading:"
        f" no errors {'met' if reading['failures'] == 0 else 'NOT met'}, p95 under 300 ms"
        f" {'met' if reading['p95'] < 300 else 'NOT met'}; a burst of {options.burst}: no errors"
        f" {'met' if burst['failures'] == 0 else 'NOT met'}, nothing lost {lost}."
    )


if __name__ == "__main__":
    main()
