"""The kind learning briefings are written in.

- ``briefing-layout``: the sections of a learning briefing, in order, each with its code, title,
  what to write in it (``help``) and whether a briefing may be published without it. The
  common "7-minute briefing" is Assure's (``seven-minute``); a partnership that writes its
  briefings differently publishes its own layout (provider its slug).
"""

from pydantic import Field, model_validator

from .schemas import Code, Item, Provenance, Strict


class BriefingSection(Strict):
    code: Code
    title: str
    help: str = Field(description="What to write in the section, shown as its hint.")
    required: bool = Field(default=True, description="False when a briefing may be published without it.")


class BriefingLayoutItem(Item):
    """The sections of a learning briefing, in the order they are written and read."""

    description: str
    sections: list[BriefingSection] = Field(min_length=1)
    provenance: Provenance | None = None

    @model_validator(mode="after")
    def _codes_distinct(self) -> "BriefingLayoutItem":
        codes = [section.code for section in self.sections]
        repeated = sorted({code for code in codes if codes.count(code) > 1})
        if repeated:
            raise ValueError(f"section codes must be distinct; repeated: {', '.join(repeated)}")
        return self

    def section(self, code: str) -> BriefingSection | None:
        """The section of that code; None when the layout has none."""
        return next((section for section in self.sections if section.code == code), None)
