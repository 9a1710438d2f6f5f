"""Reviews' records other parts of Assure may point at (``assure/core/links.py``): a review (what a
challenge is about, a meeting's paper, evidence of a plan's review) and a recommendation (what a
challenge is about, evidence of a review); and a case consideration (what a child death review was
referred to the practice review panel as). Registered from ``registrations.recommendations``. Each
is found through what the person may read, given the user, so nobody links a record they may not
see; labels name the review by its reference and title, a case consideration by its reference,
never a child."""

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


# --- case considerations, for a child death review's referral to the practice review panel ------


def referral_label(referral) -> str:
    return f"Case consideration {referral.reference}"


def referral_url(referral) -> str:
    return partnership_url("reviews:referral_detail", referral.partnership, pk=referral.pk)


def referral_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The case considerations the user sees: all received, for a reader of reviews; their own
    otherwise (a panel member links the one they made). Labelled by reference and route only."""
    from .selectors.referrals import referrals_of, referrals_visible_to

    found = referrals_visible_to(user=user, partnership=partnership)
    if not found.exists():
        found = referrals_of(user=user, partnership=partnership)
    found = found.exclude(status="withdrawn").order_by("-submitted_at", "-pk")
    return [(str(r.pk), f"{referral_label(r)} ({r.get_status_display().lower()})") for r in found]


def referral_find(*, user, partnership, pk):
    """The case consideration ``pk`` when the user sees it in the partnership, else None."""
    from .selectors.referrals import referral_seen

    if not str(pk).isdigit():
        return None
    return referral_seen(user=user, partnership=partnership, pk=int(pk))


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
        LinkableKind(
            key="reviews.referral",
            label="Case consideration",
            model="reviews.referral",
            choices=referral_choices,
            find=referral_find,
            url=referral_url,
            uses=frozenset({"referral"}),
            describe=referral_label,
        ),
    )
