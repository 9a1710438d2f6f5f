"""Reviews and recommendations as records other parts of Assure may point at."""

import pytest

from assure.core.links import linkable_kinds, linked_record
from assure.reviews.models import Review
from assure.reviews.tests.factories import RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def test_a_review_serves_challenges_papers_and_evidence():
    for use in ("challenge", "paper", "evidence"):
        assert "reviews.review" in {k.key for k in linkable_kinds(use=use)}


def test_a_recommendation_is_found_and_labelled_by_its_review_and_number(board_member, review):
    recommendation = RecommendationFactory(review=review, number=3)
    kind, record = linked_record(
        user=board_member, partnership=review.partnership, key="reviews.recommendation", pk=str(recommendation.pk)
    )
    assert record == recommendation
    assert kind.describe(record) == "RV-004 recommendation 3"


def test_someone_who_may_not_read_reviews_links_none(agency_lead, review):
    assert (
        linked_record(user=agency_lead, partnership=review.partnership, key="reviews.review", pk=str(review.pk)) is None
    )


def test_the_choices_leave_out_cancelled_reviews(board_member, partnership):
    ReviewFactory(partnership=partnership, reference="RV-001", status=Review.Status.CANCELLED)
    kept = ReviewFactory(partnership=partnership, reference="RV-002")
    [kind] = [k for k in linkable_kinds(use="paper") if k.key == "reviews.review"]
    assert [pk for pk, _ in kind.choices(user=board_member, partnership=partnership)] == [str(kept.pk)]
