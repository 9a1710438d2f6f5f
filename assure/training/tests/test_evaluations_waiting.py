"""What evaluations have waiting on a practitioner's home page, and the reminders of evaluations
still to give."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.training.tests.evaluation_helpers import answered, attended_booking, held_session
from assure.training.tests.factories import BookingFactory, EvaluationFactory
from assure.training.waiting_evaluations import evaluation_reminders_due, evaluations_waiting

pytestmark = pytest.mark.django_db


def test_a_session_ended_waits_for_its_after_evaluation(course, profile, practitioner, partnership):
    attended_booking(held_session(course), practitioner=profile, agency=profile.agency)
    [item] = evaluations_waiting(user=practitioner, partnership=partnership, today=timezone.localdate())
    assert item.title.startswith("Evaluation after the course")


def test_a_booked_session_to_come_waits_for_its_before_evaluation(session, profile, practitioner, partnership):
    BookingFactory(session=session, practitioner=profile, agency=profile.agency)
    [item] = evaluations_waiting(user=practitioner, partnership=partnership, today=timezone.localdate())
    assert item.title.startswith("Evaluation before the course")


def test_a_submitted_evaluation_no_longer_waits(course, profile, practitioner, partnership):
    booking = attended_booking(held_session(course), practitioner=profile, agency=profile.agency)
    answered(booking, "after", scores=(4, 4, 4))
    assert evaluations_waiting(user=practitioner, partnership=partnership, today=timezone.localdate()) == []


def test_nothing_waits_for_the_business_unit(course, business_unit, partnership):
    attended_booking(held_session(course))
    assert evaluations_waiting(user=business_unit, partnership=partnership, today=timezone.localdate()) == []


def test_an_outstanding_follow_up_is_reminded_to_its_delegate(course, profile, practitioner):
    booking = attended_booking(held_session(course, days_ago=95), practitioner=profile, agency=profile.agency)
    due = timezone.localdate() + dt.timedelta(days=3)
    EvaluationFactory(booking=booking, stage="follow-up", sent_at=timezone.now(), due_on=due)
    [reminder] = evaluation_reminders_due(today=timezone.localdate())
    assert (reminder.recipients, reminder.deadline, reminder.kind) == ([practitioner], due, "training.evaluation")


def test_a_submitted_evaluation_is_not_reminded(course):
    booking = attended_booking(held_session(course))
    evaluation = answered(booking, "after", scores=(4, 4, 4))
    evaluation.due_on = timezone.localdate()
    evaluation.save()
    assert evaluation_reminders_due(today=timezone.localdate()) == []
