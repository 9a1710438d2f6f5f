"""What agencies contribute to a case review: the business unit asks agencies for a chronology or
a report by a date (their leads are told, with the address of their upload page), each agency's
lead uploads its own, and the business unit chases what is late. The daily reminders job chases
the same through the ``review-contribution`` reminder source."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.accounts.recipients import agency_people_with
from assure.audit.services import event_record
from assure.core.navigation import partnership_url
from assure.notifications.models import Reminder
from assure.notifications.reminders import ReminderDue
from assure.notifications.services import notify, reminder_send
from assure.partnerships.models import Agency

from .. import documents
from ..models import Contribution, Review
from ..permissions import ensure_can_manage_reviews, ensure_may_upload_contribution
from ..scheme import scheme_for

# The permission an agency's leads hold to upload (their requests go to them).
CONTRIBUTE = "reviews.contribute"


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def upload_path(contribution: Contribution) -> str:
    """The address of the contribution's upload page."""
    return partnership_url("reviews:contribution_upload", contribution.review.partnership, pk=contribution.pk)


def contribution_leads(*, partnership_ids) -> dict[tuple[int, int], list[User]]:
    """Who a request for a contribution goes to: the active members acting for the agency in a
    role granting ``reviews.contribute``, by (partnership id, agency id), in one query."""
    return agency_people_with(permission=CONTRIBUTE, partnership_ids=partnership_ids)


@transaction.atomic
def contributions_request(
    *, actor: User, review: Review, agencies, kind: str, due_on: dt.date | None
) -> list[Contribution]:
    """Ask each agency for a contribution of ``kind`` (a contribution kind of the scheme) by
    ``due_on``, telling each agency's leads with the address of their upload page. An agency
    already asked for that kind is not asked again. Needs ``reviews.manage``; the review must be
    open."""
    ensure_can_manage_reviews(user=actor, partnership=review.partnership)
    partnership = review.partnership
    agencies = list(agencies)
    scheme = scheme_for(partnership)
    problems: dict[str, str] = {}
    if not review.is_open:
        problems["agencies"] = f"{review.reference} is {review.get_status_display().lower()}: ask while it is open."
    if not agencies:
        problems["agencies"] = "Choose the agencies asked to contribute."
    else:
        allowed = set(Agency.objects.filter(partnership_links__partnership=partnership).values_list("pk", flat=True))
        if any(agency.pk not in allowed for agency in agencies):
            problems["agencies"] = "Choose agencies of this partnership."
    if scheme.term("contribution_kinds", kind or "") is None:
        problems["kind"] = "Choose what the agencies are asked for."
    if due_on is None:
        problems["due_on"] = "Enter the date the contributions are due."
    elif due_on < timezone.localdate():
        problems["due_on"] = "The due date cannot be in the past."
    if problems:
        raise ValidationError(problems)
    already = set(
        Contribution.objects.filter(review=review, kind=kind, agency__in=agencies).values_list("agency_id", flat=True)
    )
    made = [
        Contribution.objects.create(review=review, agency=agency, kind=kind, due_on=due_on, requested_by=actor)
        for agency in agencies
        if agency.pk not in already
    ]
    title = scheme.title_of("contribution_kinds", kind)
    leads = contribution_leads(partnership_ids=[partnership.pk])
    for contribution in made:
        notify(
            recipients=leads.get((partnership.pk, contribution.agency_id), []),
            partnership=partnership,
            kind="reviews.contribution_requested",
            subject=f"Review {review.reference}: {contribution.agency}'s {title.lower()} by {_day(due_on)}",
            body=(
                f"{partnership.name} asks {contribution.agency} for its {title.lower()} for case review "
                f"{review.reference}, by {_day(due_on)}.\n\nUpload it in Assure: only the review's team and "
                "your agency's leads can read it."
            ),
            path=upload_path(contribution),
            target=contribution,
        )
    if made:
        event_record(
            actor=actor,
            verb="reviews.contributions_requested",
            target=review,
            partnership=partnership,
            summary=f"Review {review.reference}: {title.lower()} asked of {len(made)} "
            f"{'agency' if len(made) == 1 else 'agencies'} by {_day(due_on)}",
            data={"kind": kind, "agencies": [c.agency_id for c in made], "due_on": due_on.isoformat()},
        )
    return made


