"""The shapes a library document may take, one pydantic model per kind of item.

Unknown keys are rejected everywhere so that a typo in a YAML file is an error, not silently
ignored data.
"""

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from assure.core.computations import computation_named, registered_computations

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


# The provider of the documents Assure ships; a partnership's own documents have its slug.
SHIPPED_PROVIDER = "assure"


@dataclass(frozen=True)
class Reference:
    """The code of an item of another document that an item names: the library must hold it,
    and, where the reference says so, hold it as an item of one sort (``having``) and from a
    provider the naming document may rely on (``shipped_or_own``)."""

    kind: str  # the kind of the item named
    code: str
    field: str  # the field naming it
    where: str = ""  # where in the item the field is, in the author's words; "" for the item itself
    having: tuple[str, str] | None = None  # a field of the item named and the value it must have
    being: str = ""  # what ``having`` makes the item named, in the author's words
    # Only an item Assure ships or one of the naming document's own provider: another
    # partnership's items change or go with that partnership's documents.
    shipped_or_own: bool = False

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

    def distinct_key(self) -> str | None:
        """What no two items of this kind from one provider may share, in words (besides their
        URNs and codes, which are checked for every kind); None when nothing."""
        return None


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


class ComputedSpec(Strict):
    """How Assure counts an indicator from its own records: a computation registered by the app
    that holds them (assure/core/computations.py), and the parameters it takes."""

    computation: str = Field(description="Name of a registered computation, e.g. section11.compliance_percent.")
    parameters: dict[str, str] = Field(default_factory=dict)

    @field_validator("computation")
    @classmethod
    def _registered(cls, name: str) -> str:
        if computation_named(name) is None:
            known = ", ".join(c.name for c in registered_computations()) or "none"
            raise ValueError(f"no computation {name!r} is registered (registered: {known})")
        return name

    @model_validator(mode="after")
    def _parameters_taken(self) -> "ComputedSpec":
        problems = computation_named(self.computation).problems(self.parameters)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def references(self) -> list[Reference]:
        """The library items its parameters name (a framework's code, say)."""
        taken = computation_named(self.computation).parameters
        return [
            Reference(taken[name].names, value, f"computed.parameters.{name}")
            for name, value in self.parameters.items()
            if name in taken and taken[name].names
        ]


class IndicatorItem(Item):
    """A measure of the core dataset."""

    definition: str = Field(description="What it measures, in plain English.")
    unit: Unit
    polarity: Polarity
    frequency: Literal["monthly", "quarterly", "annual"]
    theme: Code = Field(description="Code of an indicator-theme item.")
    source: Literal["agency_return", "dfe_publication", "local_import", "computed"]
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
        validate_default=True,
        description="For a rate per 10,000 children (rate_of): the code of the population indicator it is per "
        "10,000 of.",
    )
    published_as: Code | None = Field(
        default=None, description="Code of the DfE-published indicator measuring the same thing."
    )
    computed: ComputedSpec | None = Field(
        default=None,
        description="Counted from Assure's own records by this computation (beside any figure agencies return).",
    )
    notes: str = ""
    provenance: Provenance | None = None

    @model_validator(mode="after")
    def _computed_yearly(self) -> "IndicatorItem":
        if self.source == "computed" and self.computed is None:
            raise ValueError("an indicator whose source is computed needs a computed block naming its computation")
        if self.computed is not None and self.frequency != "annual":
            raise ValueError("computed figures are counted per financial year: a computed indicator is annual")
        return self

    @field_validator("rate_of")
    @classmethod
    def _rate_is_per_10000(cls, rate_of: str | None, info: ValidationInfo) -> str | None:
        # Assure works a rate out per 10,000 (imports/rates.py): any other unit would mislabel it.
        if rate_of and info.data.get("unit") not in (None, "rate_per_10000"):
            raise PydanticCustomError(
                "rate_unit", "a rate worked out from a count (rate_of) is per 10,000: its unit must be rate_per_10000"
            )
        return rate_of

    @field_validator("rate_population")
    @classmethod
    def _rate_names_its_population(cls, population: str | None, info: ValidationInfo) -> str | None:
        # Without a population no rate is ever worked out, and nothing would say so: refuse it here.
        if "rate_of" not in info.data:  # rate_of is wrong itself, and reported as such
            return population
        rate_of = info.data["rate_of"]
        if rate_of and not population:
            raise PydanticCustomError(
                "rate_population",
                "a rate of '{rate_of}' needs rate_population, the code of the population indicator it is per 10,000 "
                "of (population-0-17 for children aged 0 to 17); without it Assure works out no rate",
                {"rate_of": rate_of},
            )
        if population and not rate_of:
            raise PydanticCustomError("rate_population", "rate_population is only for a rate: give rate_of too")
        return population

    def references(self) -> list[Reference]:
        """The indicators it is a rate of, per 10,000 of and published as, and what its computation names."""
        named = {"rate_of": self.rate_of, "rate_population": self.rate_population, "published_as": self.published_as}
        found = [Reference("indicator", code, field) for field, code in named.items() if code]
        return found + (self.computed.references() if self.computed is not None else [])


