"""Figures a statistics mapping works out from several columns of a row, where the file gives the
parts but not the figure: initial conferences within 15 working days as a percentage of those
held, from the two counts; enquiries of two kinds added up; one count less another.

A measure with ``derive`` (the mapping kind, assure/library/schemas.py) names its ``columns``:

- ``sum`` adds them;
- ``difference`` takes each of the others from the first;
- ``ratio`` divides the first (the numerator) by the second (the denominator) and multiplies by
  ``per`` (100 for a percentage); the two are kept as the figure's numerator and denominator.

A figure is only as available as its parts: when any of them is suppressed or not applicable
(``c``, ``x``, ``z``, ``low``...), the figure is not available with the reason of the first such
column, as the mapping lists them, and never a figure worked out from the rest. A ratio of a
denominator of 0 is not applicable (``z``). A cell that is empty or not a number is a problem of
its row, as for any other measure. Nothing here touches the database."""

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from assure.library.schemas import MappingMeasure

from ..models import Observation

_STORED = Observation._meta.get_field("value")
# A worked-out figure is held to what an observation stores: four decimal places, sixteen digits.
PLACES = Decimal(1).scaleb(-_STORED.decimal_places)
LIMIT = Decimal(10) ** (_STORED.max_digits - _STORED.decimal_places)

Cell = tuple[Decimal | None, str, str]
"""A cell as the reader reads it: (value, suppression code, what is wrong with it)."""


class DerivedFigure(NamedTuple):
    """A worked-out figure of one row; ``problems`` lists (column, reason, kind) of the cells that
    stopped it being worked out, the kinds being the reader's (``reader.KINDS``)."""

    value: Decimal | None
    missing: str
    numerator: Decimal | None
    denominator: Decimal | None
    problems: tuple[tuple[str, str, str], ...] = ()


class Derivation:
    """How one measure of a mapping is worked out, with its columns' places in the file."""

    def __init__(self, measure: MappingMeasure, index: Mapping[str, int]):
        self.indicator = measure.indicator
        self.label = measure.label
        self.operation = measure.derive
        self.columns = [(name, index[name]) for name in measure.columns]
        self.per = Decimal(measure.per) if measure.per is not None else None

    def read(self, record: list[str], cells: Mapping[str, Cell]) -> DerivedFigure:
        """The figure of one row (``record``), reading each cell's text through ``cells``."""
        values: list[Decimal | None] = []
        reasons: list[str] = []
        problems: list[tuple[str, str, str]] = []
        for name, at in self.columns:
            raw = record[at].strip()
            value, missing, wrong = cells[raw]
            if wrong:
                problems.append((name, wrong, "not-a-figure" if raw else "empty-figure"))
            values.append(value)
            reasons.append(missing)
        numerator, denominator = (values[0], values[1]) if self.operation == "ratio" else (None, None)
        if problems:
            return DerivedFigure(None, "", None, None, tuple(problems))
        if any(value is None for value in values):
            reason = next(missing for value, missing in zip(values, reasons, strict=True) if value is None)
            return DerivedFigure(None, reason, numerator, denominator)
        return self._worked_out(values, numerator, denominator)

    def _worked_out(
        self, values: list[Decimal], numerator: Decimal | None, denominator: Decimal | None
    ) -> DerivedFigure:
        if self.operation == "sum":
            value = sum(values, Decimal(0))
        elif self.operation == "difference":
            value = values[0] - sum(values[1:], Decimal(0))
        elif not denominator:
            return DerivedFigure(None, Observation.Missing.NOT_APPLICABLE.value, numerator, denominator)
        else:
            value = (numerator * self.per / denominator).quantize(PLACES, rounding=ROUND_HALF_UP)
        if abs(value) >= LIMIT:
            reason = f"the {self.label} is {value:f}, more than a figure can hold"
            return DerivedFigure(None, "", None, None, ((self.columns[0][0], reason, "not-a-figure"),))
        return DerivedFigure(value, "", numerator, denominator)
