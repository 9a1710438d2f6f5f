"""Every change to what a review found and recommended, and to its action plan: recording,
changing and deleting its findings and recommendations (each numbered within the review; a number,
once given, stays with its finding or recommendation, since reports and actions cite it), raising
an action from a recommendation (the one Action of the tracker, whose ``source`` is the
recommendation) and reporting the plan's progress to a meeting of the partnership.

Each service tells the computed indicators that the reviews' records changed, for the financial
year of the review's decision (the year its figures count it in)."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max

from assure.accounts.models import User
from assure.actions.models import Action
from assure.actions.services import action_create
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.services import model_update
from assure.partnerships.models import Agency, Meeting
from assure.partnerships.years import financial_year_of

from ..models import ProgressReport, Recommendation, Review, ReviewFinding
from ..permissions import ensure_may_raise_review_actions, ensure_may_record_findings

OWNER = "reviews"


def _changed(review: Review) -> None:
    records_changed(OWNER, partnership_ids=[review.partnership_id], years=[financial_year_of(review.decided_on)])


def _next_number(model: type[models.Model], review: Review) -> int:
    """The review's next number of its findings or recommendations; the review's row is locked
    first, so two people adding at once do not take the same number."""
    Review.objects.select_for_update(of=("self",)).filter(pk=review.pk).first()
    return (model.objects.filter(review=review).aggregate(last=Max("number"))["last"] or 0) + 1


def _text_problem(text: str, what: str) -> dict[str, str]:
    return {} if text.strip() else {"text": f"Enter the {what}, in words that identify nobody."}


# --- findings --------------------------------------------------------------------------------------


@transaction.atomic
def review_finding_create(*, actor: User, review: Review, text: str) -> ReviewFinding:
    """Record a finding of the review, numbered after its others."""
    ensure_may_record_findings(user=actor, review=review)
    if problems := _text_problem(text, "finding"):
        raise ValidationError(problems)
    finding = ReviewFinding(review=review, number=_next_number(ReviewFinding, review), text=text.strip())
    finding.full_clean()
    finding.save()
    event_record(
        actor=actor,
        verb="reviews.finding_recorded",
        target=review,
        partnership=review.partnership,
        summary=f"Finding {finding.number} recorded for review {review.reference}",
        data={"finding": finding.pk},
    )
    _changed(review)
    return finding


@transaction.atomic
def review_finding_update(*, actor: User, finding: ReviewFinding, text: str) -> list[str]:
    """Change the finding's words. Returns the fields changed."""
    review = finding.review
    ensure_may_record_findings(user=actor, review=review)
    if problems := _text_problem(text, "finding"):
        raise ValidationError(problems)
    changed = model_update(instance=finding, fields=["text"], data={"text": text.strip()})
    if changed:
        event_record(
            actor=actor,
            verb="reviews.finding_changed",
            target=review,
            partnership=review.partnership,
            summary=f"Finding {finding.number} of review {review.reference} changed",
            data={"finding": finding.pk, "fields": changed},
        )
        _changed(review)
    return changed


def finding_delete_problem(finding: ReviewFinding) -> str:
    """Why the finding cannot be deleted now, or "": a recommendation answering it would lose
    what it answers."""
    numbers = list(finding.recommendations.order_by("number").values_list("number", flat=True))
    if not numbers:
        return ""
    named = ", ".join(str(n) for n in numbers)
    plural = "s" if len(numbers) > 1 else ""
    return (
        f"Recommendation{plural} {named} answer{'' if plural else 's'} this finding. Change "
        f"{'them' if plural else 'it'} to answer another finding, or none, before deleting it."
    )


@transaction.atomic
def review_finding_delete(*, actor: User, finding: ReviewFinding) -> None:
    """Delete the finding; refused while a recommendation answers it."""
    review = finding.review
    ensure_may_record_findings(user=actor, review=review)
    if problem := finding_delete_problem(finding):
        raise ValidationError(problem)
    event_record(
        actor=actor,
        verb="reviews.finding_deleted",
        target=review,
        partnership=review.partnership,
        summary=f"Finding {finding.number} of review {review.reference} deleted",
        data={"finding": finding.pk, "number": finding.number},
    )
    finding.delete()
    _changed(review)


# --- recommendations -------------------------------------------------------------------------------


def _recommendation_problems(
    *, review: Review, text: str, finding: ReviewFinding | None, agency: Agency | None
) -> dict[str, str]:
    problems = _text_problem(text, "recommendation")
    if finding is not None and finding.review_id != review.pk:
        problems["finding"] = "Choose a finding of this review, or none."
    if agency is not None and not agency.partnerships.filter(pk=review.partnership_id).exists():
        problems["agency"] = "Choose one of the partnership's agencies, or the partnership as a whole."
    return problems


