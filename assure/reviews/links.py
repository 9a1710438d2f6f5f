"""Reviews' records other parts of Assure may point at (``assure/core/links.py``): a review (what a
challenge is about, a meeting's paper, evidence of a plan's review) and a recommendation (what a
challenge is about, evidence of a review). Registered from ``registrations.recommendations``. Both
are found through the reviews the person may read, given the user, so nobody links a review they
may not see; their labels name the review by its reference and title, never a child."""

from django.urls import NoReverseMatch

from assure.core.links import LinkableKind, register_linkable
from assure.core.navigation import partnership_url


def review_label(review) -> str:
    return f"Review {review.reference}: {review.title}"[:200]


def recommendation_label(recommendation) -> str:
    return f"{recommendation.review.reference} recommendation {recommendation.number}"[:200]


def review_url(review) -> str:
    """The review's own page, or its findings and recommendations until reviews have pages."""
    try:
        return partnership_url("reviews:review_detail", review.partnership, pk=review.pk)
    except NoReverseMatch:
        return partnership_url("reviews:review_findings", review.partnership, pk=review.pk)


def recommendation_url(recommendation) -> str:
    return (
        partnership_url("reviews:review_findings", recommendation.review.partnership, pk=recommendation.review_id)
        + f"#recommendation-{recommendation.number}"
    )


def review_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The partnership's reviews the user may read, newest first, cancelled ones left out."""
    from .models import Review
    from .selectors.recommendations import plan_reviews_visible_to

    reviews = (
        plan_reviews_visible_to(user=user, partnership=partnership)
        .exclude(status=Review.Status.CANCELLED)
        .order_by("-decided_on", "-pk")
    )
    return [(str(r.pk), f"{review_label(r)} ({r.get_status_display().lower()})") for r in reviews]


def review_find(*, user, partnership, pk):
    """The review ``pk`` when the user may read it in the partnership, else None."""
    from .selectors.recommendations import plan_reviews_visible_to

    if not str(pk).isdigit():
        return None
    return plan_reviews_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()


def recommendation_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The recommendations of the reviews the user may read, the newest review first, in order."""
    from .selectors.recommendations import recommendations_visible_to

    found = recommendations_visible_to(user=user, partnership=partnership).order_by(
        "-review__decided_on", "-review_id", "number"
    )
    return [(str(r.pk), recommendation_label(r)) for r in found]


def recommendation_find(*, user, partnership, pk):
    """The recommendation ``pk`` when the user may read its review in the partnership, else None."""
    from .selectors.recommendations import recommendations_visible_to

    if not str(pk).isdigit():
        return None
    return recommendations_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()


def register_links() -> None:
    register_linkable(
        LinkableKind(
            key="reviews.review",
            label="Case review",
            model="reviews.review",
            choices=review_choices,
            find=review_find,
            url=review_url,
            uses=frozenset({"challenge", "paper", "evidence"}),
            describe=review_label,
        ),
        LinkableKind(
            key="reviews.recommendation",
            label="Case review recommendation",
            model="reviews.recommendation",
            choices=recommendation_choices,
            find=recommendation_find,
            url=recommendation_url,
            uses=frozenset({"challenge", "evidence"}),
            describe=recommendation_label,
        ),
    )
