"""The path a challenge takes from raised to closed, kept as data: which status may follow which,
what the step is called, whether it needs a reason, the permission it needs and the event it
records. ``challenge_transition`` (assure/governance/services/challenges.py) is the only code that
moves a challenge along it; the services of each step call it.

The challenged agency answers (``challenges.respond``: its lead, or the business unit recording an
answer sent another way). Escalating, closing and reopening are the business unit's
(``challenges.manage``), each with a reason the board reads on the challenge."""

from dataclasses import dataclass

from .models import Challenge

Status = Challenge.Status


@dataclass(frozen=True)
class Step:
    to_status: str
    label: str  # what the person chooses, e.g. "Escalate the challenge"
    done: str  # what happened, as the challenge's history says it: "Escalated"
    verb: str  # the domain event recorded
    permission: str
    needs_reason: bool = False


RESPOND = Step(
    Status.RESPONDED, "Record the response", "Response recorded", "governance.challenge_responded", "challenges.respond"
)
ESCALATE = Step(
    Status.ESCALATED,
    "Escalate the challenge",
    "Escalated",
    "governance.challenge_escalated",
    "challenges.manage",
    needs_reason=True,
)
CLOSE = Step(Status.CLOSED, "Close the challenge", "Closed", "governance.challenge_closed", "challenges.manage")
REOPEN = Step(
    Status.OPEN,
    "Reopen the challenge",
    "Reopened",
    "governance.challenge_reopened",
    "challenges.manage",
    needs_reason=True,
)

CHALLENGE_PIPELINE: dict[str, tuple[Step, ...]] = {
    # Awaiting the agency: it answers; the board may escalate a late or evasive silence, or close a
    # challenge overtaken by events (with a note saying so).
    Status.OPEN: (RESPOND, ESCALATE, CLOSE),
    # Answered: the board assesses the answer (satisfied, impact) and closes it, or escalates it.
    Status.RESPONDED: (ESCALATE, CLOSE),
    # Escalated: the agency (its chief officer) answers again, or the board closes it.
    Status.ESCALATED: (RESPOND, CLOSE),
    # Closed: reopened with a reason, the agency is asked again.
    Status.CLOSED: (REOPEN,),
}


def next_steps(status: str) -> tuple[Step, ...]:
    """The steps open to a challenge in this status, in the order they are offered."""
    return CHALLENGE_PIPELINE.get(status, ())


def step_to(status: str, to_status: str) -> Step | None:
    """The step from ``status`` to ``to_status``, or None if the pipeline does not allow it."""
    return next((step for step in next_steps(status) if step.to_status == to_status), None)
