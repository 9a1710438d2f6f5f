"""Shropshire's registers in 2013-14 and 2014-15, drawn so that counting them by the figures'
rules (``assure/registers/figures.py``) gives the annual report's numbers:

- CSE panel referrals: 11 in 2013-14, 50 in 2014-15 (Priority 2);
- MARAC: 175 cases in 2014-15, 26 of them repeats, 207 children in their households (§5.89);
- custody overnight after charge: four between November 2014 and July 2015 (§5.66), three of them
  in 2014-15;
- Operation Encompass: 300 schools told in 2014-15, most by 09:00 the next working day (§5.70);
- missing episodes: 400 in 2014-15, some children missing many times (Priority 2), with their
  return interviews;
- placement notifications: 120 in 2014-15 from two private providers (Priority 2).

Every child is only a reference ("SC/14/0231"), an age, a sex and an area; nobody is named. The
draws come from one seeded generator, so every load writes the same registers."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from assure.clocks.workingdays import add_working_days

# The areas of Shropshire an entry may name (never an address).
AREAS = (
    "Shrewsbury",
    "Oswestry",
    "Market Drayton",
    "Whitchurch",
    "Wem",
    "Ludlow",
    "Bridgnorth",
    "Church Stretton",
    "Bishop's Castle",
    "Shifnal",
    "Ellesmere",
)
YEAR_START = {"2013-14": dt.date(2013, 4, 1), "2014-15": dt.date(2014, 4, 1)}

CSE_REFERRALS = {"2013-14": 11, "2014-15": 50}
MARAC_CASES, MARAC_REPEATS, MARAC_CHILDREN = 175, 26, 207
# Custody overnight after charge: (when charged, hours held after charge, reason, age, sex).
CUSTODY = (
    (dt.datetime(2014, 11, 14, 21, 20), 12, "no-accommodation", 16, "male"),
    (dt.datetime(2015, 1, 23, 22, 5), 11, "court-next-morning", 17, "male"),
    (dt.datetime(2015, 3, 7, 20, 50), 13, "no-secure-accommodation", 15, "female"),
    (dt.datetime(2015, 6, 19, 23, 15), 10, "no-accommodation", 16, "male"),
)
ENCOMPASS_NOTIFICATIONS = 300
ENCOMPASS_ON_TIME = 0.86
MISSING_EPISODES = 400
# How often the children who went missing did so in the year: (children, episodes each).
MISSING_PATTERN = ((4, 20), (6, 12), (20, 5), (40, 3), (60, 1))  # 432 episodes: the last stop at 400
MARAC_UPLOADED_MONTHS = (dt.date(2015, 2, 1), dt.date(2015, 3, 1))


@dataclass
class Drawn:
    """One entry to write: what the register holds, and who recorded it."""

    kind_code: str
    agency: str  # agency key of assure.demo.region
    reference: str
    values: dict
    occurred_on: dt.date
    age: int | None = None
    sex: str = ""
    area: str = ""
    recorder: str = "police-lead"  # a key of the demo's users in Shropshire
    provider: str = ""  # the provider's key, for a notification
    answers: dict = field(default_factory=dict)  # the CSE risk assessment's, for a notification
    status: str = "submitted"

    @property
    def year(self) -> str:
        start = self.occurred_on.year if self.occurred_on.month >= 4 else self.occurred_on.year - 1
        return f"{start}-{(start + 1) % 100:02d}"


def _day_in(year: str, rng: random.Random) -> dt.date:
    return YEAR_START[year] + dt.timedelta(days=rng.randrange(365))


def _at(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:00")


def _pick(rng: random.Random, weighted: dict[str, int]) -> str:
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]


def cse_referrals(rng: random.Random, *, today: dt.date) -> list[Drawn]:
    drawn = []
    for year, count in CSE_REFERRALS.items():
        for n in range(count):
            day = _day_in(year, rng)
            risk = _pick(rng, {"at-risk": 5, "significant": 3, "high": 2})
            values = {
                "referred-on": day.isoformat(),
                "referred-by": _pick(
                    rng, {"social-care": 9, "police": 4, "education": 3, "health": 2, "voluntary": 1, "other": 1}
                ),
                "risk": risk,
                "missing": "yes" if rng.random() < 0.55 else "no",
            }
            closed = day + dt.timedelta(days=rng.randrange(60, 240))
            if closed < today and closed < dt.date(2015, 6, 1):
                values["outcome"] = _pick(
                    rng,
                    {"plan": 5 if risk != "at-risk" else 2, "programme": 3, "single-agency": 3, "no-further-action": 1},
                )
                values["closed-on"] = closed.isoformat()
            elif year == "2014-15":
                values["outcome"] = "plan" if risk != "at-risk" else "programme"
            drawn.append(
                Drawn(
                    kind_code="cse-panel-referral",
                    agency="shropshire-csc",
                    reference=f"SC/{year[2:4]}/{231 + 17 * n:04d}",
                    values=values,
                    occurred_on=day,
                    age=rng.choice((12, 13, 14, 14, 15, 15, 15, 16, 16, 17)),
                    sex="female" if rng.random() < 0.8 else "male",
                    area=rng.choice(AREAS),
                    recorder="business-unit",
                )
            )
    return drawn


def _marac_children(rng: random.Random) -> list[int]:
    """Children in each case's household, summing to the report's 207."""
    counts = [rng.choices((0, 1, 2, 3, 4), weights=(30, 36, 22, 9, 3))[0] for _ in range(MARAC_CASES)]
    while sum(counts) != MARAC_CHILDREN:
        n = rng.randrange(MARAC_CASES)
        if sum(counts) < MARAC_CHILDREN and counts[n] < 4:
            counts[n] += 1
        elif sum(counts) > MARAC_CHILDREN and counts[n] > 0:
            counts[n] -= 1
    return counts


def marac_cases(rng: random.Random) -> list[Drawn]:
    """The MARAC met every other Thursday; a repeat is the same case discussed again."""
    meetings = [dt.date(2014, 4, 3) + dt.timedelta(days=14 * n) for n in range(26)]
    days = sorted(rng.choice(meetings) for _ in range(MARAC_CASES))
    repeats = set(rng.sample(range(20, MARAC_CASES), MARAC_REPEATS))
    children = _marac_children(rng)
    drawn: list[Drawn] = []
    for n, day in enumerate(days):
        earlier = [d for d in drawn if d.occurred_on < day and d.values["repeat"] == "no"]
        # A repeat is an earlier case discussed again, under its MARAC reference.
        repeat = n in repeats and earlier
        reference = rng.choice(earlier).reference if repeat else f"MARAC/{day:%y}/{n + 101:04d}"
        drawn.append(
            Drawn(
                kind_code="marac-case",
                agency="police",
                reference=reference,
                values={
                    "discussed-on": day.isoformat(),
                    "repeat": "yes" if n in repeats else "no",
                    "children": children[n],
                    "referred-by": _pick(
                        rng,
                        {
                            "police": 55,
                            "idva": 20,
                            "health": 8,
                            "social-care": 8,
                            "housing": 4,
                            "probation": 3,
                            "other": 2,
                        },
                    ),
                },
                occurred_on=day,
            )
        )
    return drawn


def custody(today: dt.date) -> list[Drawn]:
    drawn = []
    for n, (charged, hours, reason, age, sex) in enumerate(CUSTODY, start=1):
        left = charged + dt.timedelta(hours=hours)
        if left.date() > today:  # nothing is written of days still to come
            continue
        drawn.append(
            Drawn(
                kind_code="custody-after-charge",
                agency="police",
                reference=f"CUST/{charged:%y}/{n * 37 + 200:04d}",
                values={
                    "charged-at": _iso(charged),
                    "left-at": _iso(left),
                    "reason": reason,
                    "accommodation-requested": "no" if reason == "court-next-morning" else "yes",
                },
                occurred_on=charged.date(),
                age=age,
                sex=sex,
            )
        )
    return drawn


def _incident(rng: random.Random, day: dt.date) -> dt.datetime:
    # Domestic abuse is reported most in the evening and at night, and at weekends.
    hour = rng.choices(range(24), weights=[6, 5, 4, 3, 2, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 5, 6, 7, 8, 8, 8, 7])[0]
    return _at(day, hour, rng.randrange(60))


def encompass(rng: random.Random) -> list[Drawn]:
    """Each school told by the police: most by 09:00 on the next working day, some later (a
    Monday's bank holiday moves the morning to Tuesday)."""
    children = [
        (f"WM/DA/14/{rng.randrange(10000, 99999)}", rng.randrange(5, 17), rng.choice(AREAS)) for _ in range(255)
    ]
    drawn = []
    for n in range(ENCOMPASS_NOTIFICATIONS):
        reference, age, area = children[n] if n < len(children) else rng.choice(children)
        day = _day_in("2014-15", rng)
        if day.weekday() < 4 and rng.random() < 0.25:
            day += dt.timedelta(days=4 - day.weekday())  # more incidents at the weekend
        incident = _incident(rng, day)
        morning = add_working_days(incident.date(), 1)
        if rng.random() < ENCOMPASS_ON_TIME:
            told = _at(morning, rng.choice((7, 8, 8, 8)), rng.randrange(60))
        else:
            told = _at(morning, rng.randrange(9, 16), rng.randrange(1, 60))
        drawn.append(
            Drawn(
                kind_code="operation-encompass",
                agency="police",
                reference=reference,
                values={
                    "incident-at": _iso(incident),
                    "school-told-at": _iso(told),
                    "present": "yes" if rng.random() < 0.6 else "no",
                    "emergency-duty": "yes" if rng.random() < 0.05 else "no",
                },
                occurred_on=incident.date(),
                age=age,
                area=area,
            )
        )
    return drawn


def missing(rng: random.Random) -> list[Drawn]:
    """A few children missing many times (most of them looked after, in children's homes), many
    once; a return interview offered after nearly every return and taken up by most."""
    drawn = []
    child = 0
    for children, episodes in MISSING_PATTERN:
        for _ in range(children):
            child += 1
            reference = f"WM/MISS/{rng.randrange(1000, 9999)}/{child:03d}"
            age, sex, area = rng.randrange(11, 18), "female" if rng.random() < 0.55 else "male", rng.choice(AREAS)
            looked_after = "yes" if episodes >= 5 or rng.random() < 0.35 else "no"
            for _ in range(episodes):
                if len(drawn) == MISSING_EPISODES:
                    return drawn
                reported = _at(_day_in("2014-15", rng), rng.randrange(24), rng.randrange(60))
                returned = reported + dt.timedelta(hours=rng.choice((2, 4, 6, 9, 14, 20, 30, 48)))
                values = {
                    "reported-at": _iso(reported),
                    "returned-at": _iso(returned),
                    "looked-after": looked_after,
                }
                if rng.random() < 0.92:
                    offered = returned + dt.timedelta(hours=rng.choice((20, 26, 40, 50, 66, 70, 90)))
                    values |= {
                        "interview-offered": "yes",
                        "interview-offered-at": _iso(offered),
                        "interview-taken-up": "yes" if rng.random() < 0.64 else "no",
                    }
                else:
                    values["interview-offered"] = "no"
                drawn.append(
                    Drawn(
                        kind_code="missing-episode",
                        agency="police",
                        reference=reference,
                        values=values,
                        occurred_on=reported.date(),
                        age=age,
                        sex=sex,
                        area=area,
                    )
                )
    return drawn


@dataclass(frozen=True)
class ProviderSpec:
    key: str  # "provider" for the persona's company
    organisation: str
    homes: dict[str, str]  # home → its area
    prefix: str  # of the provider's own references
    notifications: int  # in 2014-15


PROVIDERS = (
    ProviderSpec(
        "provider",
        "Hollybank Children's Homes Ltd",
        {"Hollybank House": "Shrewsbury", "The Larches": "Oswestry", "Mere View": "Ellesmere"},
        "HB",
        70,
    ),
    ProviderSpec(
        "severnside",
        "Severnside Residential Care Ltd",
        {"Riverbank Lodge": "Bridgnorth", "Clee View": "Ludlow"},
        "SRC",
        50,
    ),
)
RISK_PLANS = {
    "at-risk": "Key worker to go through keeping safe online in the first week; daily check of where the "
    "young person is going; the missing protocol explained.",
    "significant": "Agreed with the placing social worker: a safety plan, staff to accompany on trips to town "
    "for the first month, a referral to the CSE panel discussed.",
    "high": "Referred to the CSE panel the day the young person moved in; one-to-one staffing in the evenings; "
    "police told of the placement.",
}


def _assessment(rng: random.Random, risk: str, missing_before: str) -> dict:
    """The CSE risk assessment's answers, consistent with the level the provider concluded."""
    likely = {"none-known": 0.05, "at-risk": 0.3, "significant": 0.55, "high": 0.8}[risk]
    answers = {"cse-missing": missing_before}
    for code in ("cse-older-contacts", "cse-gifts", "cse-online", "cse-substances", "cse-education", "cse-known"):
        answers[code] = "yes" if rng.random() < likely else "no"
    answers["cse-level"] = risk
    if risk in RISK_PLANS:
        answers["cse-plan"] = RISK_PLANS[risk]
    return answers


def _placement(rng: random.Random, spec: ProviderSpec, moved: dt.date, number: int, **fields) -> Drawn:
    home = rng.choice(list(spec.homes))
    notified = moved + dt.timedelta(days=rng.choices((0, 1, 3), weights=(62, 30, 8))[0])
    risk = _pick(rng, {"none-known": 40, "at-risk": 35, "significant": 18, "high": 7})
    missing_before = "yes" if rng.random() < (0.6 if risk in ("significant", "high") else 0.25) else "no"
    return Drawn(
        kind_code="placement-notification",
        agency="shropshire-csc",
        reference=f"{spec.prefix}-{moved:%y}-{number:03d}",
        values={
            "moved-in-on": moved.isoformat(),
            "notified-on": notified.isoformat(),
            "placing-authority": "other-authority" if rng.random() < 0.8 else "this-authority",
            "setting": _pick(rng, {"childrens-home": 85, "semi-independent": 12, "residential-school": 3}),
            "home": home,
            "missing-before": missing_before,
            "cse-risk": risk,
        },
        occurred_on=moved,
        age=rng.randrange(10, 18),
        sex="female" if rng.random() < 0.45 else "male",
        area=spec.homes[home],
        recorder=spec.key,
        provider=spec.key,
        answers=_assessment(rng, risk, missing_before),
        **fields,
    )


def placements(rng: random.Random) -> list[Drawn]:
    drawn = []
    for spec in PROVIDERS:
        for number in range(1, spec.notifications + 1):
            drawn.append(_placement(rng, spec, _day_in("2014-15", rng), number))
    return drawn


def placements_now(rng: random.Random, today: dt.date) -> list[Drawn]:
    """The persona's latest notifications, dated from the day of loading: three submitted, and one
    started and not yet sent."""
    spec = PROVIDERS[0]
    drawn = [_placement(rng, spec, today - dt.timedelta(days=days), 900 + n) for n, days in enumerate((26, 12, 5))]
    drawn.append(_placement(rng, spec, today - dt.timedelta(days=1), 903, status="draft"))
    return drawn
