"""The shapes a library document may take, one pydantic model per kind of item.

Unknown keys are rejected everywhere so that a typo in a YAML file is an error, not silently
ignored data.
"""

from dataclasses import dataclass
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


def error_text(loc: tuple, message: str) -> str:
    """A pydantic error as a problem: the path of the field, then what is wrong with it."""
    return f"{'.'.join(str(x) for x in loc) or '(document)'}: {message}"


@dataclass(frozen=True)
class Reference:
    """The code of an item of another document that an item names: the library must hold it."""

    kind: str  # the kind of the item named
    code: str
    field: str  # the field naming it
    where: str = ""  # where in the item the field is, in the author's words; "" for the item itself

    @property
    def noun(self) -> str:
        return self.kind.replace("-", " ")


class Item(Strict):
    urn: URN
    code: Code
    title: str

    @classmethod
    def error_message(cls, raw_item: object, loc: tuple, message: str) -> str:
        """One schema error of an item, as the loader reports it: by default the field's path."""
        return error_text(loc, message)

    def references(self) -> list[Reference]:
        """The items of other documents this item names (checked across the library); none by default."""
        return []


class RoleItem(Item):
    description: str
    scope: Literal["partnership", "installation"] = Field(
        default="partnership",
        description="Where the role is held: in one partnership (a membership), or over the whole "
        "installation (the operator, who imports the statistics every partnership shares).",
    )
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


class FrameworkCriterion(Strict):
    """One criterion of a self-assessment framework, answered with a rating and evidence."""

    ref: Annotated[str, Field(pattern=r"^[0-9]+(\.[0-9]+)*[a-z]?$", max_length=20)] = Field(
        description="Reference within the framework, e.g. 2.3; unique in the framework."
    )
    text: str = Field(description="The criterion as the agency answers it.")
    guidance: str = Field(default="", description="What the criterion means in practice.")
    evidence: str = Field(default="", description="The evidence a moderator expects to see.")
    applies_to: list[Code] = Field(
        default_factory=list, description="Agency-type codes it applies to; empty means every agency."
    )


class FrameworkStandard(Strict):
    number: int = Field(ge=1)
    title: str
    description: str = ""
    criteria: list[FrameworkCriterion] = Field(min_length=1)


class Section11FrameworkItem(Item):
    """A versioned self-assessment framework: standards, each with criteria, scored on one of the
    library's rating scales (for a paired scale, the self score; the moderated score is its pair)."""

    description: str
    scale: Code = Field(description="Code of the rating scale the criteria are scored on.")
    applies_to: list[Code] = Field(
        default_factory=list, description="Agency-type codes that answer this framework; empty means every agency."
    )
    standards: list[FrameworkStandard] = Field(min_length=1)
    provenance: Provenance | None = None

    @field_validator("standards")
    @classmethod
    def _distinct(cls, standards: list[FrameworkStandard]) -> list[FrameworkStandard]:
        problems: list[str] = []
        numbers = [s.number for s in standards]
        for number in sorted({n for n in numbers if numbers.count(n) > 1}):
            problems.append(f"standard {number}: number used by {numbers.count(number)} standards")
        first: dict[str, int] = {}
        for standard in standards:
            for criterion in standard.criteria:
                if criterion.ref in first:
                    problems.append(
                        f"standard {standard.number}, criterion {criterion.ref}: reference already used in "
                        f"standard {first[criterion.ref]}; each criterion needs its own"
                    )
                first.setdefault(criterion.ref, standard.number)
        if problems:
            raise ValueError("; ".join(problems))
        return standards

    @classmethod
    def error_message(cls, raw_item: object, loc: tuple, message: str) -> str:
        """A schema error in the author's words: the loc path ``standards.1.criteria.2.applies_to.0``
        becomes "standard 2, criterion 2.3: applies_to.0"."""
        if not isinstance(raw_item, dict):
            return super().error_message(raw_item, loc, message)
        message = message.removeprefix("Value error, ")
        if tuple(loc) == ("standards",) and message.startswith("standard "):
            return message  # a check across standards that names the standard and criterion itself
        where: list[str] = []
        rest = list(loc)
        if rest[:1] == ["standards"] and len(rest) > 1:
            standards = raw_item.get("standards")
            where.append(_numbered(standards, rest[1], "number", "standard"))
            standard = standards[rest[1]] if isinstance(standards, list) and isinstance(rest[1], int) else None
            rest = rest[2:]
            if rest[:1] == ["criteria"] and len(rest) > 1 and isinstance(standard, dict):
                where.append(_numbered(standard.get("criteria"), rest[1], "ref", "criterion"))
                rest = rest[2:]
        field = ".".join(str(x) for x in rest)
        parts = [", ".join(where), field] if where else [field or "(item)"]
        return ": ".join(p for p in parts if p) + f": {message}"

    def references(self) -> list[Reference]:
        """Its rating scale, and the agency types it and its criteria apply to."""
        found = [Reference("rating-scale", self.scale, "scale")]
        found += [Reference("agency-type", code, "applies_to") for code in self.applies_to]
        for standard in self.standards:
            for criterion in standard.criteria:
                where = f"standard {standard.number}, criterion {criterion.ref}"
                found += [Reference("agency-type", code, "applies_to", where) for code in criterion.applies_to]
        return found


