"""The demo's allegations against people who work with children: Shropshire's designated officer's
2013-14 and 2014-15 (``history.py``: every referral closed, their counts giving the annual
report's comparisons), the officer's live work dated from the day of loading (``current.py``),
and a few Telford & Wrekin referrals of 2014-15 with one open case, so that each officer sees
only their own partnership's. Every person is invented (``words.py``); children are known by an
age and an agency's reference only.

The designated officers of Shropshire and Telford & Wrekin hold the ``lado`` grant. Shropshire
expects 10 referrals a year from health organisations and 4 from faith organisations, more than
either sends (§5.21). The person referred in 2013-14 is referred again in 2014-15 (an exact
match, joined by the officer) and again now under a misspelt name (a near match to check).

Returns the referrals made, by key: ``repeat-2013-14``, ``repeat-2014-15``, the current cases'
keys (``current.py``), ``telford-open``, and a key of their own for the others."""

from __future__ import annotations

import datetime as dt

from assure.accounts.models import RestrictedGrant
from assure.demo import region
from assure.partnerships.years import financial_year_bounds

from ..models import SectorExpectation
from ..permissions import LADO_AREA
from . import words
from .cases import Slot, Writer, closed_case
from .current import shropshire_current, telford_current
from .history import YEARS, year_slots

EXPECTATIONS = {"health": 10, "faith": 4}
# Telford & Wrekin's 2014-15: a handful of referrals (number, referred, sector, category, outcome,
# band, police).
TELFORD_2014_15 = (
    (0, (2014, 5, 14), "education", "physical", "unsubstantiated", "month", False),
    (1, (2014, 7, 2), "early-years", "neglect", "substantiated", "month", False),
    (2, (2014, 9, 23), "sport", "sexual", "substantiated", "quarter", True),
    (3, (2014, 11, 11), "education", "conduct", "unfounded", "week", False),
    (4, (2015, 1, 20), "private-care", "physical", "false", "month", False),
    (5, (2015, 3, 4), "voluntary", "emotional", "unsubstantiated", "quarter", False),
)


def lado_demo_load(*, partnerships, agencies, users, today) -> dict:
    shropshire = partnerships[region.SHROPSHIRE]
    telford = partnerships.get(region.TELFORD_WREKIN)
    for partnership in filter(None, (shropshire, telford)):
        officer = users.get((partnership.slug, "designated-officer"))
        if officer is not None:
            RestrictedGrant.objects.create(
                user=officer,
                partnership=partnership,
                area=LADO_AREA,
                reason="The partnership's local authority designated officer",
            )
    for sector, expected in EXPECTATIONS.items():
        SectorExpectation.objects.create(partnership=shropshire, sector=sector, expected_per_year=expected)

    names = words.Names()
    cases = _history(names)
    lead = users.get((region.SHROPSHIRE, "agency-lead"))
    membership = lead.memberships.filter(partnership=shropshire).first() if lead is not None else None
    cases += shropshire_current(
        today=today, names=names, agency_lead=lead, lead_agency=membership.agency if membership else None
    )
    if telford is not None:
        cases += _telford(names)
        cases += telford_current(today=today, names=names)
    return Writer(partnerships=partnerships, agencies=agencies, users=users).write(cases)


def _history(names: words.Names):
    cases = []
    first = 0
    for spec in YEARS:
        slots = year_slots(spec, first_number=first)
        first += len(slots)
        repeat = next(slot for slot in slots if slot.sector == "sport")
        repeat.key = f"repeat-{spec.year}"
        for slot in slots:
            if slot is repeat:
                person = (*words.REPEAT_NAME, words.REPEAT_BORN)
                same_as = "" if spec is YEARS[0] else f"repeat-{YEARS[0].year}"
            else:
                person, same_as = names.next(), ""
            cases.append(closed_case(slot, partnership=region.SHROPSHIRE, person=person, same_as=same_as))
    return cases


def _telford(names: words.Names):
    end = financial_year_bounds("2014-15")[1]
    cases = []
    for number, day, sector, category, outcome, band, police in TELFORD_2014_15:
        slot = Slot(
            number=900 + number,
            date_referred=dt.date(*day),
            sector=sector,
            category=category,
            year_end=end,
            outcome=outcome,
            band=band,
            police=police,
            police_result="convicted" if police else "",
            suspended=police,
            joint_evaluation=police or number % 2 == 1,
        )
        cases.append(closed_case(slot, partnership=region.TELFORD_WREKIN, person=names.next()))
    return cases
