"""The arithmetic of the scorecard and the benchmarks: RAG ratings, direction of travel, quartile
bands, ranks and rates per 10,000 children.

Pure functions: no database, no settings. Numbers go in and come out as ``Decimal`` (ints, floats
and numeric strings are accepted and converted through ``str`` so that 0.1 stays 0.1); a missing
figure is ``None`` and is never treated as zero. The rules themselves (which band wins, the
default tolerance) are library data passed in by the caller.
"""

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

Number = Decimal | int | float | str
Polarity = Literal["higher_is_better", "lower_is_better", "neither"]
Rating = Literal["green", "amber", "red"]
Direction = Literal["improving", "worsening", "no_change"]
Band = Literal["A", "B", "C", "D"]

HIGHER_IS_BETTER = "higher_is_better"
LOWER_IS_BETTER = "lower_is_better"
NEITHER = "neither"
POLARITIES = (HIGHER_IS_BETTER, LOWER_IS_BETTER, NEITHER)

# Rates are stored with the observations' four decimal places; rounding here keeps a derived rate
# identical to the one that will be read back from the database.
RATE_PLACES = Decimal("0.0001")


def to_decimal(number: Number | None) -> Decimal | None:
    """``number`` as a Decimal, ``None`` when missing. Floats go through ``str`` so that a YAML
    0.1 becomes Decimal("0.1"), not its binary approximation."""
    if number is None:
        return None
    if isinstance(number, Decimal):
        return number
    if isinstance(number, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(number, float):
        return Decimal(str(number))
    return Decimal(number)


def _check_polarity(polarity: str) -> None:
    if polarity not in POLARITIES:
        raise ValueError(f"unknown polarity {polarity!r}; expected one of {', '.join(POLARITIES)}")


def _present(values: Iterable[Number | None]) -> list[Decimal]:
    return [d for d in (to_decimal(v) for v in values) if d is not None]


# --- RAG -------------------------------------------------------------------------------------


def tolerance_in_use(*, target: Number, tolerance: Number | None, rule: dict) -> Decimal:
    """The tolerance a rating uses, in the indicator's unit: the line's own, or else the rule's
    ``default_tolerance_percent`` of the target (of its size, so a negative target works too)."""
    own = to_decimal(tolerance)
    if own is not None:
        if own < 0:
            raise ValueError("a tolerance cannot be negative")
        return own
    percent = to_decimal(rule.get("default_tolerance_percent", 5.0))
    return abs(to_decimal(target)) * percent / 100


def shortfall(*, value: Number, target: Number, polarity: Polarity) -> Decimal:
    """How far ``value`` falls short of ``target`` in the bad direction; zero or negative when it
    meets or beats it."""
    _check_polarity(polarity)
    if polarity == NEITHER:
        raise ValueError("an indicator with polarity 'neither' has no shortfall")
    gap = to_decimal(target) - to_decimal(value)
    return gap if polarity == HIGHER_IS_BETTER else -gap


def rag_rating(
    *, value: Number | None, target: Number | None, tolerance: Number | None, polarity: Polarity, rule: dict
) -> Rating | None:
    """Rate ``value`` against ``target`` by the rag-rule item ``rule`` (its data: ``bands`` in
    order, each ``{"rating", "when"}``; the first band whose condition holds wins).

    Conditions: ``meets_target`` — equals or beats the target in the polarity's direction;
    ``within_tolerance`` — misses it by no more than the tolerance (inclusive); ``otherwise`` —
    always. ``tolerance`` is in the indicator's unit; ``None`` means the rule's default
    percentage of the target. ``None`` when the value or the target is missing, when the polarity
    is "neither", or when no band applies.
    """
    _check_polarity(polarity)
    if value is None or target is None or polarity == NEITHER:
        return None
    short = shortfall(value=value, target=target, polarity=polarity)
    allowed = tolerance_in_use(target=target, tolerance=tolerance, rule=rule)
    conditions = {
        "meets_target": short <= 0,
        "within_tolerance": short <= allowed,
        "otherwise": True,
    }
    for band in rule.get("bands", []):
        when = band["when"]
        if when not in conditions:
            raise ValueError(f"unknown RAG condition {when!r}")
        if conditions[when]:
            return band["rating"]
    return None


# --- direction of travel ---------------------------------------------------------------------


def direction_of_travel(*, current: Number | None, previous: Number | None, polarity: Polarity) -> Direction | None:
    """Whether ``current`` is better or worse than ``previous`` by the indicator's polarity;
    "no_change" when equal. ``None`` when either is missing or the polarity is "neither" (a rise
    is then neither good nor bad)."""
    _check_polarity(polarity)
    if current is None or previous is None or polarity == NEITHER:
        return None
    now, before = to_decimal(current), to_decimal(previous)
    if now == before:
        return "no_change"
    went_up = now > before
    return "improving" if went_up == (polarity == HIGHER_IS_BETTER) else "worsening"


# --- quartiles and ranks ---------------------------------------------------------------------


def percentile(values: Iterable[Number | None], fraction: Number) -> Decimal | None:
    """The ``fraction`` (0 to 1) percentile of the present values by linear interpolation between
    the closest ranks — numpy's default ``percentile`` and R's default (type 7) ``quantile``.
    ``None`` when no value is present."""
    ordered = sorted(_present(values))
    if not ordered:
        return None
    p = to_decimal(fraction)
    if not 0 <= p <= 1:
        raise ValueError("a percentile's fraction lies between 0 and 1")
    position = (len(ordered) - 1) * p
    below = int(position)  # floor: position is never negative
    if below + 1 >= len(ordered):
        return ordered[-1]
    weight = position - below
    return ordered[below] + (ordered[below + 1] - ordered[below]) * weight


def quartile_cuts(values: Iterable[Number | None]) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """The lower quartile, median and upper quartile of the present values (missing ones left
    out), interpolated like numpy's ``percentile``; three ``None`` when no value is present."""
    present = _present(values)
    return (percentile(present, "0.25"), percentile(present, "0.5"), percentile(present, "0.75"))


def quartile_band(*, value: Number | None, values: Iterable[Number | None], polarity: Polarity) -> Band | None:
    """The LAIT-style quartile band of ``value`` among ``values`` (all local authorities' values
    for the year; missing ones left out): A is the best quarter, D the worst.

    On the number line the quarters are (-inf, Q1], (Q1, median], (median, Q3], (Q3, +inf) —
    each upper bound inclusive — and are lettered A to D from the lowest when lower is better,
    from the highest when higher is better. ``None`` for polarity "neither", a missing value or
    no values to compare with.
    """
    _check_polarity(polarity)
    if value is None or polarity == NEITHER:
        return None
    q1, median, q3 = quartile_cuts(values)
    if q1 is None:
        return None
    figure = to_decimal(value)
    if figure <= q1:
        quarter = 0
    elif figure <= median:
        quarter = 1
    elif figure <= q3:
        quarter = 2
    else:
        quarter = 3
    letters = "ABCD" if polarity == LOWER_IS_BETTER else "DCBA"
    return letters[quarter]


def rank_of(*, value: Number | None, values: Iterable[Number | None], polarity: Polarity) -> int | None:
    """The position of ``value`` among ``values`` (missing ones left out), 1 the best; tied
    values share the lowest rank ("1, 2, 2, 4"). ``value`` is normally one of ``values``; if it is
    not, it is ranked as if it were added. ``None`` for a missing value or polarity "neither"."""
    _check_polarity(polarity)
    if value is None or polarity == NEITHER:
        return None
    figure = to_decimal(value)
    if polarity == LOWER_IS_BETTER:
        better = sum(1 for v in _present(values) if v < figure)
    else:
        better = sum(1 for v in _present(values) if v > figure)
    return better + 1


# --- rates -----------------------------------------------------------------------------------


def rate_per_10000(*, count: Number | None, population: Number | None) -> Decimal | None:
    """``count`` per 10,000 of ``population`` (children aged 0-17: the ONS mid-year estimate of
    the year before), rounded half up to four decimal places. ``None`` when either is missing or
    the population is not positive."""
    if count is None or population is None:
        return None
    people = to_decimal(population)
    if people <= 0:
        return None
    return (to_decimal(count) * 10000 / people).quantize(RATE_PLACES, rounding=ROUND_HALF_UP)
