"""Every change to a case review: commissioned (numbered RV-001, RV-002... in its partnership),
its details changed, moved along its pipeline (``pipeline.py``), its final report attached and its
publication recorded; and practitioners' conversations recorded as notes."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.references import next_reference
from assure.core.services import model_update
from assure.partnerships.models import Agency, Partnership
from assure.partnerships.years import financial_year_of
from assure.plans.models import Priority
from assure.questionnaires.identifying import looks_like_a_name

from .. import documents
from ..models import Conversation, Referral, Review
from ..permissions import (
    ensure_can_manage_reviews,
    ensure_can_run_reviews,
    ensure_may_change_review,
)
from ..pipeline import PUBLISH, step_to
from ..scheme import scheme_for

REFERENCE_PREFIX = "RV-"
OWNER = "reviews"


def _changed(review: Review, *days: dt.date | None) -> None:
    """Tell the figures that the review's records changed, in the years of its dates."""
    years = {financial_year_of(day) for day in (review.decided_on, *days) if day}
    records_changed(OWNER, partnership_ids=[review.partnership_id], years=sorted(years))


def _agencies_problem(partnership: Partnership, agencies) -> str | None:
    allowed = set(Agency.objects.filter(partnership_links__partnership=partnership).values_list("pk", flat=True))
    if any(agency.pk not in allowed for agency in agencies):
        return "Choose agencies of this partnership."
    return None


def _details_problems(*, partnership: Partnership, values: dict, agencies) -> dict[str, str]:
    """What is wrong with a review's details, keyed by field, in the business unit's words."""
    problems: dict[str, str] = {}
    scheme = scheme_for(partnership)
    if scheme.term("review_types", values.get("kind") or "") is None:
        problems["kind"] = "Choose a type of review of the partnership's review scheme."
    if not values.get("title"):
        problems["title"] = "Enter a title for the review that identifies nobody."
    if values.get("decided_on") is None:
        problems["decided_on"] = "Enter the date the review was decided on."
    elif values["decided_on"] > timezone.localdate():
        problems["decided_on"] = "The decision cannot be in the future."
    referral: Referral | None = values.get("referral")
    if referral is not None and referral.partnership_id != partnership.pk:
        problems["referral"] = "Choose a case consideration of this partnership."
    priority: Priority | None = values.get("priority")
    if priority is not None and priority.partnership_id != partnership.pk:
        problems["priority"] = "Choose a priority of the partnership's business plan."
    learning_event_on = values.get("learning_event_on")
    if learning_event_on is not None and values.get("decided_on") and learning_event_on < values["decided_on"]:
        problems["learning_event_on"] = "The learning event cannot come before the decision to hold the review."
    if agencies is not None and (problem := _agencies_problem(partnership, agencies)):
        problems["agencies"] = problem
    return problems


def _clean(values: dict) -> dict:
    return {name: value.strip() if isinstance(value, str) else value for name, value in values.items()}


@transaction.atomic
def review_commission(
    *,
    actor: User,
    partnership: Partnership,
    kind: str,
    title: str,
    decided_on: dt.date,
    referral: Referral | None = None,
    agencies=(),
    lead_reviewer: str = "",
    led_elsewhere: str = "",
    priority: Priority | None = None,
    terms_of_reference: str = "",
    panel: str = "",
    authorised: bool = False,
) -> Review:
    """Commission a review of a type of the partnership's review scheme. Needs ``reviews.manage``
    unless ``authorised``: the chair's decision on a case consideration or a rapid review's
    outcome, whose own service checked its permission. Numbered RV-001 in the partnership.
    Raises ValidationError keyed by field."""
    if not authorised:
        ensure_can_manage_reviews(user=actor, partnership=partnership)
    agencies = list(agencies)
    values = _clean(
        {
            "kind": kind,
            "title": title,
            "decided_on": decided_on,
            "referral": referral,
            "lead_reviewer": lead_reviewer,
            "led_elsewhere": led_elsewhere,
            "priority": priority,
            "terms_of_reference": terms_of_reference,
            "panel": panel,
        }
    )
    problems = _details_problems(partnership=partnership, values=values, agencies=agencies)
    if problems:
        raise ValidationError(problems)
    review = Review(
        partnership=partnership,
        reference=next_reference(
            partnership=partnership,
            records=Review.objects.filter(partnership=partnership),
            prefix=REFERENCE_PREFIX,
            digits=3,
        ),
        created_by=actor if getattr(actor, "pk", None) else None,
        **values,
    )
    review.full_clean()
    review.save()
    review.agencies.set(agencies)
    event_record(
        actor=actor,
        verb="reviews.review_commissioned",
        target=review,
        partnership=partnership,
        summary=f"Review {review.reference} commissioned: {review.title}",
        data={
            "kind": review.kind,
            "agencies": [agency.pk for agency in agencies],
            "referral": referral.pk if referral else None,
        },
    )
    _changed(review)
    return review


