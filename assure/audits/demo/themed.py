"""Shropshire's themed audits in the demo: the multi-agency audit of children made subject to a
second child protection plan within two years, carried out in September 2014 after the scorecard
showed the number rising fast (annual report §5.13), its findings, the actions raised from three
of them and its report to the board in October 2014; the further audit commissioned when the
number kept rising (§5.14), dated from the day of loading, two agencies' answers overdue; and a
deep dive cancelled before it began.

The findings are the report's, written afresh; the files, grades and actions are invented."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from assure.actions.models import Action, ActionUpdate
from assure.demo import region

from ..models import Audit, Finding
from .programme import DEV, ST, AuditSpec, CaseSpec, FindingSpec, _at, files

S = Audit.Status
SECOND_PLANS_INDICATOR = "csc-cp-plans-second-2-years-percent"
SECOND_PLANS_AGENCIES = ("shropshire-csc", "police", "shropshire-community-health", "sssft", "probation")
# The first audit found children's voices and plans the weakest: their files answer "no" more often.
SECOND_PLANS_WEAK = frozenset({"sc-child-heard", "sc-plan-smart"})

SECOND_PLANS_FINDINGS = (
    FindingSpec(
        ST,
        "Analysis of risk",
        "In several files the assessment weighed the family's history, not only the latest incident, and set "
        "out clearly why the child was at risk of significant harm.",
    ),
    FindingSpec(
        DEV,
        "The voice of the child",
        "Children's views reached conference mostly second hand, summarised in the social worker's report; few "
        "children were helped to take part or to say directly what life at home was like.",
    ),
    FindingSpec(
        DEV,
        "The child's journey",
        "Files told the story of each plan but not of the child: nobody had put together what had happened to "
        "the child between the first plan ending and the second beginning.",
    ),
    FindingSpec(
        DEV,
        "Repeated plans",
        "Where a child came back onto a plan, the new plan often repeated the old one, with little on why the "
        "first had not lasted or what would be done differently this time.",
    ),
    FindingSpec(
        DEV,
        "SMARTer plans",
        "Plans listed tasks rather than outcomes for the child: few said what would show the child was safer, "
        "by when, and who would check.",
    ),
    FindingSpec(
        DEV,
        "Core groups",
        "Core groups met, but their notes recorded who came and what each agency had done rather than whether "
        "the plan was working; they seldom asked for the plan to be changed.",
    ),
    FindingSpec(
        DEV,
        "Ending a plan and stepping down",
        "The reasons a conference gave for ending a plan, and the step-down plan that followed, were not always "
        "recorded, so families and agencies were unclear what help should continue.",
    ),
)


@dataclass(frozen=True)
class FindingActionSpec:
    theme: str  # the finding's theme
    title: str
    description: str
    owner_agency: str
    owner_name: str
    due_on: dt.date
    completed_on: dt.date
    update: str


FINDING_ACTIONS = (
    FindingActionSpec(
        "SMARTer plans",
        "Rewrite the child protection plan template around outcomes for the child",
        "Each outcome to say what will show the child is safer, by when, and who checks; chairs to return plans "
        "that do not.",
        "shropshire-csc",
        "Conference and reviewing manager",
        dt.date(2015, 1, 30),
        dt.date(2015, 1, 26),
        "The new template is used at every conference from February 2015; chairs have returned four plans.",
    ),
    FindingActionSpec(
        "Core groups",
        "Agree how core groups review progress against each outcome of the plan",
        "Multi-agency guidance for core groups, then an audit of ten core groups' notes against it.",
        "shropshire-csc",
        "Head of safeguarding, Children's Social Care",
        dt.date(2015, 3, 31),
        dt.date(2015, 4, 14),
        "Guidance issued in February; the audit of ten core groups' notes found eight reviewing progress.",
    ),
    FindingActionSpec(
        "Ending a plan and stepping down",
        "Record the reasons for ending a plan and the step-down plan at every review conference",
        "The conference record to carry both, and the step-down plan to go to every agency within five days.",
        "shropshire-csc",
        "Conference and reviewing manager",
        dt.date(2014, 12, 31),
        dt.date(2014, 12, 19),
        "The conference record now has both sections, checked by the chair before the record is sent out.",
    ),
)

# The further audit: twelve files graded, six with the lead auditor, two waiting for one agency's answers.
REAUDIT_FILES = (
    *files("RRGRIRRGRRIR"),
    *(CaseSpec() for _ in range(6)),
    CaseSpec(drafts=("shropshire-community-health",), started=("shropshire-community-health",)),
    CaseSpec(drafts=("police",)),
)


def themed_specs(today: dt.date) -> list[AuditSpec]:
    return [
        AuditSpec(
            key="second-plans-2014",
            kind=Audit.Kind.THEMED,
            title="Children on a second child protection plan",
            theme="Children made subject to a second child protection plan within two years",
            priority="Compromised parenting",
            tier="oversight",
            question=(
                "Why did the number of children made subject to a second child protection plan within two years "
                "climb so steeply between June 2013 and March 2014, and what part did compromised parenting play?"
            ),
            source_indicator=SECOND_PLANS_INDICATOR,
            starts_on=dt.date(2014, 9, 1),
            ends_on=dt.date(2014, 9, 26),
            status=S.REPORTED,
            agencies=SECOND_PLANS_AGENCIES,
            cases=files("RRIRGRRIRR", "RRIRGRRIRR"),
            weak=SECOND_PLANS_WEAK,
            moderated_on=dt.date(2014, 10, 3),
            reported_on=dt.date(2014, 10, 16),
            created_on=dt.date(2014, 7, 24),
            summary=(
                "Ten files of children on a second plan within two years. Risk was often analysed well, but the "
                "second plan tended to repeat the first; children's own voices were rarely heard at conference; "
                "plans were not specific enough for core groups to test; and the reasons for ending a plan were "
                "not always recorded. The findings went back to managers and practitioners, and three actions "
                "were raised."
            ),
            findings=SECOND_PLANS_FINDINGS,
        ),
        AuditSpec(
            key="private-fostering-2015",
            kind=Audit.Kind.THEMED,
            title="Deep dive: children privately fostered",
            theme="Whether agencies notify and check private fostering arrangements",
            priority="High quality safeguarding practice",
            tier="oversight",
            question=(
                "Do agencies that meet privately fostered children tell the council, and are the arrangements checked?"
            ),
            starts_on=dt.date(2015, 2, 2),
            ends_on=dt.date(2015, 3, 13),
            status=S.CANCELLED,
            agencies=("shropshire-csc", "shropshire-education", "shropshire-community-health"),
            cancel_reason=(
                "Too few arrangements were known to audit files without the children being recognisable; the "
                "questions were put instead to the annual private fostering report."
            ),
            created_on=dt.date(2014, 12, 10),
        ),
        AuditSpec(
            key="second-plans-reaudit",
            kind=Audit.Kind.THEMED,
            title="Children on a second child protection plan: the further audit",
            theme="Children made subject to a second child protection plan within two years",
            priority="Compromised parenting",
            tier="oversight",
            question=(
                "The number of children on a second plan within two years has kept rising since the first audit: "
                "why, and have the actions that audit raised changed practice?"
            ),
            source_indicator=SECOND_PLANS_INDICATOR,
            follows="second-plans-2014",
            starts_on=today - dt.timedelta(days=110),
            ends_on=today - dt.timedelta(days=20),
            status=S.AUDITING,
            agencies=SECOND_PLANS_AGENCIES,
            files_planned=20,
            cases=REAUDIT_FILES,
            weak=SECOND_PLANS_WEAK,
            created_on=today - dt.timedelta(days=150),
        ),
    ]


def themed_actions_raise(*, audits: dict[str, Audit], agencies: dict, users: dict, today: dt.date) -> list[Action]:
    """Raise the first second-plans audit's three actions from its findings when it was reported,
    each completed in its year."""
    from ..services.findings import finding_action_raise

    business_unit = users[(region.SHROPSHIRE, "business-unit")]
    audit = audits["second-plans-2014"]
    raised = []
    for spec in FINDING_ACTIONS:
        finding = Finding.objects.get(audit=audit, theme=spec.theme)
        # Raised as due today (a new action cannot be due in the past), then given its year's dates.
        action = finding_action_raise(
            actor=business_unit,
            finding=finding,
            title=spec.title,
            description=spec.description,
            owner_agency=agencies[spec.owner_agency],
            owner_name=spec.owner_name,
            due_on=max(today, timezone.localdate()),
        )
        Action.objects.filter(pk=action.pk).update(
            due_on=spec.due_on,
            status=Action.Status.COMPLETED,
            completed_on=spec.completed_on,
            rag=Action.Rag.GREEN,
            created_at=_at(audit.reported_on),
        )
        ActionUpdate.objects.create(
            action=action,
            recorded_on=spec.completed_on,
            text=spec.update,
            author=business_unit,
            created_at=_at(spec.completed_on),
        )
        raised.append(action)
    return raised
