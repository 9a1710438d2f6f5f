"""What reviews' recommendations have waiting on the home page, and the menu's phrase."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assure.actions.models import Action
from assure.actions.tests.factories import ActionFactory
from assure.reviews.models import Recommendation, Review
from assure.reviews.tests.factories import RecommendationFactory, ReviewFactory
from assure.reviews.waiting_recommendations import recommendations_waiting, recommendations_without_actions

pytestmark = pytest.mark.django_db


def _raise(recommendation, status=Action.Status.OPEN):
    return ActionFactory(
        partnership=recommendation.review.partnership,
        source_type=ContentType.objects.get_for_model(Recommendation),
        source_id=str(recommendation.pk),
        status=status,
    )


def _waiting(user, partnership, today):
    return recommendations_without_actions(user=user, partnership=partnership, today=today)


def test_the_business_unit_is_shown_recommendations_without_actions(business_unit, review, agency):
    RecommendationFactory(review=review, number=1, agency=agency)
    _raise(RecommendationFactory(review=review, number=2))
    [item] = _waiting(business_unit, review.partnership, None)
    assert item.title == "RV-004 recommendation 1: raise its actions"
    assert item.detail == f"Addressed to {agency.name}"
    assert item.url.endswith(f"/recommendations/{review.recommendations.get(number=1).pk}/action/")


def test_a_recommendation_whose_only_action_was_cancelled_waits_again(business_unit, review):
    _raise(RecommendationFactory(review=review, number=1), status=Action.Status.CANCELLED)
    assert len(_waiting(business_unit, review.partnership, None)) == 1


def test_a_cancelled_reviews_recommendations_do_not_wait(business_unit, partnership):
    RecommendationFactory(review=ReviewFactory(partnership=partnership, status=Review.Status.CANCELLED), number=1)
    assert _waiting(business_unit, partnership, None) == []


def test_a_completed_reviews_recommendations_wait(business_unit, partnership):
    RecommendationFactory(review=ReviewFactory(partnership=partnership, status=Review.Status.COMPLETED), number=1)
    assert len(_waiting(business_unit, partnership, None)) == 1


def test_nothing_waits_for_a_board_member(board_member, review):
    RecommendationFactory(review=review, number=1)
    assert _waiting(board_member, review.partnership, None) == []


def test_another_partnerships_recommendations_do_not_wait(business_unit, other_partnership):
    RecommendationFactory(review=ReviewFactory(partnership=other_partnership), number=1)
    assert _waiting(business_unit, other_partnership, None) == []


def test_the_waiting_items_read_in_the_same_queries_however_many(business_unit, partnership):
    def queries() -> int:
        _waiting(business_unit, partnership, None)
        with CaptureQueriesContext(connection) as captured:
            _waiting(business_unit, partnership, None)
        return len(captured)

    RecommendationFactory(review=ReviewFactory(partnership=partnership), number=1)
    few = queries()
    for _ in range(4):
        review = ReviewFactory(partnership=partnership)
        for number in (1, 2, 3):
            RecommendationFactory(review=review, number=number)
    assert queries() == few


def test_the_menu_counts_the_recommendations_without_actions(business_unit, review):
    RecommendationFactory(review=review, number=1)
    RecommendationFactory(review=review, number=2)
    assert recommendations_waiting(user=business_unit, partnership=review.partnership) == (
        "2 recommendations without actions"
    )
