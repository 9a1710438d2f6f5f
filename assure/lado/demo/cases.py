"""One referral of the demo as data (``Case``), how a closed case of an earlier year is made from
the few facts the year's figures fix (``Slot``), and the writer that puts the cases of each
partnership into the database in date order, numbered LA-0001 onwards, each with the events its
path would have recorded."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

from django.utils import timezone

from assure.audit.services import event_record
from assure.clocks.workingdays import add_working_days, is_working_day
from assure.core.secrets import token_digest
from assure.library.selectors import current_item

from ..matching import name_key
from ..models import Child, Meeting, Person, Referral, UpdateRequest
from ..pipeline import step_to
from ..services.updates import update_token
from . import words

Status = Referral.Status
Route = Referral.Route
OUTCOME_KIND = "allegation-outcome"
REGULATORS = {"education": "tra", "early-years": "ofsted", "health": "nmc", "social-care": "hcpc"}


@dataclass
class MeetingSpec:
    kind: str
    held_on: dt.date
    attendees: str
    decisions: str


@dataclass
class UpdateSpec:
    asked_on: dt.date
    due_on: dt.date
    asked_of_name: str
    question: str
    answer: str = ""
    answered_on: dt.date | None = None


@dataclass
class Case:
    """A referral to write: its key (``made`` and the tests find it by), its partnership's slug,
    its fields, the person it is about, the children, meetings and updates asked."""

    key: str
    partnership: str
    status: str
    route: str
    fields: dict
    person: tuple[str, str, dt.date]
    same_as: str = ""  # the key of an earlier case about the same person, joined by the officer
    children: list[tuple[int, str]] = field(default_factory=list)
    meetings: list[MeetingSpec] = field(default_factory=list)
    updates: list[UpdateSpec] = field(default_factory=list)
    submitted_by: str = "designated-officer"  # the role (users key) of whoever recorded it, or ""

    @property
    def date_referred(self) -> dt.date:
        return self.fields["date_referred"]


def working_on_or_before(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def working_on_or_after(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


# --- a closed case of an earlier year ------------------------------------------------------------------

# The days from referral to closing for each band, wide of the band's edges, so that moving the
# day back to a working day keeps it in its band (a month is at least 28 days, three months at
# least 89, twelve months 365).
BAND_DAYS = {"week": (2, 6), "month": (12, 17), "quarter": (38, 48), "year": (100, 251), "longer": (400, 81)}


@dataclass
class Slot:
    """The facts of one closed referral that the year's figures fix; everything else follows."""

    number: int
    date_referred: dt.date
    sector: str
    category: str
    year_end: dt.date
    late: bool = False
    outcome: str = ""  # "" for a low-level concern
    band: str = ""
    police: bool = False
    police_result: str = ""
    suspended: bool = False
    dbs: bool = False
    regulator: bool = False
    joint_evaluation: bool = False
    key: str = ""


def _pick(options, number: int):
    return options[number % len(options)]


def children_for(sector: str, number: int, count: int) -> list[tuple[int, str]]:
    youngest, oldest = words.SECTORS[sector].ages
    span = oldest - youngest + 1
    return [
        (youngest + (number * 7 + 3 * n) % span, f"CSC-{40000 + (number * 389 + n * 53) % 59000}") for n in range(count)
    ]


