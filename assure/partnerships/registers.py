"""The versions of a partnership's registers, under which their pages are cached and never stale.

A register page (the agencies, the meetings, the action tracker) is mostly the same for everyone
who may see it, and rendering its filter form and table is most of what it costs. So, as it is
first shown (unfiltered), it is rendered once per version of what it shows and read from the
cache after that (``assure.core.tables.remembered_register_response``). A cached page must never
outlive the records it shows, so every service that changes them moves the register's version
on, inside its own transaction:

- ``agencies``: an agency added, edited (name, type, sector, board seat, partnerships) or removed;
- ``meetings``: a meeting added or edited, attendance recorded, a subgroup added or edited (the
  meetings register names each meeting's subgroup and filters by them);
- ``actions``: an action raised, edited, moved along its pipeline or given an update, and every
  change to the partnership's agencies (the tracker names each action's agency, and filters by
  them).

The versions live in the database (``RegisterVersion``), not in the cache: a bump made in a
service's transaction becomes visible exactly when its change does, to every process, whatever
cache backend serves the pages. (A database replaced by a fresh one starts its versions again:
clear a shared cache, such as Redis, with it.)
"""

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import F, Max

from assure.library.models import LibraryDocument

from .models import Partnership, RegisterVersion

AGENCIES = "agencies"
MEETINGS = "meetings"
ACTIONS = "actions"
REGISTERS = (AGENCIES, MEETINGS, ACTIONS)


def _bump(partnership_id: int, register: str) -> None:
    versions = RegisterVersion.objects.filter(partnership_id=partnership_id, register=register)
    if versions.update(version=F("version") + 1):
        return
    try:
        with transaction.atomic():
            RegisterVersion.objects.create(partnership_id=partnership_id, register=register, version=1)
    except IntegrityError:
        # Another transaction created it first: move it on from there.
        versions.update(version=F("version") + 1)


def registers_changed(*, partnership_ids: Iterable[int], registers: Iterable[str]) -> None:
    """Mark the cached pages of ``registers`` of every partnership of ``partnership_ids`` out of
    date. Call it inside the transaction of the change."""
    registers = list(registers)
    unknown = set(registers) - set(REGISTERS)
    if unknown:
        raise ValueError(f"No such register: {', '.join(sorted(unknown))}")
    for partnership_id in sorted(set(partnership_ids)):
        for register in registers:
            _bump(partnership_id, register)


def register_version(*, partnership: Partnership, register: str, library: bool = False) -> str:
    """The version of everything ``register`` of the partnership shows, as a key fragment: its
    own counter and, with ``library``, the newest library document (for titles of library items
    it shows, such as agencies' types and sectors). One query, two with ``library``."""
    version = (
        RegisterVersion.objects.filter(partnership=partnership, register=register)
        .values_list("version", flat=True)
        .first()
    )
    parts = [register, str(partnership.pk), str(version or 0)]
    if library:
        parts.append(str(LibraryDocument.objects.aggregate(newest=Max("pk"))["newest"] or 0))
    return "-".join(parts)
