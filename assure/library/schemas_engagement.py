"""The kinds of engagement: the activities a campaign runs (``engagement-activity``), what is
measured of them (``engagement-measure``), the kinds of event the board holds
(``engagement-event-kind``) and where a voice comes from (``voice-source``)."""

from pydantic import Field

from .schemas import Item, Provenance


class EngagementTermItem(Item):
    description: str
    order: int = Field(ge=0)
    provenance: Provenance | None = None


class EngagementMeasureItem(Item):
    description: str
    order: int = Field(ge=0)
    adds_up: bool = Field(
        description="Whether a campaign's measures of this kind add up over its activities (reach, copies) or "
        "are read one at a time (an average reach per post)."
    )
    provenance: Provenance | None = None
