"""The kinds of multi-agency training:

- ``training-level``: the levels a course is taught at (foundation, multi-agency, specialist...),
  which single-agency training returns count by too (``single_agency``);
- ``training-policy``: the partnership's booking rules: how long an offered place or a manager's
  approval link lasts, when delegates are reminded and asked for the three-month evaluation, and
  what a no-show or a late cancellation is charged to the agency (a partnership replaces the
  shipped policy with a document of its own).
"""

from typing import Annotated

from pydantic import Field, model_validator

from .schemas import Code, Item, Provenance


class TrainingLevelItem(Item):
    description: str
    order: int = Field(ge=0, description="Where the level stands, foundation first.")
    single_agency: bool = Field(
        default=True, description="Whether agencies' single-agency training returns count staff at this level."
    )
    provenance: Provenance | None = None


class TrainingPolicyItem(Item):
    description: str
    offer_hours: int = Field(ge=1, le=336, description="Hours a practitioner has to accept a place offered to them.")
    approval_days: int = Field(ge=1, le=30, description="Days a manager's approval link lasts.")
    reminder_days: list[Annotated[int, Field(ge=1, le=60)]] = Field(
        description="Days before a session on which those booked are reminded."
    )
    evaluation_after_days: int = Field(
        ge=1, le=60, description="Days after the session by which the post-course evaluation is asked for."
    )
    follow_up_days: int = Field(ge=28, le=365, description="Days after the session the follow-up evaluation is sent.")
    charge_no_show_pence: int = Field(ge=0, description="Charged to the agency for a delegate who did not attend.")
    charge_late_cancellation_pence: int = Field(
        ge=0, description="Charged to the agency for a cancellation after the session's free cancellation date."
    )
    exempt_sectors: list[Code] = Field(
        default_factory=list, description="Sectors (kind sector) whose agencies are never charged."
    )
    bookings_per_day: int = Field(
        ge=1,
        le=100,
        description="Most bookings one practitioner may make in a day: an open sign-up's limit on bulk booking.",
    )
    under_represented_percent: int = Field(
        default=50,
        ge=1,
        le=100,
        description="A sector is under-represented at multi-agency training when its share of the delegates is under "
        "this percentage of its share of the workforce.",
    )
    provenance: Provenance | None = None

    @model_validator(mode="after")
    def _distinct_days(self):
        if len(set(self.reminder_days)) != len(self.reminder_days):
            raise ValueError("reminder_days must be distinct")
        return self
