"""The path a referral takes, kept as data: which status may follow which, what the step is
called, whether it needs a reason and the event it records. Every service that changes a
referral's status asks ``move`` first, so no status is reached any other way.

A public referral waits for its referrer's confirmation by e-mail, then becomes a draft. A draft
(from an employer) is accepted by the officer (open) or declined with a reason (not a matter for
the designated officer, or already referred). An open referral is closed with its outcome; a
closed one may be reopened, with a reason."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from .models import Referral

Status = Referral.Status


@dataclass(frozen=True)
class Step:
    to_status: str
    label: str  # what the person chooses, e.g. "Accept the referral"
    done: str  # what the referral's history says happened, e.g. "Accepted"
    verb: str  # the domain event recorded
    needs_reason: bool = False


REFERRAL_PIPELINE: dict[str, tuple[Step, ...]] = {
    Status.AWAITING_CONFIRMATION: (
        Step(Status.DRAFT, "Confirm the referral", "Confirmed by the referrer", "lado.referral_confirmed"),
    ),
    Status.DRAFT: (
        Step(Status.OPEN, "Accept the referral", "Accepted", "lado.referral_accepted"),
        Step(Status.DECLINED, "Decline the referral", "Declined", "lado.referral_declined", needs_reason=True),
    ),
    Status.OPEN: (Step(Status.CLOSED, "Close with the outcome", "Closed", "lado.referral_closed"),),
    Status.CLOSED: (Step(Status.OPEN, "Reopen the referral", "Reopened", "lado.referral_reopened", needs_reason=True),),
    Status.DECLINED: (),
}


def next_steps(status: str) -> tuple[Step, ...]:
    """The steps open to a referral in this status, in the order they are offered."""
    return REFERRAL_PIPELINE.get(status, ())


def step_to(status: str, to_status: str) -> Step | None:
    """The step from ``status`` to ``to_status``, or None if the pipeline does not allow it."""
    return next((step for step in next_steps(status) if step.to_status == to_status), None)


def move(referral: Referral, to_status: str, *, reason: str = "") -> Step:
    """The step that takes ``referral`` to ``to_status``; a ValidationError (on ``status``) when
    the pipeline does not allow it, or (on ``reason``) when the step needs a reason and none is
    given. The caller sets the status and saves, with whatever else the step records."""
    step = step_to(referral.status, to_status)
    if step is None:
        raise ValidationError(
            {
                "status": f"{referral.reference} is {referral.get_status_display().lower()}: it cannot be "
                f"{Status(to_status).label.lower()} now."
            }
        )
    if step.needs_reason and not reason.strip():
        raise ValidationError({"reason": f"Give a reason to {step.label[0].lower()}{step.label[1:]}."})
    return step
