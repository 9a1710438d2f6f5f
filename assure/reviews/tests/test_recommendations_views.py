"""The pages of a review's findings, recommendations and action plan, and the register of action
plans."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assure.actions.models import Action
from assure.actions.tests.factories import ActionFactory, ActionUpdateFactory
from assure.core.navigation import partnership_url
from assure.partnerships.tests.factories import MeetingFactory
from assure.reviews.models import Recommendation, Review
from assure.reviews.selectors.recommendations import action_plan
from assure.reviews.tests.factories import (
    ProgressReportFactory,
    RecommendationFactory,
    ReviewFactory,
    ReviewFindingFactory,
)

pytestmark = pytest.mark.django_db


def _action(recommendation, *, status=Action.Status.OPEN, due_on=None, **fields) -> Action:
    return ActionFactory(
        partnership=recommendation.review.partnership,
        source_type=ContentType.objects.get_for_model(Recommendation),
        source_id=str(recommendation.pk),
        status=status,
        due_on=due_on or timezone.localdate() + dt.timedelta(days=20),
        **fields,
    )


def test_the_findings_page_lists_findings_and_recommendations(client, board_member, review):
    ReviewFindingFactory(review=review, number=1, text="Information about missing episodes was not shared.")
    RecommendationFactory(review=review, number=1, text="Share every missing episode within a day.")
    client.force_login(board_member)
    page = client.get(partnership_url("reviews:review_findings", review.partnership, pk=review.pk))
    assert page.status_code == 200
    assert b"Information about missing episodes was not shared." in page.content
    assert b"Share every missing episode within a day." in page.content
    assert b"Add a finding" not in page.content


def test_a_reviewer_adds_a_finding(client, auditor, review):
    client.force_login(auditor)
    response = client.post(
        partnership_url("reviews:finding_add", review.partnership, review=review.pk),
        {"text": "Plans were not reviewed when the placement changed."},
    )
    assert response.status_code == 302
    assert review.findings.get().number == 1


def test_words_that_may_name_someone_are_warned_of_before_saving(client, auditor, review):
    client.force_login(auditor)
    url = partnership_url("reviews:finding_add", review.partnership, review=review.pk)
    first = client.post(url, {"text": "The social worker met Jane Smith at home."})
    assert first.status_code == 200 and b"Save anyway" in first.content
    assert not review.findings.exists()
    again = client.post(url, {"text": "The social worker met Jane Smith at home.", "warned": "1"})
    assert again.status_code == 302


def test_a_recommendation_is_added_answering_a_finding(client, business_unit, review, agency):
    finding = ReviewFindingFactory(review=review, number=1)
    client.force_login(business_unit)
    response = client.post(
        partnership_url("reviews:recommendation_add", review.partnership, review=review.pk),
        {"text": "Agree a protocol for missing episodes.", "finding": str(finding.pk), "agency": agency.pk},
    )
    assert response.status_code == 302
    recommendation = review.recommendations.get()
    assert (recommendation.finding, recommendation.agency) == (finding, agency)


def test_a_cancelled_reviews_findings_cannot_be_added_to(client, business_unit, review):
    review.status = Review.Status.CANCELLED
    review.save()
    client.force_login(business_unit)
    assert client.get(partnership_url("reviews:finding_add", review.partnership, review=review.pk)).status_code == 404


def test_deleting_a_recommendation_with_an_action_is_refused_on_its_page(client, business_unit, review):
    recommendation = RecommendationFactory(review=review, number=1)
    _action(recommendation)
    client.force_login(business_unit)
    page = client.post(partnership_url("reviews:recommendation_delete", review.partnership, pk=recommendation.pk))
    assert page.status_code == 200 and b"An action has been raised" in page.content
    assert review.recommendations.exists()


def test_an_action_is_raised_from_the_page(client, business_unit, review, agency):
    recommendation = RecommendationFactory(review=review, number=2)
    client.force_login(business_unit)
    response = client.post(
        partnership_url("reviews:recommendation_action", review.partnership, pk=recommendation.pk),
        {
            "title": "Agree the protocol",
            "owner_agency": agency.pk,
            "due_on": (timezone.localdate() + dt.timedelta(days=60)).isoformat(),
        },
    )
    assert response.status_code == 302
    assert Action.objects.get().source_label == "RV-004 recommendation 2"


def test_the_action_plan_shows_each_actions_owner_and_latest_update(client, board_member, review, agency):
    recommendation = RecommendationFactory(review=review, number=1)
    action = _action(recommendation, owner_agency=agency, owner_name="Named nurse for looked-after children")
    ActionUpdateFactory(action=action, text="Protocol drafted and out for comment.", recorded_on=dt.date(2026, 1, 5))
    ProgressReportFactory(review=review, summary="One action on track.")
    client.force_login(board_member)
    page = client.get(partnership_url("reviews:action_plan", review.partnership, pk=review.pk)).content.decode()
    assert "Named nurse for looked-after children" in page
    assert "Protocol drafted and out for comment." in page
    assert "One action on track." in page


def test_the_action_plan_reads_in_the_same_queries_however_many_recommendations(business_unit, review):
    def queries() -> int:
        action_plan(user=business_unit, review=Review.objects.get(pk=review.pk))  # roles and library read once
        with CaptureQueriesContext(connection) as captured:
            action_plan(user=business_unit, review=Review.objects.get(pk=review.pk))
        return len(captured)

    first = RecommendationFactory(review=review, number=1)
    ActionUpdateFactory(action=_action(first))
    ProgressReportFactory(review=review)
    few = queries()
    for number in range(2, 8):
        recommendation = RecommendationFactory(review=review, number=number)
        for _ in range(2):
            ActionUpdateFactory(action=_action(recommendation))
        ProgressReportFactory(review=review)
    assert queries() == few


def test_the_register_counts_each_reviews_recommendations_and_actions(client, board_member, partnership):
    review = ReviewFactory(partnership=partnership, reference="RV-002")
    ReviewFactory(partnership=partnership, reference="RV-003")  # no recommendation: not listed
    done = RecommendationFactory(review=review, number=1)
    _action(done, status=Action.Status.COMPLETED)
    late = RecommendationFactory(review=review, number=2)
    _action(late, due_on=timezone.localdate() - dt.timedelta(days=3))
    _action(late, status=Action.Status.CANCELLED)
    ProgressReportFactory(review=review, meeting=MeetingFactory(partnership=partnership, held_on=dt.date(2015, 2, 3)))
    client.force_login(board_member)
    export = client.get(partnership_url("reviews:action_plans", partnership) + "?_export=csv").content.decode()
    header, row, *rest = [line for line in export.splitlines() if line]
    assert rest == []
    assert header.startswith("Review,Title,Status,Recommendations,Recommendations done,Actions")
    assert row.startswith("RV-002,")
    assert ",2,1,2,1,1,Board, 2015-02-03" in row.replace('"', "")


def test_the_register_says_so_when_no_review_has_recommendations(client, board_member, partnership):
    client.force_login(board_member)
    page = client.get(partnership_url("reviews:action_plans", partnership))
    assert b"No review has recommendations yet." in page.content
