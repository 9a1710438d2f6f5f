"""The officer's register of referrals, ordered by urgency, the drafts waiting to be accepted, a
referral's history, and the library's titles the pages show. Given the user, keyword-only; the
base (``referrals_visible_to``) decides who sees anything at all."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from assure.audit.selectors import events_about
from assure.clocks.engine import ClockReading, clock_read, clock_rule
from assure.library.selectors import current_items
from assure.partnerships.models import Agency, Partnership
from assure.partnerships.years import financial_year_of

from ..clocks import REFERRAL, Timescale, is_allegation, resolution_readings, timescales, urgency
from ..models import Referral
from ..permissions import can_manage_cases
from .referrals_base import referrals_visible_to

# The library kinds whose titles a referral's codes are shown by.
KINDS = {
    "sector": "lado-sector",
    "category": "lado-category",
    "employment_basis": "lado-employment-basis",
    "context": "lado-context",
    "harm_tests": "lado-harm-test",
}


def partnership_agencies(partnership: Partnership) -> QuerySet[Agency]:
    """The partnership's agencies, those that have left aside. Reads no user: the names of a
    partnership's agencies are public."""
    return Agency.objects.filter(
        partnership_links__partnership=partnership, partnership_links__left_on__isnull=True
    ).order_by("name")


def library_titles(kind: str) -> dict[str, str]:
    """The titles of a library kind's current items by code. Reads no user: the library is
    shared."""
    return dict(current_items(kind=kind).values_list("code", "title"))


def library_choices(kind: str) -> list[tuple[str, str]]:
    """(code, title) of a library kind's current items, in the library's order."""
    return list(current_items(kind=kind).order_by("position", "pk").values_list("code", "title"))


# --- the register ----------------------------------------------------------------------------------


@dataclass
class RegisterClocks:
    """What the register shows of one referral's clocks on a day: the referral's own timeliness
    (one working day from the employer knowing) and the resolution clock that orders an open
    one."""

    referred: ClockReading | None
    next_clock: ClockReading | None
    next_timescale: Timescale | None


def referrals_register(*, user, partnership: Partnership) -> QuerySet[Referral]:
    """Every referral the officer reads (not those awaiting their referrer's confirmation)."""
    return referrals_visible_to(user=user, partnership=partnership)


def referral_years(*, user, partnership: Partnership) -> list[str]:
    """The financial years referrals were made in, newest first."""
    days = referrals_visible_to(user=user, partnership=partnership).values_list("date_referred", flat=True)
    return sorted({financial_year_of(day) for day in days}, reverse=True)


def by_urgency(referrals, *, today: dt.date) -> list[Referral]:
    """The referrals in the order the officer works on them: open ones first, by the due date of
    their next resolution clock (``clocks.urgency``: an overdue one, and among them the longest
    overdue, first); then drafts waiting to be accepted, oldest first; then the rest (closed and
    declined), newest first. Each is given ``register_clocks`` (a ``RegisterClocks``)."""
    scales = timescales()
    try:
        referral_rule = clock_rule(REFERRAL)
    except LookupError:
        referral_rule = None
    categories = _categories()
    ordered = []
    for referral in referrals:
        referred = (
            clock_read(referral_rule, started_on=referral.date_known, stopped_on=referral.date_referred, today=today)
            if referral_rule is not None
            else None
        )
        next_clock, next_scale, key = None, None, None
        if referral.status == Referral.Status.OPEN:
            if categories.get(referral.category, True):
                key = urgency(referral, today, scales)
                for scale, reading in resolution_readings(referral, today, scales):
                    if reading.is_open and reading.due_on == key[0]:
                        next_clock, next_scale = reading, scale
                        break
            else:
                key = (dt.date.max, referral.date_referred, referral.pk)
            group = (0, key)
        elif referral.status == Referral.Status.DRAFT:
            group = (1, (referral.date_referred, referral.pk))
        else:
            group = (2, (-referral.date_referred.toordinal(), -referral.pk))
        referral.register_clocks = RegisterClocks(referred=referred, next_clock=next_clock, next_timescale=next_scale)
        ordered.append((group, referral))
    ordered.sort(key=lambda pair: pair[0])
    return [referral for _, referral in ordered]


def _categories() -> dict[str, bool]:
    """Whether each category of the library is an allegation, by code."""
    return {item.code: bool(item.data.get("is_allegation", True)) for item in current_items(kind="lado-category")}


# --- the referral's page ---------------------------------------------------------------------------


def referral_history(*, user, partnership: Partnership, referral: Referral) -> list:
    """What happened to the referral, newest first, for the officer who reads it."""
    if not can_manage_cases(user=user, partnership=partnership) or referral.partnership_id != partnership.pk:
        return []
    return list(events_about(target=referral))


def referral_titles(referral: Referral) -> dict[str, object]:
    """The library's titles of the referral's codes, as the referral's page shows them."""
    titles = {name: library_titles(kind) for name, kind in KINDS.items()}
    return {
        "sector": titles["sector"].get(referral.sector, referral.sector),
        "category": titles["category"].get(referral.category, referral.category),
        "employment_basis": titles["employment_basis"].get(referral.employment_basis, referral.employment_basis),
        "context": titles["context"].get(referral.context, referral.context) if referral.context else "",
        "harm_tests": [titles["harm_tests"].get(code, code) for code in referral.harm_tests or []],
        "is_allegation": is_allegation(referral.category),
    }


def lateness(reading: ClockReading | None) -> str:
    """The referral's timeliness in words: "Referred on time", "Referred 2 working days late"."""
    if reading is None:
        return ""
    if reading.left >= 0:
        return "Referred on time"
    late = -reading.left
    return f"Referred {late} working day{'s' if late != 1 else ''} late"


# --- what waits ------------------------------------------------------------------------------------


def drafts_to_accept(*, user, partnership: Partnership) -> list[Referral]:
    """The drafts from employers waiting for the officer, oldest first."""
    return list(
        referrals_visible_to(user=user, partnership=partnership)
        .filter(status=Referral.Status.DRAFT)
        .order_by("date_referred", "pk")
    )
