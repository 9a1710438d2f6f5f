"""The designated officer's live work, dated back from the day the demo is loaded so that there is
always something to do: open cases in every state of handling, drafts from employers to accept, a
public referral awaiting its referrer's confirmation, and one declined.

- ``accepted``: accepted two working days ago, considered, no meeting yet; about a swimming
  instructor whose name is a misspelling of the person referred in 2013-14 and 2014-15, with the
  same date of birth: a near match left for the officer to check.
- ``meeting``: referred late (three working days after the school knew), a joint evaluation
  meeting held.
- ``police``: the police investigating and the person suspended; a strategy discussion and a
  joint evaluation meeting held, the employer's update answered.
- ``overdue``: referred about four months ago, past its three-month target; the police took no
  further action and the employer's disciplinary process goes on.
- ``update-overdue``: an update asked of the fostering team, due five days ago and not answered.
- ``low-level``: a low-level concern recorded last week, below the harm threshold.
- ``draft-member``: from the agency lead's own trust, through the employer's form, yesterday.
- ``draft-public``: from a private children's home through the public form, confirmed.
- ``declined``: a public referral about a parent, not someone who works with children.
- ``awaiting``: a public referral made today, its confirmation link not yet followed."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from assure.clocks.workingdays import add_working_days
from assure.core.secrets import new_token
from assure.demo import region

from . import words
from .cases import Case, MeetingSpec, Route, Status, UpdateSpec, children_for, working_on_or_before


def _moment(today: dt.date, hours_before_now: int) -> dt.datetime:
    """A moment on ``today``: a few hours before now when the demo is loaded today."""
    if today == timezone.localdate():
        return timezone.now() - dt.timedelta(hours=hours_before_now)
    return timezone.make_aware(dt.datetime.combine(today, dt.time(9)))


def _employer(sector: str, number: int) -> dict:
    spec = words.SECTORS[sector]
    employer = spec.employers[number % len(spec.employers)]
    referrer = words.REFERRERS[number % len(words.REFERRERS)]
    return {
        "referrer_name": referrer,
        "referrer_role": spec.referrer_role,
        "referrer_organisation": employer.name,
        "referrer_email": words.email_of(referrer),
        "employer_name": employer.name,
        "employer_agency": employer.agency,
        "sector": sector,
    }


def _attendees(sector: str, *, police: bool = False) -> str:
    return words.ATTENDEES["police" if police else "other"].format(referrer=words.SECTORS[sector].referrer_role.lower())


def shropshire_current(*, today: dt.date, names: words.Names, agency_lead, lead_agency) -> list[Case]:
    slug = region.SHROPSHIRE
    cases = []

    def day(days_ago: int) -> dt.date:
        return working_on_or_before(today - dt.timedelta(days=days_ago))

    def case(key, status, route, fields, *, person=None, **more) -> Case:
        made = Case(
            key=key,
            partnership=slug,
            status=status,
            route=route,
            fields=fields,
            person=person or names.next(),
            **more,
        )
        cases.append(made)
        return made

    referred = add_working_days(today, -2)
    case(
        "accepted",
        Status.OPEN,
        Route.OFFICER,
        {
            **_employer("sport", 1),
            "date_known": referred,
            "date_referred": referred,
            "person_role": "Swimming instructor",
            "employment_basis": "employed",
            "category": "physical",
            "harm_tests": ["harmed"],
            "context": "work",
            "description": "A child says the instructor pulled them out of the pool by the arm, hurting their "
            "shoulder.",
            "considered_on": referred,
            "threshold_met": True,
            "advice_given": words.ADVICE["allegation"],
            "accepted_on": referred,
        },
        person=(*words.REPEAT_MISSPELT, words.REPEAT_BORN),
        children=children_for("sport", 1, 1),
    )

    referred = day(16)
    case(
        "meeting",
        Status.OPEN,
        Route.OFFICER,
        {
            **_employer("education", 2),
            "date_known": add_working_days(referred, -3),
            "date_referred": referred,
            "person_role": "Teaching assistant",
            "employment_basis": "employed",
            "category": "emotional",
            "harm_tests": ["harmed"],
            "context": "work",
            "description": words.DESCRIPTIONS["emotional"][0],
            "considered_on": referred,
            "threshold_met": True,
            "advice_given": words.ADVICE["allegation"],
            "police_investigation": False,
            "accepted_on": referred,
        },
        children=children_for("education", 2, 2),
        meetings=[
            MeetingSpec(
                "joint-evaluation",
                add_working_days(referred, 4),
                _attendees("education"),
                words.DECISIONS["joint-evaluation"][1],
            )
        ],
    )

    referred = day(38)
    case(
        "police",
        Status.OPEN,
        Route.OFFICER,
        {
            **_employer("private-care", 0),
            "date_known": referred,
            "date_referred": referred,
            "person_role": "Residential care worker",
            "employment_basis": "employed",
            "category": "sexual",
            "harm_tests": ["harmed", "offence"],
            "context": "work",
            "description": words.DESCRIPTIONS["sexual"][0],
            "considered_on": referred,
            "threshold_met": True,
            "advice_given": words.ADVICE["police"],
            "police_investigation": True,
            "police_started_on": referred,
            "suspended": True,
            "suspended_from": add_working_days(referred, 1),
            "disciplinary": True,
            "accepted_on": referred,
        },
        children=children_for("private-care", 3, 1),
        meetings=[
            MeetingSpec("strategy", referred, _attendees("private-care", police=True), words.DECISIONS["strategy"]),
            MeetingSpec(
                "joint-evaluation",
                add_working_days(referred, 2),
                _attendees("private-care", police=True),
                words.DECISIONS["joint-evaluation"][0],
            ),
        ],
        updates=[
            UpdateSpec(
                asked_on=add_working_days(referred, 8),
                due_on=add_working_days(referred, 18),
                asked_of_name="Hugh Penhallow",
                question="Is the suspension still in place, and has the home reviewed its staffing at night?",
                answer="The suspension continues and is reviewed every four weeks. Night shifts now have two staff "
                "on duty at all times.",
                answered_on=add_working_days(referred, 15),
            )
        ],
    )

    referred = day(122)
    case(
        "overdue",
        Status.OPEN,
        Route.OFFICER,
        {
            **_employer("early-years", 0),
            "date_known": add_working_days(referred, -1),
            "date_referred": referred,
            "person_role": "Room leader",
            "employment_basis": "employed",
            "category": "physical",
            "harm_tests": ["harmed", "offence"],
            "context": "work",
            "description": words.DESCRIPTIONS["physical"][0],
            "considered_on": referred,
            "threshold_met": True,
            "advice_given": words.ADVICE["police"],
            "police_investigation": True,
            "police_started_on": add_working_days(referred, 1),
            "police_result": "no-further-action",
            "police_result_on": add_working_days(referred, 30),
            "redeployed": True,
            "disciplinary": True,
            "accepted_on": referred,
        },
        children=children_for("early-years", 4, 1),
        meetings=[
            MeetingSpec(
                "joint-evaluation",
                add_working_days(referred, 3),
                _attendees("early-years", police=True),
                words.DECISIONS["joint-evaluation"][0],
            ),
            MeetingSpec(
                "review",
                add_working_days(referred, 35),
                _attendees("early-years"),
                "The police have taken no further action. The nursery to begin its disciplinary investigation; "
                "the hearing to be arranged.",
            ),
        ],
    )

    referred = day(52)
    case(
        "update-overdue",
        Status.OPEN,
        Route.OFFICER,
        {
            **_employer("social-care", 1),
            "date_known": referred,
            "date_referred": referred,
            "person_role": "Foster carer",
            "employment_basis": "foster-carer",
            "category": "emotional",
            "harm_tests": ["harmed"],
            "context": "work",
            "description": words.DESCRIPTIONS["emotional"][1],
            "considered_on": referred,
            "threshold_met": True,
            "advice_given": words.ADVICE["allegation"],
            "police_investigation": False,
            "accepted_on": referred,
        },
        children=children_for("social-care", 5, 2),
        meetings=[
            MeetingSpec(
                "joint-evaluation",
                add_working_days(referred, 5),
                _attendees("social-care"),
                "No police involvement. The fostering service to review the carers' approval and report back.",
            )
        ],
        updates=[
            UpdateSpec(
                asked_on=day(19),
                due_on=day(5),
                asked_of_name="Maggie Stennett",
                question="Has the fostering panel reviewed the carers' approval, and what did it decide?",
            )
        ],
    )

    referred = day(6)
    case(
        "low-level",
        Status.OPEN,
        Route.OFFICER,
        {
            **_employer("education", 4),
            "date_known": referred,
            "date_referred": referred,
            "person_role": "PE teacher",
            "employment_basis": "employed",
            "category": "low-level-concern",
            "harm_tests": [],
            "context": "work",
            "description": words.DESCRIPTIONS["low-level-concern"][0],
            "considered_on": referred,
            "threshold_met": False,
            "advice_given": words.ADVICE["low-level"],
            "police_investigation": False,
            "accepted_on": referred,
        },
        children=children_for("education", 6, 1),
    )

    # From the employers: drafts for the officer to accept, one declined, one unconfirmed.
    referred = day(1)
    lead_fields = (
        {
            "referrer_name": agency_lead.full_name,
            "referrer_role": agency_lead.job_title,
            "referrer_organisation": lead_agency.name,
            "referrer_email": agency_lead.email,
            "employer_name": lead_agency.name,
            "employer_agency": lead_agency,
        }
        if agency_lead is not None and lead_agency is not None
        else {key: value for key, value in _employer("health", 0).items() if key != "sector"}
    )
    case(
        "draft-member",
        Status.DRAFT,
        Route.MEMBER,
        {
            **lead_fields,
            "sector": "health",
            "date_known": referred,
            "date_referred": referred,
            "person_role": "Healthcare assistant",
            "employment_basis": "employed",
            "category": "physical",
            "harm_tests": ["harmed"],
            "context": "work",
            "description": "A parent says a healthcare assistant held their child down roughly for a blood test "
            "and shouted at them.",
        },
        children=children_for("health", 7, 1),
        submitted_by="agency-lead" if agency_lead is not None else "",
    )

    referred = day(2)
    case(
        "draft-public",
        Status.DRAFT,
        Route.PUBLIC,
        {
            **_employer("private-care", 1),
            "date_known": referred,
            "date_referred": referred,
            "person_role": "Support worker",
            "employment_basis": "agency",
            "category": "neglect",
            "harm_tests": ["risk"],
            "context": "work",
            "description": "Left a young person with a history of self-harm alone for an hour against their care plan.",
            "status_digest": new_token()[1],
        },
        children=children_for("private-care", 8, 1),
        submitted_by="",
    )

    referred = day(20)
    case(
        "declined",
        Status.DECLINED,
        Route.PUBLIC,
        {
            **_employer("other", 1),
            "date_known": referred,
            "date_referred": referred,
            "person_role": "Parent helping at a rehearsal",
            "employment_basis": "volunteer",
            "category": "conduct",
            "harm_tests": ["risk"],
            "context": "personal-life",
            "description": "Said to have shouted at their own child in the car park after a rehearsal.",
            "declined_reason": "Not about someone who works with children: a parent with their own child. Passed to "
            "children's social care's front door.",
            "status_digest": new_token()[1],
        },
        children=children_for("other", 9, 1),
        submitted_by="",
    )

    case(
        "awaiting",
        Status.AWAITING_CONFIRMATION,
        Route.PUBLIC,
        {
            **_employer("sport", 2),
            "date_known": add_working_days(today, -1),
            "date_referred": today,
            "person_role": "Gymnastics coach",
            "employment_basis": "self-employed",
            "category": "conduct",
            "harm_tests": ["unsuitable"],
            "context": "work",
            "description": words.DESCRIPTIONS["conduct"][2],
            "confirmation_digest": new_token()[1],
            "confirmation_expires": _moment(today, 2) + dt.timedelta(days=2),
            "created_at": _moment(today, 2),
        },
        children=children_for("sport", 10, 1),
        submitted_by="",
    )
    return cases


def telford_current(*, today: dt.date, names: words.Names) -> list[Case]:
    """Telford & Wrekin's one open case: a joint evaluation meeting held."""
    referred = working_on_or_before(today - dt.timedelta(days=9))
    return [
        Case(
            key="telford-open",
            partnership=region.TELFORD_WREKIN,
            status=Status.OPEN,
            route=Route.OFFICER,
            fields={
                **_employer("education", 3),
                "date_known": referred,
                "date_referred": referred,
                "person_role": "Teacher",
                "employment_basis": "employed",
                "category": "physical",
                "harm_tests": ["harmed"],
                "context": "work",
                "description": words.DESCRIPTIONS["physical"][3],
                "considered_on": referred,
                "threshold_met": True,
                "advice_given": words.ADVICE["allegation"],
                "police_investigation": False,
                "accepted_on": referred,
            },
            person=names.next(),
            children=children_for("education", 11, 1),
            meetings=[
                MeetingSpec(
                    "joint-evaluation",
                    add_working_days(referred, 2),
                    _attendees("education"),
                    words.DECISIONS["joint-evaluation"][1],
                )
            ],
        )
    ]
