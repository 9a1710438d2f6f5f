"""Evaluations of training: a delegate starts and submits their own (with their confidence in each
learning outcome), the daily job sends the follow-ups three months on, and the business unit
chooses delegates' words as quotes for the annual report. When each evaluation may be given is
in ``evaluation_rules.py``."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.navigation import partnership_url
from assure.library.selectors import current_item
from assure.notifications.services import notify
from assure.partnerships.years import financial_year_of
from assure.questionnaires.definition import questionnaire_of
from assure.questionnaires.services import response_start, response_submit

from ..evaluation_rules import (
    CONFIDENCE_SCALE,
    CONFIDENCE_STAGES,
    QUESTIONNAIRES,
    after_due,
    evaluation_policy,
    follow_up_due_today,
    stage_closed_reason,
    stage_open,
)
from ..models import Booking, Evaluation, OutcomeConfidence, Quote
from ..permissions import ensure_can_choose_quotes, ensure_may_evaluate

Stage = Evaluation.Stage


def confidence_levels() -> list[tuple[int, str]]:
    """The points of the library's confidence scale, (score, label), lowest first. Library
    content is shared by every partnership, so this read needs no user."""
    item = current_item(kind="rating-scale", code=CONFIDENCE_SCALE)
    if item is None:
        raise LookupError("The library has no rating scale training-confidence.")
    return [(int(level["score"]), level["label"]) for level in item.data["levels"]]


def _questionnaire(stage: str):
    item = current_item(kind="questionnaire", code=QUESTIONNAIRES[stage])
    if item is None:
        raise LookupError(f"The library has no questionnaire {QUESTIONNAIRES[stage]}.")
    return item


def _start_response(*, actor, partnership, evaluation: Evaluation):
    evaluation.response = response_start(
        actor=actor,
        partnership=partnership,
        questionnaire=_questionnaire(evaluation.stage),
        about=evaluation,
        respondent=actor,
        agency=evaluation.booking.agency,
    )
    evaluation.save(update_fields=["response"])
    return evaluation.response


@transaction.atomic
def evaluation_start(*, actor, partnership, booking: Booking, stage: str) -> Evaluation:
    """The delegate's evaluation of ``stage`` (before or after the course), made when they first
    ask for it, with a draft response to its questionnaire. Refused outside its time (see
    ``evaluation_rules``)."""
    ensure_may_evaluate(user=actor, partnership=partnership, booking=booking)
    if stage not in (Stage.BEFORE, Stage.AFTER):
        raise ValidationError({"stage": "The evaluation three months on is sent to you when it is due."})
    evaluation = Evaluation.objects.filter(booking=booking, stage=stage).first()
    if evaluation is None:
        if not stage_open(booking, stage):
            raise ValidationError({"stage": stage_closed_reason(booking, stage)})
        due_on = after_due(booking, evaluation_policy(partnership)) if stage == Stage.AFTER else None
        evaluation = Evaluation.objects.create(booking=booking, stage=stage, sent_at=timezone.now(), due_on=due_on)
        event_record(
            actor=actor,
            verb="training.evaluation_started",
            target=evaluation,
            partnership=partnership,
            summary=f"Evaluation {evaluation.get_stage_display().lower()} started: {booking.session.reference}",
        )
    if evaluation.response_id is None:
        _start_response(actor=actor, partnership=partnership, evaluation=evaluation)
    return evaluation


@transaction.atomic
def evaluation_open(*, actor, partnership, evaluation: Evaluation) -> Evaluation:
    """Give the delegate's evaluation its draft response when it has none yet (a follow-up sent
    by the daily job is answered on a response made when the delegate first opens it)."""
    ensure_may_evaluate(user=actor, partnership=partnership, booking=evaluation.booking)
    if evaluation.response_id is None and not evaluation.is_submitted:
        _start_response(actor=actor, partnership=partnership, evaluation=evaluation)
    return evaluation


def _outcomes(evaluation: Evaluation) -> list[str]:
    return list(evaluation.booking.session.course.outcomes or []) if evaluation.stage in CONFIDENCE_STAGES else []


@transaction.atomic
def confidences_save(*, actor, partnership, evaluation: Evaluation, scores: dict[int, str]) -> dict[int, str]:
    """Keep the delegate's confidence in each learning outcome they rated (``scores`` by the
    outcome's place in the course's list, as the form sent them). Returns the messages of those
    that were not a point of the scale, by outcome; the rest are kept whatever."""
    ensure_may_evaluate(user=actor, partnership=partnership, booking=evaluation.booking)
    if evaluation.is_submitted:
        raise ValidationError("This evaluation has been submitted and can no longer be changed.")
    allowed = {str(score) for score, _ in confidence_levels()}
    outcomes = _outcomes(evaluation)
    errors: dict[int, str] = {}
    for index, raw in scores.items():
        if not 0 <= index < len(outcomes) or not raw:
            continue
        if raw not in allowed:
            errors[index] = f"Choose how confident you feel: {outcomes[index]}"
            continue
        OutcomeConfidence.objects.update_or_create(
            evaluation=evaluation,
            outcome=index,
            defaults={"outcome_text": outcomes[index][:300], "score": int(raw)},
        )
    return errors


def unrated_outcomes(evaluation: Evaluation) -> list[int]:
    """The places of the learning outcomes the delegate has not yet rated (none for a follow-up)."""
    rated = set(evaluation.confidences.values_list("outcome", flat=True))
    return [index for index in range(len(_outcomes(evaluation))) if index not in rated]


@transaction.atomic
def evaluation_submit(*, actor, partnership, evaluation: Evaluation, response) -> Evaluation:
    """Hand the evaluation in: refused until every learning outcome is rated (before and after
    the course) and every required question answered; the before-evaluation only until the
    session starts."""
    booking = evaluation.booking
    ensure_may_evaluate(user=actor, partnership=partnership, booking=booking)
    if response.pk != evaluation.response_id:
        raise PermissionDenied
    if evaluation.is_submitted:
        raise ValidationError("This evaluation has already been submitted.")
    if not stage_open(booking, evaluation.stage):
        raise ValidationError(stage_closed_reason(booking, evaluation.stage))
    if unrated := unrated_outcomes(evaluation):
        outcomes = _outcomes(evaluation)
        raise ValidationError(
            "Say how confident you feel in every learning outcome before you submit. Not yet rated: "
            + "; ".join(outcomes[index] for index in unrated)
            + "."
        )
    response_submit(actor=actor, response=response)
    evaluation.submitted_at = timezone.now()
    evaluation.save(update_fields=["submitted_at"])
    event_record(
        actor=actor,
        verb="training.evaluation_submitted",
        target=evaluation,
        partnership=partnership,
        summary=f"Evaluation {evaluation.get_stage_display().lower()} submitted: {booking.session.reference}",
    )
    return evaluation


def follow_ups_send(*, today: dt.date | None = None) -> int:
    """Send the evaluation three months on to every delegate who attended a session whose
    follow-up day (the policy's ``follow_up_days`` after it ended) is today, or was within the last
    few days when a run was missed; each once. Returns how many were sent. Across partnerships:
    the daily job's, not a person's."""
    today = today or timezone.localdate()
    latest_end = timezone.make_aware(dt.datetime.combine(today, dt.time.max))
    candidates = (
        Booking.objects.filter(
            status=Booking.Status.BOOKED,
            attendance=Booking.Attendance.ATTENDED,
            session__ends_at__lte=latest_end,
            session__parent__isnull=True,  # a workshop is evaluated as part of its conference
        )
        .exclude(evaluations__stage=Stage.FOLLOW_UP)
        .select_related("session__course", "practitioner__user", "partnership")
    )
    policies: dict[int, object] = {}
    sent = 0
    for booking in candidates.iterator():
        policy = policies.get(booking.partnership_id)
        if policy is None:
            policy = policies[booking.partnership_id] = evaluation_policy(booking.partnership)
        if not follow_up_due_today(booking, policy, today):
            continue
        sent += _follow_up_send(booking=booking, today=today, policy=policy)
    return sent


@transaction.atomic
def _follow_up_send(*, booking: Booking, today: dt.date, policy) -> int:
    if Evaluation.objects.select_for_update().filter(booking=booking, stage=Stage.FOLLOW_UP).exists():
        return 0
    evaluation = Evaluation.objects.create(
        booking=booking,
        stage=Stage.FOLLOW_UP,
        sent_at=timezone.now(),
        due_on=today + dt.timedelta(days=policy.evaluation_after_days),
    )
    partnership = booking.partnership
    course = booking.session.course
    notify(
        recipients=[booking.practitioner.user],
        partnership=partnership,
        kind="training.evaluation",
        subject="Your training three months on: a short evaluation",
        body=(
            f"Three months ago you attended {course.title} ({booking.session.reference}). Please tell us "
            f"what has changed in your practice since, by {evaluation.due_on.day} {evaluation.due_on:%B %Y}. "
            "It takes a few minutes."
        ),
        path=partnership_url("training:evaluate", partnership, pk=evaluation.pk),
        target=evaluation,
    )
    event_record(
        actor=None,
        verb="training.evaluation_sent",
        target=evaluation,
        partnership=partnership,
        summary=f"Evaluation three months on sent: {booking.session.reference}",
    )
    return 1


# --- quotes for the annual report ----------------------------------------------------------------


def _long_text_questions(evaluation: Evaluation) -> set[str]:
    questionnaire = questionnaire_of(evaluation.response.questionnaire)
    return {
        question.code
        for section in questionnaire.sections
        for question in section.questions
        if question.type == "long-text"
    }


@transaction.atomic
def quote_select(*, actor, partnership, evaluation: Evaluation, question: str, text: str) -> Quote:
    """Choose a delegate's answer to a long-text question for the annual report of the year the
    session was in, in the words given (the business unit may take a name out)."""
    ensure_can_choose_quotes(user=actor, partnership=partnership)
    if evaluation.booking.partnership_id != partnership.pk or not evaluation.is_submitted:
        raise PermissionDenied
    if evaluation.response_id is None or question not in _long_text_questions(evaluation):
        raise ValidationError({"question": "Choose an answer given in words."})
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Enter the words to quote."})
    if Quote.objects.filter(evaluation=evaluation, question=question).exists():
        raise ValidationError({"text": "This answer has already been chosen for the annual report."})
    year = financial_year_of(timezone.localdate(evaluation.booking.session.starts_at))
    quote = Quote.objects.create(
        partnership=partnership,
        evaluation=evaluation,
        question=question,
        text=text,
        year=year,
        selected_by=actor,
    )
    event_record(
        actor=actor,
        verb="training.quote_selected",
        target=quote,
        partnership=partnership,
        summary=f"Quote chosen for the annual report {year}",
    )
    return quote


@transaction.atomic
def quote_remove(*, actor, partnership, quote: Quote) -> None:
    """Take a quote out of the annual report's choice (the delegate's answer stays)."""
    ensure_can_choose_quotes(user=actor, partnership=partnership)
    if quote.partnership_id != partnership.pk:
        raise PermissionDenied
    event_record(
        actor=actor,
        verb="training.quote_removed",
        target=quote,
        partnership=partnership,
        summary=f"Quote taken out of the annual report {quote.year}",
    )
    quote.delete()
