"""The path a booking takes, kept as data: which status may follow which, what the step is
called, whether it needs a reason and the event it records. Every service that changes a
booking's status asks ``move`` first, so no status is reached any other way.

A booking starts booked, awaiting the manager's approval (the course needs it) or waiting (the
session is full). The manager approves (booked) or does not (not approved, with a reason); an
approval link left unanswered lapses. A place that frees up is offered to the first in line, who
accepts (booked) or lets the offer lapse. Any active booking may be cancelled (late after the
session's free cancellation date)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from .models import Booking

Status = Booking.Status


@dataclass(frozen=True)
class Step:
    to_status: str
    label: str  # what the person chooses, e.g. "Accept the place"
    done: str  # what the booking's history says happened
    verb: str  # the domain event recorded
    needs_reason: bool = False


BOOKING_PIPELINE: dict[str, tuple[Step, ...]] = {
    Status.AWAITING_APPROVAL: (
        Step(Status.BOOKED, "Approve the booking", "Approved by the manager", "training.booking_approved"),
        Step(
            Status.NOT_APPROVED,
            "Do not approve the booking",
            "Not approved by the manager",
            "training.booking_not_approved",
            needs_reason=True,
        ),
        Step(Status.LAPSED, "Let the approval lapse", "The approval link lapsed", "training.booking_lapsed"),
        Step(Status.CANCELLED, "Cancel the booking", "Cancelled", "training.booking_cancelled"),
    ),
    Status.BOOKED: (Step(Status.CANCELLED, "Cancel the booking", "Cancelled", "training.booking_cancelled"),),
    Status.WAITING: (
        Step(Status.OFFERED, "Offer the place", "Offered a place", "training.booking_offered"),
        Step(Status.CANCELLED, "Leave the waiting list", "Left the waiting list", "training.booking_cancelled"),
    ),
    Status.OFFERED: (
        Step(Status.BOOKED, "Accept the place", "Accepted the place", "training.offer_accepted"),
        Step(
            Status.AWAITING_APPROVAL,
            "Accept the place, for the manager to approve",
            "Accepted the place, awaiting the manager's approval",
            "training.offer_accepted",
        ),
        Step(Status.LAPSED, "Let the offer lapse", "The offer lapsed", "training.offer_lapsed"),
        Step(Status.CANCELLED, "Decline the place", "Declined the place", "training.booking_cancelled"),
    ),
    Status.CANCELLED: (),
    Status.NOT_APPROVED: (),
    Status.LAPSED: (),
}


def next_steps(status: str) -> tuple[Step, ...]:
    return BOOKING_PIPELINE.get(status, ())


def step_to(status: str, to_status: str) -> Step | None:
    return next((step for step in next_steps(status) if step.to_status == to_status), None)


def move(booking: Booking, to_status: str, *, reason: str = "") -> Step:
    """The step that takes ``booking`` to ``to_status``; a ValidationError (on ``status``) when
    the pipeline does not allow it, or (on ``reason``) when the step needs a reason and none is
    given. The caller sets the status and saves, with whatever else the step records."""
    step = step_to(booking.status, to_status)
    if step is None:
        raise ValidationError(
            {
                "status": f"The booking is {booking.get_status_display().lower()}: it cannot be "
                f"{Status(to_status).label.lower()} now."
            }
        )
    if step.needs_reason and not reason.strip():
        raise ValidationError({"reason": f"Give a reason to {step.label[0].lower()}{step.label[1:]}."})
    return step
