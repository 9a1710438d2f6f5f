"""Shropshire's training of 2013-14 and 2014-15, written in bulk: the sessions, their registers
(attendances giving the annual report's delegates, some no-shows and late cancellations with their
charges), the conferences and workshops, the e-learning completions, the evaluations and quotes of
2014-15 and the agencies' single-agency returns."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass, field

from django.utils import timezone

from assure.library.selectors import current_item

from ..models import (
    Booking,
    Course,
    ElearningCompletion,
    Evaluation,
    OutcomeConfidence,
    Quote,
    Session,
    TrainingReturn,
)
from . import answers, catalogue, words

# The seed's figures (§3.30, and the priority's review): sessions and delegates at them each year.
YEARS = {
    "2013-14": {"start": dt.date(2013, 4, 1), "sessions": 35, "attended": 699, "compromised": 0},
    "2014-15": {"start": dt.date(2014, 4, 1), "sessions": 39, "attended": 744, "compromised": 54},
}
COMPROMISED_DAYS = (dt.date(2014, 6, 10), dt.date(2014, 9, 16), dt.date(2015, 1, 20))
CONFERENCES = (
    # (course key, day, delegates attended, workshops)
    ("conference-e-safety", dt.date(2014, 3, 20), 124, ()),
    (
        "conference-cp",
        dt.date(2014, 11, 13),
        179,
        (
            "Workshop: when a parent drinks",
            "Workshop: living with domestic abuse",
            "Workshop: parents with learning disabilities",
            "Workshop: the toxic trio in serious case reviews",
        ),
    ),
)
ELEARNING_COMPLETIONS = 150
# Agencies that did not make their 2014-15 single-agency return.
NO_RETURN = ("cafcass", "crc", "shropshire-colleges")
# Workforce returned by each agency that made it (schools large, against few delegates).
WORKFORCE = {
    "shropshire-csc": 420,
    "shropshire-early-help": 260,
    "shropshire-community-health": 610,
    "sath": 1450,
    "sssft": 380,
    "police": 520,
    "shropshire-education": 60,
    "shropshire-primary-schools": 3100,
    "shropshire-secondary-schools": 2200,
    "shropshire-early-years": 1300,
    "shropshire-voluntary": 700,
    "yos": 45,
    "probation": 90,
    "shropshire-public-health": 70,
    "ambulance": 300,
}


def at(day: dt.date, hour: int = 9, minute: int = 30) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def weekday(day: dt.date) -> dt.date:
    while day.weekday() > 3:  # Monday to Thursday
        day += dt.timedelta(days=1)
    return day


@dataclass
class Writer:
    """Collects sessions, then their bookings, and writes each kind at once."""

    partnership: object
    business_unit: object
    pool: list
    rng: object
    policy: object = None
    exempt: frozenset = frozenset()
    sessions: list = field(default_factory=list)
    plans: dict = field(default_factory=dict)  # id(session) -> (attended, no-shows, late cancellations)

    def session(self, course: Course, day: dt.date, *, capacity: int, attended: int, parent=None, title="", noise=True):
        start = at(day)
        made = Session(
            partnership=self.partnership,
            course=course,
            parent=parent,
            title=title,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=6 if not parent else 2),
            venue="Shirehall, Abbey Foregate" if len(self.sessions) % 2 else "The Lantern, Meole Brace",
            address="Shirehall\nAbbey Foregate\nShrewsbury\nSY2 6ND"
            if len(self.sessions) % 2
            else "The Lantern\nRasbury Avenue\nShrewsbury\nSY3 9LW",
            accessibility="Step-free access; hearing loop.",
            capacity=capacity,
            trainer_names=words.TRAINERS[len(self.sessions) % len(words.TRAINERS)],
            booking_opens=start - dt.timedelta(days=60),
            booking_closes=start - dt.timedelta(days=2),
            cancel_by=start - dt.timedelta(days=7),
        )
        self.sessions.append(made)
        number = len(self.sessions)
        no_shows = (1 if number % 3 == 0 else 0) if noise else 0
        late = (1 if number % 5 == 0 else 0) if noise else 0
        self.plans[id(made)] = (attended, no_shows, late)
        return made

    def write_sessions(self, first_number: int) -> list[Session]:
        """Number the sessions in the order they start and write them (conferences before their workshops)."""
        self.sessions.sort(key=lambda s: (s.starts_at, s.parent is not None))
        for offset, made in enumerate(self.sessions):
            made.reference = f"TS-{first_number + offset:04d}"
        parents = [s for s in self.sessions if s.parent is None]
        Session.objects.bulk_create(parents)
        workshops = [s for s in self.sessions if s.parent is not None]
        for workshop in workshops:
            workshop.parent_id = workshop.parent.pk
        Session.objects.bulk_create(workshops)
        return self.sessions

    def bookings(self) -> list[Booking]:
        """Each session's register: attended, no-shows and late cancellations, by distinct practitioners."""
        made = []
        for session in self.sessions:
            attended, no_shows, late = self.plans[id(session)]
            chosen = self.rng.sample(self.pool, attended + no_shows + late)
            for place, practitioner in enumerate(chosen):
                booked = session.starts_at - dt.timedelta(days=30 - place % 20)
                booking = Booking(
                    partnership=self.partnership,
                    session=session,
                    practitioner=practitioner,
                    agency_id=practitioner.agency_id,
                    status=Booking.Status.BOOKED,
                    queued_at=booked,
                    created_at=booked,
                )
                if place < attended + no_shows:
                    booking.attendance = Booking.Attendance.ATTENDED if place < attended else Booking.Attendance.NO_SHOW
                    booking.attendance_marked_at = session.ends_at
                    booking.attendance_marked_by = self.business_unit
                    if booking.attendance == Booking.Attendance.NO_SHOW:
                        self._charge(booking, "no-show")
                else:
                    booking.status = Booking.Status.CANCELLED
                    booking.cancelled_at = session.starts_at - dt.timedelta(days=2)
                    booking.cancelled_late = True
                    booking.cancelled_reason = "Called to a child protection strategy meeting."
                    self._charge(booking, "late-cancellation")
                made.append(booking)
        return Booking.objects.bulk_create(made)

    def _charge(self, booking: Booking, reason: str) -> None:
        if self.policy is None or booking.agency_id in self.exempt:
            return
        key = "charge_no_show_pence" if reason == "no-show" else "charge_late_cancellation_pence"
        booking.charge_pence = int(self.policy.data.get(key, 5000))
        booking.charge_reason = reason
        booking.charge_policy = self.policy


