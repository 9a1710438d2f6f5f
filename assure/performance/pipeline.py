"""The path an agency's data return takes, kept as data: which status may follow which, who may
take the step, whether it needs a reason, and the event it records. The services of
``services/returns.py`` are the only code that moves a return along it."""

from dataclasses import dataclass

from .models import DataReturn

Status = DataReturn.Status


@dataclass(frozen=True)
class Step:
    to_status: str
    label: str  # what the person chooses, e.g. "Send back for correction"
    done: str  # what happened, in the past tense, e.g. "Sent back for correction"
    verb: str  # the domain event recorded
    permission: str  # who may take the step: the agency ("returns.submit") or the business unit
    needs_reason: bool = False


SUBMIT = "returns.submit"
MODERATE = "performance.manage"
# Chasing an agency for its return is the business unit's; it moves nothing along the pipeline.
REMIND = "returns.remind"

RETURN_PIPELINE: dict[str, tuple[Step, ...]] = {
    Status.DRAFT: (Step(Status.SUBMITTED, "Submit the return", "Submitted", "return.submitted", SUBMIT),),
    Status.SUBMITTED: (
        Step(Status.VALIDATED, "Validate the return", "Validated", "return.validated", MODERATE),
        # The agency must be told what to correct, and the board may ask later why it was sent back.
        Step(
            Status.RETURNED,
            "Send back for correction",
            "Sent back for correction",
            "return.sent_back",
            MODERATE,
            needs_reason=True,
        ),
    ),
    Status.RETURNED: (
        Step(Status.SUBMITTED, "Submit the corrected return", "Resubmitted", "return.submitted", SUBMIT),
    ),
    # Validated figures are the partnership's own: they count in the scorecard and stay as they are.
    Status.VALIDATED: (),
}


def next_steps(status: str) -> tuple[Step, ...]:
    """The steps open to a return in this status, in the order they are offered."""
    return RETURN_PIPELINE.get(status, ())


def step_to(status: str, to_status: str) -> Step | None:
    """The step from ``status`` to ``to_status``, or None if the pipeline does not allow it."""
    return next((step for step in next_steps(status) if step.to_status == to_status), None)
