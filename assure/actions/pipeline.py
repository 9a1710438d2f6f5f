"""The path an action takes from raised to done, kept as data: which status may follow which, what
the step is called, whether it needs a reason, and the event it records. ``action_transition``
is the only code that moves an action along it."""

from dataclasses import dataclass

from .models import Action

Status = Action.Status


@dataclass(frozen=True)
class Step:
    to_status: str
    label: str  # what the person chooses, e.g. "Reopen"
    done: str  # what the action's updates say happened, e.g. "Reopened"
    verb: str  # the domain event recorded
    needs_reason: bool = False


ACTION_PIPELINE: dict[str, tuple[Step, ...]] = {
    Status.OPEN: (
        Step(Status.IN_PROGRESS, "Start work", "Work started", "action.started"),
        Step(Status.CANCELLED, "Cancel the action", "Cancelled", "action.cancelled"),
    ),
    Status.IN_PROGRESS: (
        Step(Status.COMPLETED, "Mark as completed", "Completed", "action.completed"),
        Step(Status.CANCELLED, "Cancel the action", "Cancelled", "action.cancelled"),
    ),
    # Undoing a decision needs an explanation the board can read later.
    Status.COMPLETED: (Step(Status.IN_PROGRESS, "Reopen", "Reopened", "action.reopened", needs_reason=True),),
    Status.CANCELLED: (Step(Status.OPEN, "Restore", "Restored", "action.restored", needs_reason=True),),
}


def next_steps(status: str) -> tuple[Step, ...]:
    """The steps open to an action in this status, in the order they are offered."""
    return ACTION_PIPELINE.get(status, ())


def step_to(status: str, to_status: str) -> Step | None:
    """The step from ``status`` to ``to_status``, or None if the pipeline does not allow it."""
    return next((step for step in next_steps(status) if step.to_status == to_status), None)
