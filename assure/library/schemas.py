"""The shapes a library document may take, one pydantic model per kind of item.

Unknown keys are rejected everywhere so that a typo in a YAML file is an error, not silently
ignored data.
"""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

URN = Annotated[str, Field(pattern=r"^urn:[a-z0-9-]+(:[a-z0-9.-]+)+$")]
Code = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.-]*$", max_length=100)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Provenance(Strict):
    """Where compiled reference content came from, and how far it has been verified."""

    source: str
    verification: Literal["verified", "paraphrase", "check"] = Field(
        description="verified word for word, paraphrased, or still to check against the source"
    )
    note: str = Field(default="", description="What was and was not confirmed, or how editions differ.")


class Item(Strict):
    urn: URN
    code: Code
    title: str


class RoleItem(Item):
    description: str
    mfa_required: bool
    agency_scoped: bool = Field(description="Whether the role acts for one agency (needs an agency).")
    restricted_areas: list[Code] = Field(
        default_factory=list, description="Restricted areas this role may be granted access to."
    )
    permissions: list[Annotated[str, Field(pattern=r"^[a-z0-9_]+\.[a-z0-9_]+$")]]


class AgencyTypeItem(Item):
    description: str
    sector: Code


class SectorItem(Item):
    description: str


class ScaleLevel(Strict):
    code: Code
    label: str
    description: str = ""
    score: int | None = None
    colour: Literal["red", "amber", "green", "grey", "blue"] | None = None
    compliant: bool | None = Field(default=None, description="Whether this level counts as compliant.")


class RatingScaleItem(Item):
    description: str
    levels: list[ScaleLevel]
    paired_with: Code | None = Field(
        default=None, description="Code of the scale scored alongside this one on the same question, if any."
    )
    provenance: Provenance | None = None

    @field_validator("levels")
    @classmethod
    def _distinct_codes(cls, levels: list[ScaleLevel]) -> list[ScaleLevel]:
        codes = [level.code for level in levels]
        if len(codes) != len(set(codes)):
            raise ValueError("level codes must be distinct")
        return levels


class Section11StandardItem(Item):
    number: int
    description: str
    provenance: Provenance


class CdopCategoryItem(Item):
    number: int
    description: str = Field(default="", description="What belongs in the category, where guidance says.")
    provenance: Provenance


class AllegationOutcomeItem(Item):
    definition: str
    provenance: Provenance


class RestrictedAreaItem(Item):
    description: str


ITEM_SCHEMAS: dict[str, type[Item]] = {
    "role": RoleItem,
    "agency-type": AgencyTypeItem,
    "sector": SectorItem,
    "rating-scale": RatingScaleItem,
    "section11-standard": Section11StandardItem,
    "cdop-category": CdopCategoryItem,
    "allegation-outcome": AllegationOutcomeItem,
    "restricted-area": RestrictedAreaItem,
}


class DocumentHeader(Strict):
    urn: URN
    version: int = Field(ge=1)
    kind: Literal[tuple(ITEM_SCHEMAS)]  # type: ignore[valid-type]
    provider: Code
    title: str
    description: str = ""
    provenance: Provenance | None = None
    items: list[dict]
