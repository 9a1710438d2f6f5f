"""The checks an agency's figure must pass before it can be saved or submitted.

Pure functions: what was typed (text) and the indicator's definition (a library item's data) in,
the figures read and specific messages out. Errors stop a figure being saved; a warning (a large
change from the previous period) needs a comment before the return can be submitted.
"""

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# Units whose value is numerator ÷ denominator × scale.
SCALE = {"percentage": Decimal(100), "rate_per_10000": Decimal(10000)}
# A part of a whole: the numerator counts some of what the denominator counts.
PART_OF_WHOLE = frozenset({"percentage", "rate_per_10000"})
NON_NEGATIVE = frozenset({"count", "days", "percentage", "rate_per_10000"})
WHOLE_NUMBERS = frozenset({"count"})

# Observation stores figures with 4 decimal places and 16 digits.
MAX_DECIMALS = 4
LIMIT = Decimal("1e12")
COMMENT_MAX = 2000

FIELDS = ("value", "numerator", "denominator", "not_available", "comment")

_NUMBER = re.compile(r"^[-−]?(\d+(\.\d*)?|\.\d+)$")
_THOUSANDS = re.compile(r"^[-−]?\d{1,3}(,\d{3})+(\.\d*)?$")


@dataclass(frozen=True)
class Entry:
    """What was typed for one indicator, every figure as text."""

    value: str = ""
    numerator: str = ""
    denominator: str = ""
    not_available: bool = False
    comment: str = ""

    @property
    def is_blank(self) -> bool:
        """Nothing typed at all: the figure has not been entered (yet)."""
        return not (self.value.strip() or self.numerator.strip() or self.denominator.strip()) and not (
            self.not_available or self.comment.strip()
        )


@dataclass
class Checked:
    """An entry after its checks: the figures read from it, and what is wrong or unusual."""

    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    not_available: bool = False
    comment: str = ""
    errors: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    derived: bool = False  # the value was worked out from the numerator and denominator

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def is_complete(self) -> bool:
        """A figure, or a reason why there is none."""
        return self.value is not None or self.not_available

    @property
    def unexplained_warnings(self) -> list[str]:
        """Warnings still waiting for a comment."""
        return [] if self.comment else self.warnings

    def error(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    @property
    def messages(self) -> list[str]:
        return [message for name in FIELDS for message in self.errors.get(name, [])]


def field_key(code: str, name: str) -> str:
    """How a figure of one indicator is named in forms and in a service's errors."""
    return f"{code}__{name}"


def show(number: Decimal) -> str:
    """A figure as people write it: 1,234 or 12.5, without trailing zeros."""
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.normalize():,f}"


