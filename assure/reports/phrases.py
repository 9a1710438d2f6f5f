"""Year-on-year phrases: how a figure moved, in plain English, computed from the two figures and
never typed.

- Counts and rates move by a percentage of the figure before: "rose from 2,274 to 2,626", "an
  increase of 15.5% on the previous year's figure", "rose from 74 to 84 per 10,000 children".
- Percentages move by percentage points, never by a percentage of a percentage: "down 3.5
  percentage points from 89.0% to 85.5%".
- A change from zero has no percentage (there is none of zero); a change to zero is a decrease of
  100%.
- A missing or suppressed figure is said to be missing, with the publisher's reason; it is never
  read as zero.
- Whether a change is better or worse comes from the indicator's polarity; an indicator whose
  polarity is "neither" is never called better or worse.
- Numbers carry thousands separators and one decimal place only where needed; two figures
  compared are written to the same number of places ("from 89.0% to 85.5%").

Nothing here reads the database: every function takes figures and returns text.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from assure.performance.charts import MISSING_LABELS

Number = Decimal | int | float | str

HIGHER_IS_BETTER = "higher_is_better"
LOWER_IS_BETTER = "lower_is_better"
PREVIOUS_YEAR = "the previous year's figure"


def as_decimal(value: Number | None) -> Decimal | None:
    """``value`` as a Decimal (floats through their shortest text, so 0.1 stays 0.1); None for
    None or for text that is not a number."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        return None


def places_needed(value: Number | None, most: int = 1) -> int:
    """0 when ``value`` is whole once rounded to ``most`` places, otherwise ``most``."""
    number = as_decimal(value)
    if number is None or most <= 0:
        return 0
    shown = _round(number, most)
    return 0 if shown == shown.to_integral_value() else most


def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def number_text(value: Number | None, places: int | None = None) -> str:
    """A number with thousands separators: to ``places`` decimal places, or by default to one
    place only where needed (2,626; 85.5; 84)."""
    number = as_decimal(value)
    if number is None:
        return ""
    places = places_needed(number) if places is None else places
    shown = _round(number, places)
    sign = "−" if shown < 0 else ""
    return f"{sign}{abs(shown):,.{places}f}"


def figure_words(value: Number | None, unit: str = "count", places: int | None = None) -> str:
    """A figure in its unit as a sentence says it: "2,626", "85.5%", "84 per 10,000 children",
    "£195,480", "12 days"."""
    number = as_decimal(value)
    if number is None:
        return ""
    if unit == "currency":
        places = (2 if places_needed(number, 2) else 0) if places is None else places
        digits = number_text(number, places)
        return f"−£{digits[1:]}" if digits.startswith("−") else f"£{digits}"
    digits = number_text(number, places)
    if unit == "percentage":
        return f"{digits}%"
    if unit == "rate_per_10000":
        return f"{digits} per 10,000 children"
    if unit == "days":
        return f"{digits} day{'' if as_decimal(digits.replace('−', '-')) == 1 else 's'}"
    return digits


def missing_words(code: str = "") -> str:
    """Why a figure is missing, in words: "suppressed (c)", or "not available"."""
    if not code:
        return "not available"
    return f"{MISSING_LABELS.get(code, 'Not available').lower()} ({code})"


def percent_change(current: Number | None, previous: Number | None) -> Decimal | None:
    """The change from ``previous`` to ``current`` as a percentage of ``previous``, to one place;
    None when either is missing or ``previous`` is zero (there is no percentage of zero)."""
    now, before = as_decimal(current), as_decimal(previous)
    if now is None or before is None or before == 0:
        return None
    return _round((now - before) * 100 / abs(before), 1)


def points_change(current: Number | None, previous: Number | None) -> Decimal | None:
    """The difference of two percentages in percentage points, to one place."""
    now, before = as_decimal(current), as_decimal(previous)
    if now is None or before is None:
        return None
    return _round(now - before, 1)


def judgement(current: Number | None, previous: Number | None, polarity: str) -> str:
    """ "improved", "worsened" or "" (no change, a figure missing, or an indicator whose polarity
    says neither direction is better)."""
    now, before = as_decimal(current), as_decimal(previous)
    if now is None or before is None or now == before or polarity not in (HIGHER_IS_BETTER, LOWER_IS_BETTER):
        return ""
    better = now > before if polarity == HIGHER_IS_BETTER else now < before
    return "improved" if better else "worsened"


