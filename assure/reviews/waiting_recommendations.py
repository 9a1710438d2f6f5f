"""What reviews' recommendations have waiting for a person, for their home page: for the business
unit, each recommendation of a review (not cancelled) that no action carries out yet
("Recommendations without actions"). One query, however many reviews and recommendations."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast

from assure.accounts.models import User
from assure.actions.models import Action
from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.partnerships.models import Partnership

from .models import Recommendation, Review
from .permissions import can_manage_reviews

RECOMMENDATIONS_WITHOUT_ACTIONS = "reviews.recommendations_without_actions"


def without_actions(partnership: Partnership):
    """The partnership's recommendations of reviews not cancelled that no action (cancelled ones
    aside) carries out."""
    raised = Action.objects.filter(
        source_type=ContentType.objects.get_for_model(Recommendation),
        source_id=Cast(OuterRef("pk"), output_field=CharField()),
    ).exclude(status=Action.Status.CANCELLED)
    return (
        Recommendation.objects.filter(review__partnership=partnership)
        .exclude(review__status=Review.Status.CANCELLED)
        .exclude(Exists(raised))
    )


def recommendations_without_actions(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: each recommendation no action carries out yet."""
    if not can_manage_reviews(user=user, partnership=partnership):
        return []
    found = without_actions(partnership).select_related("review", "agency").order_by("review__reference", "number")
    return [
        WaitingItem(
            kind=RECOMMENDATIONS_WITHOUT_ACTIONS,
            title=f"{r.review.reference} recommendation {r.number}: raise its actions",
            url=partnership_url("reviews:recommendation_action", partnership, pk=r.pk),
            detail=f"Addressed to {r.agency}" if r.agency_id else "Addressed to the partnership as a whole",
            agency=r.agency.name if r.agency_id else "",
        )
        for r in found
    ]


def recommendations_waiting(*, user: User, partnership: Partnership) -> str | None:
    """The menu's phrase for the action plans: the recommendations without actions."""
    if not can_manage_reviews(user=user, partnership=partnership):
        return None
    count = without_actions(partnership).count()
    if not count:
        return None
    return f"{count} recommendation{'' if count == 1 else 's'} without actions"