def history_load(*, partnership, courses, pool, business_unit, agencies, rng) -> dict[str, int]:
    policy = current_item(kind="training-policy", code="booking")
    exempt_sectors = set(policy.data.get("exempt_sectors", [])) if policy else set()
    exempt = frozenset(a.pk for a in agencies.values() if a.sector.code in exempt_sectors)
    writer = Writer(partnership, business_unit, pool, rng, policy, exempt)
    for plan in YEARS.values():
        count, start = plan["sessions"], plan["start"]
        base, extra = divmod(plan["attended"], count)
        for number in range(count):
            course = courses[catalogue.ROTATION[number % len(catalogue.ROTATION)]]
            day = weekday(start + dt.timedelta(days=7 + number * 345 // count))
            writer.session(course, day, capacity=24, attended=base + (1 if number < extra else 0))
        if plan["compromised"]:
            each = plan["compromised"] // len(COMPROMISED_DAYS)
            for key, day in zip(catalogue.COMPROMISED_PARENTING, COMPROMISED_DAYS, strict=True):
                writer.session(courses[key], day, capacity=20, attended=each)
    for key, day, delegates, workshops in CONFERENCES:
        conference = writer.session(courses[key], day, capacity=200, attended=delegates, noise=False)
        for number, title in enumerate(workshops):
            share = delegates // len(workshops) + (1 if number < delegates % len(workshops) else 0)
            writer.session(courses[key], day, capacity=50, attended=share, parent=conference, title=title, noise=False)
    sessions = writer.write_sessions(first_number=1)
    bookings = writer.bookings()
    completions = _elearning(partnership, courses["elearning"], pool, rng)
    evaluations = _evaluations(partnership, bookings, business_unit, rng)
    returns = _returns(partnership, agencies, business_unit)
    return {
        "sessions": len(sessions),
        "bookings": len(bookings),
        "completions": completions,
        "evaluations": evaluations,
        "returns": returns,
    }


def _elearning(partnership, module: Course, pool, rng) -> int:
    start = dt.date(2014, 4, 14)
    made = []
    for number in range(ELEARNING_COMPLETIONS):
        practitioner = pool[rng.randrange(len(pool))]
        made.append(
            ElearningCompletion(
                partnership=partnership,
                course=module,
                learner=hashlib.sha256(f"shropshire-demo-learner-{number}".encode()).hexdigest(),
                agency_id=practitioner.agency_id,
                completed_on=start + dt.timedelta(days=number * 340 // ELEARNING_COMPLETIONS),
            )
        )
    ElearningCompletion.objects.bulk_create(made)
    return len(made)


# Each stage of evaluation: the share returned, when it is sent (days from the session's end) and
# the range of the confidence scores given in it.
STAGES = (
    (Evaluation.Stage.BEFORE, 0.8, -7, 1, 3),
    (Evaluation.Stage.AFTER, 0.7, 0, 3, 5),
    (Evaluation.Stage.FOLLOW_UP, 0.25, 91, 3, 5),
)


def _evaluations(partnership, bookings, business_unit, rng) -> int:
    """2014-15's evaluations of the sessions held, the conference included (its workshops are
    evaluated as part of it):
    before (80% returned), after (70%) and three months on (25%); confidence in each outcome rises
    from before to after; each one returned is answered on its questionnaire (``answers.py``), the
    quotes among the after-course answers. The conference's have their own random source, so the
    courses' draw the same whatever the conferences."""
    courses, conferences = [], []
    for booking in bookings:
        session = booking.session
        if booking.attendance != Booking.Attendance.ATTENDED:
            continue
        if not (dt.date(2014, 4, 1) <= session.starts_at.date() <= dt.date(2015, 3, 31)):
            continue
        if session.parent_id is not None:
            continue  # a workshop is evaluated as part of its conference
        if session.course.delivery == Course.Delivery.CONFERENCE:
            conferences.append(booking)
        else:
            courses.append(booking)
    evaluations, scores = _evaluations_of(courses, rng)
    more, more_scores = _evaluations_of(conferences, random.Random(2014))
    Evaluation.objects.bulk_create(evaluations + more)
    OutcomeConfidence.objects.bulk_create(
        OutcomeConfidence(evaluation=evaluation, outcome=index, outcome_text=text, score=draw.randint(low, high))
        for found, draw in ((scores, rng), (more_scores, random.Random(2018)))
        for evaluation, outcomes, low, high in found
        for index, text in enumerate(outcomes)
    )
    after = [e for e in evaluations if e.stage == Evaluation.Stage.AFTER and e.submitted_at is not None]
    quoted = list(zip(after[:: max(1, len(after) // 3)], words.QUOTES_AFTER, strict=False))
    answers.answers_write(
        partnership=partnership,
        evaluations=evaluations + more,
        said={evaluation.pk: text for evaluation, text in quoted},
    )
    Quote.objects.bulk_create(
        Quote(
            partnership=partnership,
            evaluation=evaluation,
            question="after-differently",
            text=text,
            year="2014-15",
            selected_by=business_unit,
            selected_at=at(dt.date(2015, 4, 20)),
        )
        for evaluation, text in quoted
    )
    return len(evaluations) + len(more)


def _evaluations_of(bookings, rng) -> tuple[list[Evaluation], list[tuple]]:
    """Each booking's evaluations at every stage, those returned with their submission, and the
    confidence scores to give: (evaluation, the course's outcomes, lowest, highest)."""
    evaluations, scores = [], []
    for booking in bookings:
        session = booking.session
        for stage, returned, sent, low, high in STAGES:
            sent_at = session.ends_at + dt.timedelta(days=sent)
            submitted = rng.random() < returned
            evaluation = Evaluation(
                booking=booking,
                stage=stage,
                sent_at=sent_at,
                due_on=(sent_at + dt.timedelta(days=7)).date(),
                submitted_at=sent_at + dt.timedelta(days=rng.randint(0, 6)) if submitted else None,
            )
            evaluations.append(evaluation)
            if submitted and stage != Evaluation.Stage.FOLLOW_UP:
                scores.append((evaluation, session.course.outcomes, low, high))
    return evaluations, scores


def _returns(partnership, agencies, business_unit) -> int:
    made = []
    for key, workforce in WORKFORCE.items():
        if key in NO_RETURN:
            continue
        made.append(
            TrainingReturn(
                partnership=partnership,
                agency=agencies[key],
                year="2014-15",
                status=TrainingReturn.Status.SUBMITTED,
                workforce=workforce,
                completions={"foundation": workforce * 3 // 5, "specialist": workforce // 10},
                submitted_at=at(dt.date(2015, 5, 15)),
                submitted_by=business_unit,
            )
        )
    TrainingReturn.objects.bulk_create(made)
    return len(made)
