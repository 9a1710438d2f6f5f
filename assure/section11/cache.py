"""Cached parts of a cycle's pages that are never stale.

A cycle's page (completion tracking and the register of returns) and its analysis (the heat map,
compliance, moderation, the comparisons) read every return of the cycle and render tables of
them, on every visit, while they change only when someone answers, moderates or manages. So the
rendered part of each page below the page shell is computed once and cached (the cycle's page as
first shown: a filtered, sorted or later page of its register is made afresh, as people can ask
for more of those than a cache should hold). A cached part must never outlive what it shows, so
its key carries:

- the cycle's version (``CycleVersion``), moved on by ``bump_cycle(cycle_id)`` inside the
  transaction of every service that changes what its pages show: an answer saved, evidence
  that starts a return, a return submitted, challenged, answered, moderated, accepted or
  reopened, a reminder sent by the business unit, the cycle changed or closed; and by
  ``bump_partnership_cycles`` for every cycle of a partnership whose agencies change (the
  ``partnership_changed`` hook);
- the previous cycle's version, as the analysis compares the two;
- the library: the newest library document (a new version of a rating scale);
- what the page shows of the person looking: the permissions their roles grant in the
  partnership (which returns are links, which buttons show) and, for a role that acts for an
  agency, the agencies, so one person's view never reaches another's;
- whatever else the caller names: today's date for the cycle's page (a return becomes overdue
  overnight) and the newest reminder of a return (``_reminder_version``: the daily reminders are
  sent outside Section 11's services, so they cannot bump the cycle);
- the code: a digest of the Section 11 app and the core templates and URLs the parts are
  rendered with, so a deployment never serves markup an earlier release wrote to a shared cache.

The versions are rows in the database, not cache entries, and are read in the same query as the
cycle itself (``with_versions``): a bump made in a service's transaction becomes visible exactly
when its change does, to every process, whatever cache backend serves the pages, and the page
is computed from a cycle at least as new as the versions in its key.
"""

import hashlib
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.utils.safestring import SafeString

from assure.accounts.permissions import agencies_of, is_agency_scoped, permissions_of
from assure.library.models import LibraryDocument
from assure.notifications.models import Reminder
from assure.partnerships.models import Partnership

from .models import Cycle, CycleVersion

TIMEOUT = 60 * 60 * 24
"""Seconds an entry is kept. Versions, not time, decide whether it is current; the timeout only
lets entries of old versions fall out of the cache."""


def _code_version() -> str:
    here = Path(__file__).resolve().parent
    root = Path(settings.BASE_DIR)
    paths = [*here.rglob("*.py"), *here.rglob("*.html")]
    # The parts are rendered with the core's templates (the register, its table) and link through
    # the project's URLs.
    paths += [*(root / "assure" / "core" / "templates").rglob("*.html"), root / "config" / "urls.py"]
    digest = hashlib.sha256()
    for path in sorted(paths):
        if "tests" not in path.relative_to(root).parts:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


CODE_VERSION = _code_version()


def bump_cycle(cycle_id: int) -> None:
    """Mark every cached part of the cycle's pages (and of the analysis of any cycle compared
    with it) out of date. Call it inside the transaction that changes what they show."""
    if CycleVersion.objects.filter(cycle_id=cycle_id).update(version=F("version") + 1):
        return
    try:
        with transaction.atomic():
            CycleVersion.objects.create(cycle_id=cycle_id, version=1)
    except IntegrityError:
        # Another transaction created it first: move it on from there.
        CycleVersion.objects.filter(cycle_id=cycle_id).update(version=F("version") + 1)


def bump_partnership_cycles(partnership_id: int) -> None:
    """Bump every cycle the partnership takes part in: registered for ``partnership_changed``,
    fired when its agencies are renamed, added or removed, which the cycles' pages show."""
    for cycle_id in Cycle.objects.filter(partnerships=partnership_id).values_list("pk", flat=True):
        bump_cycle(cycle_id)