class JourneyStepItem(Item):
    """A step of the child's journey page, in the order listed."""

    description: str = ""
    indicator: Code = Field(description="The indicator counted at this step (drawn in the chart when a count).")
    details: list[Code] = Field(default_factory=list, description="Further indicators shown with the step.")


Level = Literal["national", "regional", "local_authority"]


class MappingMeasure(Strict):
    """One figure of every kept row: a column of the file as it stands, or worked out from several
    columns (``derive``; the working is assure/performance/imports/derived.py)."""

    column: str | None = Field(default=None, description="The file's column holding the value (not with derive).")
    indicator: Code = Field(description="Code of the indicator the value is for.")
    numerator_column: str | None = None
    denominator_column: str | None = None
    derive: Literal["sum", "difference", "ratio"] | None = Field(
        default=None,
        description="Work the value out from ``columns`` instead of reading one: sum adds them; difference takes "
        "each of the others from the first; ratio divides the first by the second and multiplies by ``per``, "
        "keeping the two as the figure's numerator and denominator.",
    )
    columns: list[str] = Field(default_factory=list, description="With derive: the columns it is worked out from.")
    per: int | None = Field(
        default=None, ge=1, description="With derive: ratio: 100 for a percentage, 1 for a plain ratio."
    )

    @model_validator(mode="after")
    def _read_or_derived(self) -> "MappingMeasure":
        if self.derive is None:
            if not self.column:
                raise PydanticCustomError("measure", "give the column holding the value, or derive with columns")
            if self.columns or self.per is not None:
                raise PydanticCustomError("measure", "columns and per are for a derived figure: add derive")
            return self
        if self.column:
            raise PydanticCustomError("measure", "give either column or derive with columns, not both")
        if self.numerator_column or self.denominator_column:
            raise PydanticCustomError(
                "measure", "a derived figure needs no numerator_column or denominator_column: a ratio keeps its own"
            )
        if len(self.columns) != len(set(self.columns)):
            raise PydanticCustomError("measure", "columns names a column twice")
        if self.derive == "ratio":
            if len(self.columns) != 2:
                raise PydanticCustomError("measure", "a ratio needs two columns: the numerator, then the denominator")
            if self.per is None:
                raise PydanticCustomError("measure", "a ratio needs per: 100 for a percentage, 1 for a plain ratio")
        else:
            if len(self.columns) < 2:
                raise PydanticCustomError("measure", "a {derive} needs two or more columns", {"derive": self.derive})
            if self.per is not None:
                raise PydanticCustomError("measure", "per is for a ratio only")
        return self

    @property
    def label(self) -> str:
        """The measure as an author finds it in the mapping: its column, or how it is worked out."""
        return self.column or f"{self.derive} of {', '.join(self.columns)}"

    def read_columns(self) -> list[str]:
        """Every column of the file the measure reads."""
        read = [self.column] if self.column else list(self.columns)
        return read + [c for c in (self.numerator_column, self.denominator_column) if c]


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
    measures: list[MappingMeasure] = Field(min_length=1)
    missing_codes: list[str] = Field(default_factory=lambda: ["c", "x", "z", "low", "k", "u"])
    provenance: Provenance | None = None

    @classmethod
    def error_message(cls, raw_item: object, loc: tuple, message: str) -> str:
        """A schema error in the author's words: ``measures.2.per`` becomes "measure ratio of a, b: per"."""
        rest = list(loc)
        if rest[:1] != ["measures"] or len(rest) < 2 or not isinstance(raw_item, dict):
            return super().error_message(raw_item, loc, message)
        measures = raw_item.get("measures")
        index = rest[1]
        raw = measures[index] if isinstance(measures, list) and isinstance(index, int) else None
        where = f"measure {index + 1} (counting from the top)" if isinstance(index, int) else "measures"
        if isinstance(raw, dict) and raw.get("column"):
            where = f"measure {raw['column']}"
        elif isinstance(raw, dict) and raw.get("derive") and isinstance(raw.get("columns"), list):
            where = f"measure {raw['derive']} of {', '.join(str(c) for c in raw['columns'])}"
        field = ".".join(str(x) for x in rest[2:])
        return f"{where}: {field}: {message}" if field else f"{where}: {message}"

    def references(self) -> list[Reference]:
        """The indicator of every measure."""
        return [Reference("indicator", m.indicator, "indicator", f"measure {m.label}") for m in self.measures]


