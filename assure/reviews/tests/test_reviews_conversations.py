"""Practitioners' conversations: recorded by the business unit or a reviewer, the practitioner
named by role and agency only, the notes kept for the case file."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.reviews.models import Conversation, Review
from assure.reviews.services.reviews import conversation_add
from assure.reviews.tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db

HELD = dt.date(2014, 10, 6)


@pytest.fixture
def running(partnership):
    return ReviewFactory(partnership=partnership, reference="RV-001", status=Review.Status.UNDER_WAY)


def test_a_reviewer_records_a_conversation(running, auditor, agency):
    conversation_add(
        actor=auditor,
        review=running,
        held_on=HELD,
        practitioner_role="Health visitor",
        notes="Seen weekly.",
        agency=agency,
    )
    kept = Conversation.objects.get()
    assert (kept.practitioner_role, kept.agency, kept.recorded_by) == ("Health visitor", agency, auditor)


def test_a_role_that_looks_like_a_name_is_refused(running, auditor):
    with pytest.raises(ValidationError) as refused:
        conversation_add(actor=auditor, review=running, held_on=HELD, practitioner_role="Dana Whitfield", notes="Seen.")
    assert "practitioner_role" in refused.value.message_dict


def test_a_role_in_capitals_is_not_taken_for_a_name(running, auditor):
    conversation_add(actor=auditor, review=running, held_on=HELD, practitioner_role="School Nurse", notes="Seen.")
    assert Conversation.objects.count() == 1


def test_a_board_member_cannot_record_a_conversation(running, board_member):
    with pytest.raises(PermissionDenied):
        conversation_add(actor=board_member, review=running, held_on=HELD, practitioner_role="GP", notes="Seen.")


def test_a_closed_review_takes_no_more_conversations(partnership, auditor):
    closed = ReviewFactory(partnership=partnership, status=Review.Status.PUBLISHED)
    with pytest.raises(ValidationError):
        conversation_add(actor=auditor, review=closed, held_on=HELD, practitioner_role="GP", notes="Seen.")
