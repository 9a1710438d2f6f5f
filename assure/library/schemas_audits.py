"""The ``audit-framework`` kind: a partnership's quality-assurance framework for audit, its tiers
of activity, the terms its case-file audits run in and how many files each term audits.

The audits app plans a year's programme on it: each audit belongs to a tier and (a termly audit)
to a term, and plans the framework's number of files unless the business unit says otherwise.
"""

import calendar

from pydantic import Field, model_validator

from .schemas import Code, Item, Provenance, Strict


class AuditTier(Strict):
    """One tier of quality-assurance activity, e.g. practice."""

    code: Code
    title: str
    description: str


class AuditTerm(Strict):
    """One term of the audit year, from its first month to its last (1 January ... 12 December).
    Terms are listed in the order of the audit year; a term whose first month comes before the
    previous term's falls in the next calendar year (spring after autumn)."""

    code: Code
    title: str
    first_month: int = Field(ge=1, le=12)
    last_month: int = Field(ge=1, le=12)

    def months(self) -> list[int]:
        """The months the term covers, in order (a term may run over the new year)."""
        count = (self.last_month - self.first_month) % 12 + 1
        return [(self.first_month - 1 + step) % 12 + 1 for step in range(count)]

    @property
    def months_label(self) -> str:
        """e.g. "September to December"."""
        return f"{calendar.month_name[self.first_month]} to {calendar.month_name[self.last_month]}"


class AuditFrameworkItem(Item):
    description: str
    tiers: list[AuditTier] = Field(min_length=1)
    terms: list[AuditTerm] = Field(min_length=1)
    files_per_term: int = Field(ge=1, le=500, description="How many case files each term's audit plans.")
    provenance: Provenance | None = None

    @model_validator(mode="after")
    def _codes_distinct_and_terms_apart(self) -> "AuditFrameworkItem":
        problems: list[str] = []
        for noun, codes in (
            ("tier", [tier.code for tier in self.tiers]),
            ("term", [term.code for term in self.terms]),
        ):
            for code in sorted({c for c in codes if codes.count(c) > 1}):
                problems.append(f"{noun} {code}: code used by {codes.count(code)} {noun}s; each needs its own")
        held: dict[int, str] = {}
        for term in self.terms:
            for month in term.months():
                if month in held:
                    problems.append(
                        f"term {term.code}: {calendar.month_name[month]} is already in term {held[month]}; "
                        "terms may not overlap"
                    )
                    break
                held[month] = term.code
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def tier(self, code: str) -> AuditTier | None:
        return next((tier for tier in self.tiers if tier.code == code), None)

    def term(self, code: str) -> AuditTerm | None:
        return next((term for term in self.terms if term.code == code), None)

    def term_years(self, year: int) -> dict[str, int]:
        """The calendar year each term's first month falls in, for the audit year starting in
        ``year``: the first term in ``year``, and each term starting earlier in the calendar than
        the term before it a year later."""
        years: dict[str, int] = {}
        current, previous = year, None
        for term in self.terms:
            if previous is not None and term.first_month < previous:
                current += 1
            years[term.code] = current
            previous = term.first_month
        return years