def _numbered(entries: object, index: object, key: str, noun: str) -> str:
    # A standard is named by its number and a criterion by its ref, as the author wrote them;
    # one without a usable number or ref is named by its position instead.
    entry = entries[index] if isinstance(entries, list) and isinstance(index, int) and index < len(entries) else None
    name = entry.get(key) if isinstance(entry, dict) else None
    if isinstance(name, (str, int)) and not isinstance(name, bool) and str(name).strip():
        return f"{noun} {name}"
    return f"{noun} {index + 1 if isinstance(index, int) else index} (counting from the top)"


class CdopCategoryItem(Item):
    number: int
    description: str = Field(default="", description="What belongs in the category, where guidance says.")
    provenance: Provenance


class AllegationOutcomeItem(Item):
    definition: str
    provenance: Provenance


class RestrictedAreaItem(Item):
    description: str


# --- performance -----------------------------------------------------------------------------

Unit = Literal["count", "percentage", "rate_per_10000", "days", "currency", "ratio"]
Polarity = Literal["higher_is_better", "lower_is_better", "neither"]


class IndicatorThemeItem(Item):
    description: str
    provenance: Provenance | None = None


class IndicatorItem(Item):
    """A measure of the core dataset."""

    definition: str = Field(description="What it measures, in plain English.")
    unit: Unit
    polarity: Polarity
    frequency: Literal["monthly", "quarterly", "annual"]
    theme: Code = Field(description="Code of an indicator-theme item.")
    source: Literal["agency_return", "dfe_publication", "local_import"]
    numerator: str | None = None
    denominator: str | None = None
    decimals: int = Field(default=0, ge=0, le=4)
    minimum: float | None = Field(default=None, description="Smallest valid value (returns are checked).")
    maximum: float | None = Field(default=None, description="Largest valid value (returns are checked).")
    change_warning: float | None = Field(
        default=None, description="A change from the previous period larger than this fraction needs a comment."
    )
    rate_of: Code | None = Field(
        default=None,
        description="For a rate per 10,000 children: the code of the count indicator it is derived from.",
    )
    rate_population: Code | None = Field(
        default=None,
        description="For a rate per 10,000 children (rate_of): the code of the population indicator it is per "
        "10,000 of.",
    )
    published_as: Code | None = Field(
        default=None, description="Code of the DfE-published indicator measuring the same thing."
    )
    notes: str = ""
    provenance: Provenance | None = None


class JourneyStepItem(Item):
    """A step of the child's journey page, in the order listed."""

    description: str = ""
    indicator: Code = Field(description="The indicator counted at this step (drawn in the chart when a count).")
    details: list[Code] = Field(default_factory=list, description="Further indicators shown with the step.")


Level = Literal["national", "regional", "local_authority"]


class MappingMeasure(Strict):
    column: str = Field(description="The file's column holding the value.")
    indicator: Code = Field(description="Code of the indicator the value is for.")
    numerator_column: str | None = None
    denominator_column: str | None = None


