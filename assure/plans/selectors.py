"""Reads of the business plan, given the person asking: nothing for someone who may not read the
partnership's plan."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from assure.accounts.models import User
from assure.core.links import linked_url
from assure.partnerships.models import Partnership

from .models import Objective, Plan, Priority, PriorityReview, ReviewEvidence
from .permissions import can_view_plan


def plans_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Plan]:
    """The partnership's plans, the newest first."""
    if not can_view_plan(user=user, partnership=partnership):
        return Plan.objects.none()
    return Plan.objects.filter(partnership=partnership).order_by("-first_year", "-created_at", "-pk")


def current_plan(*, user: User, partnership: Partnership) -> Plan | None:
    """The plan the partnership works to now: the newest it recorded, or None."""
    return plans_visible_to(user=user, partnership=partnership).first()


def priorities_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Priority]:
    """Every priority of the partnership's plans, in the plan's order."""
    if not can_view_plan(user=user, partnership=partnership):
        return Priority.objects.none()
    return Priority.objects.filter(partnership=partnership).select_related("plan").order_by("position", "pk")


def plan_priorities(*, user: User, plan: Plan) -> QuerySet[Priority]:
    """The plan's priorities in order, each with its objectives (``priority.objectives.all()``)
    already fetched in order."""
    return (
        priorities_visible_to(user=user, partnership=plan.partnership)
        .filter(plan=plan)
        .prefetch_related(Prefetch("objectives", queryset=Objective.objects.order_by("position", "pk")))
    )


def objectives_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Objective]:
    if not can_view_plan(user=user, partnership=partnership):
        return Objective.objects.none()
    return Objective.objects.filter(priority__partnership=partnership).select_related("priority", "priority__plan")


def reviews_visible_to(*, user: User, partnership: Partnership) -> QuerySet[PriorityReview]:
    if not can_view_plan(user=user, partnership=partnership):
        return PriorityReview.objects.none()
    return PriorityReview.objects.filter(priority__partnership=partnership).select_related(
        "priority", "priority__plan", "updated_by"
    )


def evidence_visible_to(*, user: User, partnership: Partnership) -> QuerySet[ReviewEvidence]:
    if not can_view_plan(user=user, partnership=partnership):
        return ReviewEvidence.objects.none()
    return ReviewEvidence.objects.filter(review__priority__partnership=partnership).select_related(
        "review", "review__priority", "target_type"
    )


def plan_years(plan: Plan) -> list[str]:
    """The financial years the plan covers, the first first ("2014-15", "2015-16", "2016-17");
    empty when its period is not given."""
    if plan.first_year is None or plan.last_year is None:
        return []
    return [f"{start}-{(start + 1) % 100:02d}" for start in range(plan.first_year, plan.last_year + 1)]


@dataclass(frozen=True)
class EvidenceLink:
    """A piece of evidence as a reader sees it: its label, note, and the record's address when
    the reader may open it (empty otherwise)."""

    evidence: ReviewEvidence
    url: str


def review_evidence(*, user: User, review: PriorityReview) -> list[EvidenceLink]:
    """The evidence linked to a review, in order, each with its address for this reader."""
    partnership = review.priority.partnership
    return [
        EvidenceLink(
            evidence=item,
            url=linked_url(user=user, partnership=partnership, content_type=item.target_type, object_id=item.target_id),
        )
        for item in evidence_visible_to(user=user, partnership=partnership).filter(review=review)
    ]


def priority_review(*, user: User, priority: Priority, year: str) -> PriorityReview | None:
    """The year's review of the priority, or None when it has not been written."""
    return reviews_visible_to(user=user, partnership=priority.partnership).filter(priority=priority, year=year).first()


def plan_for_year(*, user: User, partnership: Partnership, year: str) -> Plan | None:
    """The plan covering the financial year ``year`` ("2014-15"); failing that (no such plan, or
    no year), the partnership's newest plan."""
    plans = plans_visible_to(user=user, partnership=partnership)
    if year[:4].isdigit():
        start = int(year[:4])
        covering = plans.filter(first_year__lte=start, last_year__gte=start).first()
        if covering is not None:
            return covering
    return plans.first()


def priorities_for_year(*, user: User, partnership: Partnership, year: str) -> list[Priority]:
    """The priorities of the plan covering ``year`` (see ``plan_for_year``), in order: those an
    annual report of that year has a section about."""
    plan = plan_for_year(user=user, partnership=partnership, year=year)
    if plan is None:
        return []
    return list(priorities_visible_to(user=user, partnership=partnership).filter(plan=plan))