# What ``with_versions`` adds to a cycle's query, made once: every page of a cycle asks for them.
_VERSIONS = {
    "_cycle_version": Subquery(CycleVersion.objects.filter(cycle=OuterRef("pk")).values("version")[:1]),
    "_previous_version": Subquery(CycleVersion.objects.filter(cycle=OuterRef("previous")).values("version")[:1]),
    "_library_version": Subquery(LibraryDocument.objects.order_by("-pk").values("pk")[:1]),
    # The newest reminder of a Section 11 return: the cycle's page shows when each return was last
    # reminded, and the daily reminders are sent by notifications, which knows nothing of cycles.
    # Any cycle's reminders move every cycle's page on (a day's reminders at most once each):
    # narrowing it to the cycle's own would read its returns on every visit.
    "_reminder_version": Subquery(
        Reminder.objects.filter(target_type__app_label="section11", target_type__model="return")
        .order_by("-pk")
        .values("pk")[:1]
    ),
}


def with_versions(cycles: QuerySet[Cycle]) -> QuerySet[Cycle]:
    """``cycles`` with what a cached part is keyed by, read in the same query as each cycle: its
    version, its previous cycle's, the newest library document, and the newest reminder of a
    return (which the cycle's own part adds to its key)."""
    return cycles.annotate(**_VERSIONS)


def viewer_view(*, user, partnership: Partnership) -> str:
    """What a page of the partnership's Section 11 may show this person, as a key fragment: the
    permissions of their roles there and, when those roles act for agencies, which ones."""
    permissions = sorted(permissions_of(user=user, partnership=partnership))
    agencies = (
        sorted(agencies_of(user=user, partnership=partnership))
        if is_agency_scoped(user=user, partnership=partnership)
        else []
    )
    return f"{','.join(permissions)}|{','.join(map(str, agencies))}"


def remembered_part(
    *, user, partnership: Partnership, cycle: Cycle, name: str, render: Callable[[], SafeString], extra: str = ""
) -> SafeString:
    """``render()``'s markup, from the cache while the versions it was rendered at are current.
    ``cycle`` must have been read through ``with_versions``; ``name`` says which part it is
    ("analysis", "cycle"); ``extra`` adds anything else the part depends on (today's date)."""
    try:
        versions = (cycle._cycle_version, cycle._previous_version, cycle._library_version)
    except AttributeError:
        raise TypeError("read the cycle through with_versions() before caching its pages") from None
    parts = (
        name,
        partnership.pk,
        partnership.name,  # the pages name the partnership they are of, read with it at no cost
        partnership.short_name,
        cycle.pk,
        cycle.previous_id,
        *versions,
        viewer_view(user=user, partnership=partnership),
        extra,
        CODE_VERSION,
    )
    key = "assure:section11:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    found = cache.get(key)
    if found is not None:
        return found
    value = render()
    cache.set(key, value, TIMEOUT)
    return value


def cycles_list_version(*, user, partnership: Partnership) -> str:
    """The version of the partnership's list of cycles as this person sees it, as a key fragment
    for ``remembered_register_response``: each cycle of the partnership with its version and the
    name of the partnership that runs it (a cycle opened, edited or closed changes it), the newest
    library document, the partnership's names and what the person may see there. Two queries."""
    rows = Cycle.objects.filter(partnerships=partnership).annotate(**{"_cycle_version": _VERSIONS["_cycle_version"]})
    parts = (
        sorted(rows.values_list("pk", "_cycle_version", "lead_partnership__name")),
        LibraryDocument.objects.order_by("-pk").values_list("pk", flat=True).first(),
        partnership.pk,
        partnership.name,
        partnership.short_name,
        viewer_view(user=user, partnership=partnership),
        CODE_VERSION,
    )
    return "section11-cycles-" + hashlib.sha256(repr(parts).encode()).hexdigest()
