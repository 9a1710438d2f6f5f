"""The child death review kinds (besides ``cdop-category``, in ``schemas.py``):

- ``cdop-field``: each field of the child death forms' data set (notification, reporting,
  analysis), its definition and stage, and whether Assure holds it (``held``) and why not when it
  does not: the least identifying data the review needs, accounted for field by field;
- ``cdop-domain`` and ``cdop-contribution``: the domains the panel finds factors in, and how far
  a factor contributed;
- ``cdop-age-band``: the age bands of the panel's figures;
- ``cdop-place`` and ``ethnic-group``: lists a notification chooses from;
- ``cdop-pause-reason``: why a review waits (an inquest, a criminal process, another review);
- ``disclosure-rule``: how figures shown outside the people entitled to detail hide small numbers
  (tenant core: any app with restricted records reads it through ``assure/core/suppression.py``).
"""

from typing import Literal

from pydantic import Field, model_validator

from .schemas import Item, Provenance


class CdopFieldItem(Item):
    group: Literal["forms", "notification", "characteristics", "analysis", "reporting"]
    stage: str = Field(description="The form the field is on: notification, reporting, analysis or all.")
    definition: str
    held: bool = Field(description="Whether Assure holds the field.")
    held_as: str = Field(default="", description="Where Assure holds it (a record's field), when it does.")
    why: str = Field(default="", description="Why it is held as it is, or not held at all.")
    restricted: bool = Field(
        default=False, description="Shown only to panel members with the grant, every read logged."
    )
    provenance: Provenance

    @model_validator(mode="after")
    def _held_or_why(self):
        if self.held and not self.held_as:
            raise ValueError("a field Assure holds says where (held_as)")
        if not self.held and not self.why:
            raise ValueError("a field Assure does not hold says why (why)")
        return self


class CdopDomainItem(Item):
    letter: str = Field(default="", description="The domain's letter on the analysis form, where it has one.")
    description: str
    provenance: Provenance


class CdopContributionItem(Item):
    score: int = Field(ge=0, le=9)
    description: str
    provenance: Provenance


class CdopAgeBandItem(Item):
    unit: Literal["days", "years"]
    start: int = Field(ge=0, description="The youngest age in the band, in its unit.")
    end: int = Field(ge=0, description="The oldest age in the band, in its unit (inclusive).")
    provenance: Provenance

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError("end is before start")
        return self


class CdopPlaceItem(Item):
    description: str = ""


class EthnicGroupItem(Item):
    description: str = ""
    provenance: Provenance | None = None


class CdopPauseReasonItem(Item):
    description: str


class DisclosureRuleItem(Item):
    description: str
    threshold: int = Field(ge=2, description="Counts from 1 up to threshold - 1 are hidden.")
    shown_as: str = Field(description="What a hidden count shows, e.g. 'fewer than 6'.")
    hide_zero: bool = Field(default=False, description="Whether a count of nothing is hidden too.")
    provenance: Provenance