def _decimals(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def read_number(text: str, *, allow_percent_sign: bool = False) -> Decimal | None:
    """The number typed, or None when nothing was; raises ValueError with the reason in words.

    Accepts thousands separators (1,234) and, for percentages, a trailing % sign."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if allow_percent_sign and text.endswith("%"):
        text = text[:-1]
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    if not _NUMBER.match(text):
        raise ValueError("not a number")
    try:
        number = Decimal(text.replace("−", "-"))
    except InvalidOperation:
        raise ValueError("not a number")
    if _decimals(number) > MAX_DECIMALS:
        raise ValueError("too many decimal places")
    if abs(number) >= LIMIT:
        raise ValueError("too large")
    return number


def _read(checked: Checked, name: str, text: str, *, what: str, unit: str) -> Decimal | None:
    try:
        return read_number(text, allow_percent_sign=unit == "percentage" and name == "value")
    except ValueError as problem:
        reason = str(problem)
        if reason == "too many decimal places":
            checked.error(name, f"Give {what} to no more than {MAX_DECIMALS} decimal places")
        elif reason == "too large":
            checked.error(name, f"{what[0].upper()}{what[1:]} is too large to be right")
        else:
            checked.error(name, f"Enter {what} as a number, like 120 or 12.5")
        return None


def _check_range(checked: Checked, *, indicator: dict, value: Decimal, what: str) -> None:
    unit = indicator.get("unit", "count")
    if unit in WHOLE_NUMBERS and value != value.to_integral_value():
        checked.error("value", f"Enter {what} as a whole number")
    if unit in NON_NEGATIVE and value < 0:
        checked.error("value", f"{what[0].upper()}{what[1:]} cannot be negative")
        return
    if unit == "percentage" and not Decimal(0) <= value <= Decimal(100):
        checked.error("value", f"{what[0].upper()}{what[1:]} is a percentage: it must be between 0 and 100")
        return
    minimum, maximum = indicator.get("minimum"), indicator.get("maximum")
    if minimum is not None and value < Decimal(str(minimum)):
        checked.error("value", f"{what[0].upper()}{what[1:]} must be {show(Decimal(str(minimum)))} or more")
    if maximum is not None and value > Decimal(str(maximum)):
        checked.error("value", f"{what[0].upper()}{what[1:]} must be {show(Decimal(str(maximum)))} or less")


def _check_ratio(checked: Checked, *, indicator: dict, title: str) -> None:
    numerator, denominator = checked.numerator, checked.denominator
    if numerator is not None and numerator < 0:
        checked.error("numerator", f"The numerator of {title} cannot be negative")
    if denominator is not None and denominator < 0:
        checked.error("denominator", f"The denominator of {title} cannot be negative")
    if denominator == 0 and numerator is not None:
        checked.error("denominator", f"The denominator of {title} cannot be 0")
    if (
        indicator.get("unit") in PART_OF_WHOLE
        and numerator is not None
        and denominator is not None
        and numerator > denominator >= 0
    ):
        checked.error(
            "numerator",
            f"The numerator of {title} ({show(numerator)}) cannot be more than its denominator ({show(denominator)})",
        )


def ratio_value(*, indicator: dict, numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator ÷ denominator in the indicator's unit (× 100 for a percentage...), unrounded."""
    return numerator / denominator * SCALE.get(indicator.get("unit", ""), Decimal(1))


def _check_consistency(checked: Checked, *, indicator: dict, typed_value: Decimal, title: str) -> None:
    expected = ratio_value(indicator=indicator, numerator=checked.numerator, denominator=checked.denominator)
    # A value typed to n decimal places is right if it is the ratio rounded to n places.
    allowed = Decimal(5) / Decimal(10) ** (_decimals(typed_value) + 1)
    if abs(typed_value - expected) > allowed:
        shown = show(expected.quantize(Decimal(10) ** -max(int(indicator.get("decimals", 0)), 1), ROUND_HALF_UP))
        checked.error(
            "value",
            f"The value of {title} ({show(typed_value)}) does not match its numerator and denominator "
            f"({show(checked.numerator)} ÷ {show(checked.denominator)} gives {shown})",
        )


def change_warning(*, indicator: dict, value: Decimal, previous: Decimal | None) -> str | None:
    """The warning for a change from the previous period larger than the indicator allows without
    a comment, or None."""
    limit = indicator.get("change_warning")
    if limit is None or previous is None:
        return None
    title = indicator.get("title", "this figure")
    limit = Decimal(str(limit))
    if previous == 0:
        if value == 0:
            return None
        return (
            f"{title} went from 0 last period to {show(value)}: add a comment explaining the change before you submit"
        )
    change = (value - previous) / abs(previous)
    if abs(change) <= limit:
        return None
    direction = "up" if change > 0 else "down"
    percent = show((abs(change) * 100).quantize(Decimal(1), ROUND_HALF_UP))
    return (
        f"{title} is {direction} {percent}% on last period ({show(previous)} to {show(value)}), more than "
        f"{show(limit * 100)}%: add a comment explaining the change before you submit"
    )


def check_entry(*, indicator: dict, entry: Entry, previous: Decimal | None = None) -> Checked:
    """Check one indicator's entry against its definition (unit, minimum, maximum, ratio,
    change_warning) and the previous period's value.

    A blank entry is valid (not entered yet) but not complete."""
    title = indicator.get("title", "this figure")
    unit = indicator.get("unit", "count")
    is_ratio = bool(indicator.get("numerator") or indicator.get("denominator"))
    comment = entry.comment.strip()
    checked = Checked(not_available=entry.not_available, comment=comment)
    if len(comment) > COMMENT_MAX:
        checked.error("comment", f"The comment on {title} must be {COMMENT_MAX:,} characters or fewer")

    if entry.not_available:
        if entry.value.strip() or entry.numerator.strip() or entry.denominator.strip():
            checked.error(
                "not_available", f"Leave the figures of {title} empty if it is not available, or untick not available"
            )
        if not comment:
            checked.error("comment", f"Say why {title} is not available")
        return checked

    typed_value = _read(checked, "value", entry.value, what=f"the value of {title}", unit=unit)
    if is_ratio:
        numerator_name = indicator.get("numerator") or "numerator"
        denominator_name = indicator.get("denominator") or "denominator"
        checked.numerator = _read(
            checked, "numerator", entry.numerator, what=f"the numerator ({numerator_name})", unit=unit
        )
        checked.denominator = _read(
            checked, "denominator", entry.denominator, what=f"the denominator ({denominator_name})", unit=unit
        )
        if entry.numerator.strip() and not entry.denominator.strip():
            checked.error("denominator", f"Enter the denominator of {title} as well as its numerator, or neither")
        if entry.denominator.strip() and not entry.numerator.strip():
            checked.error("numerator", f"Enter the numerator of {title} as well as its denominator, or neither")
        _check_ratio(checked, indicator=indicator, title=title)
    else:
        for name in ("numerator", "denominator"):
            if getattr(entry, name).strip():
                checked.error(name, f"{title} has no {name}: leave it empty")

    ratio_given = (
        checked.numerator is not None
        and checked.denominator is not None
        and not checked.errors.keys() & {"value", "numerator", "denominator"}
    )
    if typed_value is None and not entry.value.strip() and ratio_given:
        ratio = ratio_value(indicator=indicator, numerator=checked.numerator, denominator=checked.denominator)
        typed_value = ratio.quantize(Decimal(10) ** -int(indicator.get("decimals", 0)), ROUND_HALF_UP)
        checked.derived = True
    elif typed_value is not None and ratio_given:
        _check_consistency(checked, indicator=indicator, typed_value=typed_value, title=title)
    if typed_value is not None and "value" not in checked.errors:
        _check_range(checked, indicator=indicator, value=typed_value, what=f"the value of {title}")
    if "value" in checked.errors:
        return checked
    checked.value = typed_value
    if typed_value is not None:
        warning = change_warning(indicator=indicator, value=typed_value, previous=previous)
        if warning:
            checked.warnings.append(warning)
    return checked


def entry_of(
    *,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
    not_available: bool,
    comment: str,
) -> Entry:
    """The entry that stored figures would have been typed as (to check them again)."""

    def text(number: Decimal | None) -> str:
        return "" if number is None else f"{number.normalize():f}"

    return Entry(
        value=text(value),
        numerator=text(numerator),
        denominator=text(denominator),
        not_available=not_available,
        comment=comment,
    )
