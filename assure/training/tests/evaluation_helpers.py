"""Helpers of the evaluations tests: a session held some days ago, a delegate's booking of it and
their evaluations answered through the questionnaire engine."""

import datetime as dt

from django.utils import timezone

from assure.library.selectors import current_item
from assure.questionnaires.services import answers_save, response_start, response_submit
from assure.training.models import Booking, Evaluation, OutcomeConfidence
from assure.training.tests.factories import BookingFactory, EvaluationFactory, SessionFactory

AFTER_ANSWERS = {
    "after-content": ["good"],
    "after-trainer": ["very-good"],
    "after-venue": ["good"],
    "after-pace": ["about-right"],
    "after-differently": ["Ring the duty team before I send a referral."],
}
FOLLOW_UP_ANSWERS = {
    "follow-up-changed": ["a-little"],
    "follow-up-what": ["I talk to the family's health visitor sooner."],
    "follow-up-recommend": ["yes"],
}
BEFORE_ANSWERS = {
    "before-hopes": ["How to use the threshold document."],
    "before-practice": ["I refer a family a month."],
    "before-met-before": ["no"],
}


def held_session(course, *, days_ago: int = 3, **fields):
    starts = (timezone.now() - dt.timedelta(days=days_ago)).replace(hour=9, minute=30, second=0, microsecond=0)
    return SessionFactory(course=course, starts_at=starts, booking_opens=starts - dt.timedelta(days=30), **fields)


def attended_booking(session, **fields):
    return BookingFactory(session=session, attendance=Booking.Attendance.ATTENDED, **fields)


def answered(booking, stage: str, *, scores=(), answers=None, submit: bool = True) -> Evaluation:
    """An evaluation of ``stage`` answered (and submitted) as the delegate would, with a confidence
    score for each outcome in ``scores``."""
    evaluation = EvaluationFactory(booking=booking, stage=stage, sent_at=timezone.now())
    code = {"before": "training-before", "after": "training-after", "follow-up": "training-follow-up"}[stage]
    response = response_start(
        actor=None,
        partnership=booking.partnership,
        questionnaire=current_item(kind="questionnaire", code=code),
        about=evaluation,
    )
    data = (
        answers
        if answers is not None
        else {"before": BEFORE_ANSWERS, "after": AFTER_ANSWERS, "follow-up": FOLLOW_UP_ANSWERS}[stage]
    )
    answers_save(actor=None, response=response, data=data)
    for index, score in enumerate(scores):
        OutcomeConfidence.objects.create(
            evaluation=evaluation, outcome=index, outcome_text=f"Outcome {index}", score=score
        )
    evaluation.response = response
    if submit:
        response_submit(actor=None, response=response)
        evaluation.submitted_at = timezone.now()
    evaluation.save()
    return evaluation