# Details the business unit may change while the review runs (status, report and publication
# have their own services).
DETAIL_FIELDS = (
    "kind",
    "title",
    "lead_reviewer",
    "led_elsewhere",
    "priority",
    "decided_on",
    "terms_of_reference",
    "panel",
    "learning_event_on",
)
# Named case content: the trail and the event say it changed, never what it says.
RESTRICTED_FIELDS = ("terms_of_reference", "panel")


@transaction.atomic
def review_update(*, actor: User, review: Review, agencies=None, **changes) -> list[str]:
    """Change a review's details (only the fields passed, and its agencies when given) until it is
    published or cancelled. Returns the names of the fields that changed; records nothing when
    none did."""
    ensure_may_change_review(user=actor, review=review)
    unknown = set(changes) - set(DETAIL_FIELDS)
    if unknown:
        raise TypeError(f"review_update cannot set {', '.join(sorted(unknown))}")
    data = _clean(changes)
    values = {name: data.get(name, getattr(review, name)) for name in DETAIL_FIELDS}
    values["referral"] = review.referral
    agencies = list(agencies) if agencies is not None else None
    problems = _details_problems(
        partnership=review.partnership,
        values=values,
        agencies=agencies if agencies is not None else list(review.agencies.all()),
    )
    if problems:
        raise ValidationError(problems)
    before_decided = review.decided_on
    changed = model_update(instance=review, fields=list(DETAIL_FIELDS), data=data)
    if agencies is not None:
        before = set(review.agencies.values_list("pk", flat=True))
        if before != {agency.pk for agency in agencies}:
            review.agencies.set(agencies)
            changed.append("agencies")
    if changed:
        event_record(
            actor=actor,
            verb="reviews.review_changed",
            target=review,
            partnership=review.partnership,
            summary=f"Review {review.reference} changed: {', '.join(n.replace('_', ' ') for n in changed)}",
            data={"fields": changed},
        )
        _changed(review, before_decided)
    return changed


@transaction.atomic
def review_move(*, actor: User, review: Review, to_status: str, reason: str = "") -> Review:
    """Move the review one step along its pipeline (started, report being written, completed,
    returned to its work, cancelled). Publishing is ``review_publish``. A step that needs a reason
    refuses without one; the reason is kept in the event the review's page shows."""
    ensure_can_manage_reviews(user=actor, partnership=review.partnership)
    review = Review.objects.select_for_update().get(pk=review.pk)
    step = step_to(review.status, to_status)
    if step is None or step.own_page:
        raise ValidationError(
            {"to_status": f"{review.reference} is {review.get_status_display().lower()}: it cannot be moved there."}
        )
    reason = reason.strip()
    if step.needs_reason and not reason:
        raise ValidationError({"reason": "Say why: the board reads it in the review's history."})
    previous = review.status
    review.status = step.to_status
    fields = ["status"]
    if step.to_status == Review.Status.COMPLETED and review.completed_on is None:
        review.completed_on = timezone.localdate()
        fields.append("completed_on")
    review.save(update_fields=fields)
    data = {"from": previous, "to": step.to_status}
    if reason:
        data["reason"] = reason
    event_record(
        actor=actor,
        verb=step.verb,
        target=review,
        partnership=review.partnership,
        summary=f"Review {review.reference}: {step.done.lower()}",
        data=data,
    )
    _changed(review, review.completed_on)
    return review


@transaction.atomic
def review_report_attach(*, actor: User, review: Review, upload: UploadedFile) -> Review:
    """Keep the review's final report (PDF, Word or OpenDocument text, 20 MB), replacing any
    before it; the file replaced is deleted once the change is saved."""
    ensure_may_change_review(user=actor, review=review)
    review.report_file_name = documents.keep(review.report_file, upload, field_name="report_file")
    review.save(update_fields=["report_file", "report_file_name"])
    event_record(
        actor=actor,
        verb="reviews.review_report_attached",
        target=review,
        partnership=review.partnership,
        summary=f"Review {review.reference}: final report attached",
    )
    return review


def is_statutory(review: Review) -> bool:
    """True when the review's type is statutory in the partnership's scheme (a serious case review,
    a local child safeguarding practice review): its report goes to the national panel."""
    term = scheme_for(review.partnership).term("review_types", review.kind)
    return bool(getattr(term, "statutory", False))


