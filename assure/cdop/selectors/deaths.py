"""Reads of child deaths for the deaths part: the register, the death's page, possible
duplicates, what waits for the manager, and each death's age band. Given the user, keyword-only,
and built on ``deaths_visible_to`` (nothing without a panel role and the ``cdop`` grant)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from assure.library.selectors import current_items
from assure.partnerships.models import Partnership

from ..models import ChildDeath, Panel, PanelPartnership
from ..permissions import can_manage_cases
from .panels import deaths_visible_to, panels_of


@dataclass(frozen=True)
class AgeBand:
    code: str
    title: str
    unit: str
    start: int
    end: int


def age_bands() -> list[AgeBand]:
    """The library's age bands at death, youngest first (shared library data: no user)."""
    return [
        AgeBand(item.code, item.title, item.data["unit"], int(item.data["start"]), int(item.data["end"]))
        for item in current_items(kind="cdop-age-band").order_by("position")
    ]


def whole_years(born: dt.date, died: dt.date) -> int:
    return died.year - born.year - ((died.month, died.day) < (born.month, born.day))


def age_band_of(death: ChildDeath, bands: list[AgeBand] | None = None) -> AgeBand | None:
    """The band of the child's age at death: days for babies, whole years after."""
    days, years = death.age_in_days, whole_years(death.date_of_birth, death.date_of_death)
    for band in bands if bands is not None else age_bands():
        # A day band covers babies under one year only (28-364 days stops at the first birthday).
        if band.unit == "days" and band.start <= days <= band.end and years == 0:
            return band
        if band.unit == "years" and band.start <= years <= band.end:
            return band
    return None


def deaths_register(*, user, partnership: Partnership) -> QuerySet[ChildDeath]:
    """The deaths of the register: every death the person may read through the partnership's
    panels, with what the register shows."""
    return deaths_visible_to(user=user, partnership=partnership).select_related("panel", "partnership", "recorded_by")


def death_years(*, user, partnership: Partnership) -> list[str]:
    """The financial years of the dates of death the person may read, newest first."""
    from assure.partnerships.years import financial_year_of

    days = deaths_visible_to(user=user, partnership=partnership).values_list("date_of_death", flat=True)
    return sorted({financial_year_of(day) for day in days}, reverse=True)


def _match_key(death) -> tuple:
    return (death["date_of_death"], death["date_of_birth"], death["sex"])


def _not_duplicate_pairs(ids: set[int]) -> set[frozenset]:
    through = ChildDeath.not_duplicate_of.through
    rows = through.objects.filter(from_childdeath_id__in=ids).values_list("from_childdeath_id", "to_childdeath_id")
    return {frozenset(row) for row in rows}


def duplicate_groups(deaths: QuerySet[ChildDeath]) -> dict[int, list[int]]:
    """For each of ``deaths`` with a possible duplicate among them, the pks of the others: same
    date of death, date of birth and sex, neither already a duplicate, and not checked by the
    manager as different children. Two queries however many deaths."""
    rows = list(
        deaths.exclude(status=ChildDeath.Status.DUPLICATE).values("pk", "date_of_death", "date_of_birth", "sex")
    )
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for row in rows:
        by_key[_match_key(row)].append(row["pk"])
    candidates = {pk for pks in by_key.values() if len(pks) > 1 for pk in pks}
    if not candidates:
        return {}
    checked = _not_duplicate_pairs(candidates)
    found: dict[int, list[int]] = {}
    for pks in by_key.values():
        for pk in pks:
            others = [other for other in pks if other != pk and frozenset((pk, other)) not in checked]
            if others:
                found[pk] = sorted(others)
    return found


def duplicates_of(death: ChildDeath) -> QuerySet[ChildDeath]:
    """The possible duplicates of ``death`` among the deaths of its panels (the one reviewing it
    and the one that recorded it). Called once the person's access to the death is decided."""
    if death.status == ChildDeath.Status.DUPLICATE:
        return ChildDeath.objects.none()
    panels = {death.panel_id, death.recorded_by_id}
    return (
        ChildDeath.objects.filter(Q(panel_id__in=panels) | Q(recorded_by_id__in=panels))
        .filter(date_of_death=death.date_of_death, date_of_birth=death.date_of_birth, sex=death.sex)
        .exclude(pk=death.pk)
        .exclude(status=ChildDeath.Status.DUPLICATE)
        .exclude(pk__in=death.not_duplicate_of.values("pk"))
        .select_related("panel", "partnership")
    )


def home_choices(*, panel: Panel) -> QuerySet[Partnership]:
    """The partnerships a child of the panel may live in: those that have joined it."""
    return Partnership.objects.filter(
        panel_places__panel=panel, panel_places__status=PanelPartnership.Status.JOINED
    ).order_by("name")


def pass_on_choices(*, death: ChildDeath) -> QuerySet[Panel]:
    """The installation's other active panels a death may be passed to (shared: panels' names
    only)."""
    return Panel.objects.filter(is_active=True).exclude(pk=death.panel_id).order_by("name")


def drafts_to_confirm(*, user, partnership: Partnership) -> QuerySet[ChildDeath]:
    """Agencies' drafts the manager confirms, in the panels the partnership has joined."""
    if not can_manage_cases(user=user, partnership=partnership):
        return ChildDeath.objects.none()
    panel_ids = panels_of(partnership=partnership).values("pk")
    return ChildDeath.objects.filter(panel_id__in=panel_ids, status=ChildDeath.Status.DRAFT).order_by("notified_on")


def received_to_take_on(*, user, partnership: Partnership) -> QuerySet[ChildDeath]:
    """Deaths another panel of the installation passed to the partnership's panels, not yet
    taken on by their manager."""
    if not can_manage_cases(user=user, partnership=partnership):
        return ChildDeath.objects.none()
    panel_ids = panels_of(partnership=partnership).values("pk")
    return (
        ChildDeath.objects.filter(
            panel_id__in=panel_ids, passed_on_to_id__in=panel_ids, status=ChildDeath.Status.PASSED_ON
        )
        .exclude(recorded_by_id__in=panel_ids)
        .select_related("recorded_by")
        .order_by("passed_on_on")
    )


def may_manage_death(*, user, partnership: Partnership, death: ChildDeath) -> bool:
    """True when the person manages the panel now reviewing the death (not the panel that passed
    it on)."""
    return (
        can_manage_cases(user=user, partnership=partnership)
        and panels_of(partnership=partnership).filter(pk=death.panel_id).exists()
    )


def panel_agencies(*, panel: Panel):
    """The current agencies of the panel's partnerships, by name (agencies are the partnerships'
    shared list: no child is named)."""
    from assure.partnerships.models import Agency, PartnershipAgency

    links = PartnershipAgency.objects.filter(
        partnership__panel_places__panel=panel,
        partnership__panel_places__status=PanelPartnership.Status.JOINED,
        left_on__isnull=True,
    )
    return Agency.objects.filter(pk__in=links.values("agency_id")).order_by("name")
