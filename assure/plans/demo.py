"""Shropshire's business plan 2014-17 for the demo: the four priorities the board worked to in
2014-15 (annual report §4.1, with high quality safeguarding practice from §4.2's second strategic
objective), the strategic objectives under them in the demo's own words, a few live actions
delivering them, and the 2014-15 review of every priority, written afresh from the report's facts.

``plans_demo_load`` writes the plan before the other systems' demo loaders run, so the scorecard
and the annual report take its priorities; ``plans_demo_evidence`` links the evidence once the
records it points at (scorecard indicators, Section 11 cycles, the tracker's actions) exist."""

import datetime as dt
from dataclasses import dataclass

from assure.accounts.models import User
from assure.actions.models import Action
from assure.core.links import linkable_kind
from assure.demo import region
from assure.partnerships.models import Agency, Partnership

from .models import Plan, Priority
from .services import objective_action_raise, objective_create, plan_create, priority_create, review_save

YEAR = "2014-15"
PLAN_TITLE = "Business plan 2014-17"
VISION = (
    "Every child in Shropshire grows up safe, with partners who notice early, act together and can show "
    "that what they do makes children safer."
)


@dataclass(frozen=True)
class ActionSpec:
    title: str
    owner: str  # agency key of assure.demo.region
    due_in_days: int  # from the day the demo is loaded
    owner_name: str = ""


@dataclass(frozen=True)
class ObjectiveSpec:
    title: str
    actions: tuple[ActionSpec, ...] = ()


@dataclass(frozen=True)
class ReviewSpec:
    done: str
    difference: str
    following: str


@dataclass(frozen=True)
class PrioritySpec:
    title: str
    why: str
    objectives: tuple[ObjectiveSpec, ...]
    review: ReviewSpec
    # Evidence of the 2014-15 review: (linkable kind, how the record is found, note).
    evidence: tuple[tuple[str, str, str], ...] = ()


