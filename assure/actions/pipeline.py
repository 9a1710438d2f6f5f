"""The path an action takes from raised to done, kept as data: which status may follow which, what
the step is called, whether it needs a reason, who may take it, and the event it records.
``action_transition`` is the only code that moves an action along it.

Cancelling is the business unit's decision (``actions.manage``). Whoever may work on the action
without that permission (an agency lead, for their agency's actions) may propose it instead:
``PROPOSALS`` names the steps that can be proposed and the events of proposing and deciding."""

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
    # Besides actions.update (which every step needs): the permission this step also needs.
    permission: str = ""
    # Asked to confirm on a page of its own rather than chosen among the others.
    confirm: bool = False


# Stopping work the board asked for is the business unit's decision, and the board reads why.
CANCEL = Step(
    Status.CANCELLED,
    "Cancel the action",
    "Cancelled",
    "action.cancelled",
    needs_reason=True,
    permission="actions.manage",
    confirm=True,
)

ACTION_PIPELINE: dict[str, tuple[Step, ...]] = {
    Status.OPEN: (Step(Status.IN_PROGRESS, "Start work", "Work started", "action.started"), CANCEL),
    Status.IN_PROGRESS: (Step(Status.COMPLETED, "Mark as completed", "Completed", "action.completed"), CANCEL),
    # Undoing a decision needs an explanation the board can read later.
    Status.COMPLETED: (Step(Status.IN_PROGRESS, "Reopen", "Reopened", "action.reopened", needs_reason=True),),
    # Undoing the business unit's cancellation is the business unit's too.
    Status.CANCELLED: (
        Step(Status.OPEN, "Restore", "Restored", "action.restored", needs_reason=True, permission="actions.manage"),
    ),
}


@dataclass(frozen=True)
class Proposal:
    """A step that someone who may work on the action but not take the step may propose, for
    the people who may take it to accept (taking the step) or decline (with a note)."""

    step: Step
    label: str  # what the proposer chooses
    verb: str  # proposed
    accepted_verb: str
    declined_verb: str
    needs_reason: bool = True
    decline_needs_note: bool = True


PROPOSALS: dict[str, Proposal] = {
    Status.CANCELLED: Proposal(
        step=CANCEL,
        label="Propose cancelling",
        verb="action.cancellation_proposed",
        accepted_verb="action.cancellation_accepted",
        declined_verb="action.cancellation_declined",
    ),
}


def next_steps(status: str) -> tuple[Step, ...]:
    """The steps open to an action in this status, in the order they are offered."""
    return ACTION_PIPELINE.get(status, ())


def step_to(status: str, to_status: str) -> Step | None:
    """The step from ``status`` to ``to_status``, or None if the pipeline does not allow it."""
    return next((step for step in next_steps(status) if step.to_status == to_status), None)
