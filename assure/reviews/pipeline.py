"""The path a case review takes from commissioned to published, kept as data: which status may
follow which, what the step is called, whether it needs a reason and the event it records.
``review_move`` is the only code that moves a review along it; publishing (which also needs the
publication's details) is ``review_publish``, the pipeline's last step.

Cancelling is possible from any open status, with a reason kept in the event and shown on the
review's page."""

from dataclasses import dataclass

from .models import Review

Status = Review.Status


@dataclass(frozen=True)
class Step:
    to_status: str
    label: str  # what the person chooses, e.g. "Start the review"
    done: str  # what the review's history says happened, e.g. "Started"
    verb: str  # the domain event recorded
    needs_reason: bool = False
    # Taken on a page of its own (publishing asks for the publication's details).
    own_page: bool = False


CANCEL = Step(Status.CANCELLED, "Cancel the review", "Cancelled", "reviews.review_cancelled", needs_reason=True)
PUBLISH = Step(Status.PUBLISHED, "Record its publication", "Published", "reviews.review_published", own_page=True)

REVIEW_PIPELINE: dict[str, tuple[Step, ...]] = {
    Status.COMMISSIONED: (Step(Status.UNDER_WAY, "Start the review", "Started", "reviews.review_started"), CANCEL),
    Status.UNDER_WAY: (
        Step(Status.REPORTING, "Start writing the report", "Report being written", "reviews.review_reporting"),
        CANCEL,
    ),
    Status.REPORTING: (
        Step(Status.COMPLETED, "Mark as completed", "Completed", "reviews.review_completed"),
        Step(
            Status.UNDER_WAY,
            "Return to the review's work",
            "Returned to the review's work",
            "reviews.review_resumed",
            needs_reason=True,
        ),
        CANCEL,
    ),
    Status.COMPLETED: (PUBLISH,),
    Status.PUBLISHED: (),
    Status.CANCELLED: (),
}


def next_steps(status: str) -> tuple[Step, ...]:
    """The steps open to a review in this status, in the order they are offered."""
    return REVIEW_PIPELINE.get(status, ())


def step_to(status: str, to_status: str) -> Step | None:
    """The step from ``status`` to ``to_status``, or None if the pipeline does not allow it."""
    return next((step for step in next_steps(status) if step.to_status == to_status), None)
