"""The ``register-kind`` kind: a multi-agency register defined as data.

A register kind says what one entry holds (its fields, typed as the questionnaire engine's
questions are, plus ``datetime`` and ``time`` for the clocks a register compares), which agencies
record entries (by agency type; and whether private providers may notify one on a form of their
own), which identifiers an entry may carry besides the agency's own reference (age in years,
month of birth, sex, area: never a name, a full date of birth or an address), how long entries
are kept, its timeliness rules, and the figures it feeds (``indicators``), which the registers
app counts and the core dataset's indicators name by ``registers.indicator`` with the kind's and
the figure's codes. It may embed a questionnaire (the CSE risk assessment of a placement
notification), answered on the questionnaire engine with the entry.
"""

from typing import Literal

from pydantic import Field, model_validator

from .schemas import Code, Item, Provenance, Reference, Strict
from .schemas_questionnaires import Choice

RegisterFieldType = Literal[
    "yes-no",
    "single",
    "multiple",
    "number",
    "date",
    "datetime",  # a date and a time of day, e.g. when an incident happened
    "time",
    "text",
    "long-text",
]
CHOICE_FIELD_TYPES = {"yes-no", "single", "multiple"}
WHEN_FIELD_TYPES = {"date", "datetime"}

# What an entry may carry to tell one child's entries apart, besides the agency's own reference.
Identifier = Literal["age", "birth-month", "sex", "area"]


class RegisterField(Strict):
    code: Code = Field(description="Unique in the kind; the entry's value and an upload's column are named by it.")
    label: str
    type: RegisterFieldType
    help: str = ""
    required: bool = True
    choices: list[Choice] = Field(default_factory=list)

    @model_validator(mode="after")
    def _choices_fit_the_type(self) -> "RegisterField":
        if self.type in {"single", "multiple"} and len(self.choices) < 2:
            raise ValueError(f"field {self.code}: a {self.type} field offers two choices or more")
        if self.type not in {"single", "multiple"} and self.choices:
            raise ValueError(f"field {self.code}: a {self.type} field offers no choices")
        codes = [choice.code for choice in self.choices]
        for code in sorted({c for c in codes if codes.count(c) > 1}):
            raise ValueError(f"field {self.code}: choice {code} offered twice")
        return self


class TimelinessRule(Strict):
    """How soon something must follow something else, on an entry's own fields: e.g. the school
    told by 09:00 on the next working day after the incident."""

    code: Code
    title: str
    from_field: Code = Field(description="The date or date-and-time the clock starts from.")
    to_field: Code = Field(description="The date or date-and-time it is compared with.")
    rule: Literal["by-time-next-working-day", "within-hours", "within-working-days", "within-days"]
    time: str = Field(default="", pattern=r"^$|^([01]\d|2[0-3]):[0-5]\d$", description="HH:MM, for by-time rules.")
    amount: int | None = Field(default=None, ge=0, le=1000, description="Hours or days, for within- rules.")
    target_percent: int | None = Field(default=None, ge=0, le=100)

    @model_validator(mode="after")
    def _rule_has_what_it_needs(self) -> "TimelinessRule":
        if self.rule == "by-time-next-working-day" and not self.time:
            raise ValueError(f"timeliness {self.code}: a by-time rule names its time, e.g. 09:00")
        if self.rule != "by-time-next-working-day" and self.amount is None:
            raise ValueError(f"timeliness {self.code}: a {self.rule} rule gives its amount")
        return self


class RegisterIndicator(Strict):
    """A figure the register feeds, counted a financial year (and a month) at a time:
    ``count`` entries; ``distinct`` agency references; ``sum`` of a number field; ``where`` a
    choice field has a value; ``on-time`` the percentage of entries meeting a timeliness rule;
    ``breakdown`` entries by each choice of a field."""

    code: Code
    title: str
    measure: Literal["count", "distinct", "sum", "where", "on-time", "breakdown"]
    field: Code | None = None
    value: Code | None = None
    rule: Code | None = None


class RegisterKindItem(Item):
    description: str
    recorded_by: list[Code] = Field(min_length=1, description="The agency types whose agencies record entries.")
    provider_form: bool = Field(
        default=False, description="Whether verified private providers notify entries on a form of their own."
    )
    identifiers: list[Identifier] = Field(
        default_factory=list,
        description="What an entry carries besides the agency's reference; never a name, a date of birth or an "
        "address.",
    )
    counted_by: Code = Field(description="The date or date-and-time field that places an entry in a month and year.")
    fields: list[RegisterField] = Field(min_length=1)
    questionnaire: Code | None = Field(default=None, description="A questionnaire answered with each entry.")
    retention_months: int = Field(ge=12, le=1200, description="Months an entry is kept after its year ends.")
    timeliness: list[TimelinessRule] = Field(default_factory=list)
    indicators: list[RegisterIndicator] = Field(min_length=1)
    provenance: Provenance | None = None

    @model_validator(mode="after")
    def _fields_hang_together(self) -> "RegisterKindItem":
        fields = {field.code: field for field in self.fields}
        codes = [field.code for field in self.fields]
        problems = [
            f"field {c}: code used by {codes.count(c)} fields" for c in sorted({c for c in codes if codes.count(c) > 1})
        ]
        if len(set(self.identifiers)) != len(self.identifiers):
            problems.append("identifiers: each is named once")
        counted = fields.get(self.counted_by)
        if counted is None or counted.type not in WHEN_FIELD_TYPES:
            problems.append(f"counted_by: {self.counted_by} is not a date or date-and-time field of the kind")
        rules = {rule.code for rule in self.timeliness}
        for rule in self.timeliness:
            for name in ("from_field", "to_field"):
                named = fields.get(getattr(rule, name))
                if named is None or named.type not in WHEN_FIELD_TYPES:
                    problems.append(
                        f"timeliness {rule.code}: {name}: {getattr(rule, name)} is not a date field of the kind"
                    )
        for indicator in self.indicators:
            where = f"indicator {indicator.code}"
            field = fields.get(indicator.field) if indicator.field else None
            if indicator.measure in {"sum", "where", "breakdown"} and field is None:
                problems.append(f"{where}: field: {indicator.field} is not a field of the kind")
            elif indicator.measure == "sum" and field.type != "number":
                problems.append(f"{where}: field: {indicator.field} is not a number field")
            elif indicator.measure in {"where", "breakdown"} and field.type not in CHOICE_FIELD_TYPES:
                problems.append(f"{where}: field: {indicator.field} is not a choice field")
            elif indicator.measure == "where":
                offered = {c.code for c in field.choices} or {"yes", "no"}
                if indicator.value not in offered:
                    problems.append(f"{where}: value: {indicator.value} is not a choice of {indicator.field}")
            if indicator.measure == "on-time" and indicator.rule not in rules:
                problems.append(f"{where}: rule: {indicator.rule} is not a timeliness rule of the kind")
        indicators = [i.code for i in self.indicators]
        problems += [
            f"indicator {c}: code used twice" for c in sorted({c for c in indicators if indicators.count(c) > 1})
        ]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def references(self) -> list[Reference]:
        found = [Reference("agency-type", code, "recorded_by") for code in self.recorded_by]
        if self.questionnaire:
            found.append(Reference("questionnaire", self.questionnaire, "questionnaire"))
        return found


class RegisterTermItem(Item):
    """A term an entry's identifiers are recorded in (kind ``register-sex``: how a register
    records a child's sex)."""

    description: str
    order: int = Field(ge=0)
    provenance: Provenance | None = None
