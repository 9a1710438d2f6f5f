"""The services of a review's findings, recommendations and action plan."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.actions.models import Action
from assure.audit.models import Event
from assure.core.computations import _on_records_changed
from assure.partnerships.tests.factories import MeetingFactory
from assure.reviews.models import Review
from assure.reviews.services.recommendations import (
    progress_report_add,
    recommendation_action_raise,
    recommendation_create,
    recommendation_delete,
    recommendation_update,
    review_finding_create,
    review_finding_delete,
    review_finding_update,
)
from assure.reviews.tests.factories import RecommendationFactory, ReviewFactory, ReviewFindingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def changes():
    """What records_changed was told, while the test runs."""
    told = []

    def listen(owner, *, partnership_ids, years):
        told.append((owner, partnership_ids, years))

    _on_records_changed.append(listen)
    yield told
    _on_records_changed.remove(listen)


def _due() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=30)


def test_findings_are_numbered_within_their_review(review, business_unit):
    review_finding_create(actor=business_unit, review=review, text="Information was not shared.")
    second = review_finding_create(actor=business_unit, review=review, text="  Nobody held the whole picture.  ")
    ReviewFindingFactory(review=ReviewFactory(partnership=review.partnership), number=7)
    assert (second.number, second.text) == (2, "Nobody held the whole picture.")


def test_a_finding_recorded_is_an_event_and_changes_the_figures_of_its_year(review, business_unit, changes):
    finding = review_finding_create(actor=business_unit, review=review, text="Information was not shared.")
    event = Event.objects.get(verb="reviews.finding_recorded")
    assert event.summary == "Finding 1 recorded for review RV-004"
    assert event.data == {"finding": finding.pk}
    assert changes == [("reviews", [review.partnership_id], ["2014-15"])]


def test_a_reviewer_records_findings(review, auditor):
    assert review_finding_create(actor=auditor, review=review, text="Plans were not reviewed.").number == 1


def test_a_board_member_may_not_record_findings(review, board_member):
    with pytest.raises(PermissionDenied):
        review_finding_create(actor=board_member, review=review, text="Plans were not reviewed.")


def test_a_cancelled_review_refuses_new_findings(review, business_unit):
    review.status = Review.Status.CANCELLED
    review.save()
    with pytest.raises(PermissionDenied):
        review_finding_create(actor=business_unit, review=review, text="Plans were not reviewed.")


def test_a_finding_needs_words(review, business_unit):
    with pytest.raises(ValidationError) as error:
        review_finding_create(actor=business_unit, review=review, text="   ")
    assert "text" in error.value.message_dict


def test_changing_a_finding_names_the_fields_changed(review, business_unit):
    finding = ReviewFindingFactory(review=review, number=1, text="Old words.")
    assert review_finding_update(actor=business_unit, finding=finding, text="New words.") == ["text"]
    assert review_finding_update(actor=business_unit, finding=finding, text="New words.") == []


def test_a_finding_answered_by_a_recommendation_is_not_deleted(review, business_unit):
    finding = ReviewFindingFactory(review=review, number=1)
    RecommendationFactory(review=review, number=3, finding=finding)
    with pytest.raises(ValidationError, match="Recommendation 3 answers this finding"):
        review_finding_delete(actor=business_unit, finding=finding)


def test_a_finding_is_deleted_and_its_number_not_reused_while_later_ones_stand(review, business_unit):
    first = ReviewFindingFactory(review=review, number=1)
    ReviewFindingFactory(review=review, number=2)
    review_finding_delete(actor=business_unit, finding=first)
    assert review_finding_create(actor=business_unit, review=review, text="Another.").number == 3


def test_a_recommendation_answers_a_finding_and_is_addressed_to_an_agency(review, business_unit, agency):
    finding = ReviewFindingFactory(review=review, number=1)
    recommendation = recommendation_create(
        actor=business_unit, review=review, text="Share every missing episode.", finding=finding, agency=agency
    )
    assert (recommendation.number, recommendation.finding, recommendation.agency) == (1, finding, agency)


def test_a_recommendation_may_not_answer_another_reviews_finding(review, business_unit):
    elsewhere = ReviewFindingFactory(review=ReviewFactory(partnership=review.partnership), number=1)
    with pytest.raises(ValidationError) as error:
        recommendation_create(actor=business_unit, review=review, text="Share.", finding=elsewhere)
    assert "finding" in error.value.message_dict


def test_a_recommendation_may_not_be_addressed_to_another_partnerships_agency(review, business_unit):
    from assure.partnerships.tests.factories import AgencyFactory

    with pytest.raises(ValidationError) as error:
        recommendation_create(actor=business_unit, review=review, text="Share.", agency=AgencyFactory())
    assert "agency" in error.value.message_dict


def test_changing_a_recommendation_records_the_fields_changed(review, business_unit, agency):
    recommendation = RecommendationFactory(review=review, number=1, text="Share.")
    changed = recommendation_update(actor=business_unit, recommendation=recommendation, text="Share.", agency=agency)
    assert changed == ["agency"]
    assert Event.objects.get(verb="reviews.recommendation_changed").data["fields"] == ["agency"]


def test_an_action_is_raised_from_a_recommendation_with_it_as_source(review, business_unit, agency):
    recommendation = RecommendationFactory(review=review, number=2)
    action = recommendation_action_raise(
        actor=business_unit,
        recommendation=recommendation,
        title="Revise the protocol",
        owner_agency=agency,
        due_on=_due(),
    )
    assert action.source == recommendation
    assert action.source_label == "RV-004 recommendation 2"
    assert action.partnership == review.partnership


def test_an_actions_label_names_the_review_never_the_case(review, business_unit, agency):
    review.title = "A young person placed far from home"
    review.save()
    recommendation = RecommendationFactory(review=review, number=1)
    action = recommendation_action_raise(
        actor=business_unit, recommendation=recommendation, title="Revise", owner_agency=agency, due_on=_due()
    )
    assert review.title not in action.source_label and review.terms_of_reference not in action.source_label


def test_a_reviewer_may_not_raise_actions(review, auditor, agency):
    recommendation = RecommendationFactory(review=review, number=1)
    with pytest.raises(PermissionDenied):
        recommendation_action_raise(
            actor=auditor, recommendation=recommendation, title="Revise", owner_agency=agency, due_on=_due()
        )


def test_a_recommendation_with_an_action_stays(review, business_unit, agency):
    recommendation = RecommendationFactory(review=review, number=1)
    recommendation_action_raise(
        actor=business_unit, recommendation=recommendation, title="Revise", owner_agency=agency, due_on=_due()
    )
    with pytest.raises(ValidationError, match="An action has been raised"):
        recommendation_delete(actor=business_unit, recommendation=recommendation)


def test_a_recommendation_without_actions_is_deleted(review, business_unit):
    recommendation = RecommendationFactory(review=review, number=1)
    recommendation_delete(actor=business_unit, recommendation=recommendation)
    assert not review.recommendations.exists()
    assert Event.objects.get(verb="reviews.recommendation_deleted").data["number"] == 1


def test_progress_is_reported_to_a_meeting_of_the_partnership(review, business_unit):
    meeting = MeetingFactory(partnership=review.partnership, held_on=dt.date(2015, 3, 10))
    report = progress_report_add(actor=business_unit, review=review, meeting=meeting, summary=" Two done. ")
    assert (report.meeting, report.summary, report.recorded_by) == (meeting, "Two done.", business_unit)


def test_progress_is_not_reported_to_another_partnerships_meeting(review, business_unit, other_partnership):
    meeting = MeetingFactory(partnership=other_partnership)
    with pytest.raises(ValidationError) as error:
        progress_report_add(actor=business_unit, review=review, meeting=meeting, summary="Two done.")
    assert "meeting" in error.value.message_dict


def test_actions_raised_count_in_the_tracker(review, business_unit, agency):
    recommendation = RecommendationFactory(review=review, number=1)
    recommendation_action_raise(
        actor=business_unit, recommendation=recommendation, title="Revise", owner_agency=agency, due_on=_due()
    )
    assert Action.objects.filter(partnership=review.partnership).count() == 1
