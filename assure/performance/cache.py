"""Cached figures that are never stale.

Computing a scorecard reads every published value of the year for every local authority (for
quartiles and ranks) and every validated return of the partnership, so it is computed once and
cached. A cached figure must never outlive the data it came from, so the cache key carries
versions that every change to that data moves on:

- the partnership's version: ``bump_partnership(partnership_id)``, called by every service that
  changes what a partnership's scorecard shows — a return validated or sent back, local
  observations written, scorecard lines, priorities, targets or tolerances changed;
- the benchmarks' version: ``bump_benchmarks()``, called by every import of published figures,
  areas or statistical neighbours;
- the library: the newest library document (a new RAG rule or indicator definition);
- the partnership's area code;
- the code: a digest of the performance app's modules and templates, so that a deployment never
  reads an entry written by an earlier release from a shared cache.

The versions live in the database (``FiguresVersion``), not in the cache: a bump made in a
service's transaction becomes visible exactly when its change does, to every process, whatever
cache backend serves the pages. Reading them costs two small queries per page. (A database
replaced by a fresh one starts its versions again: clear a shared cache, such as Redis, with it.)
"""

import hashlib
from collections.abc import Callable
from pathlib import Path

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Max

from assure.library.models import LibraryDocument

from .models import FiguresVersion

BENCHMARKS = "benchmarks"
TIMEOUT = 60 * 60 * 24
"""Seconds an entry is kept. Versions, not time, decide whether it is current; the timeout only
lets entries of old versions fall out of the cache."""


def _code_version() -> str:
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*here.rglob("*.py"), *here.rglob("*.html")]):
        if "tests" not in path.relative_to(here).parts:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


CODE_VERSION = _code_version()


def partnership_scope(partnership_id: int) -> str:
    return f"partnership:{partnership_id}"


def _bump(scope: str) -> None:
    if FiguresVersion.objects.filter(scope=scope).update(version=F("version") + 1):
        return
    try:
        with transaction.atomic():
            FiguresVersion.objects.create(scope=scope, version=1)
    except IntegrityError:
        # Another transaction created it first: move it on from there.
        FiguresVersion.objects.filter(scope=scope).update(version=F("version") + 1)


def bump_partnership(partnership_id: int) -> None:
    """Mark every cached figure of the partnership out of date. Call it inside the transaction
    that changes its returns, local observations or scorecard."""
    _bump(partnership_scope(partnership_id))


def bump_benchmarks() -> None:
    """Mark every cached figure that uses published values out of date (all partnerships'). Call
    it inside the transaction of every import of published figures, areas or neighbours."""
    _bump(BENCHMARKS)


def figures_version(*, partnership) -> str:
    """The version of everything a partnership's cached figures depend on, as a key fragment."""
    scopes = dict(
        FiguresVersion.objects.filter(scope__in=[partnership_scope(partnership.pk), BENCHMARKS]).values_list(
            "scope", "version"
        )
    )
    library = LibraryDocument.objects.aggregate(newest=Max("pk"))["newest"] or 0
    return "-".join(
        str(part)
        for part in (
            scopes.get(partnership_scope(partnership.pk), 0),
            scopes.get(BENCHMARKS, 0),
            library,
            partnership.ons_code or "none",
            CODE_VERSION,
        )
    )


def remembered[T](*, partnership, name: str, compute: Callable[[], T], version: str | None = None) -> T:
    """``compute()``'s result for the partnership, from the cache when the versions it was
    computed at are still current. ``name`` says what it is and with which arguments, e.g.
    "scorecard:12". ``version`` is ``figures_version``'s answer when the caller has read it
    already (one page caching two things reads it once)."""
    # The versions are read before the figures are, so an entry can only ever hold figures at
    # least as new as the versions in its key.
    version = version or figures_version(partnership=partnership)
    key = f"assure:performance:{partnership.pk}:{name}:{version}"
    found = cache.get(key)
    if found is not None:
        return found
    value = compute()
    cache.set(key, value, TIMEOUT)
    return value