def closed_case(slot: Slot, *, partnership: str, person, same_as: str = "") -> Case:
    n = slot.number
    sector = words.SECTORS[slot.sector]
    employer = _pick(sector.employers, n)
    role, basis = employer.role or _pick(sector.roles, n // len(sector.employers))
    referrer = _pick(words.REFERRERS, n * 5)
    referred = slot.date_referred
    known = add_working_days(referred, -(2 + n % 4) if slot.late else -(n % 2))
    low_level = not slot.outcome
    start, spread = BAND_DAYS[slot.band] if slot.band else (3, 8)
    closed = working_on_or_before(referred + dt.timedelta(days=start + (n * 7) % spread))
    closed = max(closed, referred)
    considered = referred if slot.band in ("", "week") else min(add_working_days(referred, n % 2), closed)
    substantiated = slot.outcome == "substantiated"
    fields = {
        "date_known": known,
        "date_referred": referred,
        "referrer_name": referrer,
        "referrer_role": sector.referrer_role,
        "referrer_organisation": employer.name,
        "referrer_email": words.email_of(referrer),
        "employer_name": employer.name,
        "employer_agency": employer.agency,
        "sector": slot.sector,
        "person_role": role,
        "employment_basis": basis,
        "category": slot.category,
        "harm_tests": list(_pick(words.HARM_TESTS[slot.category], n)),
        "context": _pick(words.CONTEXTS[slot.category], n),
        "description": _pick(words.DESCRIPTIONS[slot.category], n),
        "considered_on": considered,
        "threshold_met": not low_level,
        "advice_given": words.ADVICE[
            "low-level" if low_level else "police" if slot.police else "suspended" if slot.suspended else "allegation"
        ],
        "police_investigation": slot.police,
        "suspended": slot.suspended,
        "redeployed": not slot.suspended and slot.outcome == "unsubstantiated" and n % 6 == 0,
        "disciplinary": substantiated or (slot.suspended and slot.outcome == "unsubstantiated"),
        "dbs_referral": slot.dbs,
        "regulator_referral": slot.regulator,
        "outcome": slot.outcome,
        "closed_on": closed,
        "accepted_on": referred,
    }
    if not low_level:
        fields["employment_outcome"] = (
            ("dismissed" if basis in ("employed", "agency") else "services-ceased")
            if slot.dbs
            else "short-of-dismissal"
            if substantiated
            else "no-action"
        )
    if substantiated or slot.outcome == "unsubstantiated":
        fields["learning"] = _pick(words.LEARNING[slot.outcome], n) if n % 3 == 0 else ""
    if slot.police:
        started = add_working_days(referred, n % 2)
        fields |= {
            "police_started_on": started,
            "police_result": slot.police_result,
            "police_result_on": max(started, working_on_or_before(closed - dt.timedelta(days=5 + n % 15))),
        }
    if slot.suspended:
        fields |= {"suspended_from": min(add_working_days(referred, 1), closed), "suspended_to": closed}
    if slot.dbs:
        fields["dbs_referred_on"] = closed
    if slot.regulator:
        fields |= {"regulator": REGULATORS.get(slot.sector, "other"), "regulator_referred_on": closed}

    meetings = []
    people = words.ATTENDEES["police" if slot.police else "other"].format(referrer=sector.referrer_role.lower())
    if slot.police and slot.category == "sexual":
        meetings.append(MeetingSpec("strategy", referred, people, words.DECISIONS["strategy"]))
    if slot.joint_evaluation:
        held = add_working_days(referred, 1 + n % 4)
        if held > slot.year_end or held > closed:
            held = referred
        decision = words.DECISIONS["joint-evaluation"][0 if slot.police else 2 if slot.suspended else 1]
        meetings.append(MeetingSpec("joint-evaluation", held, people, decision))
    if slot.band in ("year", "longer"):
        review = working_on_or_after(referred + dt.timedelta(days=42))
        meetings.append(MeetingSpec("review", review, people, words.DECISIONS["review"]))
    if slot.police and substantiated:
        meetings.append(MeetingSpec("outcome", closed, people, words.DECISIONS["outcome"]))
    count = 3 if n % 13 == 0 else 2 if n % 5 == 0 else 1
    return Case(
        key=slot.key or f"{partnership}-{referred.isoformat()}-{n}",
        partnership=partnership,
        status=Status.CLOSED,
        route=Route.OFFICER,
        fields=fields,
        person=person,
        same_as=same_as,
        children=children_for(slot.sector, n, count),
        meetings=meetings,
    )


# --- writing -------------------------------------------------------------------------------------------


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


class Writer:
    """Writes cases, a few inserts for them all (the history is written as it stands, with no
    field history of its own), and the events each referral's path would have recorded."""

    def __init__(self, *, partnerships, agencies, users):
        self.partnerships = partnerships
        self.agencies = agencies
        self.users = users
        self.outcomes: dict[str, object] = {}

    def outcome(self, code: str):
        if code not in self.outcomes:
            self.outcomes[code] = current_item(kind=OUTCOME_KIND, code=code)
        return self.outcomes[code]

    def write(self, cases: list[Case]) -> dict[str, Referral]:
        """Each partnership's cases in the order they were referred, numbered LA-0001 onwards in
        that order; returns the referrals by their case's key."""
        order = {id(case): index for index, case in enumerate(cases)}
        cases = sorted(cases, key=lambda c: (c.partnership, c.date_referred, order[id(c)]))
        officers = {c.partnership: self.users.get((c.partnership, "designated-officer")) for c in cases}
        submitters = [self.users.get((c.partnership, c.submitted_by)) if c.submitted_by else None for c in cases]
        created = [c.fields.pop("created_at", None) or _at(c.date_referred) for c in cases]

        people = Person.objects.bulk_create(
            Person(
                partnership=self.partnerships[case.partnership],
                given_names=case.person[0],
                family_name=case.person[1],
                date_of_birth=case.person[2],
                name_key=name_key(case.person[0], case.person[1]),
                created_by=submitter,
                created_at=at,
            )
            for case, submitter, at in zip(cases, submitters, created, strict=True)
        )
        person_of = {case.key: person for case, person in zip(cases, people, strict=True)}
        joined = []
        for case, person in zip(cases, people, strict=True):
            if case.same_as:
                person.same_as = person_of[case.same_as]
                joined.append(person)
        Person.objects.bulk_update(joined, ["same_as"])

        numbers: dict[str, int] = {}
        referrals = []
        for case, person, submitter, at in zip(cases, people, submitters, created, strict=True):
            numbers[case.partnership] = numbers.get(case.partnership, 0) + 1
            fields = dict(case.fields)
            agency = fields.pop("employer_agency", "")  # a key of region.py's agencies, or the agency
            if isinstance(agency, str):
                agency = self.agencies.get(agency) if agency else None
            outcome = fields.pop("outcome", "")
            referrals.append(
                Referral(
                    partnership=self.partnerships[case.partnership],
                    reference=f"LA-{numbers[case.partnership]:04d}",
                    status=case.status,
                    route=case.route,
                    person=person,
                    employer_agency=agency,
                    outcome=self.outcome(outcome) if outcome else None,
                    accepted_by=officers[case.partnership] if fields.get("accepted_on") else None,
                    created_by=submitter,
                    created_at=at,
                    **fields,
                )
            )
        referrals = Referral.objects.bulk_create(referrals)

        children, meetings, updates = [], [], []
        for case, referral in zip(cases, referrals, strict=True):
            officer = officers[case.partnership]
            children += [Child(referral=referral, age_years=age, agency_reference=ref) for age, ref in case.children]
            meetings += [
                Meeting(
                    referral=referral,
                    kind=meeting.kind,
                    held_on=meeting.held_on,
                    attendees=meeting.attendees,
                    decisions=meeting.decisions,
                    created_by=officer,
                    created_at=_at(meeting.held_on, 15),
                )
                for meeting in case.meetings
            ]
            updates += [
                UpdateRequest(
                    referral=referral,
                    asked_of_name=update.asked_of_name,
                    asked_of_email=words.email_of(update.asked_of_name),
                    question=update.question,
                    due_on=update.due_on,
                    token_digest="",
                    answer=update.answer,
                    answered_at=_at(update.answered_on, 14) if update.answered_on else None,
                    created_by=officer,
                    created_at=_at(update.asked_on, 11),
                )
                for update in case.updates
            ]
        Child.objects.bulk_create(children)
        Meeting.objects.bulk_create(meetings)
        UpdateRequest.objects.bulk_create(updates)
        # The links' secrets are derived from each request once it has its key, as the service
        # does, so that a reminder can carry the link again.
        for update in updates:
            update.token_digest = token_digest(update_token(update))
        UpdateRequest.objects.bulk_update(updates, ["token_digest"])

        for case, referral, submitter in zip(cases, referrals, submitters, strict=True):
            _events(case, referral, officer=officers[case.partnership], submitter=submitter)
        return {case.key: referral for case, referral in zip(cases, referrals, strict=True)}


def _events(case: Case, referral: Referral, *, officer, submitter) -> None:
    """What the referral's path would have recorded: how it came, then each step taken."""
    partnership = referral.partnership
    reference = referral.reference
    if case.route == Route.OFFICER:
        event_record(
            actor=officer,
            verb="lado.referral_recorded",
            target=referral,
            partnership=partnership,
            summary=f"Allegation referral {reference} recorded",
            data={"date_referred": referral.date_referred.isoformat()},
        )
        path = [Status.OPEN]
    else:
        event_record(
            actor=submitter,
            verb="lado.referral_submitted",
            target=referral,
            partnership=partnership,
            summary=f"Allegation referral {reference} submitted by an employer",
            data={"route": case.route},
        )
        path = [Status.AWAITING_CONFIRMATION, Status.DRAFT] if case.route == Route.PUBLIC else [Status.DRAFT]
        if case.status == Status.DECLINED:
            path.append(Status.DECLINED)
        elif case.status in (Status.OPEN, Status.CLOSED):
            path.append(Status.OPEN)
    if case.status == Status.CLOSED:
        path.append(Status.CLOSED)
    if case.status == Status.AWAITING_CONFIRMATION:
        path = path[:1]
    for before, after in itertools.pairwise(path):
        step = step_to(before, after)
        data = {}
        if after == Status.DECLINED:
            data = {"reason": referral.declined_reason}
        elif after == Status.CLOSED:
            data = {
                "outcome": referral.outcome.code if referral.outcome_id else "",
                "closed_on": str(referral.closed_on),
            }
        event_record(
            actor=None if after == Status.DRAFT else officer,
            verb=step.verb,
            target=referral,
            partnership=partnership,
            summary=f"Allegation referral {reference}: {step.done.lower()}",
            data=data,
        )
