"""Shropshire's referrals to the designated officer in 2013-14 and 2014-15, every one closed,
made so that the figures Assure counts from them give the annual report's comparisons (§5.18 to
§5.21): 50 referrals in 2013-14 and 68 in the first six months of 2014-15 alone (36% more than the
whole previous year), 125 in all; joint evaluation meetings up from 14 to 31 (more than double);
police investigations up from 9 to 16 and suspensions from 7 to 13; few referrals from health and
faith organisations (fewer than the partnership expects); more from private providers of care.

``YEARS`` fixes each year's counts; ``year_slots`` spreads them over the year's referrals, the
same way on every load (a seeded shuffle), keeping them plausible together: the police
investigate sexual and physical allegations and those cases take longest; the unfounded and
malicious ones close within a week; the Disclosure and Barring Service hears of substantiated
cases where the person was dismissed. About 70% of 2014-15's allegations close within a month
(below the 80% target), nine in ten within three months, a handful take longer."""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass

from assure.partnerships.years import financial_year_bounds

from .cases import Slot, working_on_or_after, working_on_or_before

# The order of the months of a financial year.
MONTHS = (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)


@dataclass(frozen=True)
class YearSpec:
    year: str
    months: tuple[int, ...]  # allegations referred in each month, April first
    low_level: tuple[int, ...]  # low-level concerns recorded in each month, April first
    sectors: dict[str, int]
    categories: dict[str, int]
    outcomes: dict[str, int]
    bands: dict[str, int]  # closed within a week, a month, three months, twelve months, longer
    police: dict[str, int]  # police investigations by category
    police_substantiated: int
    suspended_police: int
    suspended_other: int
    dbs: int
    regulator: int
    joint_evaluations: int
    late: int  # referred more than one working day after the employer knew


YEARS = (
    YearSpec(
        year="2013-14",
        months=(4, 5, 4, 5, 2, 4, 5, 4, 3, 5, 4, 5),
        low_level=(0,) * 12,
        sectors={
            "education": 22,
            "early-years": 6,
            "social-care": 8,
            "private-care": 4,
            "health": 2,
            "faith": 1,
            "voluntary": 3,
            "sport": 2,
            "transport": 1,
            "police": 1,
        },
        categories={"physical": 18, "conduct": 12, "sexual": 9, "emotional": 7, "neglect": 4},
        outcomes={"unsubstantiated": 19, "substantiated": 14, "unfounded": 8, "false": 6, "malicious": 3},
        bands={"week": 8, "month": 24, "quarter": 13, "year": 4, "longer": 1},
        police={"sexual": 6, "physical": 3},
        police_substantiated=5,
        suspended_police=5,
        suspended_other=2,
        dbs=3,
        regulator=2,
        joint_evaluations=14,
        late=7,
    ),
    YearSpec(
        year="2014-15",
        months=(10, 12, 13, 14, 7, 12, 12, 10, 7, 10, 9, 9),
        low_level=(0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1),
        sectors={
            "education": 48,
            "early-years": 14,
            "social-care": 15,
            "private-care": 18,
            "voluntary": 8,
            "sport": 7,
            "transport": 6,
            "health": 3,
            "police": 3,
            "faith": 1,
            "other": 2,
        },
        categories={"physical": 44, "conduct": 30, "sexual": 22, "emotional": 17, "neglect": 12},
        outcomes={"unsubstantiated": 48, "substantiated": 36, "unfounded": 20, "false": 14, "malicious": 7},
        bands={"week": 20, "month": 68, "quarter": 28, "year": 8, "longer": 1},
        police={"sexual": 11, "physical": 5},
        police_substantiated=9,
        suspended_police=10,
        suspended_other=3,
        dbs=5,
        regulator=4,
        joint_evaluations=31,
        late=8,
    ),
)
LOW_LEVEL_SECTORS = ("education", "early-years", "sport", "voluntary")
# Police results: the substantiated cases first, the others after.
SUBSTANTIATED_RESULTS = ("convicted", "caution", "no-further-action")
OTHER_RESULTS = ("no-further-action", "no-further-action", "acquitted")


def _expand(counts: dict[str, int], rng: random.Random) -> list[str]:
    codes = [code for code, count in counts.items() for _ in range(count)]
    rng.shuffle(codes)
    return codes