PRIORITIES = (
    PrioritySpec(
        "Compromised parenting",
        "Children whose parents live with domestic abuse, misuse drugs or alcohol, or have poor mental health "
        "are at greater risk of harm, and these factors recur in the lives of children on plans or coming into care.",
        (
            ObjectiveSpec(
                "Partners spot early when parenting is compromised by domestic abuse, substance misuse or mental "
                "ill health, and offer help before risks grow.",
                (
                    ActionSpec(
                        "Publish the practitioner toolkit for children living with domestic abuse",
                        "shropshire-csc",
                        45,
                        "Domestic abuse strategy lead",
                    ),
                ),
            ),
            ObjectiveSpec(
                "Adult and children's services work to one protocol when a parent misuses drugs or alcohol.",
                (
                    ActionSpec(
                        "Report how often the substance misuse protocol was used in its first year",
                        "shropshire-public-health",
                        -10,
                        "Commissioner for substance misuse services",
                    ),
                ),
            ),
        ),
        ReviewSpec(
            "- Renewed the joint working protocol between substance misuse services and children's services, "
            "with a way of checking that it is used.\n"
            "- Trained 54 practitioners on compromised parenting.\n"
            "- Started a strategy for children living with domestic abuse, with referral routes for practitioners.\n"
            "- Held the board's conference on compromised parenting for 179 delegates.\n"
            "- Found funding, with the community safety partnership, for a voluntary programme for perpetrators.",
            "- Delegates said the conference changed how they see a child's daily life with a parent who drinks "
            "or uses drugs.\n"
            "- Parents on the 'Understanding your Child' course told us their children now talk to them more "
            "openly.\n"
            "- More families had an early help assessment than the year before.",
            "- Launch the domestic abuse strategy and its toolkit.\n"
            "- Start the perpetrator programme and report on its first year.\n"
            "- Hold a workshop on emotional wellbeing and mental health with the other strategic partnerships.",
        ),
        (
            ("performance.indicator", "eh-assessments", "Early help reached more families as the work took hold."),
            (
                "performance.indicator",
                "csc-cp-plans-second-2-years-percent",
                "Fewer children needed a second plan within two years.",
            ),
            ("actions.action", "Launch the strategy for children affected by domestic abuse", "The strategy is out."),
        ),
    ),
    PrioritySpec(
        "Children who go missing, child sexual exploitation and trafficking",
        "Children who go missing, often from children's homes, are the most exposed to sexual exploitation: "
        "every partner needs to recognise the signs and act on them together.",
        (
            ObjectiveSpec(
                "Every child who goes missing is found, asked why and protected from exploitation, under one "
                "protocol across West Mercia.",
                (
                    ActionSpec(
                        "Check with the West Mercia boards how the protocol for missing children is working",
                        "police",
                        60,
                        "Detective inspector, public protection",
                    ),
                ),
            ),
            ObjectiveSpec(
                "Young people, parents, schools and businesses know the signs of sexual exploitation and whom to tell.",
                (
                    ActionSpec(
                        "Take the exploitation awareness play to every secondary school",
                        "shropshire-education",
                        120,
                        "Education safeguarding adviser",
                    ),
                ),
            ),
        ),
        ReviewSpec(
            "- Put the new police definition of missing into practice across the area from September 2014.\n"
            "- Added an exploitation risk assessment to the form private care providers send when a child "
            "moves in.\n"
            "- Trained practitioners, councillors and the licensing team, and ran a campaign for businesses.\n"
            "- Ran eight more sessions of the keep-safe programme for young women at risk.",
            "- 50 children were referred to the exploitation panel, against 11 the year before: practitioners "
            "recognise the signs sooner.\n"
            "- 42 young women took part in the keep-safe programme, and most of those referred were judged "
            "safer afterwards.\n"
            "- The e-safety survey found fewer young people meeting strangers from the internet than a year "
            "earlier.",
            "- Check how well the protocol for missing children works, with the other West Mercia boards.\n"
            "- Take the exploitation campaign into every secondary school.\n"
            "- Involve children and their families in the work of the exploitation panel.",
        ),
        (("performance.indicator", "cse-panel-referrals", "More referrals to the panel show greater awareness."),),
    ),
    PrioritySpec(
        "Communication",
        "Safeguarding is everyone's business: partners, employers and the public need to know what to look for "
        "and whom to tell.",
        (
            ObjectiveSpec(
                "The board is heard: partners, practitioners, children, families and the public know what it does "
                "and how to raise a concern.",
                (
                    ActionSpec(
                        "Move the board's website to a new host with pages written by young people",
                        "shropshire-csc",
                        90,
                        "Board business manager",
                    ),
                ),
            ),
        ),
        ReviewSpec(
            "- Added young people's own e-safety videos to the board's website.\n"
            "- Ran a month-long awareness campaign with hotels, the football club and social media.\n"
            "- Published a learning briefing for practitioners after each review.",
            "- The campaign's messages reached over 400,000 people on social media.\n"
            "- A parent wrote to say the website's e-safety pages helped her protect her daughter online.\n"
            "- Schools' Section 11 audits show the message reaching them.",
            "- Review the communication strategy and measure each campaign's reach.\n"
            "- Rebuild the website with young people.\n"
            "- Set up a junior board with the further education colleges.",
        ),
        (
            ("performance.indicator", "training-delegates", "More practitioners took up the board's training."),
            ("section11.cycle", YEAR, "The schools' and settings' audits show how far the message has reached."),
        ),
    ),
    PrioritySpec(
        "High quality safeguarding practice",
        "The board checks that children get the right help at the right time, from the first referral to a "
        "child protection plan or care, from a workforce that is well trained and well supervised.",
        (
            ObjectiveSpec(
                "The board meets its statutory duties with a culture of shared accountability, respectful "
                "challenge and learning."
            ),
            ObjectiveSpec(
                "Children get help, protection and care of high quality from a knowledgeable, well-trained workforce.",
                (
                    ActionSpec(
                        "Report attendance at child protection conferences agency by agency to each board meeting",
                        "shropshire-csc",
                        30,
                        "Conference and reviewing manager",
                    ),
                ),
            ),
        ),
        ReviewSpec(
            "- Audited the cases of children made subject to a second child protection plan.\n"
            "- Challenged how the outcomes of referrals are recorded.\n"
            "- Followed GP attendance at conferences through the health safeguarding group.",
            "- Conferences more often had every key agency present or reporting.\n"
            "- GP reports reached more initial conferences.",
            "- Audit section 47 enquiries that end without a conference.\n"
            "- Report conference attendance agency by agency.\n"
            "- Commission a second audit of repeat child protection plans.",
        ),
        (
            ("performance.indicator", "cpc-agencies-present-percent", "More conferences had every key agency present."),
            (
                "actions.action",
                "Raise GPs' contribution to initial child protection conferences",
                "GP reports reach more conferences.",
            ),
            (
                "actions.action",
                "Find out why more children are subject to a second child protection plan",
                "A second audit is under way.",
            ),
        ),
    ),
)


