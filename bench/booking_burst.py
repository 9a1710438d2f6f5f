"""Benchmark: many practitioners booking the same training session at once, against Assure as it
is deployed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/assure_bench .venv/bin/python bench/booking_burst.py \
        [--people 300] [--places 40] [--workers 4]

It makes a fresh test database from DATABASE_URL (PostgreSQL: the production configuration needs
it) holding one partnership, one session of a course with ``--places`` places and ``--people``
verified practitioners, each signed in (their session written straight into the database, as
bench/load.py does), and starts gunicorn with ``config.settings.production`` and ``--workers``
workers on a free local port, as bench/load.py does (its ``_serve``).

Each practitioner first opens the session's booking page (their form's token), then all of them
post "Book a place" in the same instant, each from a thread of its own. It reports the bookings
per second and the percentiles of the posts' time, then checks what the database holds:

- no over-booking: exactly ``--places`` bookings hold a place, never more;
- no errors: every post answered by the redirect to the booking's page, one booking each;
- the waiting list in arrival order: everyone else is waiting, in the order the server took their
  bookings (``queued_at`` follows the bookings' numbers), every one queued after the last place
  was taken.

The database is dropped and gunicorn stopped at the end; the exit status is 1 when a check fails.
"""

import argparse
import os
import re
import secrets
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import HEADERS, _serve  # noqa: E402

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _prepare(database_url: str, secret_key: str, people: int, places: int) -> tuple[dict, list[str], str, int]:
    """A fresh database with the session and its practitioners, signed in; returns the database
    settings (to drop it), the session keys, the booking page's address and the session's key."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SECRET_KEY"] = secret_key
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.test.utils import setup_databases
    from django.urls import reverse
    from django.utils import timezone

    from assure.accounts.middleware import MFA_CHECKED, SIGNED_IN_AT
    from assure.accounts.tests.factories import MembershipFactory, UserFactory
    from assure.library.loader import load_library
    from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory
    from assure.training.tests.factories import CourseFactory, PractitionerFactory, SessionFactory

    config = setup_databases(verbosity=0, interactive=False)
    load_library()
    partnership = PartnershipFactory(name="Benchshire Safeguarding Children Board", slug="benchshire")
    agency = AgencyFactory(name="Benchshire Community Health", partnerships=[partnership])
    session = SessionFactory(course=CourseFactory(partnership=partnership), capacity=places)
    keys = []
    for number in range(people):
        user = UserFactory(full_name=f"Practitioner {number:03d}", email=f"practitioner{number}@bench.example.org")
        MembershipFactory(user=user, partnership=partnership, role="practitioner")
        PractitionerFactory(user=user, partnership=partnership, agency=agency)
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store[SIGNED_IN_AT] = timezone.now().isoformat()
        store[MFA_CHECKED] = True
        store.create()
        keys.append(store.session_key)
    url = reverse("training:book", kwargs={"partnership": partnership.slug, "pk": session.pk})
    return {"config": config, "name": connection.settings_dict["NAME"]}, keys, url, session.pk


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _burst(host: str, url: str, keys: list[str]) -> tuple[list[float], list[str], float]:
    """Every person opens the booking page, then all post at once; the posts' milliseconds, the
    errors, and the seconds from the first post to the last answer."""
    opener = urllib.request.build_opener(_NoRedirects)
    port = host.rsplit(":", 1)[1]
    tokens = []
    for key in keys:
        request = urllib.request.Request(host + url, headers={**HEADERS, "Cookie": f"sessionid={key}"})
        with opener.open(request) as response:
            tokens.append(TOKEN.search(response.read().decode()).group(1))
    start = threading.Barrier(len(keys) + 1)
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def book(key: str, token: str) -> None:
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode()
        headers = {
            **HEADERS,
            "Cookie": f"sessionid={key}",
            "Origin": f"https://127.0.0.1:{port}",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        start.wait()
        began = time.perf_counter()
        try:
            opener.open(urllib.request.Request(host + url, data=data, headers=headers))
            outcome = "answered 200, not the redirect to the booking"
        except urllib.error.HTTPError as answer:
            outcome = "" if answer.code == 302 else f"answered {answer.code}"
        except OSError as error:
            outcome = f"{type(error).__name__}: {error}"
        elapsed = (time.perf_counter() - began) * 1000
        with lock:
            times.append(elapsed)
            if outcome:
                errors.append(outcome)

    threads = [threading.Thread(target=book, args=pair) for pair in zip(keys, tokens, strict=True)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return times, errors, time.perf_counter() - began


def _check(session_pk: int, people: int, places: int) -> list[str]:
    from assure.training.models import Booking

    Status = Booking.Status
    bookings = list(Booking.objects.filter(session_id=session_pk).order_by("pk"))
    held = [b for b in bookings if b.status in Booking.HOLDS_PLACE]
    waiting = [b for b in bookings if b.status == Status.WAITING]
    problems = []
    if len(bookings) != people:
        problems.append(f"{len(bookings)} bookings for {people} people")
    if len(held) > places:
        problems.append(f"OVER-BOOKED: {len(held)} places held of {places}")
    if len(held) != min(places, people):
        problems.append(f"{len(held)} places held, {min(places, people)} expected")
    if len(waiting) != people - len(held):
        problems.append(f"{len(waiting)} waiting, {people - len(held)} expected")
    if [b.queued_at for b in waiting] != sorted(b.queued_at for b in waiting):
        problems.append("the waiting list is not in the order the bookings were taken")
    if held and waiting and min(b.queued_at for b in waiting) < max(b.queued_at for b in held):
        problems.append("someone was put on the waiting list before the last place was taken")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--places", type=int, default=40)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--conn-max-age", type=int, default=60)
    options = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        sys.exit("Give a PostgreSQL DATABASE_URL: the production configuration runs on PostgreSQL.")
    secret_key = secrets.token_urlsafe(60)
    database, keys, url, session_pk = _prepare(database_url, secret_key, options.people, options.places)
    server = None
    try:
        with tempfile.TemporaryDirectory(prefix="assure-booking-burst-") as scratch:
            server, host = _serve(database_url, database["name"], secret_key, options, Path(scratch) / "static")
            times, errors, seconds = _burst(host, url, keys)
        problems = _check(session_pk, options.people, options.places)
    finally:
        if server is not None:
            server.terminate()
            server.wait()
        from django.test.utils import teardown_databases

        teardown_databases(database["config"], verbosity=0)

    quantiles = statistics.quantiles(times, n=100)
    print(f"\n{options.people} practitioners booking {options.places} places at once ({options.workers} workers)\n")
    print("| bookings/s | median ms | p95 ms | p99 ms | slowest ms | errors |\n|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {len(times) / seconds:.1f} | {statistics.median(times):.0f} | {quantiles[94]:.0f} | {quantiles[98]:.0f} |"
        f" {max(times):.0f} | {len(errors)} |"
    )
    for error in sorted(set(errors)):
        print(f"  error: {error} × {errors.count(error)}")
    for problem in problems:
        print(f"  NOT met: {problem}")
    met = not errors and not problems
    print(f"\nNo over-booking, no errors, the waiting list in arrival order: {'met' if met else 'NOT met'}.")
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