class StatisticsMappingItem(Item):
    """How one explore-education-statistics CSV becomes observations."""

    description: str
    publication: str = Field(description="Title of the publication the file belongs to.")
    publisher: str = "Department for Education"
    file_pattern: str = Field(description="Shell pattern the file's name must match, e.g. c1_*.csv.")
    period_column: str = "time_period"
    period_convention: Literal["year_ending_march", "mid_year_estimate"] = Field(
        description="year_ending_march: 2015 is April 2014 to March 2015. mid_year_estimate: the estimate "
        "for mid-2014 belongs to 2014-15."
    )
    level_column: str = "geographic_level"
    levels: dict[str, Level] = Field(description="The file's geographic level → Assure's.")
    code_columns: dict[Level, str] = Field(description="Which column holds each level's ONS code.")
    filters: dict[str, str] = Field(default_factory=dict, description="Rows kept: column → value.")
    measures: list[MappingMeasure]
    missing_codes: list[str] = Field(default_factory=lambda: ["c", "x", "z", "low", "k", "u"])
    provenance: Provenance | None = None


class RagBand(Strict):
    rating: Literal["green", "amber", "red"]
    when: Literal["meets_target", "within_tolerance", "otherwise"]


class RagRuleItem(Item):
    """How a value is rated against its target: the first band whose condition holds."""

    description: str
    bands: list[RagBand]
    default_tolerance_percent: float = Field(
        default=5.0, ge=0, description="Tolerance, as a percentage of the target, when a line sets none."
    )


class ExceptionRuleItem(Item):
    """A reason for an indicator to go into the exception report."""

    description: str
    condition: Literal["rag_red", "worsening", "bottom_quartile"]
    periods: int = Field(default=1, ge=1, description="For worsening: how many periods in a row.")
    beyond_tolerance: bool = Field(default=False, description="For worsening: only by more than the tolerance.")


# --- reports ---------------------------------------------------------------------------------


class ReportBlockSpec(Strict):
    """A block computed from the data, placed in a section of a report template."""

    kind: Code = Field(description="A block kind Assure knows (assure/reports/blocks).")
    title: str = ""
    params: dict = Field(default_factory=dict, description="The block kind's own settings.")


class ReportSectionSpec(Strict):
    key: Code
    title: str
    guidance: str = Field(default="", description="What the section should say, shown to whoever writes it.")
    written_by: Literal["business_unit", "agency", "chair"] = "business_unit"
    repeat: Literal["once", "per_priority", "per_agency"] = Field(
        default="once",
        description="once; or one copy for each of the partnership's priorities, or for each board agency.",
    )
    blocks: list[ReportBlockSpec] = Field(default_factory=list)
    sections: list["ReportSectionSpec"] = Field(default_factory=list)


class ReportTemplateItem(Item):
    """The structure of an annual report or a board pack: numbered sections, nested, each with
    guidance, who writes it and the data blocks it carries."""

    description: str
    report_kind: Literal["annual", "board_pack"]
    sections: list[ReportSectionSpec] = Field(min_length=1)
    provenance: Provenance | None = None

    @field_validator("sections")
    @classmethod
    def _distinct_keys(cls, sections: list[ReportSectionSpec]) -> list[ReportSectionSpec]:
        keys: list[str] = []

        def walk(items: list[ReportSectionSpec]) -> None:
            for item in items:
                keys.append(item.key)
                walk(item.sections)

        walk(sections)
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise ValueError(f"section keys must be distinct; repeated: {', '.join(repeated)}")
        return sections


ITEM_SCHEMAS: dict[str, type[Item]] = {
    "role": RoleItem,
    "agency-type": AgencyTypeItem,
    "sector": SectorItem,
    "rating-scale": RatingScaleItem,
    "section11-standard": Section11StandardItem,
    "section11-framework": Section11FrameworkItem,
    "cdop-category": CdopCategoryItem,
    "allegation-outcome": AllegationOutcomeItem,
    "restricted-area": RestrictedAreaItem,
    "indicator-theme": IndicatorThemeItem,
    "indicator": IndicatorItem,
    "statistics-mapping": StatisticsMappingItem,
    "rag-rule": RagRuleItem,
    "exception-rule": ExceptionRuleItem,
    "journey-step": JourneyStepItem,
    "report-template": ReportTemplateItem,
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
