"""The demo's engagement: Shropshire's communication and engagement of 2013-14 to 2015-16, from the
annual report 2014-15, hung under the business plan's priority "Communication".

- The **Say Something If You See Something** campaign, launched in March 2015: a communications
  pack for partner agencies, police officers taking posters to the 36 hotels in Shropshire with
  eight rooms or more, a flyer in the Shrewsbury Town Football Club programme for a crowd of
  5,000, and a Twitter campaign from the council's account (an average reach per tweet of
  21,392; a campaign reach of 427,821).
- The **e-safety conference** for professionals of March 2014, run as a training conference: its
  attendance is the training register's (over 120 delegates).
- The young people's **e-safety surveys** of February 2014 and February 2015 (``surveys.py``):
  about 300 anonymous responses each, fewer meeting up with someone they only knew online and more
  ready to tell a parent, a teacher or a friend.
- The **voices** heard (``voices.py``): a parent's thanks for the parents' e-safety page (in
  invented words, consented and chosen for the report), practitioners' "view from the tunnel" in
  the learning review, the young people at the board's first development session, and a comment
  from a community workshop still to review.
- The board's **development session** with young people, and the three **"Everyone's business"
  community workshops** of April and May 2015. The report gives no attendance for them: the
  numbers are invented but plausible.

Every person is invented; the organisations are real."""

from __future__ import annotations

import datetime as dt

from assure.demo import region
from assure.partnerships.session_attendance import sessions_attendance
from assure.plans.models import Priority

from ..models import Activity, Campaign, Event, Measure
from . import surveys, voices

PRIORITY = "Communication"
CAMPAIGN_LAUNCH = dt.date(2015, 3, 2)
CONFERENCE_DAY = dt.date(2014, 3, 20)
# The training demo numbers its sessions from TS-0001; the conference is found among them by its day.
SESSION_REFERENCES = [f"TS-{number:04d}" for number in range(1, 400)]


def engagement_demo_load(*, partnerships, agencies, users, today: dt.date) -> dict[str, int]:
    """Write Shropshire's engagement. Returns counts of what was written."""
    partnership = partnerships[region.SHROPSHIRE]
    business_unit = users[(region.SHROPSHIRE, "business-unit")]
    priority = Priority.objects.filter(partnership=partnership, title=PRIORITY).order_by("-pk").first()
    campaign = _campaign(partnership, priority, business_unit)
    events = _events(partnership, priority, campaign, business_unit)
    written = surveys.surveys_load(partnership=partnership, priority=priority, business_unit=business_unit)
    written["voices"] = voices.voices_load(
        partnership=partnership, priority=priority, business_unit=business_unit, events=events
    )
    written["campaigns"] = 1
    written["events"] = len(events)
    return written


def _campaign(partnership, priority, business_unit) -> Campaign:
    campaign = Campaign.objects.create(
        partnership=partnership,
        title="Say Something If You See Something",
        aims="Raise awareness of child sexual exploitation in the commercial sector and the community, so that "
        "anyone who sees something that worries them about a child says something.",
        audiences="Hotels, the football club's crowd, partner agencies and the public on social media",
        priority=priority,
        starts_on=CAMPAIGN_LAUNCH,
        ends_on=dt.date(2015, 3, 31),
        created_by=business_unit,
    )
    Activity.objects.create(
        campaign=campaign,
        kind="pack",
        description="A communications campaign pack for partner agencies to run the campaign themselves.",
        happened_on=CAMPAIGN_LAUNCH,
    )
    twitter = Activity.objects.create(
        campaign=campaign,
        kind="social-media",
        description="A Twitter campaign from Shropshire Council's account through March.",
        happened_on=CAMPAIGN_LAUNCH,
    )
    posters = Activity.objects.create(
        campaign=campaign,
        kind="posters",
        description="Police officers took the campaign's posters to the hotels in Shropshire with eight rooms or more.",
        happened_on=dt.date(2015, 3, 9),
    )
    flyer = Activity.objects.create(
        campaign=campaign,
        kind="flyers",
        description="A flyer raising awareness of child sexual exploitation in the Shrewsbury Town Football Club "
        "programme.",
        happened_on=dt.date(2015, 3, 14),
    )
    measured = dt.date(2015, 3, 31)
    for activity, kind, value, day, note in (
        (posters, "venues", 36, dt.date(2015, 3, 20), "Every hotel in Shropshire with eight rooms or more."),
        (flyer, "audience", 5000, dt.date(2015, 3, 14), "The crowd at the match."),
        (twitter, "average-reach", 21392, measured, "Reported by the council's communications team."),
        (twitter, "reach", 427821, measured, "Reported by the council's communications team."),
    ):
        Measure.objects.create(
            campaign=campaign,
            activity=activity,
            kind=kind,
            value=value,
            measured_on=day,
            note=note,
            recorded_by=business_unit,
        )
    return campaign


def _conference_reference(partnership) -> str:
    """The reference of the training demo's e-safety conference (found by its day through the
    tenant core's reader of sessions' attendance), or "" without it."""
    found = sessions_attendance(partnership=partnership, references=SESSION_REFERENCES)
    for attendance in sorted(found.values(), key=lambda a: a.reference):
        if attendance.held_on == CONFERENCE_DAY and "online" in attendance.title.lower():
            return attendance.reference
    return ""


def _events(partnership, priority, campaign, business_unit) -> dict[str, Event]:
    reference = _conference_reference(partnership)
    common = {"partnership": partnership, "priority": priority, "created_by": business_unit}
    events = {
        "conference": Event.objects.create(
            **common,
            kind="conference",
            title="E-safety conference for professionals",
            held_on=CONFERENCE_DAY,
            venue="Shrewsbury",
            area="Shrewsbury",
            purpose="Raise awareness of online exploitation among professionals working with children.",
            audience="Professionals working with children and young people",
            training_session=reference,
            # The report says over 120 delegates; the training register counts them when it holds the session.
            attendees=None if reference else 120,
            feedback="Delegates valued the young people's own videos and asked for the messages to reach parents.",
        ),
        "development": Event.objects.create(
            **common,
            kind="development-session",
            title="Board development session: young people on e-safety",
            held_on=dt.date(2014, 10, 15),
            venue="Shirehall, Shrewsbury",
            area="Shrewsbury",
            purpose="The board's first development session: young people presented what they had found out about "
            "e-safety, with videos they made for children, parents and professionals.",
            audience="Board members",
            attendees=26,
            feedback="Board members were challenged on their approach to preventative education; the e-safety "
            "working group took actions from the young people's input.",
        ),
    }
    workshop = {
        "kind": "community-workshop",
        "purpose": "Take up the board's challenge that the welfare and safeguarding of Shropshire's children is "
        "everyone's business, and explain early help for families and the Troubled Families Programme.",
        "audience": "Staff of statutory and voluntary agencies working close to local communities",
        "campaign": campaign,
        "feedback": "Well attended by a wide range of agencies; staff brought examples of their work with families "
        "in their communities.",
    }
    for key, day, venue, area, attendees in (
        ("north", dt.date(2015, 4, 22), "Festival Drayton Centre, Market Drayton", "North", 42),
        ("central", dt.date(2015, 5, 6), "Shirehall, Shrewsbury", "Central", 51),
        ("south", dt.date(2015, 5, 20), "Ludlow Assembly Rooms", "South", 37),
    ):
        events[f"workshop-{key}"] = Event.objects.create(
            **common,
            **workshop,
            title=f"Everyone's business: community workshop ({area.lower()})",
            held_on=day,
            venue=venue,
            area=area,
            attendees=attendees,
        )
    return events
