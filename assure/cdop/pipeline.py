"""The path a child's death takes, kept as data: which status may follow which, what the step is
called, whether it needs a reason and the event it records. Every service that changes a death's
status (notifying, confirming a draft, marking a duplicate, passing on, pausing, resuming, the
panel's review and reopening it) asks ``move`` first, so no status is reached any other way.

A draft from an agency is confirmed by the manager (notified) or found to be a duplicate. An open
death (notified) may be paused and resumed, reviewed by the panel, passed to the child's home
panel or found to be a duplicate. A reviewed death may be reopened, with a reason. A death passed
on stays with its recording panel only as a record: the home panel reviews it; a duplicate is
closed for good."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from .models import ChildDeath

Status = ChildDeath.Status


@dataclass(frozen=True)
class Step:
    to_status: str
    label: str  # what the person chooses, e.g. "Confirm the notification"
    done: str  # what the death's history says happened, e.g. "Confirmed"
    verb: str  # the domain event recorded
    needs_reason: bool = False


DUPLICATE = Step(Status.DUPLICATE, "Mark as a duplicate", "Marked as a duplicate", "cdop.death_marked_duplicate")
PASS_ON = Step(Status.PASSED_ON, "Pass to the home panel", "Passed to the home panel", "cdop.death_passed_on")

DEATH_PIPELINE: dict[str, tuple[Step, ...]] = {
    Status.DRAFT: (Step(Status.NOTIFIED, "Confirm the notification", "Confirmed", "cdop.death_confirmed"), DUPLICATE),
    Status.NOTIFIED: (
        Step(Status.PAUSED, "Pause the review", "Paused", "cdop.death_paused", needs_reason=True),
        Step(Status.REVIEWED, "Record the panel's review", "Reviewed", "cdop.death_reviewed"),
        PASS_ON,
        DUPLICATE,
    ),
    Status.PAUSED: (Step(Status.NOTIFIED, "Resume the review", "Resumed", "cdop.death_resumed"),),
    Status.REVIEWED: (
        Step(Status.NOTIFIED, "Reopen the review", "Reopened", "cdop.death_reopened", needs_reason=True),
    ),
    # A death passed to a panel of the installation is taken on by that panel's manager.
    Status.PASSED_ON: (
        Step(Status.NOTIFIED, "Take the death on", "Taken on from another panel", "cdop.death_received"),
    ),
    Status.DUPLICATE: (),
}


def next_steps(status: str) -> tuple[Step, ...]:
    """The steps open to a death in this status, in the order they are offered."""
    return DEATH_PIPELINE.get(status, ())


def step_to(status: str, to_status: str) -> Step | None:
    """The step from ``status`` to ``to_status``, or None if the pipeline does not allow it."""
    return next((step for step in next_steps(status) if step.to_status == to_status), None)


def can_move(death: ChildDeath, to_status: str) -> bool:
    return step_to(death.status, to_status) is not None


def move(death: ChildDeath, to_status: str, *, reason: str = "") -> Step:
    """The step that takes ``death`` to ``to_status``; a ValidationError (on ``status``) when the
    pipeline does not allow it, or (on ``reason``) when the step needs a reason and none is given.
    The caller sets the status and saves, with whatever else the step records."""
    step = step_to(death.status, to_status)
    if step is None:
        raise ValidationError(
            {
                "status": f"{death.reference} is {death.get_status_display().lower()}: it cannot be "
                f"{Status(to_status).label.lower()} now."
            }
        )
    if step.needs_reason and not reason.strip():
        raise ValidationError({"reason": f"Give a reason to {step.label[0].lower()}{step.label[1:]}."})
    return step