class PlansDemoFailed(Exception):
    """The demo's plan could not be written; the message says what was refused."""


def plans_demo_load(
    *,
    partnerships: dict[str, Partnership],
    agencies: dict[str, Agency],
    users: dict[tuple[str, str], User],
    today: dt.date,
) -> Plan:
    """Shropshire's plan, its priorities and objectives, live actions under the objectives (dated
    from ``today``) and the 2014-15 review of each priority."""
    partnership = partnerships[region.SHROPSHIRE]
    actor = users[(region.SHROPSHIRE, "business-unit")]
    plan = plan_create(actor=actor, partnership=partnership, title=PLAN_TITLE, period="2014-17", vision=VISION)
    for spec in PRIORITIES:
        priority = priority_create(actor=actor, plan=plan, title=spec.title, description=spec.why)
        for objective_spec in spec.objectives:
            objective = objective_create(actor=actor, priority=priority, title=objective_spec.title)
            for action in objective_spec.actions:
                # An action already overdue is raised as due today, then given its date.
                raised = objective_action_raise(
                    actor=actor,
                    objective=objective,
                    title=action.title,
                    owner_agency=agencies[action.owner],
                    due_on=today + dt.timedelta(days=max(action.due_in_days, 0)),
                    owner_name=action.owner_name,
                )
                if action.due_in_days < 0:
                    Action.objects.filter(pk=raised.pk).update(due_on=today + dt.timedelta(days=action.due_in_days))
        review = spec.review
        review_save(
            actor=actor,
            priority=priority,
            year=YEAR,
            what_done=review.done,
            what_difference=review.difference,
            what_next=review.following,
        )
    return plan


def plans_demo_evidence(*, partnerships: dict[str, Partnership], users: dict[tuple[str, str], User]) -> int:
    """Link the 2014-15 reviews' evidence, once the scorecard, the Section 11 cycles and the
    tracker hold the records; the number of pieces linked."""
    from .services import review_evidence_add

    partnership = partnerships[region.SHROPSHIRE]
    actor = users[(region.SHROPSHIRE, "business-unit")]
    linked = 0
    for spec in PRIORITIES:
        priority = Priority.objects.get(partnership=partnership, plan__title=PLAN_TITLE, title=spec.title)
        review = priority.reviews.get(year=YEAR)
        for key, wanted, note in spec.evidence:
            for pk in _records(key, wanted, actor=actor, partnership=partnership):
                review_evidence_add(actor=actor, review=review, key=key, pk=pk, note=note)
                linked += 1
    return linked


def _records(key: str, wanted: str, *, actor: User, partnership: Partnership) -> list[str]:
    """The ids of the records of kind ``key`` the demo names: an indicator by its code, the Section
    11 cycles of a year, an action by its title."""
    kind = linkable_kind(key)
    if kind is None:
        raise PlansDemoFailed(f"No kind of record {key} is registered for evidence.")
    choices = kind.choices(user=actor, partnership=partnership)
    field = {"performance.indicator": "code", "section11.cycle": "year"}.get(key)
    if field:
        found = [
            pk
            for pk, _ in choices
            if getattr(kind.find(user=actor, partnership=partnership, pk=pk), field, "") == wanted
        ]
    else:
        found = [pk for pk, label in choices if label.split(": ", 1)[-1].startswith(wanted)]
    if not found:
        raise PlansDemoFailed(f"The demo's evidence names {wanted}, which Shropshire does not hold as {kind.label}.")
    return found
