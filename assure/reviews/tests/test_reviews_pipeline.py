"""A review's path from commissioned to published (``pipeline.py``), taken only by ``review_move``
and, for its last step, ``review_publish``: each step from the status before it, reasons where the
pipeline asks for one, and what a statutory review needs to be published."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.models import Event
from assure.reviews.models import Review
from assure.reviews.pipeline import REVIEW_PIPELINE, next_steps
from assure.reviews.services.reviews import review_move, review_publish
from assure.reviews.tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db

Status = Review.Status


@pytest.fixture
def commissioned(partnership, business_unit):
    return ReviewFactory(partnership=partnership, reference="RV-001", created_by=business_unit)


def _at(partnership, status, **extra):
    return ReviewFactory(partnership=partnership, status=status, **extra)


def test_every_open_status_may_be_cancelled():
    for status in (Status.COMMISSIONED, Status.UNDER_WAY, Status.REPORTING):
        assert Status.CANCELLED in {step.to_status for step in next_steps(status)}


def test_nothing_follows_a_published_or_cancelled_review():
    assert REVIEW_PIPELINE[Status.PUBLISHED] == () and REVIEW_PIPELINE[Status.CANCELLED] == ()


def test_a_review_moves_along_its_steps_to_completed(commissioned, business_unit):
    for status in (Status.UNDER_WAY, Status.REPORTING, Status.COMPLETED):
        commissioned = review_move(actor=business_unit, review=commissioned, to_status=status)
    assert commissioned.status == Status.COMPLETED
    assert commissioned.completed_on == dt.date.today()
    verbs = list(Event.objects.order_by("pk").values_list("verb", flat=True))
    assert verbs == ["reviews.review_started", "reviews.review_reporting", "reviews.review_completed"]


def test_a_step_cannot_be_skipped(commissioned, business_unit):
    with pytest.raises(ValidationError):
        review_move(actor=business_unit, review=commissioned, to_status=Status.COMPLETED)
    commissioned.refresh_from_db()
    assert commissioned.status == Status.COMMISSIONED


def test_publishing_is_not_a_move(partnership, business_unit):
    completed = _at(partnership, Status.COMPLETED)
    with pytest.raises(ValidationError):
        review_move(actor=business_unit, review=completed, to_status=Status.PUBLISHED)


def test_cancelling_needs_a_reason_kept_in_its_event(commissioned, business_unit):
    with pytest.raises(ValidationError) as refused:
        review_move(actor=business_unit, review=commissioned, to_status=Status.CANCELLED, reason=" ")
    assert "reason" in refused.value.message_dict
    review_move(actor=business_unit, review=commissioned, to_status=Status.CANCELLED, reason="Led by another board")
    assert Event.objects.get(verb="reviews.review_cancelled").data["reason"] == "Led by another board"


def test_a_cancelled_review_cannot_be_moved_again(partnership, business_unit):
    with pytest.raises(ValidationError):
        review_move(actor=business_unit, review=_at(partnership, Status.CANCELLED), to_status=Status.UNDER_WAY)


def test_only_the_business_unit_moves_a_review(commissioned, auditor):
    with pytest.raises(PermissionDenied):
        review_move(actor=auditor, review=commissioned, to_status=Status.UNDER_WAY)


# --- publication -----------------------------------------------------------------------------------


def _publish(actor, review, **extra):
    values = {
        "completed_on": dt.date(2015, 1, 30),
        "published_on": dt.date(2015, 3, 2),
        "summary": "Agencies did not share what they knew of the young person's missing episodes.",
    }
    return review_publish(actor=actor, review=review, **{**values, **extra})


def test_a_completed_review_is_published_with_its_details(partnership, business_unit):
    review = _publish(business_unit, _at(partnership, Status.COMPLETED), published_url="https://example.org/rv")
    review.refresh_from_db()
    assert (review.status, review.published_on, review.published_url) == (
        Status.PUBLISHED,
        dt.date(2015, 3, 2),
        "https://example.org/rv",
    )
    assert Event.objects.filter(verb="reviews.review_published", target_id=str(review.pk)).exists()


def test_a_review_not_yet_completed_cannot_be_published(partnership, business_unit):
    with pytest.raises(ValidationError):
        _publish(business_unit, _at(partnership, Status.REPORTING))


def test_a_statutory_review_needs_the_date_it_went_to_the_national_panel(partnership, business_unit):
    review = _at(partnership, Status.COMPLETED, kind="lcspr")
    with pytest.raises(ValidationError) as refused:
        _publish(business_unit, review)
    assert "sent_to_panel_on" in refused.value.message_dict
    _publish(business_unit, review, sent_to_panel_on=dt.date(2015, 2, 2))
    review.refresh_from_db()
    assert review.status == Status.PUBLISHED


def test_a_learning_review_needs_no_national_panel_date(partnership, business_unit):
    _publish(business_unit, _at(partnership, Status.COMPLETED, kind="learning-review"))


def test_publication_cannot_be_recorded_before_it_happens(partnership, business_unit):
    with pytest.raises(ValidationError) as refused:
        _publish(business_unit, _at(partnership, Status.COMPLETED), published_on=dt.date.today() + dt.timedelta(1))
    assert "published_on" in refused.value.message_dict


def test_publication_needs_a_summary(partnership, business_unit):
    with pytest.raises(ValidationError) as refused:
        _publish(business_unit, _at(partnership, Status.COMPLETED), summary="")
    assert "summary" in refused.value.message_dict


def test_a_review_cannot_be_published_before_it_was_completed(partnership, business_unit):
    with pytest.raises(ValidationError) as refused:
        _publish(business_unit, _at(partnership, Status.COMPLETED), published_on=dt.date(2015, 1, 2))
    assert "published_on" in refused.value.message_dict
