"""The services of evaluations: starting and submitting a delegate's own, the confidence in each
learning outcome, the follow-ups sent three months on, and the quotes."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.notifications.models import Message
from assure.partnerships.years import financial_year_of
from assure.questionnaires.services import answers_save
from assure.training.models import Booking, Evaluation, OutcomeConfidence, Quote
from assure.training.services.evaluations import (
    confidences_save,
    evaluation_start,
    evaluation_submit,
    follow_ups_send,
    quote_remove,
    quote_select,
)
from assure.training.tests.evaluation_helpers import AFTER_ANSWERS, answered, attended_booking, held_session
from assure.training.tests.factories import BookingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(course):
    return held_session(course)


@pytest.fixture
def own_attended(held, profile):
    return attended_booking(held, practitioner=profile, agency=profile.agency)


def test_start_makes_the_evaluation_with_a_draft_response(own_attended, practitioner, partnership):
    evaluation = evaluation_start(actor=practitioner, partnership=partnership, booking=own_attended, stage="after")
    assert evaluation.response.status == "draft"
    assert evaluation.due_on == timezone.localdate(own_attended.session.ends_at) + dt.timedelta(days=7)


def test_start_refuses_another_practitioners_booking(held, practitioner, partnership):
    booking = attended_booking(held)
    with pytest.raises(PermissionDenied):
        evaluation_start(actor=practitioner, partnership=partnership, booking=booking, stage="after")


def test_after_evaluation_waits_for_the_session_to_end(session, profile, practitioner, partnership):
    booking = BookingFactory(session=session, practitioner=profile, agency=profile.agency)
    with pytest.raises(ValidationError):
        evaluation_start(actor=practitioner, partnership=partnership, booking=booking, stage="after")


def test_a_no_show_is_not_asked_to_evaluate(held, profile, practitioner, partnership):
    booking = BookingFactory(
        session=held, practitioner=profile, agency=profile.agency, attendance=Booking.Attendance.NO_SHOW
    )
    with pytest.raises(ValidationError):
        evaluation_start(actor=practitioner, partnership=partnership, booking=booking, stage="after")


def test_before_evaluation_is_refused_once_the_session_started(held, profile, practitioner, partnership):
    booking = BookingFactory(session=held, practitioner=profile, agency=profile.agency)
    with pytest.raises(ValidationError):
        evaluation_start(actor=practitioner, partnership=partnership, booking=booking, stage="before")


def _started(own_attended, practitioner, partnership) -> Evaluation:
    evaluation = evaluation_start(actor=practitioner, partnership=partnership, booking=own_attended, stage="after")
    answers_save(actor=practitioner, response=evaluation.response, data=AFTER_ANSWERS)
    return evaluation


def test_submit_is_refused_until_every_outcome_is_rated(own_attended, practitioner, partnership):
    evaluation = _started(own_attended, practitioner, partnership)
    confidences_save(actor=practitioner, partnership=partnership, evaluation=evaluation, scores={0: "4", 1: "3"})
    with pytest.raises(ValidationError, match="Not yet rated: Understand each agency"):
        evaluation_submit(
            actor=practitioner, partnership=partnership, evaluation=evaluation, response=evaluation.response
        )
    evaluation.refresh_from_db()
    assert evaluation.submitted_at is None


def test_submit_with_every_outcome_rated_locks_the_answers(own_attended, practitioner, partnership):
    evaluation = _started(own_attended, practitioner, partnership)
    confidences_save(
        actor=practitioner, partnership=partnership, evaluation=evaluation, scores={0: "4", 1: "3", 2: "5"}
    )
    evaluation_submit(actor=practitioner, partnership=partnership, evaluation=evaluation, response=evaluation.response)
    evaluation.refresh_from_db()
    assert evaluation.submitted_at is not None
    assert evaluation.response.is_locked


def test_confidence_off_the_scale_is_not_kept(own_attended, practitioner, partnership):
    evaluation = _started(own_attended, practitioner, partnership)
    errors = confidences_save(
        actor=practitioner, partnership=partnership, evaluation=evaluation, scores={0: "9", 1: "2"}
    )
    assert list(errors) == [0]
    assert list(OutcomeConfidence.objects.filter(evaluation=evaluation).values_list("outcome", "score")) == [(1, 2)]


def test_confidence_keeps_the_outcomes_words(own_attended, practitioner, partnership):
    evaluation = _started(own_attended, practitioner, partnership)
    confidences_save(actor=practitioner, partnership=partnership, evaluation=evaluation, scores={0: "4"})
    assert evaluation.confidences.get().outcome_text == "Recognise the signs of abuse and neglect"


# --- follow-ups ----------------------------------------------------------------------------------


@pytest.fixture
def attended_long_ago(course, profile):
    """A booking marked attended at a session held yesterday."""
    session = held_session(course, days_ago=1)
    return attended_booking(session, practitioner=profile, agency=profile.agency)


def _follow_up_day(booking) -> dt.date:
    return timezone.localdate(booking.session.ends_at) + dt.timedelta(days=91)


def test_follow_up_is_not_sent_the_day_before(attended_long_ago):
    assert follow_ups_send(today=_follow_up_day(attended_long_ago) - dt.timedelta(days=1)) == 0
    assert not Evaluation.objects.filter(stage="follow-up").exists()


def test_follow_up_is_sent_on_its_day(attended_long_ago):
    assert follow_ups_send(today=_follow_up_day(attended_long_ago)) == 1
    evaluation = Evaluation.objects.get(booking=attended_long_ago, stage="follow-up")
    assert evaluation.sent_at is not None
    assert evaluation.due_on == _follow_up_day(attended_long_ago) + dt.timedelta(days=7)


def test_follow_up_is_e_mailed_to_the_delegate(attended_long_ago, practitioner):
    follow_ups_send(today=_follow_up_day(attended_long_ago))
    message = Message.objects.get(kind="training.evaluation")
    assert message.recipient == practitioner
    assert message.path.endswith(f"/evaluations/{attended_long_ago.evaluations.get().pk}/")


def test_follow_up_is_sent_once(attended_long_ago):
    day = _follow_up_day(attended_long_ago)
    follow_ups_send(today=day)
    assert follow_ups_send(today=day + dt.timedelta(days=1)) == 0
    assert Message.objects.filter(kind="training.evaluation").count() == 1


def test_follow_up_is_not_sent_to_a_delegate_not_marked_attended(course, profile):
    booking = BookingFactory(session=held_session(course, days_ago=1), practitioner=profile, agency=profile.agency)
    assert follow_ups_send(today=_follow_up_day(booking)) == 0


# --- quotes --------------------------------------------------------------------------------------


@pytest.fixture
def evaluated(held):
    return answered(attended_booking(held), "after", scores=(4, 4, 4))


def test_business_unit_chooses_a_quote_in_edited_words(evaluated, business_unit, partnership):
    quote = quote_select(
        actor=business_unit,
        partnership=partnership,
        evaluation=evaluated,
        question="after-differently",
        text="Ring the duty team first.",
    )
    year = financial_year_of(timezone.localdate(evaluated.booking.session.starts_at))
    assert (quote.text, quote.year, quote.selected_by) == ("Ring the duty team first.", year, business_unit)


def test_a_choice_question_cannot_be_quoted(evaluated, business_unit, partnership):
    with pytest.raises(ValidationError):
        quote_select(
            actor=business_unit,
            partnership=partnership,
            evaluation=evaluated,
            question="after-pace",
            text="About right",
        )


def test_an_answer_is_quoted_once(evaluated, business_unit, partnership):
    quote_select(
        actor=business_unit, partnership=partnership, evaluation=evaluated, question="after-differently", text="A"
    )
    with pytest.raises(ValidationError):
        quote_select(
            actor=business_unit, partnership=partnership, evaluation=evaluated, question="after-differently", text="B"
        )


def test_the_board_cannot_choose_quotes(evaluated, board_member, partnership):
    with pytest.raises(PermissionDenied):
        quote_select(
            actor=board_member, partnership=partnership, evaluation=evaluated, question="after-differently", text="A"
        )


def test_business_unit_removes_a_quote(evaluated, business_unit, partnership):
    quote = quote_select(
        actor=business_unit, partnership=partnership, evaluation=evaluated, question="after-differently", text="A"
    )
    quote_remove(actor=business_unit, partnership=partnership, quote=quote)
    assert not Quote.objects.exists()


def test_a_workshop_is_evaluated_as_part_of_its_conference(course, profile, practitioner, partnership):
    from assure.training.evaluation_rules import stage_open

    conference = held_session(course)
    workshop = held_session(course, parent=conference, title="Workshop: parental substance misuse")
    booking = attended_booking(workshop, practitioner=profile, agency=profile.agency)
    assert not stage_open(booking, "after")
    with pytest.raises((PermissionDenied, ValidationError)):
        evaluation_start(actor=practitioner, partnership=partnership, booking=booking, stage="after")
