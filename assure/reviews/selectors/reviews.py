"""Reading case reviews: the register, one review's page (what is not restricted), its case file
(named case content, for those holding the case-review grant), what agencies have been asked for,
and an agency lead's own requests. Every function takes the requesting user."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from assure.accounts.models import User
from assure.accounts.permissions import agencies_of, is_agency_scoped
from assure.audit.models import Event
from assure.audit.selectors import events_about
from assure.partnerships.models import Agency, Partnership
from assure.partnerships.years import financial_year_bounds, financial_year_of
from assure.plans.models import Priority

from ..models import Contribution, Conversation, Referral, Review
from ..permissions import (
    can_contribute_for,
    can_manage_reviews,
    can_read_case_content,
    can_view_reviews,
)
from ..scheme import scheme_for

# The statuses of a review still being worked on (``Review.is_open`` as a filter).
OPEN_STATUSES = (Review.Status.COMMISSIONED, Review.Status.UNDER_WAY, Review.Status.REPORTING)


def open_q(prefix: str = "") -> Q:
    """The reviews still being worked on, as ``Review.is_open`` says (``prefix`` "review__" from a
    contribution)."""
    return Q(**{f"{prefix}status__in": OPEN_STATUSES})


def reviews_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Review]:
    """The partnership's reviews, for someone who reads reviews (their existence, type, status and
    what was published; the case file needs the grant as well)."""
    if not can_view_reviews(user=user, partnership=partnership):
        return Review.objects.none()
    return Review.objects.filter(partnership=partnership)


def review_register(*, user: User, partnership: Partnership) -> QuerySet[Review]:
    """The register's rows: every review the person may read, the newest decision first."""
    return reviews_visible_to(user=user, partnership=partnership).order_by("-decided_on", "-pk")


def review_years(*, user: User, partnership: Partnership) -> list[str]:
    """The financial years reviews were decided in, newest first (the register's filter)."""
    days = reviews_visible_to(user=user, partnership=partnership).dates("decided_on", "month", order="DESC")
    return sorted({financial_year_of(day) for day in days}, reverse=True)


def review_year_q(year: str) -> Q:
    """The reviews decided in a financial year ("2014-15")."""
    first, last = financial_year_bounds(year)
    return Q(decided_on__gte=first, decided_on__lte=last)


@dataclass(frozen=True)
class ReviewFigures:
    """What the review's page counts without opening the case file."""

    asked: int
    received: int
    overdue: int
    conversations: int
    findings: int
    recommendations: int
    progress_reports: int


def review_figures(*, user: User, review: Review, today: dt.date) -> ReviewFigures:
    """The counts the review's page shows (no files, no names), in one query."""
    found = (
        reviews_visible_to(user=user, partnership=review.partnership)
        .filter(pk=review.pk)
        .aggregate(
            asked=Count("contributions", distinct=True),
            received=Count("contributions", filter=Q(contributions__uploaded_at__isnull=False), distinct=True),
            overdue=Count(
                "contributions",
                filter=Q(contributions__uploaded_at__isnull=True, contributions__due_on__lt=today),
                distinct=True,
            ),
            conversations=Count("conversations", distinct=True),
            findings=Count("findings", distinct=True),
            recommendations=Count("recommendations", distinct=True),
            progress_reports=Count("progress_reports", distinct=True),
        )
    )
    return ReviewFigures(**{name: value or 0 for name, value in found.items()})


def review_events(*, user: User, review: Review) -> QuerySet[Event]:
    """What happened to the review, newest first (summaries name records, never a child)."""
    if not can_view_reviews(user=user, partnership=review.partnership):
        return Event.objects.none()
    return events_about(target=review)


def cancellation_reason(*, user: User, review: Review) -> str:
    """Why the review was cancelled, from the event that cancelled it."""
    if review.status != Review.Status.CANCELLED:
        return ""
    event = review_events(user=user, review=review).filter(verb="reviews.review_cancelled").first()
    return (event.data or {}).get("reason", "") if event else ""


