"""The kinds of allegations management (besides ``allegation-outcome``, in ``schemas.py``):

- ``lado-field``: each field of a referral to the designated officer as local procedures and
  referral forms describe it, and whether Assure holds it (``held``, ``held_as``) or why not:
  the least identifying data the officer's work needs, accounted for field by field;
- ``lado-sector``: the employer's sector, the list the figures count referrals by;
- ``lado-category``: what is alleged; a low-level concern is recorded but is not an allegation
  (``is_allegation``) and is counted apart;
- ``lado-meeting-kind``: the meetings about a referral; those marked ``joint_evaluation`` are the
  seed's joint evaluation ("position of trust") meetings;
- ``lado-timescale``: the targets for resolving a referral: which statutory clock, the share of
  referrals it expects met, and the outcomes it applies to;
- ``lado-term``: the short lists a referral chooses from (employment basis, harm tests, context,
  police result, employment outcome, regulator), one document each.
"""

from pydantic import Field, model_validator

from .schemas import Code, Item, Provenance


class LadoFieldItem(Item):
    group: str = Field(description="referral, subject, employer, allegation, process, outcome, records or reporting.")
    definition: str
    timescale: str = Field(default="", description="The timescale the procedures set for it, if any.")
    held: bool = Field(description="Whether Assure holds the field.")
    held_as: str = Field(default="", description="Where Assure holds it (a record's field), when it does.")
    why: str = Field(default="", description="Why it is held as it is, or not held at all.")
    restricted: bool = Field(
        default=False, description="Shown only to designated officers with the grant, every read logged."
    )
    provenance: Provenance

    @model_validator(mode="after")
    def _held_or_why(self):
        if self.held and not self.held_as:
            raise ValueError("a field Assure holds says where (held_as)")
        if not self.held and not self.why:
            raise ValueError("a field Assure does not hold says why (why)")
        return self


class LadoSectorItem(Item):
    description: str
    examples: str = ""


class LadoCategoryItem(Item):
    description: str
    is_allegation: bool = Field(
        default=True, description="False for a concern that is recorded but is not an allegation (a low-level concern)."
    )


class LadoMeetingKindItem(Item):
    description: str
    joint_evaluation: bool = Field(
        default=False, description="Counted as a joint evaluation ('position of trust') meeting in the figures."
    )


class LadoTimescaleItem(Item):
    description: str
    clock: Code = Field(description="The statutory clock (kind statutory-clock) that measures it.")
    target_percent: int | None = Field(
        default=None,
        ge=0,
        le=100,
        description="The share of referrals expected within it; none when 'all but exceptional'.",
    )
    target_text: str = Field(description="The target in words, e.g. '80% within one month'.")
    outcomes: list[Code] = Field(
        default_factory=list,
        description="The outcomes (allegation-outcome codes) it applies to; empty for every referral.",
    )
    provenance: Provenance


class LadoTermItem(Item):
    description: str = ""