@dataclass(frozen=True)
class Change:
    """Two figures of an indicator, a year apart, and every way of saying how it moved."""

    current: Decimal | None
    previous: Decimal | None
    unit: str = "count"
    polarity: str = "neither"
    current_missing: str = ""
    previous_missing: str = ""
    previous_label: str = PREVIOUS_YEAR

    @property
    def comparable(self) -> bool:
        return self.current is not None and self.previous is not None

    @property
    def direction(self) -> str:
        """ "up", "down", "same", or "" when there is nothing to compare. Figures equal once
        written the same way count as the same."""
        if not self.comparable:
            return ""
        now, before = self._pair()
        return "same" if now == before else ("up" if self.current > self.previous else "down")

    def _places(self) -> int:
        if self.unit == "currency":
            return 2 if places_needed(self.current, 2) or places_needed(self.previous, 2) else 0
        return max(places_needed(self.current), places_needed(self.previous))

    def _pair(self) -> tuple[str, str]:
        places = self._places()
        return (
            figure_words(self.current, self.unit, places),
            figure_words(self.previous, self.unit, places),
        )

    @property
    def judgement(self) -> str:
        return judgement(self.current, self.previous, self.polarity) if self.direction != "same" else ""

    @property
    def movement(self) -> str:
        """ "rose from 2,274 to 2,626", "fell from 13% to 10%", "stayed at 249"; for a missing
        figure, why there is no comparison."""
        if self.current is None:
            return f"has no figure this year ({missing_words(self.current_missing)})"
        if self.previous is None:
            return f"has no figure for {self._previous_year()} ({missing_words(self.previous_missing)})"
        now, before = self._pair()
        if self.direction == "same":
            return f"stayed at {now}"
        verb = "rose" if self.direction == "up" else "fell"
        if self.unit == "rate_per_10000":
            # "from 74 to 84 per 10,000 children": the unit once, at the end.
            places = self._places()
            return f"{verb} from {number_text(self.previous, places)} to {now}"
        return f"{verb} from {before} to {now}"

    @property
    def relative(self) -> str:
        """For counts, rates and money: "an increase of 15.5% on the previous year's figure", "a
        decrease of 100% on ...", "the same as ..."; "" from zero or with a figure missing. For
        percentages, the change in points: "up 3.5 percentage points on ..."."""
        if not self.comparable:
            return ""
        if self.direction == "same":
            return f"the same as {self.previous_label}"
        if self.unit == "percentage":
            points = abs(points_change(self.current, self.previous))
            return f"{self.direction} {_points(points)} on {self.previous_label}"
        change = percent_change(self.current, self.previous)
        if change is None:
            return ""
        kind = "an increase" if change > 0 else "a decrease"
        return f"{kind} of {number_text(abs(change))}% on {self.previous_label}"

    @property
    def short(self) -> str:
        """ "up 153 from 424 to 577", "down 3.5 percentage points from 89.0% to 85.5%",
        "no change at 249": the scorecard's way."""
        if not self.comparable:
            return self.movement
        now, before = self._pair()
        if self.direction == "same":
            return f"no change at {now}"
        if self.unit == "percentage":
            by = _points(abs(points_change(self.current, self.previous)))
        else:
            places = self._places() if self.unit != "currency" else None
            by = figure_words(abs(self.current - self.previous), self.unit, places)
            if self.unit == "rate_per_10000":
                # "up 10 from 74 to 84 per 10,000 children": the unit once, at the end.
                by = number_text(abs(self.current - self.previous), places)
                before = number_text(self.previous, places)
        return f"{self.direction} {by} from {before} to {now}"

    def sentence(self, subject: str) -> str:
        """The whole comparison for ``subject`` ("Looked-after children"), a full sentence:
        "Looked-after children rose from 271 to 313, an increase of 15.5% on the previous year's
        figure." A percentage says its points, and polarity adds whether it improved."""
        if not self.comparable:
            return f"{subject} {self.movement}."
        if self.unit == "percentage" and self.direction != "same":
            now, before = self._pair()
            verb = "rose" if self.direction == "up" else "fell"
            points = _points(abs(points_change(self.current, self.previous)))
            text = f"{subject} {verb} by {points}, from {before} to {now}"
        else:
            relative = self.relative if self.direction != "same" else ""
            text = f"{subject} {self.movement}" + (f", {relative}" if relative else "")
        if self.judgement:
            text += f": performance {self.judgement}"
        return text + "."

    def _previous_year(self) -> str:
        return "the previous year" if self.previous_label == PREVIOUS_YEAR else self.previous_label


def _points(points: Decimal) -> str:
    return f"{number_text(points)} percentage point{'' if points == 1 else 's'}"


def change(
    current: Number | None,
    previous: Number | None,
    *,
    unit: str = "count",
    polarity: str = "neither",
    current_missing: str = "",
    previous_missing: str = "",
    previous_label: str = PREVIOUS_YEAR,
) -> Change:
    """The Change between two figures (any of Decimal, int, float or numeric text)."""
    return Change(
        current=as_decimal(current),
        previous=as_decimal(previous),
        unit=unit,
        polarity=polarity,
        current_missing=current_missing,
        previous_missing=previous_missing,
        previous_label=previous_label,
    )


def count_phrase(count: int, singular: str, plural: str | None = None) -> str:
    """ "1 action", "3 actions", "no actions"."""
    plural = plural or f"{singular}s"
    if count == 0:
        return f"no {plural}"
    return f"{number_text(count, 0)} {singular if count == 1 else plural}"


def listing(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def first_upper(text: str) -> str:
    """``text`` with its first letter a capital, the rest as it was (unlike str.capitalize)."""
    return text[:1].upper() + text[1:]
