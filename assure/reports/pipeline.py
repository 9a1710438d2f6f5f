"""The path a section of a report takes, kept as data: each step, the statuses it may be taken
from, the status it leads to, whether it needs a reason and the event it records.
``section_move`` (services/sections.py) is the only code that changes a section's status.

    not started ─ask─▶ requested ─save draft─▶ being drafted ─send─▶ written ─accept─▶ accepted
                                  ◀──────────── send back ─────────────┘
    any status but omitted ─omit (with a reason)─▶ deliberately omitted ─include─▶ not started/written
"""

from dataclasses import dataclass

from .models import Section

Status = Section.Status

_OPEN = frozenset({Status.NOT_STARTED, Status.REQUESTED, Status.DRAFTING, Status.WRITTEN, Status.ACCEPTED})


@dataclass(frozen=True)
class Step:
    name: str
    from_statuses: frozenset
    to_status: str
    verb: str  # the domain event recorded
    summary: str  # the event's summary, before the section's name
    needs_reason: bool = False
    # Whether the step counts as a change to the section (its "updated" time and person):
    # accepting records its own time and person instead.
    touches: bool = True


SECTION_STEPS: dict[str, Step] = {
    step.name: step
    for step in (
        # An accepted section is not asked of anyone again; an omitted one is included first.
        Step(
            "request",
            frozenset({Status.NOT_STARTED, Status.REQUESTED, Status.DRAFTING, Status.WRITTEN}),
            Status.REQUESTED,
            "reports.section_requested",
            "Section asked of an agency",
        ),
        # Saving a draft keeps the text with its writer: the business unit sees it being drafted.
        Step("draft", _OPEN, Status.DRAFTING, "reports.section_drafted", "Section drafted"),
        Step("write", _OPEN, Status.WRITTEN, "reports.section_written", "Section written"),
        Step(
            "accept",
            frozenset({Status.WRITTEN}),
            Status.ACCEPTED,
            "reports.section_accepted",
            "Section accepted",
            touches=False,
        ),
        Step(
            "send_back",
            frozenset({Status.WRITTEN}),
            Status.REQUESTED,
            "reports.section_returned",
            "Section sent back",
            needs_reason=True,
        ),
        Step("omit", _OPEN, Status.OMITTED, "reports.section_omitted", "Section omitted", needs_reason=True),
        # Included again: written if it holds text, otherwise not started.
        Step(
            "include", frozenset({Status.OMITTED}), Status.NOT_STARTED, "reports.section_included", "Section included"
        ),
        Step(
            "include_written",
            frozenset({Status.OMITTED}),
            Status.WRITTEN,
            "reports.section_included",
            "Section included",
        ),
    )
}


def step_allowed(status: str, name: str) -> bool:
    """True when the step may be taken from a section in this status."""
    return status in SECTION_STEPS[name].from_statuses
