"""Reads of what reviews found and recommended, and of their action plans: a review's findings and
recommendations, each recommendation with the actions it raised and their latest update (read for
all the recommendations at once), the progress reported to the subgroup, and the register of
action plans. Every function takes the requesting user: reviews are read by those who may read or
run them, and actions through the tracker's own selector."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from assure.accounts.models import User
from assure.actions.models import Action, ActionUpdate
from assure.actions.selectors import actions_visible_to
from assure.actions.tables import status_tag
from assure.partnerships.models import Meeting, Partnership

from ..models import ProgressReport, Recommendation, Review, ReviewFinding
from ..permissions import can_run_reviews, can_view_reviews, may_raise_review_actions, may_record_findings


def plan_reviews_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Review]:
    """The partnership's reviews whose findings, recommendations and action plans the user may
    read: those who read reviews and those who run them (their existence, type, status, findings
    and recommendations are not named case content)."""
    if not (
        can_view_reviews(user=user, partnership=partnership) or can_run_reviews(user=user, partnership=partnership)
    ):
        return Review.objects.none()
    return Review.objects.filter(partnership=partnership).select_related("partnership")


def review_findings_visible_to(*, user: User, partnership: Partnership) -> QuerySet[ReviewFinding]:
    reviews = plan_reviews_visible_to(user=user, partnership=partnership)
    return ReviewFinding.objects.filter(review__in=reviews).select_related("review", "review__partnership")


def recommendations_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Recommendation]:
    reviews = plan_reviews_visible_to(user=user, partnership=partnership)
    return Recommendation.objects.filter(review__in=reviews).select_related(
        "review", "review__partnership", "finding", "agency"
    )


# --- the actions of recommendations ----------------------------------------------------------------


@dataclass(frozen=True)
class ActionProgress:
    """An action raised from a recommendation, and how far it has got."""

    action: Action
    latest: ActionUpdate | None  # the newest progress update or evidence, if any

    @property
    def is_overdue(self) -> bool:
        return self.action.is_overdue

    @property
    def status_tag(self) -> str:
        return status_tag(self.action)


def _live(actions: Iterable) -> list:
    return [a for a in actions if a.action.status != Action.Status.CANCELLED]


@dataclass
class RecommendationRow:
    recommendation: Recommendation
    actions: list[ActionProgress] = field(default_factory=list)

    @property
    def actions_done(self) -> int:
        return sum(1 for a in self.actions if a.action.status == Action.Status.COMPLETED)

    @property
    def actions_live(self) -> int:
        """Its actions that were not cancelled."""
        return len(_live(self.actions))

    @property
    def is_done(self) -> bool:
        """Every action it raised (cancelled ones aside) is completed, and it raised at least one."""
        return self.actions_live > 0 and self.actions_done == self.actions_live


def recommendation_actions(
    *, user: User, partnership: Partnership, recommendations: Iterable[Recommendation]
) -> dict[int, list[ActionProgress]]:
    """The actions each recommendation raised that the user may see, with their latest update:
    one query for the actions and one for their updates, however many recommendations."""
    ids = [str(r.pk) for r in recommendations]
    if not ids:
        return {}
    updates = ActionUpdate.objects.exclude(kind=ActionUpdate.Kind.STATUS).order_by("-recorded_on", "-pk")
    actions = (
        actions_visible_to(user=user, partnership=partnership)
        .filter(source_type=ContentType.objects.get_for_model(Recommendation), source_id__in=ids)
        .prefetch_related(Prefetch("updates", queryset=updates, to_attr="progress_updates"))
        .order_by("reference")
    )
    grouped: dict[int, list[ActionProgress]] = defaultdict(list)
    for action in actions:
        latest = action.progress_updates[0] if action.progress_updates else None
        grouped[int(action.source_id)].append(ActionProgress(action=action, latest=latest))
    return grouped


def recommendation_rows(
    *, user: User, partnership: Partnership, recommendations: Iterable[Recommendation]
) -> list[RecommendationRow]:
    recommendations = list(recommendations)
    actions = recommendation_actions(user=user, partnership=partnership, recommendations=recommendations)
    return [RecommendationRow(recommendation=r, actions=actions.get(r.pk, [])) for r in recommendations]


# --- a review's findings and recommendations, and its action plan ---------------------------------


def review_findings(*, user: User, review: Review) -> dict:
    """The context of a review's findings and recommendations page: the findings in order, the
    recommendations in order with the finding each answers and the actions each raised, and what
    the person may do with them. The view has found the review through the reviews they may read."""
    partnership = review.partnership
    findings = list(ReviewFinding.objects.filter(review=review).order_by("number"))
    recommendations = Recommendation.objects.filter(review=review).select_related("finding", "agency")
    return {
        "review": review,
        "findings": findings,
        "rows": recommendation_rows(
            user=user, partnership=partnership, recommendations=recommendations.order_by("number")
        ),
        "may_record": may_record_findings(user=user, review=review),
        "may_raise": may_raise_review_actions(user=user, review=review),
    }


def action_plan(*, user: User, review: Review) -> dict:
    """The context of a review's action plan page: each recommendation with its actions (owner,
    due date, status and latest update), the counts, and the progress reported to meetings, the
    newest first."""
    partnership = review.partnership
    recommendations = Recommendation.objects.filter(review=review).select_related("finding", "agency")
    rows = recommendation_rows(user=user, partnership=partnership, recommendations=recommendations.order_by("number"))
    actions = [a for row in rows for a in _live(row.actions)]
    reports = list(
        ProgressReport.objects.filter(review=review)
        .select_related("meeting", "meeting__subgroup", "recorded_by")
        .order_by("-meeting__held_on", "-pk")
    )
    return {
        "review": review,
        "rows": rows,
        "actions": len(actions),
        "actions_done": sum(1 for a in actions if a.action.status == Action.Status.COMPLETED),
        "actions_overdue": sum(1 for a in actions if a.is_overdue),
        "recommendations_done": sum(1 for row in rows if row.is_done),
        "progress_reports": reports,
        "may_raise": may_raise_review_actions(user=user, review=review),
    }


def progress_meetings(*, user: User, review: Review) -> QuerySet[Meeting]:
    """The partnership's meetings a progress report may be given to, the newest first (the
    subgroups' and the board's)."""
    if not may_raise_review_actions(user=user, review=review):
        return Meeting.objects.none()
    return Meeting.objects.filter(partnership=review.partnership).select_related("subgroup").order_by("-held_on")


# --- the register of action plans ------------------------------------------------------------------


@dataclass
class PlanRow:
    """One review with recommendations, as the register of action plans shows it."""

    review: Review
    recommendations: int = 0
    recommendations_done: int = 0
    actions: int = 0
    actions_done: int = 0
    actions_overdue: int = 0
    latest_report: ProgressReport | None = None

    # What the table's columns read.
    @property
    def reference(self) -> str:
        return self.review.reference

    @property
    def title(self) -> str:
        return self.review.title

    @property
    def status(self) -> str:
        return self.review.get_status_display()

    @property
    def latest_reported_on(self) -> dt.date | None:
        return self.latest_report.meeting.held_on if self.latest_report else None


def action_plan_rows(
    *, user: User, partnership: Partnership, reviews: QuerySet[Review], today: dt.date | None = None
) -> list[PlanRow]:
    """Every review of ``reviews`` (already narrowed to those the user may read) that has
    recommendations, with the counts of its recommendations and their actions (cancelled ones
    left aside), completed and overdue on ``today``, and its latest progress report: four queries
    however many reviews."""
    today = today or timezone.localdate()
    recommendations = list(
        Recommendation.objects.filter(review__in=reviews).values_list("pk", "review_id").order_by("review_id", "pk")
    )
    if not recommendations:
        return []
    review_of = dict(recommendations)
    statuses: dict[int, list[Action]] = defaultdict(list)
    actions = (
        actions_visible_to(user=user, partnership=partnership)
        .filter(
            source_type=ContentType.objects.get_for_model(Recommendation),
            source_id__in=[str(pk) for pk in review_of],
        )
        .exclude(status=Action.Status.CANCELLED)
        .select_related(None)
        .only("pk", "status", "due_on", "source_id")
    )
    for action in actions:
        statuses[int(action.source_id)].append(action)
    rows = {
        review.pk: PlanRow(review=review)
        for review in reviews.filter(pk__in=set(review_of.values())).order_by("-decided_on", "-pk")
    }
    for recommendation_id, review_id in recommendations:
        row = rows.get(review_id)
        if row is None:
            continue
        raised = statuses.get(recommendation_id, [])
        done = sum(1 for a in raised if a.status == Action.Status.COMPLETED)
        row.recommendations += 1
        row.recommendations_done += 1 if raised and done == len(raised) else 0
        row.actions += len(raised)
        row.actions_done += done
        row.actions_overdue += sum(1 for a in raised if a.is_overdue_on(today))
    latest = (
        ProgressReport.objects.filter(review_id__in=rows)
        .select_related("meeting", "meeting__subgroup")
        .order_by("review_id", "-meeting__held_on", "-pk")
    )
    for report in latest:
        row = rows[report.review_id]
        if row.latest_report is None:
            row.latest_report = report
    return list(rows.values())


def recommendation_choices_of(review: Review) -> list[tuple[str, str]]:
    """The review's findings as choices of what a recommendation answers (the form's select)."""
    return [
        (str(f.pk), f"Finding {f.number}: {f.text[:80]}{'…' if len(f.text) > 80 else ''}")
        for f in ReviewFinding.objects.filter(review=review).order_by("number")
    ]