class IndicatorPairingItem(Item):
    """A published measure shown beside one of the partnership's indicators, chosen by the
    partnership in a document of its own (``provider`` its slug) rather than by editing the
    indicator's ``published_as``: the pairing holds for that partnership only, and for every
    partnership when Assure ships it. It takes the place of the indicator's own published_as."""

    description: str = ""
    indicator: Code = Field(description="Code of the indicator the partnership reports (shipped or its own).")
    published_as: Code = Field(description="Code of the published indicator whose figures stand beside it.")

    @field_validator("published_as")
    @classmethod
    def _another_indicator(cls, published_as: str, info: ValidationInfo) -> str:
        if published_as == info.data.get("indicator"):
            raise PydanticCustomError("pairing", "an indicator cannot be paired with itself")
        return published_as

    def references(self) -> list[Reference]:
        """The two indicators paired, each shipped or the pairing's provider's own; the one
        beside is a published measure, whose figures every area has (an agency return's are
        the partnership's alone and would give no England, region or neighbours)."""
        return [
            Reference("indicator", self.indicator, "indicator", shipped_or_own=True),
            Reference(
                "indicator",
                self.published_as,
                "published_as",
                having=("source", "dfe_publication"),
                being="a published measure",
                shipped_or_own=True,
            ),
        ]

    def distinct_key(self) -> str | None:
        """One pairing for an indicator per provider: two would leave the scorecard to guess."""
        return f"a pairing for indicator {self.indicator!r}"


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


# --- notifications ---------------------------------------------------------------------------


Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class DigestSpec(Strict):
    weekday: Weekday = Field(description="The day of the week the weekly digest is sent.")


class ReminderRuleItem(Item):
    """When Assure reminds people of a deadline: so many days before it, then every so many days
    once it has passed; or (the item with a ``digest`` block) when the weekly digest goes out."""

    description: str
    before_deadline_days: list[Annotated[int, Field(ge=1)]] = Field(
        default_factory=list, description="Days before the deadline on which a reminder is sent."
    )
    overdue_every_days: int | None = Field(
        default=None, ge=1, description="Once overdue: the day after the deadline, then every so many days."
    )
    digest: DigestSpec | None = None
    provenance: Provenance | None = None

    @model_validator(mode="after")
    def _rule_or_digest(self) -> "ReminderRuleItem":
        if self.digest is not None:
            if self.before_deadline_days or self.overdue_every_days is not None:
                raise ValueError("the digest item takes no before_deadline_days or overdue_every_days")
        elif self.overdue_every_days is None:
            raise ValueError("a reminder rule needs overdue_every_days")
        if len(set(self.before_deadline_days)) != len(self.before_deadline_days):
            raise ValueError("before_deadline_days must be distinct")
        return self


# --- governance: the risk matrix -------------------------------------------------------------


TagColour = Literal["grey", "green", "turquoise", "blue", "light-blue", "purple", "pink", "red", "orange", "yellow"]


class RiskScalePoint(Strict):
    """One point of a likelihood or impact scale."""

    score: int = Field(ge=1)
    label: str
    description: str = ""


class RiskBand(Strict):
    """A named level of risk: the scores it covers, its colour and what it asks of the board."""

    code: Code
    label: str
    lowest: int = Field(ge=1, description="The lowest score in the band.")
    highest: int = Field(ge=1, description="The highest score in the band.")
    colour: TagColour = Field(description="A GOV.UK tag colour; the band's name is always shown with it.")
    description: str = Field(description="What a risk at this level asks of the board, in words.")

    @model_validator(mode="after")
    def _ordered(self) -> "RiskBand":
        if self.lowest > self.highest:
            raise ValueError(f"band {self.code}: lowest ({self.lowest}) is above highest ({self.highest})")
        return self


