"""Shropshire's findings, recommendations and action plans in the demo: the serious case review led
by a neighbouring board (the seed's §5.5, its findings in fresh words), whose recommendations the
board took on as its own action plan with actions owned by Shropshire's agencies, some completed
and some still in progress, with their updates and the progress reported to the Learning and
Improvement subgroup; the SCIE learning review of the child sexual exploitation strategy and panel
(§5.6), one of whose recommendations still waits for its actions; and the first multi-agency audit
of a single case (§5.7).

The reviews come from the reviews' part (``made["reviews"]``); without them nothing is written.
People are invented; owners are named by their role. Actions are raised through the service as due
today (a new action cannot be due in the past) and then given the dates of their year: completed
ones in 2015, those still in progress due after the day of loading."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from assure.actions.models import Action, ActionUpdate
from assure.demo import region
from assure.partnerships.models import Meeting

from ..models import ProgressReport, Recommendation, Review
from ..services.recommendations import recommendation_action_raise, recommendation_create, review_finding_create

SUBGROUP = "Learning and Improvement"


@dataclass(frozen=True)
class ActionSpec:
    title: str
    owner_agency: str  # the agency's key in the region
    owner_name: str  # the owner's role: the demo's people are invented, owners named by role
    due_on: dt.date | None  # None: still in progress, due `due_in_days` after the day of loading
    completed_on: dt.date | None = None
    updates: tuple[tuple[dt.date, str], ...] = ()
    due_in_days: int = 0


@dataclass(frozen=True)
class RecommendationSpec:
    text: str
    finding: int | None  # the number of the finding it answers
    agency: str = ""  # the agency it is addressed to, or "" for the partnership as a whole
    actions: tuple[ActionSpec, ...] = ()


@dataclass(frozen=True)
class PlanSpec:
    review: str  # the key of the review in made["reviews"]
    findings: tuple[str, ...]
    recommendations: tuple[RecommendationSpec, ...]
    progress: tuple[tuple[dt.date, str], ...] = ()  # (the subgroup's meeting, what it was told)


D = dt.date

SCR = PlanSpec(
    review="scr",
    findings=(
        "The young person made several allegations about adults around them. Each was recorded, but none was "
        "looked into thoroughly enough to establish what had happened, and the pattern across them was not seen.",
        "Agencies knew a great deal about the young person's behaviour and very little about what daily life felt "
        "like for them: their own account of their experience was seldom sought or written down.",
        "A referral to child and adolescent mental health services waited many weeks for an assessment, and the "
        "move between areas reset the wait rather than carrying the referral across.",
        "No agency brought together what each knew: there was no coordinated multi-agency assessment of the "
        "young person's needs and risks after they arrived in the county.",
        "Placements made by an authority elsewhere were not monitored by anyone locally, and concerns about the "
        "suitability of the placement were not raised with the placing authority.",
    ),
    recommendations=(
        RecommendationSpec(
            "Children's social care to challenge the placing authority, formally and in writing, whenever a "
            "child placed in the county from elsewhere is in a placement that cannot meet their needs, and to "
            "report each challenge to the Learning and Improvement sub-group.",
            finding=5,
            agency="shropshire-csc",
            actions=(
                ActionSpec(
                    "Agree a protocol for challenging placing authorities about unsuitable placements",
                    "shropshire-csc",
                    "Head of service, looked-after children",
                    due_on=D(2015, 3, 31),
                    completed_on=D(2015, 3, 20),
                    updates=(
                        (D(2015, 1, 14), "Draft protocol shared with the police and health for comment."),
                        (D(2015, 3, 20), "Protocol agreed by the board; two challenges made under it so far."),
                    ),
                ),
                ActionSpec(
                    "Keep a register of children placed in the county by other authorities",
                    "shropshire-csc",
                    "Service manager, placements",
                    due_on=D(2015, 2, 27),
                    completed_on=D(2015, 2, 16),
                    updates=((D(2015, 2, 16), "Register in use; notifications from placing authorities logged."),),
                ),
            ),
        ),
        RecommendationSpec(
            "Mental health services to assess every looked-after child referred to them within the timescale "
            "for an urgent referral, including children placed in the county by other authorities, and to carry "
            "a referral across when a child moves area.",
            finding=3,
            agency="sssft",
            actions=(
                ActionSpec(
                    "Offer looked-after children an assessment appointment within four weeks of referral",
                    "sssft",
                    "Clinical lead, child and adolescent mental health services",
                    due_on=None,
                    due_in_days=75,
                    updates=(
                        (D(2015, 2, 2), "Dedicated looked-after children's clinic started one day a week."),
                        (D(2015, 3, 9), "Seven in ten assessments now within four weeks; waiting list halved."),
                    ),
                ),
            ),
        ),
        RecommendationSpec(
            "The police to make sure every allegation made by a looked-after young person is investigated and "
            "its outcome recorded and shared with the young person's social worker.",
            finding=1,
            agency="police",
            actions=(
                ActionSpec(
                    "Review how allegations by looked-after children are recorded and followed up",
                    "police",
                    "Detective inspector, protecting vulnerable people",
                    due_on=D(2015, 1, 31),
                    completed_on=D(2015, 1, 28),
                    updates=((D(2015, 1, 28), "Dip sample of 20 allegations done; guidance reissued to officers."),),
                ),
            ),
        ),
        RecommendationSpec(
            "The partnership to hold a multi-agency meeting within ten working days of a child with complex "
            "needs being placed in the county, so that agencies assess the child's needs and risks together.",
            finding=4,
            actions=(
                ActionSpec(
                    "Add a multi-agency planning meeting to the arrangements for children placed from elsewhere",
                    "shropshire-csc",
                    "Head of service, looked-after children",
                    due_on=None,
                    due_in_days=40,
                    updates=((D(2015, 3, 9), "Procedure drafted; piloted for three children placed this quarter."),),
                ),
            ),
        ),
        RecommendationSpec(
            "Every agency to record the young person's own account of their life and wishes at each review, and "
            "multi-agency training to teach practitioners how to seek it.",
            finding=2,
            actions=(
                ActionSpec(
                    "Put the child's lived experience into the multi-agency training programme",
                    "shropshire-ccg",
                    "Designated nurse for safeguarding children",
                    due_on=D(2015, 3, 31),
                    completed_on=D(2015, 3, 26),
                    updates=((D(2015, 3, 26), "Half-day course run twice, 48 practitioners trained."),),
                ),
            ),
        ),
    ),
    progress=(
        (
            D(2014, 11, 27),
            "The review's five recommendations are accepted as the board's own action plan; "
            "owners have been agreed for each.",
        ),
        (
            D(2015, 2, 26),
            "Two actions are complete and three on track. The wait for mental health assessments is "
            "falling but is still the sub-group's main concern; the clinic will report again in June.",
        ),
    ),
)

SCIE = PlanSpec(
    review="scie",
    findings=(
        "Practitioners understood the child sexual exploitation strategy differently: some thought the panel "
        "took over a case, others that it only advised, so actions agreed there were not always owned.",
        "Referrals to the panel came mostly from social care; schools and health services, who often saw the "
        "first signs, did not know how to bring a concern to it.",
        "Practitioners felt supported when a manager joined them to talk to a young person, and isolated when "
        "they were left to judge risk alone.",
    ),
    recommendations=(
        RecommendationSpec(
            "Rewrite the panel's terms of reference so that the lead agency and the owner of every action agreed "
            "at the panel are written down and reviewed at its next meeting.",
            finding=1,
            actions=(
                ActionSpec(
                    "New terms of reference for the child sexual exploitation panel",
                    "police",
                    "Chair of the child sexual exploitation panel",
                    due_on=D(2015, 3, 31),
                    completed_on=D(2015, 3, 12),
                    updates=((D(2015, 3, 12), "Terms of reference agreed; an action log is kept at each panel."),),
                ),
            ),
        ),
        RecommendationSpec(
            "Publish a simple route for schools and health staff to raise a concern about sexual exploitation "
            "with the panel.",
            finding=2,
        ),
    ),
    progress=(
        (
            D(2015, 2, 26),
            "The learning was presented to the sub-group by practitioners who took part; new terms of "
            "reference for the panel are with the board for agreement.",
        ),
    ),
)

AUDIT = PlanSpec(
    review="audit-1",
    findings=(
        "Each agency recorded its own contact with the family well, but none had the whole picture of how often "
        "the children had been seen by someone.",
        "The learning event showed practitioners were unsure when to call a professionals' meeting.",
    ),
    recommendations=(
        RecommendationSpec(
            "Issue practice guidance on when any agency may call a professionals' meeting.",
            finding=2,
            agency="shropshire-csc",
            actions=(
                ActionSpec(
                    "Practice guidance on professionals' meetings",
                    "shropshire-csc",
                    "Principal social worker",
                    due_on=D(2015, 2, 27),
                    completed_on=D(2015, 2, 20),
                    updates=((D(2015, 2, 20), "Guidance published in the board's procedures."),),
                ),
            ),
        ),
    ),
)

PLANS = (SCR, SCIE, AUDIT)


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def _meetings(partnership) -> dict[dt.date, Meeting]:
    return {
        m.held_on: m
        for m in Meeting.objects.filter(partnership=partnership, subgroup__name=SUBGROUP).order_by("held_on")
    }


def _write(plan: PlanSpec, review: Review, *, agencies: dict, business_unit, today: dt.date, meetings) -> None:
    findings = [review_finding_create(actor=business_unit, review=review, text=text) for text in plan.findings]
    for spec in plan.recommendations:
        recommendation: Recommendation = recommendation_create(
            actor=business_unit,
            review=review,
            text=spec.text,
            finding=findings[spec.finding - 1] if spec.finding else None,
            agency=agencies[spec.agency] if spec.agency else None,
        )
        for action_spec in spec.actions:
            _raise(action_spec, recommendation, agencies=agencies, business_unit=business_unit, today=today)
    for held_on, summary in plan.progress:
        meeting = meetings.get(held_on)
        if meeting is not None:
            ProgressReport.objects.create(
                review=review, meeting=meeting, summary=summary, recorded_by=business_unit, recorded_at=_at(held_on)
            )


def _raise(spec: ActionSpec, recommendation: Recommendation, *, agencies, business_unit, today: dt.date) -> None:
    action = recommendation_action_raise(
        actor=business_unit,
        recommendation=recommendation,
        title=spec.title,
        owner_agency=agencies[spec.owner_agency],
        owner_name=spec.owner_name,
        due_on=max(today, timezone.localdate()),
    )
    first = spec.updates[0][0] if spec.updates else (spec.due_on or today)
    if spec.completed_on:
        Action.objects.filter(pk=action.pk).update(
            due_on=spec.due_on,
            status=Action.Status.COMPLETED,
            completed_on=spec.completed_on,
            rag=Action.Rag.GREEN,
            created_at=_at(min(first, spec.completed_on) - dt.timedelta(days=30)),
        )
    else:
        Action.objects.filter(pk=action.pk).update(
            due_on=today + dt.timedelta(days=spec.due_in_days),
            status=Action.Status.IN_PROGRESS,
            rag=Action.Rag.AMBER,
            created_at=_at(first - dt.timedelta(days=30)),
        )
    for recorded_on, text in spec.updates:
        ActionUpdate.objects.create(
            action=action, recorded_on=recorded_on, text=text, author=business_unit, created_at=_at(recorded_on)
        )


def load(*, partnerships, agencies, users, today, made: dict) -> None:
    """Write the findings, recommendations and action plans of the reviews the reviews' part made
    (``made["reviews"]``); nothing when it made none."""
    reviews: dict[str, Review] = made.get("reviews") or {}
    if not reviews:
        return
    partnership = partnerships[region.SHROPSHIRE]
    business_unit = users[(region.SHROPSHIRE, "business-unit")]
    meetings = _meetings(partnership)
    written = {}
    for plan in PLANS:
        review = reviews.get(plan.review)
        if review is None or review.status == Review.Status.CANCELLED:
            continue
        _write(plan, review, agencies=agencies, business_unit=business_unit, today=today, meetings=meetings)
        written[plan.review] = review
    made["action_plans"] = written