@transaction.atomic
def review_publish(
    *,
    actor: User,
    review: Review,
    completed_on: dt.date | None,
    published_on: dt.date | None,
    summary: str,
    sent_to_panel_on: dt.date | None = None,
    published_url: str = "",
) -> Review:
    """Record the review's publication: the day it was completed, the day its report went to the
    national panel (required for a statutory review), the day and address it was published, and a
    summary that names nobody. The review, completed, moves to published."""
    ensure_can_manage_reviews(user=actor, partnership=review.partnership)
    review = Review.objects.select_for_update().get(pk=review.pk)
    if step_to(review.status, PUBLISH.to_status) is None:
        raise ValidationError(
            f"{review.reference} is {review.get_status_display().lower()}: mark it as completed before "
            "recording its publication."
        )
    summary, published_url = summary.strip(), published_url.strip()
    today = timezone.localdate()
    problems: dict[str, str] = {}
    if completed_on is None:
        problems["completed_on"] = "Enter the date the review was completed."
    elif completed_on < review.decided_on:
        problems["completed_on"] = "The review cannot be completed before it was decided on."
    if is_statutory(review) and sent_to_panel_on is None:
        problems["sent_to_panel_on"] = (
            "Enter the date the report was sent to the national panel: this review is statutory."
        )
    elif sent_to_panel_on and completed_on and sent_to_panel_on < completed_on:
        problems["sent_to_panel_on"] = "The report cannot go to the national panel before the review was completed."
    if published_on is None:
        problems["published_on"] = "Enter the date the review was published."
    elif published_on > today:
        problems["published_on"] = "Record the publication once it has happened."
    elif completed_on and published_on < completed_on:
        problems["published_on"] = "The review cannot be published before it was completed."
    if not summary:
        problems["summary"] = "Write a summary of what the review found, in words that identify nobody."
    if problems:
        raise ValidationError(problems)
    review.completed_on, review.sent_to_panel_on = completed_on, sent_to_panel_on
    review.published_on, review.published_url, review.summary = published_on, published_url, summary
    review.status = Review.Status.PUBLISHED
    review.full_clean()
    review.save(
        update_fields=["completed_on", "sent_to_panel_on", "published_on", "published_url", "summary", "status"]
    )
    event_record(
        actor=actor,
        verb=PUBLISH.verb,
        target=review,
        partnership=review.partnership,
        summary=f"Review {review.reference} published",
        data={"published_on": published_on.isoformat(), "url": published_url},
    )
    _changed(review, completed_on, published_on)
    return review


# --- practitioners' conversations ------------------------------------------------------------------


@transaction.atomic
def conversation_add(
    *,
    actor: User,
    review: Review,
    held_on: dt.date | None,
    practitioner_role: str,
    notes: str,
    agency: Agency | None = None,
) -> Conversation:
    """Record a practitioner's conversation with the reviewers ("the view from the tunnel"): the
    day, their agency and role (never their name), and notes. Needs ``reviews.run``."""
    ensure_can_run_reviews(user=actor, partnership=review.partnership)
    practitioner_role, notes = practitioner_role.strip(), notes.strip()
    problems: dict[str, str] = {}
    if not review.is_open:
        status = review.get_status_display().lower()
        problems["held_on"] = f"{review.reference} is {status}: it takes no more conversations."
    if held_on is None:
        problems["held_on"] = "Enter the date of the conversation."
    elif held_on > timezone.localdate():
        problems["held_on"] = "Record a conversation once it has been held."
    if not practitioner_role:
        problems["practitioner_role"] = "Enter the practitioner's role, such as 'Health visitor'."
    elif looks_like_a_name("a " + practitioner_role, known=[agency.name] if agency else ()):
        problems["practitioner_role"] = "Give the practitioner's role, not their name."
    if not notes:
        problems["notes"] = "Enter the notes of the conversation."
    if agency is not None and _agencies_problem(review.partnership, [agency]):
        problems["agency"] = "Choose an agency of this partnership."
    if problems:
        raise ValidationError(problems)
    conversation = Conversation.objects.create(
        review=review,
        held_on=held_on,
        agency=agency,
        practitioner_role=practitioner_role,
        notes=notes,
        recorded_by=actor,
    )
    event_record(
        actor=actor,
        verb="reviews.conversation_added",
        target=review,
        partnership=review.partnership,
        summary=f"Review {review.reference}: a conversation with a practitioner recorded",
        data={"conversation": conversation.pk},
    )
    return conversation