@transaction.atomic
def recommendation_create(
    *,
    actor: User,
    review: Review,
    text: str,
    finding: ReviewFinding | None = None,
    agency: Agency | None = None,
) -> Recommendation:
    """Record a recommendation of the review, numbered after its others: optionally the finding
    it answers and the agency it is addressed to (none: the partnership as a whole)."""
    ensure_may_record_findings(user=actor, review=review)
    if problems := _recommendation_problems(review=review, text=text, finding=finding, agency=agency):
        raise ValidationError(problems)
    recommendation = Recommendation(
        review=review,
        number=_next_number(Recommendation, review),
        text=text.strip(),
        finding=finding,
        agency=agency,
    )
    recommendation.full_clean()
    recommendation.save()
    event_record(
        actor=actor,
        verb="reviews.recommendation_made",
        target=review,
        partnership=review.partnership,
        summary=f"Recommendation {recommendation.number} recorded for review {review.reference}",
        data={"recommendation": recommendation.pk},
    )
    _changed(review)
    return recommendation


@transaction.atomic
def recommendation_update(
    *,
    actor: User,
    recommendation: Recommendation,
    text: str,
    finding: ReviewFinding | None = None,
    agency: Agency | None = None,
) -> list[str]:
    """Change the recommendation's words, the finding it answers or the agency it is addressed
    to. Returns the fields changed."""
    review = recommendation.review
    ensure_may_record_findings(user=actor, review=review)
    if problems := _recommendation_problems(review=review, text=text, finding=finding, agency=agency):
        raise ValidationError(problems)
    changed = model_update(
        instance=recommendation,
        fields=["text", "finding", "agency"],
        data={"text": text.strip(), "finding": finding, "agency": agency},
    )
    if changed:
        event_record(
            actor=actor,
            verb="reviews.recommendation_changed",
            target=review,
            partnership=review.partnership,
            summary=f"Recommendation {recommendation.number} of review {review.reference} changed",
            data={"recommendation": recommendation.pk, "fields": changed},
        )
        _changed(review)
    return changed


def actions_raised(recommendation: Recommendation) -> models.QuerySet[Action]:
    """Every action raised from the recommendation, whoever may see them (a rule's check, not a
    page's read: pages read actions through the tracker's selector)."""
    return Action.objects.filter(
        source_type=ContentType.objects.get_for_model(Recommendation), source_id=str(recommendation.pk)
    )


RAISED_PROBLEM = "An action has been raised from this recommendation, so it stays on the review."


@transaction.atomic
def recommendation_delete(*, actor: User, recommendation: Recommendation) -> None:
    """Delete the recommendation; refused once an action has been raised from it (the action
    would lose the recommendation that explains it)."""
    review = recommendation.review
    ensure_may_record_findings(user=actor, review=review)
    if actions_raised(recommendation).exists():
        raise ValidationError(RAISED_PROBLEM)
    event_record(
        actor=actor,
        verb="reviews.recommendation_deleted",
        target=review,
        partnership=review.partnership,
        summary=f"Recommendation {recommendation.number} of review {review.reference} deleted",
        data={"recommendation": recommendation.pk, "number": recommendation.number},
    )
    recommendation.delete()
    _changed(review)


def recommendation_label(recommendation: Recommendation) -> str:
    """How an action names the recommendation that raised it: "RV-004 recommendation 2" (never a
    child: the review's reference and the recommendation's number only)."""
    return f"{recommendation.review.reference} recommendation {recommendation.number}"


@transaction.atomic
def recommendation_action_raise(
    *,
    actor: User,
    recommendation: Recommendation,
    title: str,
    owner_agency: Agency,
    due_on: dt.date,
    description: str = "",
    owner: User | None = None,
    owner_name: str = "",
    rag: str = "",
) -> Action:
    """Raise an action in the tracker from the recommendation (its source, so the action links back
    to it and shows on the review's action plan). The business unit's; the action's own rules are
    action_create's."""
    review = recommendation.review
    ensure_may_raise_review_actions(user=actor, review=review)
    action = action_create(
        actor=actor,
        partnership=review.partnership,
        title=title,
        owner_agency=owner_agency,
        due_on=due_on,
        description=description,
        owner=owner,
        owner_name=owner_name,
        rag=rag,
        source=recommendation,
        source_label=recommendation_label(recommendation),
    )
    _changed(review)
    return action


# --- progress reported to the subgroup -------------------------------------------------------------


@transaction.atomic
def progress_report_add(*, actor: User, review: Review, meeting: Meeting | None, summary: str) -> ProgressReport:
    """Record the action plan's progress as reported to a meeting of the partnership (the learning
    and improvement subgroup's, usually)."""
    ensure_may_raise_review_actions(user=actor, review=review)
    problems = {}
    if meeting is None or meeting.partnership_id != review.partnership_id:
        problems["meeting"] = "Choose the meeting of the partnership the progress was reported to."
    if not summary.strip():
        problems["summary"] = "Enter what the meeting was told of the action plan's progress."
    if problems:
        raise ValidationError(problems)
    report = ProgressReport(review=review, meeting=meeting, summary=summary.strip(), recorded_by=actor)
    report.full_clean()
    report.save()
    event_record(
        actor=actor,
        verb="reviews.progress_reported",
        target=review,
        partnership=review.partnership,
        summary=f"Progress of review {review.reference}'s action plan reported to {meeting}",
        data={"progress_report": report.pk, "meeting": meeting.pk},
    )
    return report