# --- the case file (named case content) ------------------------------------------------------------


def contributions_of(*, user: User, review: Review) -> QuerySet[Contribution]:
    """What the agencies were asked for, for the case file (the grant) or the business unit's
    chasing (no files shown without the grant)."""
    partnership = review.partnership
    if not (
        can_read_case_content(user=user, partnership=partnership)
        or can_manage_reviews(user=user, partnership=partnership)
    ):
        return Contribution.objects.none()
    return review.contributions.select_related("agency", "uploaded_by").order_by("due_on", "agency__name", "kind")


def conversations_of(*, user: User, review: Review) -> QuerySet[Conversation]:
    """The practitioners' conversations of the review: named case content, with the grant only."""
    if not can_read_case_content(user=user, partnership=review.partnership):
        return Conversation.objects.none()
    return review.conversations.select_related("agency").order_by("held_on", "pk")


def contribution_visible_to(*, user: User, partnership: Partnership, pk: int) -> Contribution | None:
    """One contribution of the partnership's reviews, for a reader of case content, the business
    unit, or a lead of its own agency; None otherwise."""
    contribution = (
        Contribution.objects.filter(review__partnership=partnership, pk=pk)
        .select_related("review", "review__partnership", "agency")
        .first()
    )
    if contribution is None:
        return None
    if (
        can_read_case_content(user=user, partnership=partnership)
        or can_manage_reviews(user=user, partnership=partnership)
        or can_contribute_for(user=user, partnership=partnership, agency_id=contribution.agency_id)
    ):
        return contribution
    return None


# --- an agency lead's own requests -----------------------------------------------------------------


def contributions_mine(*, user: User, partnership: Partnership) -> QuerySet[Contribution]:
    """What the person's own agencies have been asked for (a lead's "Review contributions"),
    the nearest due first: outstanding ones of open reviews, and those already uploaded."""
    if not is_agency_scoped(user=user, partnership=partnership):
        return Contribution.objects.none()
    mine = [
        agency_id
        for agency_id in agencies_of(user=user, partnership=partnership)
        if can_contribute_for(user=user, partnership=partnership, agency_id=agency_id)
    ]
    return (
        Contribution.objects.filter(review__partnership=partnership, agency_id__in=mine)
        .filter(open_q("review__") | Q(uploaded_at__isnull=False))
        .select_related("review", "agency")
        .order_by("uploaded_at", "due_on", "review__reference", "kind")
    )


# --- choices for the forms -------------------------------------------------------------------------


def agency_choices(*, user: User, partnership: Partnership) -> QuerySet[Agency]:
    """The partnership's current agencies, which a review may involve or ask to contribute."""
    if not can_view_reviews(user=user, partnership=partnership):
        return Agency.objects.none()
    return Agency.objects.filter(
        partnership_links__partnership=partnership, partnership_links__left_on__isnull=True, is_active=True
    ).order_by("name")


def priority_choices(*, user: User, partnership: Partnership) -> QuerySet[Priority]:
    """The priorities of the partnership's business plan a review may sit under."""
    if not can_manage_reviews(user=user, partnership=partnership):
        return Priority.objects.none()
    return Priority.objects.filter(partnership=partnership).select_related("plan").order_by("plan", "position", "pk")


def referral_choices(*, user: User, partnership: Partnership) -> QuerySet[Referral]:
    """The partnership's case considerations a review may have come from."""
    if not can_manage_reviews(user=user, partnership=partnership):
        return Referral.objects.none()
    return Referral.objects.filter(partnership=partnership).order_by("-reference")


def type_choices(partnership: Partnership) -> list[tuple[str, str]]:
    """The review types of the partnership's scheme (library content: no user)."""
    return [(t.code, t.title) for t in scheme_for(partnership).review_types]


def contribution_kind_choices(partnership: Partnership) -> list[tuple[str, str]]:
    """What agencies may be asked for, from the scheme (library content: no user)."""
    return [(t.code, t.title) for t in scheme_for(partnership).contribution_kinds]
