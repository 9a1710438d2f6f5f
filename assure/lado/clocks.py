"""The clocks of a referral to the designated officer, read from the dates the referral keeps:

- the referral itself, within one working day of the employer knowing (``allegation-referral``);
- its resolution, from the date referred to the date closed, against each timescale of the
  library's ``lado-timescale`` kind (one month, three months, twelve months; one week for the
  outcomes the week applies to), each measured by its statutory clock.

The lengths and targets are library data read through ``assure/clocks``. A low-level concern is
not an allegation: its resolution runs on no clock.

``urgency`` orders the officer's list: the open referral whose next resolution clock falls due
soonest (an overdue one first) comes first. ``timescale_band`` puts a closed referral in the band
the figures count (within a week, a month, three months, twelve months, or longer)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assure.clocks.engine import ClockReading, ClockRule, clock_read, clock_rule
from assure.library.selectors import current_items

from .models import Referral

REFERRAL = "allegation-referral"
TIMESCALE_KIND = "lado-timescale"
CATEGORY_KIND = "lado-category"
# The band of a referral resolved after its last timescale.
LONGER = "longer"


@dataclass(frozen=True)
class Timescale:
    code: str
    title: str
    target_text: str
    target_percent: int | None
    outcomes: tuple[str, ...]
    rule: ClockRule

    def applies_to(self, outcome_code: str | None) -> bool:
        """True when the timescale applies to a referral with this outcome (None while open:
        the general timescales apply; those for given outcomes only once that outcome is known)."""
        if not self.outcomes:
            return True
        return outcome_code in self.outcomes


def timescales() -> list[Timescale]:
    """The library's timescales, shortest first, each with its clock rule (those whose clock is
    missing from the library are left out)."""
    found = []
    for item in current_items(kind=TIMESCALE_KIND):
        data = item.data
        try:
            rule = clock_rule(data["clock"])
        except LookupError:
            continue
        found.append(
            Timescale(
                code=item.code,
                title=item.title,
                target_text=data.get("target_text", ""),
                target_percent=data.get("target_percent"),
                outcomes=tuple(data.get("outcomes") or ()),
                rule=rule,
            )
        )
    start = dt.date(2001, 1, 1)
    return sorted(found, key=lambda t: (t.rule.due_on(start), t.code))


def is_allegation(category_code: str) -> bool:
    """False for a category the library marks as not an allegation (a low-level concern)."""
    for item in current_items(kind=CATEGORY_KIND):
        if item.code == category_code:
            return bool(item.data.get("is_allegation", True))
    return True


def referral_reading(referral: Referral, today: dt.date) -> ClockReading | None:
    """The one-working-day clock from the employer knowing to the referral."""
    try:
        rule = clock_rule(REFERRAL)
    except LookupError:
        return None
    return clock_read(rule, started_on=referral.date_known, stopped_on=referral.date_referred, today=today)


def outcome_code(referral: Referral) -> str | None:
    return referral.outcome.code if referral.outcome_id else None


def resolution_readings(
    referral: Referral, today: dt.date, scales: list[Timescale] | None = None
) -> list[tuple[Timescale, ClockReading]]:
    """Each timescale that applies to the referral with its clock read on ``today``: none for a
    low-level concern or a referral not yet accepted."""
    if referral.status not in (Referral.Status.OPEN, Referral.Status.CLOSED) or not is_allegation(referral.category):
        return []
    scales = timescales() if scales is None else scales
    code = outcome_code(referral)
    stopped_on = referral.closed_on if referral.status == Referral.Status.CLOSED else None
    readings = []
    for scale in scales:
        if scale.applies_to(code):
            reading = clock_read(scale.rule, started_on=referral.date_referred, stopped_on=stopped_on, today=today)
            if reading is not None:
                readings.append((scale, reading))
    return readings


def urgency(referral: Referral, today: dt.date, scales: list[Timescale] | None = None) -> tuple:
    """A sort key: open referrals by the due date of their next open resolution clock (overdue
    ones, and among them the longest overdue, first), then those without one by date referred."""
    readings = [reading for _, reading in resolution_readings(referral, today, scales)]
    pending = [r.due_on for r in readings if r.is_open and r.left >= 0]
    overdue = [r.due_on for r in readings if r.is_open and r.left < 0]
    if pending:
        due = min(pending)
    elif overdue:
        due = max(overdue)
    else:
        return (dt.date.max, referral.date_referred, referral.pk)
    return (due, referral.date_referred, referral.pk)


def timescale_band(referral: Referral, scales: list[Timescale] | None = None) -> str | None:
    """The code of the shortest timescale a closed allegation was resolved within, whatever its
    outcome (the band is about time taken; whether a target applied is ``resolution_readings``'),
    ``LONGER`` when none; None when it is open or not an allegation."""
    if referral.status != Referral.Status.CLOSED or not referral.closed_on or not is_allegation(referral.category):
        return None
    scales = timescales() if scales is None else scales
    for scale in scales:
        if referral.closed_on <= scale.rule.due_on(referral.date_referred):
            return scale.code
    return LONGER


# --- the clock source and the clocks due soon or overdue (handling) ------------------------------

SOURCE = "lado"


def allegation_categories() -> set[str]:
    """The codes of the library's categories that are allegations (all but low-level concerns),
    in one read."""
    return {item.code for item in current_items(kind=CATEGORY_KIND) if item.data.get("is_allegation", True)}


def open_readings(referral: Referral, today: dt.date, scales: list[Timescale]) -> list[tuple[Timescale, ClockReading]]:
    """``resolution_readings`` of an open allegation the caller has picked out already, without
    asking the library again for each referral."""
    code = outcome_code(referral)
    readings = []
    for scale in scales:
        if scale.applies_to(code):
            reading = clock_read(scale.rule, started_on=referral.date_referred, stopped_on=None, today=today)
            if reading is not None:
                readings.append((scale, reading))
    return readings


def next_reading(readings: list[tuple[Timescale, ClockReading]]) -> tuple[Timescale, ClockReading] | None:
    """The timescale an open referral is working towards: the soonest not yet passed; once every
    one has passed, the last (the longest overdue is no longer the point)."""
    ordered = sorted(readings, key=lambda pair: pair[1].due_on)
    pending = [pair for pair in ordered if pair[1].left >= 0]
    if pending:
        return pending[0]
    return ordered[-1] if ordered else None


def _referral_url(partnership):
    from django.urls import NoReverseMatch

    from assure.core.navigation import partnership_url

    try:
        partnership_url("lado:referral_detail", partnership, pk=1)
    except NoReverseMatch:  # the referral's page is not there: the clock is listed without a link
        return lambda pk: ""
    return lambda pk: partnership_url("lado:referral_detail", partnership, pk=pk)


def open_allegation_clocks(*, user, partnership, today: dt.date) -> list[tuple[Referral, list, str]]:
    """Each open allegation the officer may read, with its resolution readings and its page's
    address, in a constant number of queries: nothing for anyone else."""
    from .permissions import can_manage_cases
    from .selectors.referrals_base import referrals_visible_to

    if not can_manage_cases(user=user, partnership=partnership):
        return []
    categories = allegation_categories()
    referrals = list(
        referrals_visible_to(user=user, partnership=partnership)
        .filter(Referral.OPEN, category__in=categories)
        .select_related(None)
        .select_related("outcome")
        .only("pk", "reference", "status", "category", "date_referred", "closed_on", "outcome", "partnership")
    )
    if not referrals:
        return []
    scales = timescales()
    url = _referral_url(partnership)
    return [(referral, open_readings(referral, today, scales), url(referral.pk)) for referral in referrals]


def clock_source_items(*, user, partnership, today: dt.date) -> list:
    """Each open allegation's next resolution clock, titled by its reference only (never the
    person or a child), for a designated officer with the ``lado`` grant."""
    from assure.clocks.registry import OpenClock

    clocks = []
    for referral, readings, url in open_allegation_clocks(user=user, partnership=partnership, today=today):
        found = next_reading(readings)
        if found is None:
            continue
        scale, reading = found
        clocks.append(
            OpenClock(
                reading=reading,
                title=f"{referral.reference}: resolution {scale.title[:1].lower()}{scale.title[1:]}",
                url=url,
                source=SOURCE,
            )
        )
    return clocks