@transaction.atomic
def contribution_upload(*, actor: User, contribution: Contribution, upload: UploadedFile) -> Contribution:
    """Keep the agency's contribution (PDF, Word or OpenDocument text, 20 MB); a file uploaded
    before is replaced and deleted once the change is saved. Only a lead of the agency asked may
    upload, while the review is open."""
    ensure_may_upload_contribution(user=actor, contribution=contribution)
    replaced = contribution.is_received
    contribution.file_name = documents.keep(contribution.file, upload, field_name="file")
    contribution.uploaded_at, contribution.uploaded_by = timezone.now(), actor
    contribution.save(update_fields=["file", "file_name", "uploaded_at", "uploaded_by"])
    review = contribution.review
    event_record(
        actor=actor,
        verb="reviews.contribution_replaced" if replaced else "reviews.contribution_uploaded",
        target=review,
        partnership=review.partnership,
        summary=f"Review {review.reference}: {contribution.agency}'s contribution "
        f"{'replaced' if replaced else 'uploaded'}",
        data={"contribution": contribution.pk, "kind": contribution.kind},
    )
    return contribution


def reminder_text(contribution: Contribution, title: str, today: dt.date) -> tuple[str, str]:
    review, due = contribution.review, _day(contribution.due_on)
    if contribution.due_on < today:
        subject = f"Overdue: {contribution.agency}'s {title.lower()} for review {review.reference}, due {due}"
        opening = f"{contribution.agency}'s {title.lower()} for case review {review.reference} was due on {due}."
    else:
        subject = f"Reminder: {contribution.agency}'s {title.lower()} for review {review.reference} is due {due}"
        opening = f"{contribution.agency}'s {title.lower()} for case review {review.reference} is due on {due}."
    return subject, f"{opening}\n\nUpload it in Assure."


@transaction.atomic
def contribution_remind(*, actor: User, contribution: Contribution, today: dt.date | None = None) -> Reminder | None:
    """The business unit's "Send a reminder" to the agency's leads about a contribution not yet
    uploaded. Once a day at most: None when it was reminded today already or the agency has no
    lead with an account."""
    review = contribution.review
    ensure_can_manage_reviews(user=actor, partnership=review.partnership)
    if contribution.is_received:
        raise ValidationError(f"{contribution.agency}'s contribution has been uploaded: there is nothing to chase.")
    today = today or timezone.localdate()
    title = scheme_for(review.partnership).title_of("contribution_kinds", contribution.kind)
    subject, body = reminder_text(contribution, title, today)
    leads = contribution_leads(partnership_ids=[review.partnership_id])
    return reminder_send(
        actor=actor,
        target=contribution,
        partnership=review.partnership,
        recipients=leads.get((review.partnership_id, contribution.agency_id), []),
        subject=subject,
        body=body,
        path=upload_path(contribution),
        kind="reviews.contribution_reminder",
        today=today,
    )


def contributions_reminders_due(*, today: dt.date) -> list[ReminderDue]:
    """The ``review-contribution`` reminder source: every contribution not yet uploaded of an open
    review, in every partnership, with its agency's leads; in a constant number of queries."""
    awaited = list(
        Contribution.objects.filter(uploaded_at__isnull=True)
        .exclude(review__status__in=[Review.Status.COMPLETED, Review.Status.PUBLISHED, Review.Status.CANCELLED])
        .select_related("review", "review__partnership", "agency")
    )
    if not awaited:
        return []
    leads = contribution_leads(partnership_ids={c.review.partnership_id for c in awaited})
    schemes: dict[int, object] = {}
    due = []
    for contribution in awaited:
        partnership = contribution.review.partnership
        if partnership.pk not in schemes:
            schemes[partnership.pk] = scheme_for(partnership)
        subject, body = reminder_text(
            contribution, schemes[partnership.pk].title_of("contribution_kinds", contribution.kind), today
        )
        due.append(
            ReminderDue(
                target=contribution,
                partnership=partnership,
                recipients=leads.get((partnership.pk, contribution.agency_id), []),
                deadline=contribution.due_on,
                subject=subject,
                body=body,
                path=upload_path(contribution),
                kind="reviews.contribution_reminder",
            )
        )
    return due
