"""Agendas and minutes of Shropshire's six board meetings of 2014-15, each set of minutes approved
at the next meeting (the last of the year's still draft); the board's last meeting of the current
year, minuted and waiting for approval; and the agenda of its next meeting, published with its
papers, so the demo personas' home pages show papers to read and minutes to approve.

The items follow the business the seed's annual report describes at the board (the scorecard and
the exception report, Section 11, the annual report, the business plan, child sexual
exploitation, the challenge log, the risk register, the child death overview panel's and the
designated officer's reports, training); the wording of the minutes and the presenters' roles
are invented."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from assure.core.links import linkable_kind
from assure.demo import meetings, region
from assure.partnerships.models import ConfidentialMinute, Meeting

from ..models import AgendaItem, MeetingMinutes
from ..services.agendas import agenda_item_add, agenda_publish, item_minutes_record, minutes_approve

D, DI, INFO = AgendaItem.Purpose.DECISION, AgendaItem.Purpose.DISCUSSION, AgendaItem.Purpose.INFORMATION


@dataclass(frozen=True)
class ItemSpec:
    title: str
    purpose: str
    presenter: str
    agency: str = ""  # the presenting agency's key in the demo region
    paper: str = ""  # the paper, as the agenda names it
    # The record in Assure the paper is, as (kind key, text its label holds), linked by
    # ``links.governance_demo_links`` once every part's demo records exist.
    link: tuple[str, str] = ()
    decision: str = ""
    minutes: str = ""


CHAIR = "Independent chair"
MANAGER = "Business manager"


def _matters_arising(decision: str, minutes: str) -> ItemSpec:
    return ItemSpec(
        "Minutes of the last meeting and matters arising",
        D,
        CHAIR,
        paper="Minutes of the last meeting and action log",
        decision=decision,
        minutes=minutes,
    )


MEETING_ITEMS: dict[dt.date, tuple[ItemSpec, ...]] = {
    dt.date(2014, 5, 15): (
        _matters_arising(
            "The minutes of the March meeting were agreed as a true record.",
            "The action on neglect training was carried forward to the training programme in September.",
        ),
        ItemSpec(
            "Business plan 2014-17",
            D,
            MANAGER,
            paper="Business plan 2014-17, final draft",
            link=("plans.plan", "Business plan 2014-17"),
            decision="The business plan 2014-17 was agreed, with its priorities.",
            minutes="Members asked that each priority carry measures the scorecard can show. The business manager "
            "will bring the first review of progress to the November meeting.",
        ),
        ItemSpec(
            "Scorecard and exception report, 2013-14",
            DI,
            "Performance and quality assurance subgroup chair",
            paper="Scorecard and exception report for the year to March 2014",
            decision="The exception report was accepted; children's social care to report on re-referrals in July.",
            minutes="The board challenged the rise in re-referrals and asked how early help cases are counted.",
        ),
        ItemSpec(
            "Section 11 audit 2014-15: the year's cycle",
            INFO,
            MANAGER,
            paper="Section 11 audit 2014-15: standards and timetable",
            link=("section11.cycle", "West Mercia Section 11 audit 2014-15"),
            minutes="Last year's returns showed training and safer recruitment most often partly met; this year's "
            "self-assessments open in the autumn across West Mercia.",
        ),
        ItemSpec(
            "Child protection conferences: who attends",
            DI,
            "Head of safeguarding",
            agency="shropshire-csc",
            paper="Audit of child protection conferences, interim findings",
            decision="The board will raise a challenge with the clinical commissioning group about GPs' part in "
            "conferences.",
            minutes="GPs were the professionals most often absent without a report. Members agreed the board should "
            "ask the commissioners, not each practice, for an answer.",
        ),
        ItemSpec(
            "Missing children: the revised West Mercia joint protocol",
            D,
            "Detective chief inspector, public protection",
            agency="police",
            paper="West Mercia joint protocol for missing children, revised",
            link=("plans.priority", "Children who go missing"),
            decision="The revised protocol was endorsed for adoption across the four boards of West Mercia.",
            minutes="The protocol follows the new statutory guidance on children who run away or go missing; return "
            "interviews are to be offered to every child found.",
        ),
    ),
    dt.date(2014, 7, 10): (
        _matters_arising(
            "The minutes of 15 May were agreed.",
            "The challenge to the clinical commissioning group about GPs at conferences has been sent; its answer is "
            "due at the end of June and will come to September.",
        ),
        ItemSpec(
            "Annual report 2013-14",
            D,
            CHAIR,
            paper="Annual report 2013-14, final draft",
            decision="The annual report 2013-14 was ratified for publication and sending to the chief executive, "
            "the leader of the council, the police and crime commissioner and the health and wellbeing board.",
            minutes="Partners were asked to take the report to their own boards.",
        ),
        ItemSpec(
            "Probation reorganisation and the new partners",
            DI,
            "Assistant chief executive",
            agency="probation",
            paper="Transforming Rehabilitation: briefing",
            decision="The National Probation Service and the community rehabilitation company to be invited to sit on "
            "the board.",
            minutes="The board discussed how safeguarding duties pass to the two new organisations, and noted that "
            "probation had missed several recent meetings.",
        ),
        ItemSpec(
            "Child sexual exploitation: panel referrals",
            DI,
            "Chair of the CSE subgroup",
            paper="CSE panel report, quarter 1",
            link=("plans.priority", "Children who go missing"),
            minutes="Referrals to the panel rose; the board asked for the profile of cases by age and area, and asked "
            "how the police challenge unsuitable placements of young people placed from elsewhere.",
        ),
        ItemSpec(
            "The risk register",
            DI,
            MANAGER,
            paper="Risk register, July 2014",
            link=("governance.risk", "R-02"),
            decision="The risk that exploitation work outgrows the partners' capacity was added to the register.",
            minutes="Members agreed the score should be reviewed when the CSE panel's profile is available.",
        ),
        ItemSpec(
            "Private fostering: annual report",
            INFO,
            "Service manager, fostering",
            agency="shropshire-csc",
            paper="Private fostering annual report 2013-14",
            minutes="Notifications remain few; the service will repeat its awareness work with schools and GPs, who "
            "are most likely to learn of an arrangement.",
        ),
    ),
    dt.date(2014, 9, 18): (
        _matters_arising(
            "The minutes of 10 July were agreed.",
            "Both new probation organisations have named their board members. The clinical commissioning group's "
            "answer on GPs at conferences was received and is on the challenge log.",
        ),
        ItemSpec(
            "Audit of repeat child protection plans",
            DI,
            "Chair of the Learning and Improvement subgroup",
            paper="Multi-agency audit report: repeat child protection plans",
            link=("plans.priority", "High quality safeguarding practice"),
            decision="The audit's recommendations were accepted, with actions for children's social care and health.",
            minutes="The audit found that plans ended before change was sustained in a third of the cases read.",
        ),
        ItemSpec(
            "Early help: progress report",
            INFO,
            "Head of early help",
            agency="shropshire-early-help",
            paper="Early help progress report",
            link=("plans.priority", "Compromised parenting"),
            minutes="Early help assessments rose; schools now start the largest share of them.",
        ),
        ItemSpec(
            "Multi-agency training programme 2014-15",
            D,
            "Training co-ordinator",
            paper="Training programme and evaluation",
            decision="The programme was agreed, with a course on neglect added.",
            minutes="Partners were reminded to release staff for the multi-agency courses.",
        ),
        ItemSpec(
            "Section 11: schools' and early years settings' audits",
            INFO,
            "Safeguarding lead for education",
            agency="shropshire-education",
            paper="Schools' and early years settings' safeguarding audits 2014-15",
            link=("section11.cycle", "Shropshire schools safeguarding audit 2014-15"),
            minutes="Schools and settings will complete their own audits this year; the board will see the "
            "results in March.",
        ),
        ItemSpec(
            "Budget: first half of the year",
            INFO,
            MANAGER,
            paper="Budget monitoring to August 2014",
            minutes="Spending is in line with the budget; one partner's contribution is still to be paid.",
        ),
    ),
    dt.date(2014, 11, 20): (
        _matters_arising(
            "The minutes of 18 September were agreed.",
            "The neglect course has been added to the training programme and is fully booked.",
        ),
        ItemSpec(
            "Serious case review: action plan",
            DI,
            "Chair of the Learning and Improvement subgroup",
            paper="Serious case review action plan, progress",
            link=("governance.risk", "R-07"),
            minutes="Most actions are complete; the board will ask for evidence of impact from the audit programme.",
        ),
        ItemSpec(
            "Business plan: six-month review",
            DI,
            MANAGER,
            paper="Business plan review, April to September 2014",
            link=("plans.plan", "Business plan 2014-17"),
            minutes="Progress against each priority was reviewed; the board challenged the slow start on neglect.",
        ),
        ItemSpec(
            "GP contribution to child protection conferences",
            DI,
            "Designated nurse for safeguarding",
            agency="shropshire-ccg",
            paper="The board's challenge on GPs at conferences and the CCG's response",
            link=("governance.challenge", "C-0001"),
            decision="The board was not satisfied with the response and escalated the challenge to the CCG's chief "
            "officer.",
            minutes="A letter to every practice has not yet changed who attends. Members asked for practices' "
            "attendance to be reported each quarter.",
        ),
        ItemSpec(
            "Budget 2015-16",
            D,
            MANAGER,
            paper="Budget 2015-16 and partner contributions",
            link=("governance.risk", "R-01"),
            decision="The budget for 2015-16 was agreed, with partners' contributions held at this year's level.",
            minutes="The board noted the risk that contributions fall short if a partner's own budget is cut.",
        ),
        ItemSpec(
            "Child sexual exploitation: strategy and action plan",
            D,
            "Chair of the CSE subgroup",
            paper="CSE strategy and action plan, refreshed",
            link=("plans.priority", "Children who go missing"),
            decision="The refreshed strategy and action plan were agreed.",
            minutes="The action plan now covers awareness work with hotels, taxi firms and schools.",
        ),
        ItemSpec("Progress of a disciplinary investigation in a partner agency", DI, CHAIR),
    ),
    dt.date(2015, 1, 22): (
        _matters_arising(
            "The minutes of 20 November were agreed.",
            "The escalated challenge on GPs at conferences has been answered by the CCG's chief officer; the "
            "answer is on the challenge log.",
        ),
        ItemSpec(
            "Child death overview panel annual report",
            D,
            "Chair of the child death overview panel",
            paper="Child death overview panel annual report 2013-14",
            decision="The panel's annual report was accepted.",
            minutes="Safe sleeping remains the panel's main message; the board asked partners to repeat it.",
        ),
        ItemSpec(
            "Local authority designated officer: annual report",
            INFO,
            "Local authority designated officer",
            agency="shropshire-csc",
            paper="LADO annual report 2013-14",
            minutes="Referrals about people who work with children rose sharply in the first half of the year, most "
            "from schools and private providers who now know how to refer.",
        ),
        ItemSpec(
            "Section 136: young people detained for their safety",
            DI,
            "Head of children's mental health services",
            agency="sssft",
            paper="Section 136 and the crisis care concordat",
            minutes="Nearly every young person held under section 136 was followed up by children's mental health "
            "services; the board asked why most are still taken by ambulance to an adult place of safety.",
        ),
        ItemSpec(
            "Private fostering: performance in the half year",
            INFO,
            "Service manager, fostering",
            agency="shropshire-csc",
            paper="Private fostering: visits and notifications, April to December",
            minutes="Fewer new arrangements were notified than last year; first visits within seven days are "
            "below target and the service explained why.",
        ),
        ItemSpec(
            "The challenge log",
            DI,
            MANAGER,
            paper="Challenge log: the escalated challenge on midwives at conferences",
            link=("governance.challenge", "C-0009"),
            minutes="The board reviewed the challenges open and the responses received since September, and the "
            "challenge to the CCG about midwives that is now with its chief officer.",
        ),
    ),
    dt.date(2015, 3, 19): (
        _matters_arising(
            "The minutes of 22 January were agreed.",
            "Children's mental health services will report on places of safety for young people in the summer.",
        ),
        ItemSpec(
            "Board pack: performance for the quarter",
            INFO,
            MANAGER,
            paper="Board pack, March 2015",
            link=("reports.report", "Board pack: Board, 19 March 2015"),
            minutes="The board pack was taken as read; members raised its points under the items that follow.",
        ),
        ItemSpec(
            "Scorecard and exception report, 2014-15",
            DI,
            "Performance and quality assurance subgroup chair",
            paper="Exception report for the board meeting of 19 March 2015",
            link=("performance.exception-report", "19 March 2015"),
            decision="The board accepted the explanation of re-referrals and asked for outcome measures from April.",
            minutes="Children's social care explained the effect of recording professional conversations.",
        ),
        ItemSpec(
            "Section 11 returns 2015",
            INFO,
            MANAGER,
            paper="Section 11 returns: where they stand",
            link=("section11.cycle", "West Mercia Section 11 audit 2014-15"),
            minutes="Returns are due at the end of April; two agencies asked for more time.",
        ),
        ItemSpec(
            "The risk register",
            DI,
            MANAGER,
            paper="Risk register, March 2015",
            link=("governance.risk-register", "The risk register"),
            minutes="The board reviewed the highest risks and agreed the scores for the capacity of the business unit.",
        ),
        ItemSpec(
            "Domestic abuse strategy",
            D,
            "Community safety manager",
            paper="Domestic abuse strategy 2015-18, consultation draft",
            link=("plans.priority", "Compromised parenting"),
            decision="The board supported the strategy, asking that it name the help offered to children who live "
            "with domestic abuse.",
        ),
        ItemSpec(
            "Annual report 2014-15: outline and timetable",
            D,
            CHAIR,
            paper="Annual report 2014-15, outline",
            link=("reports.report", "annual report 2014-15"),
            decision="The outline was agreed; partners to send their contributions by the end of May.",
            minutes="Each agency will write what it did for the board's priorities and what difference it made.",
        ),
        ItemSpec(
            "Priorities for 2015-16",
            D,
            CHAIR,
            paper="Draft priorities 2015-16",
            link=("plans.plan", "Business plan 2014-17"),
            decision="The priorities for 2015-16 were agreed for the annual report and the refreshed business plan.",
        ),
    ),
}

LAST_MEETING_ITEMS = (
    ItemSpec(
        "Data returns and the Section 11 audit for the year",
        INFO,
        MANAGER,
        paper="Timetable of returns",
        minutes="Returns were opened for the year; agencies were asked to name who answers them in Assure.",
    ),
    ItemSpec(
        "Business plan: refresh for the year",
        D,
        MANAGER,
        paper="Business plan, refreshed",
        decision="The refreshed business plan was agreed.",
        minutes="The board asked that each objective name the indicator that will show its effect.",
    ),
)

NEXT_MEETING_ITEMS = (
    ItemSpec("Minutes of the last meeting and matters arising", D, CHAIR),
    ItemSpec("Scorecard and exception report", DI, "Performance and quality assurance subgroup chair"),
    ItemSpec(
        "Section 11 returns still outstanding",
        DI,
        MANAGER,
        paper="Section 11: returns outstanding by agency",
        link=("section11.cycle", "West Mercia Section 11 audit"),
    ),
    ItemSpec(
        "The draft annual report",
        DI,
        CHAIR,
        paper="Annual report, draft for comment",
        link=("reports.report", "annual report"),
    ),
    ItemSpec(
        "Child sexual exploitation: quarterly report",
        INFO,
        "Chair of the CSE subgroup",
        paper="CSE panel report",
        link=("plans.priority", "Children who go missing"),
    ),
    ItemSpec(
        "Board pack: performance for the quarter",
        INFO,
        MANAGER,
        paper="Board pack for the meeting",
        link=("reports.report", "Board pack: Board"),
    ),
    ItemSpec(
        "The risk register",
        DI,
        MANAGER,
        paper="Risk register",
        link=("governance.risk-register", "The risk register"),
    ),
)


def _item(spec: ItemSpec, *, meeting: Meeting, agencies: dict, actor, paper: str = "", confidential: bool = False):
    item = agenda_item_add(
        actor=actor,
        meeting=meeting,
        title=spec.title,
        purpose=spec.purpose,
        presenter=spec.presenter,
        presenter_agency=agencies.get(spec.agency) if spec.agency else None,
        confidential=confidential,
        paper=paper,
    )
    if spec.paper and not paper:
        # A paper of the time, named as the agenda named it (its document is not in Assure).
        AgendaItem.objects.filter(pk=item.pk).update(paper_label=spec.paper)
        item.paper_label = spec.paper
    return item


def _minute(item: AgendaItem, spec: ItemSpec, *, actor, today: dt.date) -> None:
    if spec.decision or spec.minutes:
        item_minutes_record(actor=actor, item=item, decision=spec.decision, minutes=spec.minutes, today=today)


def _exception_report_paper(*, actor, partnership, held_on: dt.date) -> str:
    """The paper choice naming the exception report made for the meeting, if there is one."""
    kind = linkable_kind("performance.exception-report")
    if kind is None:
        return ""
    day = f"{held_on.day} {held_on:%B %Y}"
    return next(
        (f"{kind.key}:{pk}" for pk, label in kind.choices(user=actor, partnership=partnership) if day in label), ""
    )


PUBLISHED_DAYS_BEFORE = 7


def _published_before(meeting: Meeting, *, actor) -> None:
    """Record a past meeting's agenda as sent out a week before it, as ``agenda_publish`` would
    have recorded it then (the service refuses a meeting that has taken place, and its notices
    are long read)."""
    sent = dt.datetime.combine(meeting.held_on - dt.timedelta(days=PUBLISHED_DAYS_BEFORE), dt.time(9, 0))
    MeetingMinutes.objects.update_or_create(
        meeting=meeting,
        defaults={"agenda_published_at": timezone.make_aware(sent), "agenda_published_by": actor},
    )


def agendas_load(*, partnerships: dict, agencies: dict, users: dict, today: dt.date) -> int:
    """Write the agendas and minutes; return how many agenda items were written."""
    partnership = partnerships[region.SHROPSHIRE]
    actor = users[(region.SHROPSHIRE, "business-unit")]
    board = Meeting.objects.filter(partnership=partnership, subgroup=None)
    written = 0
    year_meetings = [board.get(held_on=day) for day in sorted(MEETING_ITEMS)]
    for meeting in year_meetings:
        for spec in MEETING_ITEMS[meeting.held_on]:
            if meeting.held_on == meetings.CONFIDENTIAL_MEETING and spec.title == meetings.CONFIDENTIAL_HEADING:
                item = _item(spec, meeting=meeting, agencies=agencies, actor=actor, confidential=True)
                # The demo's confidential minute of this meeting is the item's minutes.
                minute = ConfidentialMinute.objects.filter(meeting=meeting, heading=spec.title).first()
                AgendaItem.objects.filter(pk=item.pk).update(confidential_minute=minute)
            else:
                item = _item(spec, meeting=meeting, agencies=agencies, actor=actor)
                _minute(item, spec, actor=actor, today=today)
            written += 1
        _published_before(meeting, actor=actor)
    # Each set of minutes approved at the next meeting; the year's last still draft.
    for meeting in year_meetings[:-1]:
        minutes_approve(actor=actor, meeting=meeting, today=today)

    last = board.filter(held_on__lt=today).order_by("-held_on").first()
    if last is not None and last.held_on not in MEETING_ITEMS:
        for spec in LAST_MEETING_ITEMS:
            _minute(_item(spec, meeting=last, agencies=agencies, actor=actor), spec, actor=actor, today=today)
            written += 1
        _published_before(last, actor=actor)

    upcoming = board.filter(held_on=today + dt.timedelta(days=meetings.NEXT_MEETING_IN_DAYS)).first()
    if upcoming is not None:
        for spec in NEXT_MEETING_ITEMS:
            paper = ""
            if spec.title.startswith("Scorecard"):
                paper = _exception_report_paper(actor=actor, partnership=partnership, held_on=upcoming.held_on)
            _item(spec, meeting=upcoming, agencies=agencies, actor=actor, paper=paper)
            written += 1
        agenda_publish(actor=actor, meeting=upcoming, today=today)
    return written
