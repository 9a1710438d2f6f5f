"""The kinds case reviews and the working-day clocks rest on.

- ``statutory-clock``: a deadline counted from an event (a serious incident notified to the
  national panel 5 working days after the local authority became aware of it), read by
  ``assure/clocks``;
- ``review-scheme``: the words of a partnership's case review work: the case consideration form's
  routes, the decisions the chair may take, the types of review, the rapid review's outcomes and
  the national panel's responses, the documents agencies are asked for, and which clock runs
  where (read by ``assure/reviews/scheme.py``).
"""

from typing import Literal

from pydantic import Field, model_validator

from .schemas import Code, Item, Provenance, Reference, Strict


class StatutoryClockItem(Item):
    """One statutory clock: its length, counted from the day its starting event happened, in
    working days (weekends and England and Wales bank holidays not counted), calendar days or
    calendar months; and when it turns amber."""

    description: str
    starts: str = Field(description="The event the clock counts from, e.g. 'the local authority became aware'.")
    stops: str = Field(description="The event that stops it, e.g. 'notified to the national panel'.")
    unit: Literal["working-days", "days", "months"]
    length: int = Field(ge=1, le=1000)
    amber_within: int = Field(
        ge=0,
        le=1000,
        description="The clock turns amber when this many units (of its own unit; days for months) or fewer are left.",
    )
    provenance: Provenance | None = None


class SchemeTerm(Strict):
    code: Code
    title: str
    description: str = ""


class SchemeDecision(SchemeTerm):
    """A decision the chair may take on a case consideration: the type of review it commissions,
    or an audit, or nothing further."""

    commissions: Code | None = Field(default=None, description="The review type this decision commissions, if any.")
    audit: bool = Field(default=False, description="True when the case goes to the audit programme instead.")


class SchemeReviewType(SchemeTerm):
    statutory: bool = False
    publication_clock: Code | None = Field(
        default=None, description="The statutory-clock counting from the decision to the review's publication."
    )


class SchemeClocks(Strict):
    """Which statutory clock runs at each step of a serious incident."""

    notification: Code
    rapid_review: Code


class ReviewSchemeItem(Item):
    description: str
    routes: list[SchemeTerm] = Field(min_length=1)
    decisions: list[SchemeDecision] = Field(min_length=1)
    review_types: list[SchemeReviewType] = Field(min_length=1)
    rapid_review_outcomes: list[SchemeTerm] = Field(min_length=1)
    panel_responses: list[SchemeTerm] = Field(min_length=1)
    contribution_kinds: list[SchemeTerm] = Field(min_length=1)
    clocks: SchemeClocks
    provenance: Provenance | None = None

    @model_validator(mode="after")
    def _codes_distinct_and_decisions_known(self) -> "ReviewSchemeItem":
        problems: list[str] = []
        for noun, terms in (
            ("route", self.routes),
            ("decision", self.decisions),
            ("review type", self.review_types),
            ("rapid review outcome", self.rapid_review_outcomes),
            ("panel response", self.panel_responses),
            ("contribution kind", self.contribution_kinds),
        ):
            codes = [term.code for term in terms]
            for code in sorted({c for c in codes if codes.count(c) > 1}):
                problems.append(f"{noun} {code}: code used {codes.count(code)} times; each needs its own")
        types = {t.code for t in self.review_types}
        for decision in self.decisions:
            if decision.commissions and decision.commissions not in types:
                problems.append(
                    f"decision {decision.code}: commissions {decision.commissions!r}, which is not one of the "
                    f"scheme's review types ({', '.join(sorted(types))})"
                )
            if decision.commissions and decision.audit:
                problems.append(f"decision {decision.code}: commissions a review or sends to audit, not both")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def references(self) -> list[Reference]:
        refs = [
            Reference(kind="statutory-clock", code=self.clocks.notification, field="clocks.notification"),
            Reference(kind="statutory-clock", code=self.clocks.rapid_review, field="clocks.rapid_review"),
        ]
        refs += [
            Reference(
                kind="statutory-clock",
                code=t.publication_clock,
                field="publication_clock",
                where=f"review type {t.code}",
            )
            for t in self.review_types
            if t.publication_clock
        ]
        return refs

    def term(self, listing: str, code: str) -> SchemeTerm | None:
        """The term of ``listing`` ("routes", "decisions", ...) with that code."""
        return next((t for t in getattr(self, listing) if t.code == code), None)

    def title_of(self, listing: str, code: str) -> str:
        """The title of a code of ``listing``; the code itself when the scheme no longer has it."""
        term = self.term(listing, code)
        return term.title if term else code