def referral_days(start: dt.date, per_month: tuple[int, ...]) -> list[dt.date]:
    """``per_month[i]`` working days spread over the i-th month of the year from ``start``."""
    days = []
    for month_index, count in enumerate(per_month):
        month = MONTHS[month_index]
        year = start.year if month >= 4 else start.year + 1
        length = calendar.monthrange(year, month)[1]
        for n in range(count):
            day = dt.date(year, month, 1 + int((n + 0.5) * length / count))
            moved = working_on_or_after(day)
            days.append(moved if moved.month == month else working_on_or_before(day))
    return days


def year_slots(spec: YearSpec, first_number: int = 0) -> list[Slot]:
    """The year's closed referrals: its allegations, then its low-level concerns."""
    rng = random.Random(f"lado-demo-{spec.year}")
    start, end = financial_year_bounds(spec.year)
    days = referral_days(start, spec.months)
    count = len(days)
    sectors = _expand(spec.sectors, rng)
    categories = _expand(spec.categories, rng)
    slots = [
        Slot(
            number=first_number + i,
            date_referred=days[i],
            sector=sectors[i],
            category=categories[i],
            year_end=end,
        )
        for i in range(count)
    ]

    # The police investigate some sexual and physical allegations; their cases take longest.
    police = []
    for category, wanted in spec.police.items():
        police += rng.sample([s for s in slots if s.category == category], wanted)
    rng.shuffle(police)
    outcomes = Counter(spec.outcomes)
    for n, slot in enumerate(police):
        slot.police = True
        slot.outcome = "substantiated" if n < spec.police_substantiated else "unsubstantiated"
        results = SUBSTANTIATED_RESULTS if slot.outcome == "substantiated" else OTHER_RESULTS
        slot.police_result = results[n % len(results)]
        outcomes[slot.outcome] -= 1
    others = [s for s in slots if not s.police]
    for slot, outcome in zip(others, _expand(outcomes, rng), strict=True):
        slot.outcome = outcome

    bands = Counter(spec.bands)
    for slot in police:
        slot.band = next(b for b in ("longer", "year", "quarter", "month", "week") if bands[b] > 0)
        bands[slot.band] -= 1
    if police[0].band == "longer":  # the longest, a trial: the police charged and a court convicted
        police[0].police_result = "convicted"
    quick = {"unfounded": 0, "malicious": 0, "false": 1}
    ordered = sorted(others, key=lambda s: (quick.get(s.outcome, 2), rng.random()))
    remaining = [b for b in ("week", "month", "quarter", "year", "longer") for _ in range(bands[b])]
    for slot, band in zip(ordered, remaining, strict=True):
        slot.band = band

    # Suspensions: most while the police investigate, a few others.
    for slot in sorted(police, key=lambda s: s.outcome != "substantiated")[: spec.suspended_police]:
        slot.suspended = True
    candidates = [
        s
        for s in others
        if s.outcome in ("substantiated", "unsubstantiated")
        and s.category in ("physical", "conduct", "emotional")
        and s.band != "week"
    ]
    for slot in rng.sample(candidates, spec.suspended_other):
        slot.suspended = True
    # The Disclosure and Barring Service hears of substantiated cases where the person went.
    barred = [s for s in slots if s.suspended and s.outcome == "substantiated"]
    for slot in sorted(barred, key=lambda s: not s.police)[: spec.dbs]:
        slot.dbs = True
    regulated = [s for s in slots if s.outcome == "substantiated" and s.sector in REGULATED]
    for slot in sorted(regulated, key=lambda s: (not s.dbs, s.number))[: spec.regulator]:
        slot.regulator = True

    # Joint evaluation meetings: every police case, then the suspensions, then sexual allegations.
    for slot in police:
        slot.joint_evaluation = True
    wanted = spec.joint_evaluations - len(police)
    rest = [s for s in others if s.band != "week"]
    rest.sort(key=lambda s: (not s.suspended, s.category != "sexual", rng.random()))
    for slot in rest[:wanted]:
        slot.joint_evaluation = True

    for slot in rng.sample(slots, spec.late):
        slot.late = True

    low_level = referral_days(start, spec.low_level)
    slots += [
        Slot(
            number=first_number + count + i,
            date_referred=day,
            sector=LOW_LEVEL_SECTORS[i % len(LOW_LEVEL_SECTORS)],
            category="low-level-concern",
            year_end=end,
        )
        for i, day in enumerate(low_level)
    ]
    return slots


REGULATED = ("education", "early-years", "health", "social-care")
