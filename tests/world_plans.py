"""The business plan's records of one side of the permission matrix: a priority (with no
scorecard lines, so it may be deleted) in the side's plan, an objective under it, the priority's
review of 2014-15 and a piece of evidence linked to it (an action of the side)."""

from assure.actions.tests.factories import ActionFactory
from assure.plans.tests.factories import (
    ObjectiveFactory,
    PriorityFactory,
    PriorityReviewFactory,
    ReviewEvidenceFactory,
)

PLANS_SAMPLES = {
    "plans:plan_detail": lambda s: {"pk": s.plan.pk},
    "plans:plan_edit": lambda s: {"pk": s.plan.pk},
    "plans:priority_create": lambda s: {"pk": s.plan.pk},
    "plans:priority_detail": lambda s: {"pk": s.plan_priority.pk},
    "plans:priority_edit": lambda s: {"pk": s.plan_priority.pk},
    "plans:priority_delete": lambda s: {"pk": s.plan_priority.pk},
    "plans:objective_create": lambda s: {"pk": s.plan_priority.pk},
    "plans:review": lambda s: {"pk": s.plan_priority.pk, "year": s.plan_review.year},
    "plans:review_edit": lambda s: {"pk": s.plan_priority.pk, "year": s.plan_review.year},
    "plans:objective_detail": lambda s: {"pk": s.objective.pk},
    "plans:objective_edit": lambda s: {"pk": s.objective.pk},
    "plans:objective_delete": lambda s: {"pk": s.objective.pk},
    "plans:objective_action_create": lambda s: {"pk": s.objective.pk},
    "plans:evidence_add": lambda s: {"pk": s.plan_review.pk},
    "plans:evidence_remove": lambda s: {"pk": s.plan_evidence.pk},
}


def plans_records(partnership, agency, recorder) -> dict:
    priority = PriorityFactory(partnership=partnership, title="Compromised parenting")
    review = PriorityReviewFactory(priority=priority, year="2014-15", updated_by=recorder)
    done = ActionFactory(partnership=partnership, owner_agency=agency, created_by=recorder)
    return {
        "plan": priority.plan,
        "plan_priority": priority,
        "objective": ObjectiveFactory(priority=priority),
        "plan_review": review,
        "plan_evidence": ReviewEvidenceFactory(review=review, target=done, label=f"Action {done.reference}"),
    }
