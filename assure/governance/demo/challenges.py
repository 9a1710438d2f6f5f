"""Shropshire's challenge log in the demo: a dozen invented challenges of 2014-15 in every state,
several to health about GPs' part in child protection conferences (the conference audit the
annual report gives in §5.9 and §5.30: 44% of the absences from conferences were GPs'), and three
live ones dated from the day of loading, so the home page has a challenge for the agency lead to
answer, one overdue for the business unit to chase and a response to assess.

Every challenge, response and impact is invented; the findings they refer to are the report's."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from assure.audit.services import event_record
from assure.demo import region

from ..models import Challenge

S = Challenge.Status


@dataclass(frozen=True)
class Step:
    """Something that happened to a challenge: ``on`` a day of 2014-15, or ``days`` from the day of
    loading (negative: before it)."""

    verb: str
    who: str  # the demo person's key in the partnership (role or local part)
    on: dt.date | None = None
    days: int | None = None
    text: str = ""


@dataclass(frozen=True)
class ChallengeSpec:
    agency: str
    subject: str
    detail: str
    raised_by: str
    raised_on: Step  # verb "raised"
    due: dt.date | int  # a day, or days from the day of loading
    raised_for: str = ""  # the agency the raiser speaks for
    about: str = ""
    response: Step | None = None
    escalation: tuple[str, Step] | None = None  # (to whom, step)
    second_response: Step | None = None
    satisfied: str = ""
    impact: str = ""
    closed: Step | None = None


def _d(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


CONFERENCE_AUDIT = "Audit of child protection conferences, 2014-15 (annual report §5.9)"

CHALLENGES = (
    ChallengeSpec(
        agency="shropshire-ccg",
        subject="GP attendance at child protection conferences",
        detail="The conference audit found GPs accounted for 44% of the absences at conferences where professionals "
        "were not adequately represented. The board asks the CCG how it will make sure GPs attend, or send a "
        "report, and how it will monitor this.",
        raised_by="auditor",
        raised_on=Step("raised", "auditor", on=_d(2014, 5, 14)),
        due=_d(2014, 6, 30),
        about=CONFERENCE_AUDIT,
        response=Step(
            "responded",
            "business-unit",
            on=_d(2014, 6, 24),
            text="The CCG's named GP has written to every practice reminding them of the duty to contribute to "
            "conferences, and will report practices' attendance to the CCG's quality committee.",
        ),
        escalation=(
            Challenge.Escalation.CHIEF_OFFICER,
            Step(
                "escalated",
                "business-unit",
                on=_d(2014, 9, 17),
                text="The September audit showed no change in GPs' attendance; the board asks the CCG's accountable "
                "officer to take the matter up with practices directly.",
            ),
        ),
        second_response=Step(
            "responded",
            "business-unit",
            on=_d(2014, 10, 22),
            text="Conference attendance is now a standard of the CCG's safeguarding contract with practices; "
            "practices that neither attend nor send a report are followed up by the named GP within a week.",
        ),
        satisfied=Challenge.Satisfied.YES,
        impact="GPs now contribute to more conferences: the share of conferences with every key agency present or "
        "reporting rose over the year, and the CCG reports GP attendance to the board each quarter.",
        closed=Step("closed", "business-unit", on=_d(2015, 1, 21)),
    ),
    ChallengeSpec(
        agency="shropshire-ccg",
        subject="GP reports to conferences they cannot attend",
        detail="Where a GP cannot attend a conference the board expects a written report. Please say how many "
        "conferences received a GP report this year and what the CCG does when none is sent.",
        raised_by="board-member",
        raised_on=Step("raised", "board-member", on=_d(2014, 7, 9)),
        due=_d(2014, 8, 29),
        about=CONFERENCE_AUDIT,
        response=Step(
            "responded",
            "business-unit",
            on=_d(2014, 9, 5),
            text="A template for GP reports to conference has been agreed with the local medical committee; the CCG "
            "does not yet count how many are sent.",
        ),
        satisfied=Challenge.Satisfied.PARTLY,
        impact="A common template for GPs' reports to conference is in use; counting them is part of the CCG's "
        "plan for 2015-16.",
        closed=Step("closed", "business-unit", on=_d(2014, 11, 19)),
    ),
    ChallengeSpec(
        agency="shropshire-community-health",
        subject="Health visitors' and school nurses' reports to conferences",
        detail="The conference audit found reports from health visitors and school nurses were often late. Please "
        "set out how reports will reach the conference chair three working days beforehand.",
        raised_by="auditor",
        raised_on=Step("raised", "auditor", on=_d(2014, 6, 11)),
        due=_d(2014, 7, 31),
        about=CONFERENCE_AUDIT,
        response=Step(
            "responded",
            "agency-lead",
            on=_d(2014, 7, 25),
            text="Reports are now written on a standard template and checked by the safeguarding team before they "
            "go to the chair; the trust audits their timeliness each quarter.",
        ),
        satisfied=Challenge.Satisfied.YES,
        impact="The trust's quarterly audits show most reports now reach the chair in time, and parents see them "
        "before the conference.",
        closed=Step("closed", "business-unit", on=_d(2014, 9, 17)),
    ),
    ChallengeSpec(
        agency="shropshire-csc",
        subject="A \u201cprofessional conversation\u201d recorded as the outcome of a referral",
        detail="Recording a professional conversation as the outcome of a referral says nothing about the outcome "
        "for the child, and there is no information about contacts. Please say how referrals' outcomes will be "
        "reported to the board.",
        raised_by="business-unit",
        raised_on=Step("raised", "business-unit", on=_d(2014, 11, 5)),
        due=_d(2014, 12, 19),
        response=Step(
            "responded",
            "business-unit",
            on=_d(2014, 12, 15),
            text="From April 2015 children's social care will report the outcome of each referral for the child, "
            "and contacts, separately from professional conversations.",
        ),
        satisfied=Challenge.Satisfied.YES,
        impact="The outcomes of referrals will be reported differently in 2015-16, so the board can see what "
        "happened for children referred.",
        closed=Step("closed", "business-unit", on=_d(2015, 1, 21)),
    ),
    ChallengeSpec(
        agency="shropshire-csc",
        subject="Parents seeing the social worker's report before conference",
        detail="Only 62% of parents saw the social worker's report three working days before the conference. "
        "Please say what will be done to raise this.",
        raised_by="auditor",
        raised_on=Step("raised", "auditor", on=_d(2014, 9, 10)),
        due=_d(2014, 10, 31),
        about=CONFERENCE_AUDIT,
        response=Step(
            "responded",
            "business-unit",
            on=_d(2014, 10, 30),
            text="Team managers now check the report is shared when they sign it off; where it cannot be shared in "
            "time the social worker goes through it with the parents before the conference.",
        ),
        satisfied=Challenge.Satisfied.PARTLY,
        impact="Parents who do not see the report in time are now told its contents before the conference; the "
        "share seeing it three days ahead is still audited.",
        closed=Step("closed", "business-unit", on=_d(2014, 12, 10)),
    ),
    ChallengeSpec(
        agency="police",
        subject="Challenging unsuitable placements of young people",
        detail="The board asks the police to say how it challenges responsible authorities where a young person's "
        "placement is not suitable, and how often it has done so.",
        raised_by="business-unit",
        raised_on=Step("raised", "business-unit", on=_d(2014, 7, 16)),
        due=_d(2014, 8, 29),
        response=Step(
            "responded",
            "police-lead",
            on=_d(2014, 8, 20),
            text="Concerns about a placement are raised by the public protection unit with the placing authority in "
            "writing and followed up with the council's children's services.",
        ),
        satisfied=Challenge.Satisfied.YES,
        impact="Unsuitable placements are now raised with placing authorities in writing and tracked by the "
        "multi-agency action plan of the Learning and Improvement subgroup.",
        closed=Step("closed", "business-unit", on=_d(2014, 10, 15)),
    ),
    ChallengeSpec(
        agency="sssft",
        subject="Timely mental health assessments for looked-after children",
        detail="Please say how long looked-after children wait for a mental health assessment once it is "
        "commissioned, and what is being done about delays.",
        raised_by="board-member",
        raised_on=Step("raised", "board-member", on=_d(2014, 10, 8)),
        due=_d(2014, 11, 28),
        response=Step(
            "responded",
            "business-unit",
            on=_d(2014, 12, 3),
            text="A named clinician now takes every referral for a looked-after child, with a target of an "
            "assessment within four weeks.",
        ),
        satisfied=Challenge.Satisfied.YES,
        impact="Looked-after children referred for a mental health assessment have a named clinician and a "
        "four-week target the board now monitors.",
        closed=Step("closed", "business-unit", on=_d(2015, 3, 18)),
    ),
    ChallengeSpec(
        agency="probation",
        subject="Attendance at board meetings",
        detail="The National Probation Service missed three of the last four board meetings. Please say who will "
        "attend for the service and how a deputy is briefed.",
        raised_by="business-unit",
        raised_on=Step("raised", "business-unit", on=_d(2014, 7, 16)),
        due=_d(2014, 8, 29),
        closed=Step(
            "closed",
            "business-unit",
            on=_d(2014, 9, 17),
            text="Withdrawn: a new head of public protection has joined the board and attended every meeting since.",
        ),
    ),
    ChallengeSpec(
        agency="shropshire-education",
        subject="Early years settings' Section 11 audits",
        detail="Only 42% of early years settings were compliant in their safeguarding audit. Please set out the "
        "support the service will give the settings that were not.",
        raised_by="board-member",
        raised_on=Step("raised", "board-member", on=_d(2015, 1, 21)),
        due=_d(2015, 3, 6),
        response=Step(
            "responded",
            "business-unit",
            on=_d(2015, 3, 4),
            text="A quality assurance framework will cover every school and early years setting from September "
            "2015, with targeted support for settings not compliant.",
        ),
    ),
    ChallengeSpec(
        agency="shropshire-ccg",
        subject="Midwives' contribution to child protection conferences",
        detail="Monitoring shows midwifery services, as well as GPs, are under-represented at conferences on "
        "unborn babies. Please say how the CCG will make sure the maternity services it commissions contribute.",
        raised_by="auditor",
        raised_on=Step("raised", "auditor", on=_d(2014, 12, 10)),
        due=_d(2015, 1, 30),
        about=CONFERENCE_AUDIT,
        escalation=(
            Challenge.Escalation.CHAIR,
            Step(
                "escalated",
                "business-unit",
                on=_d(2015, 2, 11),
                text="No response by the date asked; the chair is asked to raise it with the CCG's accountable "
                "officer.",
            ),
        ),
    ),
    ChallengeSpec(
        agency="shropshire-public-health",
        subject="Safeguarding in the school nursing contract",
        detail="Please confirm the new school nursing contract keeps the safeguarding standards of the old one.",
        raised_by="business-unit",
        raised_on=Step("raised", "business-unit", on=_d(2015, 2, 11)),
        due=_d(2015, 3, 27),
        response=Step(
            "responded",
            "business-unit",
            on=_d(2015, 3, 20),
            text="The contract keeps every safeguarding standard and adds a quarterly report to the board.",
        ),
        satisfied=Challenge.Satisfied.YES,
        impact="The school nursing service reports on safeguarding to the board each quarter under its new contract.",
        closed=Step("closed", "business-unit", on=_d(2015, 3, 25)),
    ),
    # --- live, dated from the day of loading ---------------------------------------------------
    ChallengeSpec(
        agency="shropshire-community-health",
        subject="Health visitors at initial child protection conferences this quarter",
        detail="The quarter's conference monitoring shows health visitors absent from a third of initial "
        "conferences. Please say why, and what the trust will do.",
        raised_by="board-member",
        raised_on=Step("raised", "board-member", days=-10),
        due=18,
    ),
    ChallengeSpec(
        agency="shropshire-ccg",
        subject="GP reports to conferences: this year's count",
        detail="Last year the CCG undertook to count the conferences that receive a GP's report. Please give the "
        "count for the first half of this year.",
        raised_by="auditor",
        raised_on=Step("raised", "auditor", days=-45),
        due=-5,
    ),
    ChallengeSpec(
        agency="police",
        subject="Strategy discussions held outside office hours",
        detail="Please say how often the police take part in strategy discussions out of hours, and how the "
        "emergency duty team records them.",
        raised_by="business-unit",
        raised_on=Step("raised", "business-unit", days=-30),
        due=-2,
        response=Step(
            "responded",
            "police-lead",
            days=-3,
            text="The police take part by telephone in every out-of-hours strategy discussion; the emergency duty "
            "team records each on the child's file and sends the record to the police the next morning.",
        ),
    ),
)

SPEAKS_FOR = {"board-member": "shropshire-ccg", "agency-lead": "shropshire-community-health", "police-lead": "police"}


class _Writer:
    def __init__(self, *, partnership, agencies: dict, users: dict, today: dt.date) -> None:
        self.partnership, self.agencies, self.users, self.today = partnership, agencies, users, today

    def day(self, step: Step) -> dt.date:
        return step.on if step.on is not None else self.today + dt.timedelta(days=step.days or 0)

    def moment(self, step: Step) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.day(step), dt.time(10, 0)))

    def person(self, key: str):
        return self.users[(region.SHROPSHIRE, key)]

    def event(self, challenge: Challenge, step: Step, verb: str, summary: str, **data) -> None:
        event_record(
            actor=self.person(step.who),
            verb=f"governance.challenge_{verb}",
            target=challenge,
            partnership=self.partnership,
            summary=f"Challenge {challenge.reference} {summary}",
            data=data or None,
        )

    def write(self, number: int, spec: ChallengeSpec) -> Challenge:
        due = spec.due if isinstance(spec.due, dt.date) else self.today + dt.timedelta(days=spec.due)
        raised_for = spec.raised_for or SPEAKS_FOR.get(spec.raised_by, "")
        challenge = Challenge.objects.create(
            partnership=self.partnership,
            reference=f"C-{number:04d}",
            raised_by=self.person(spec.raised_by),
            raised_by_agency=self.agencies[raised_for] if raised_for and raised_for != spec.agency else None,
            raised_on=self.day(spec.raised_on),
            agency=self.agencies[spec.agency],
            subject=spec.subject,
            detail=spec.detail,
            source_label=spec.about,
            response_due_on=due,
            created_at=self.moment(spec.raised_on),
        )
        self.event(challenge, spec.raised_on, "raised", f"raised to {challenge.agency}: {spec.subject}")
        for response in (spec.response, spec.second_response):
            if response is None:
                continue
            challenge.response, challenge.responded_by = response.text, self.person(response.who)
            challenge.responded_at, challenge.status = self.moment(response), S.RESPONDED
            self.event(challenge, response, "responded", "response recorded", to=S.RESPONDED)
            if spec.escalation and response is spec.response:
                to, step = spec.escalation
                challenge.escalation, challenge.escalation_reason = to, step.text
                challenge.escalated_at, challenge.escalated_by = self.moment(step), self.person(step.who)
                challenge.status = S.ESCALATED
                self.event(challenge, step, "escalated", "escalated", reason=step.text)
        if spec.escalation and spec.response is None:
            to, step = spec.escalation
            challenge.escalation, challenge.escalation_reason = to, step.text
            challenge.escalated_at, challenge.escalated_by = self.moment(step), self.person(step.who)
            challenge.status = S.ESCALATED
            self.event(challenge, step, "escalated", "escalated", reason=step.text)
        challenge.satisfied, challenge.impact = spec.satisfied, spec.impact
        if spec.closed is not None:
            challenge.status, challenge.closure_note = S.CLOSED, spec.closed.text
            challenge.closed_at, challenge.closed_by = self.moment(spec.closed), self.person(spec.closed.who)
            self.event(
                challenge, spec.closed, "closed", "closed", **({"reason": spec.closed.text} if spec.closed.text else {})
            )
        challenge.save()
        return challenge


def challenges_demo_load(*, partnerships: dict, agencies: dict, users: dict, today: dt.date) -> int:
    """Write Shropshire's challenge log; returns how many challenges were written."""
    writer = _Writer(partnership=partnerships[region.SHROPSHIRE], agencies=agencies, users=users, today=today)
    ordered = sorted(CHALLENGES, key=lambda spec: writer.day(spec.raised_on))
    for number, spec in enumerate(ordered, start=1):
        writer.write(number, spec)
    return len(ordered)
