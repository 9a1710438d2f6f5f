"""When a delegate is asked for each evaluation, as rules over a booking and the partnership's
training policy (no database reads beyond the policy).

- **Before the course**: from booking (booked, or awaiting the manager's approval) until the
  session starts.
- **After the course**: from the session's end, for a delegate marked attended, or still booked
  while the register has not been marked (so nobody waits on the register to say what they
  thought); never for one marked as not attending. Due ``evaluation_after_days`` after the
  session's end.
- **Three months on**: sent by the daily job ``training_follow_ups_send`` ``follow_up_days``
  after the session's end, to those marked attended; due ``evaluation_after_days`` after it is
  sent.

The confidence in each learning outcome is asked before and after, on the library's rating scale
``training-confidence``."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from .models import Booking, Evaluation

Stage = Evaluation.Stage

QUESTIONNAIRES = {
    Stage.BEFORE: "training-before",
    Stage.AFTER: "training-after",
    Stage.FOLLOW_UP: "training-follow-up",
}
CONFIDENCE_SCALE = "training-confidence"
# Stages that ask the confidence in each learning outcome.
CONFIDENCE_STAGES = (Stage.BEFORE, Stage.AFTER)
# A follow-up missed on its day (the daily job did not run) is still sent within this many days.
FOLLOW_UP_GRACE_DAYS = 7


@dataclass(frozen=True)
class EvaluationPolicy:
    evaluation_after_days: int = 7
    follow_up_days: int = 91


def evaluation_policy(partnership) -> EvaluationPolicy:
    """The partnership's evaluation periods, from its training policy (``policy_for``)."""
    from .policy import policy_for

    _, policy = policy_for(partnership)
    return EvaluationPolicy(evaluation_after_days=policy.evaluation_after_days, follow_up_days=policy.follow_up_days)


def session_end_day(booking: Booking) -> dt.date:
    return timezone.localdate(booking.session.ends_at)


def is_evaluated(booking: Booking) -> bool:
    """A workshop is evaluated as part of its conference: only the conference's booking is asked."""
    return booking.session.parent_id is None


def before_open(booking: Booking, *, now=None) -> bool:
    now = now or timezone.now()
    return is_evaluated(booking) and (
        booking.status in (Booking.Status.BOOKED, Booking.Status.AWAITING_APPROVAL) and now < booking.session.starts_at
    )


def after_open(booking: Booking, *, now=None) -> bool:
    now = now or timezone.now()
    return (
        is_evaluated(booking)
        and booking.status == Booking.Status.BOOKED
        and booking.attendance != Booking.Attendance.NO_SHOW
        and booking.session.ends_at <= now
    )


def follow_up_open(booking: Booking) -> bool:
    return (
        is_evaluated(booking)
        and booking.status == Booking.Status.BOOKED
        and booking.attendance == Booking.Attendance.ATTENDED
    )


def stage_open(booking: Booking, stage: str, *, now=None) -> bool:
    """Whether the delegate may give (or go on with) the evaluation of ``stage`` now."""
    if stage == Stage.BEFORE:
        return before_open(booking, now=now)
    if stage == Stage.AFTER:
        return after_open(booking, now=now)
    return follow_up_open(booking)


def stage_closed_reason(booking: Booking, stage: str) -> str:
    if not is_evaluated(booking):
        return "A workshop is evaluated as part of its conference: give the conference's evaluation."
    if stage == Stage.BEFORE:
        return "The evaluation before the course can be given only until the session starts."
    if stage == Stage.AFTER:
        if booking.attendance == Booking.Attendance.NO_SHOW:
            return "The register says you did not attend, so there is no course to evaluate."
        return "The evaluation after the course opens when the session ends."
    return "The evaluation three months on is for delegates who attended."


def after_due(booking: Booking, policy: EvaluationPolicy) -> dt.date:
    return session_end_day(booking) + dt.timedelta(days=policy.evaluation_after_days)


def follow_up_day(booking: Booking, policy: EvaluationPolicy) -> dt.date:
    return session_end_day(booking) + dt.timedelta(days=policy.follow_up_days)


def follow_up_due_today(booking: Booking, policy: EvaluationPolicy, today: dt.date) -> bool:
    """The follow-up is sent on its day, or within the grace days after it when a run was missed."""
    day = follow_up_day(booking, policy)
    return day <= today < day + dt.timedelta(days=FOLLOW_UP_GRACE_DAYS)


def certificate_refusal(booking: Booking, *, after_submitted: bool) -> str:
    """Why the booking's certificate cannot be given yet; "" when it can."""
    if booking.status != Booking.Status.BOOKED or booking.attendance != Booking.Attendance.ATTENDED:
        return "A certificate is given once the register shows you attended the session."
    if not after_submitted:
        return "Your certificate is ready once you have given your evaluation after the course."
    return ""
