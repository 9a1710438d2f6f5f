"""The demo's multi-agency training: Shropshire's 2013-14 and 2014-15 (``history.py``), giving the
annual report's figures when counted by the rules of ``selectors/figures.py``, and the live
programme dated from the day of loading (``current.py``).

- 2013-14: 35 sessions and 699 delegates; the e-safety conference of March 2014 (124 delegates).
- 2014-15: 42 sessions plus the e-learning module, 948 delegates (798 at sessions and 150
  e-learning completions); the compromised-parenting conference of November 2014 with 179
  delegates and four workshops; 54 delegates on the three compromised-parenting courses, linked to
  that priority of the business plan; no-shows and late cancellations, charged unless the agency's
  sector is exempt; evaluations before, after (about 70% returned) and three months on (about 25%),
  the conference's included, each returned one answered on its questionnaire (``answers.py``),
  confidence in each outcome rising; most agencies' single-agency returns, with schools
  under-represented against their workforce.
- Now: sessions in the coming weeks with bookings, one full with a waiting list, a session just
  held whose register is still to mark, and organisations for the business unit to place.

Every practitioner is invented (``words.py``), with an address on the demo's reserved domain; they
are written in bulk so the demo stays quick to load. The demo's practitioner persona is one of
them: booked, trained and asked for evaluations like the others."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth.hashers import make_password

from assure.accounts.models import Membership, User
from assure.demo import people, region
from assure.plans.models import Priority

from ..models import Course, Practitioner
from . import catalogue, current, history, words

DOMAIN = f"practitioners.{region.SHROPSHIRE}.{people.EMAIL_DOMAIN}"
PERSONA_AGENCY = "shropshire-community-health"
# How many practitioners of each Shropshire agency book the board's training: few from the schools,
# whose workforce is large (the sector under-represented).
PRACTITIONERS = {
    "shropshire-csc": 60,
    "shropshire-early-help": 50,
    "shropshire-community-health": 55,
    "sath": 35,
    "sssft": 25,
    "police": 35,
    "shropshire-education": 10,
    "shropshire-primary-schools": 12,
    "shropshire-secondary-schools": 6,
    "shropshire-early-years": 40,
    "shropshire-voluntary": 40,
    "yos": 12,
    "probation": 10,
    "shropshire-public-health": 10,
    "ambulance": 6,
    "cafcass": 5,
    "shropshire-colleges": 4,
    "crc": 5,
}
# Organisations that are not the partnership's agencies: two to place, one refused.
OTHERS = (
    ("Little Oaks Pre-school", Practitioner.AgencyStatus.TO_REVIEW),
    ("Severn Valley Scouts", Practitioner.AgencyStatus.TO_REVIEW),
    ("Marches Tutoring Ltd", Practitioner.AgencyStatus.REFUSED),
)


def training_demo_load(*, partnerships, agencies, users, today: dt.date) -> dict[str, int]:
    """Write Shropshire's training. Returns counts of what was written."""
    partnership = partnerships[region.SHROPSHIRE]
    business_unit = users[(region.SHROPSHIRE, "business-unit")]
    rng = random.Random(2015)
    courses = _courses(partnership, business_unit)
    pool = _practitioners(partnership, agencies, users, today)
    written = history.history_load(
        partnership=partnership, courses=courses, pool=pool, business_unit=business_unit, agencies=agencies, rng=rng
    )
    written |= current.current_load(
        partnership=partnership, courses=courses, pool=pool, business_unit=business_unit, today=today, rng=rng
    )
    written["practitioners"] = len(pool)
    return written


def _courses(partnership, business_unit) -> dict[str, Course]:
    priority = Priority.objects.filter(partnership=partnership, title__iexact="Compromised parenting").first()
    made = Course.objects.bulk_create(
        Course(
            partnership=partnership,
            title=spec.title,
            level=spec.level,
            delivery=spec.delivery,
            summary=spec.summary or f"{spec.title}: a course of the board's multi-agency training programme.",
            audience="Practitioners of every agency who work with children, young people or their families.",
            outcomes=list(spec.outcomes),
            priority=priority if spec.compromised_parenting else None,
            needs_approval=spec.needs_approval,
            elearning_url="https://learning.example.org/shropshire/safeguarding" if spec.key == "elearning" else "",
            created_by=business_unit,
        )
        for spec in catalogue.COURSES
    )
    return {spec.key: course for spec, course in zip(catalogue.COURSES, made, strict=True)}


def _practitioners(partnership, agencies, users, today) -> list[Practitioner]:
    """The practitioners who book, the persona first; the others' organisations are not in the pool."""
    verified = dt.datetime(2013, 3, 1, 12, tzinfo=dt.UTC)
    specs: list[tuple[str, str | None, str]] = []  # (full name, agency key, other organisation)
    number = 0
    for key, count in PRACTITIONERS.items():
        for _ in range(count):
            first = words.FIRST_NAMES[number % len(words.FIRST_NAMES)]
            last = words.SURNAMES[(number * 7 + number // len(words.FIRST_NAMES)) % len(words.SURNAMES)]
            specs.append((f"{first} {last}", key, ""))
            number += 1
    for organisation, _ in OTHERS:
        specs.append((f"{words.FIRST_NAMES[number % 40]} {words.SURNAMES[number % 30]}", None, organisation))
        number += 1
    unusable = make_password(None)
    made = User.objects.bulk_create(
        User(
            email=f"{name.lower().replace(' ', '.')}.{n}@{DOMAIN}",
            full_name=name,
            job_title=_role(agencies, key, n),
            password=unusable,
        )
        for n, (name, key, _) in enumerate(specs, start=1)
    )
    Membership.objects.bulk_create(Membership(user=user, partnership=partnership, role="practitioner") for user in made)
    statuses = dict(OTHERS)
    profiles = Practitioner.objects.bulk_create(
        Practitioner(
            user=user,
            partnership=partnership,
            agency=agencies[key] if key else None,
            other_organisation=other,
            agency_status=statuses.get(other, Practitioner.AgencyStatus.PLACED),
            job_role=user.job_title,
            manager_email=f"manager.{n}@{DOMAIN}",
            verified_at=verified if key else dt.datetime.combine(today, dt.time(9), tzinfo=dt.UTC),
            refused_reason="Not an organisation that works with children in Shropshire."
            if statuses.get(other) == Practitioner.AgencyStatus.REFUSED
            else "",
        )
        for n, (user, (_, key, other)) in enumerate(zip(made, specs, strict=True), start=1)
    )
    pool = [p for p in profiles if p.agency_id is not None]
    persona = users.get((region.SHROPSHIRE, "practitioner"))
    if persona is not None:
        pool.insert(
            0,
            Practitioner.objects.create(
                user=persona,
                partnership=partnership,
                agency=agencies[PERSONA_AGENCY],
                job_role=persona.job_title or "Health visitor",
                manager_email=f"manager@{DOMAIN}",
                verified_at=verified,
            ),
        )
    return pool


def _role(agencies, key: str | None, n: int) -> str:
    if key is None:
        return words.DEFAULT_ROLES[0]
    roles = words.ROLES.get(agencies[key].agency_type.code, words.DEFAULT_ROLES)
    return roles[n % len(roles)]