class RiskMatrixItem(Item):
    """A risk matrix: likelihood and impact scales, a risk's score their product, the score
    bands naming each level, and the board's appetite (the highest score it accepts)."""

    description: str
    likelihood: list[RiskScalePoint] = Field(min_length=2)
    impact: list[RiskScalePoint] = Field(min_length=2)
    bands: list[RiskBand] = Field(min_length=1)
    appetite: int = Field(ge=1, description="The highest score the board accepts without further action.")
    provenance: Provenance | None = None

    @field_validator("likelihood", "impact")
    @classmethod
    def _numbered_from_one(cls, points: list[RiskScalePoint]) -> list[RiskScalePoint]:
        scores = [point.score for point in points]
        if scores != list(range(1, len(points) + 1)):
            raise ValueError(f"scores must run 1, 2, 3... in order, once each; found {scores}")
        return points

    @model_validator(mode="after")
    def _bands_cover_every_score_once(self) -> "RiskMatrixItem":
        scores = sorted({lk.score * im.score for lk in self.likelihood for im in self.impact})
        problems = []
        for score in scores:
            holding = [band.code for band in self.bands if band.lowest <= score <= band.highest]
            if len(holding) != 1:
                problems.append(f"{score} ({', '.join(holding) or 'no band'})")
        if problems:
            raise ValueError(f"every score must fall in exactly one band; not so for: {'; '.join(problems)}")
        codes = [band.code for band in self.bands]
        if len(codes) != len(set(codes)):
            raise ValueError("band codes must be distinct")
        if self.appetite > scores[-1]:
            raise ValueError(f"appetite ({self.appetite}) is above the highest score ({scores[-1]})")
        return self


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


# The questionnaire and audit-framework kinds have modules of their own, built on the classes above.
from .schemas_audits import AuditFrameworkItem  # noqa: E402
from .schemas_briefings import BriefingLayoutItem  # noqa: E402
from .schemas_cdop import (  # noqa: E402
    CdopAgeBandItem,
    CdopContributionItem,
    CdopDomainItem,
    CdopFieldItem,
    CdopPauseReasonItem,
    CdopPlaceItem,
    DisclosureRuleItem,
    EthnicGroupItem,
)
from .schemas_engagement import EngagementMeasureItem, EngagementTermItem  # noqa: E402
from .schemas_lado import (  # noqa: E402
    LadoCategoryItem,
    LadoFieldItem,
    LadoMeetingKindItem,
    LadoSectorItem,
    LadoTermItem,
    LadoTimescaleItem,
)
from .schemas_letters import LetterTemplateItem  # noqa: E402
from .schemas_questionnaires import QuestionnaireItem  # noqa: E402
from .schemas_registers import RegisterKindItem, RegisterTermItem  # noqa: E402
from .schemas_reviews import ReviewSchemeItem, StatutoryClockItem  # noqa: E402
from .schemas_training import TrainingLevelItem, TrainingPolicyItem  # noqa: E402

ITEM_SCHEMAS: dict[str, type[Item]] = {
    "role": RoleItem,
    "agency-type": AgencyTypeItem,
    "sector": SectorItem,
    "rating-scale": RatingScaleItem,
    "section11-standard": Section11StandardItem,
    "section11-framework": Section11FrameworkItem,
    "cdop-category": CdopCategoryItem,
    "cdop-field": CdopFieldItem,
    "cdop-domain": CdopDomainItem,
    "cdop-contribution": CdopContributionItem,
    "cdop-age-band": CdopAgeBandItem,
    "cdop-place": CdopPlaceItem,
    "ethnic-group": EthnicGroupItem,
    "cdop-pause-reason": CdopPauseReasonItem,
    "disclosure-rule": DisclosureRuleItem,
    "allegation-outcome": AllegationOutcomeItem,
    "lado-field": LadoFieldItem,
    "lado-sector": LadoSectorItem,
    "lado-category": LadoCategoryItem,
    "lado-meeting-kind": LadoMeetingKindItem,
    "lado-timescale": LadoTimescaleItem,
    "lado-employment-basis": LadoTermItem,
    "lado-harm-test": LadoTermItem,
    "lado-context": LadoTermItem,
    "lado-police-result": LadoTermItem,
    "lado-employment-outcome": LadoTermItem,
    "lado-regulator": LadoTermItem,
    "training-level": TrainingLevelItem,
    "training-policy": TrainingPolicyItem,
    "register-kind": RegisterKindItem,
    "register-sex": RegisterTermItem,
    "engagement-activity": EngagementTermItem,
    "engagement-measure": EngagementMeasureItem,
    "engagement-event-kind": EngagementTermItem,
    "voice-source": EngagementTermItem,
    "restricted-area": RestrictedAreaItem,
    "indicator-theme": IndicatorThemeItem,
    "indicator": IndicatorItem,
    "statistics-mapping": StatisticsMappingItem,
    "indicator-pairing": IndicatorPairingItem,
    "rag-rule": RagRuleItem,
    "exception-rule": ExceptionRuleItem,
    "reminder-rule": ReminderRuleItem,
    "journey-step": JourneyStepItem,
    "report-template": ReportTemplateItem,
    "risk-matrix": RiskMatrixItem,
    "questionnaire": QuestionnaireItem,
    "audit-framework": AuditFrameworkItem,
    "statutory-clock": StatutoryClockItem,
    "review-scheme": ReviewSchemeItem,
    "letter-template": LetterTemplateItem,
    "briefing-layout": BriefingLayoutItem,
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
