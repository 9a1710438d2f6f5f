"""The scorecard as a board reads it: a summary of its ratings by priority, and the lines a
board member asks for (by rating, priority, direction of travel or owning agency).

Pure functions of a ``Scorecard`` already read for the user (``scorecard``): they query nothing,
so the page's queries stay the scorecard's own however it is filtered."""

from collections import Counter
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from .scorecard import Scorecard, ScorecardRow

NOT_RATED = "none"
NO_COMPARISON = "none"

RATINGS = (("red", "Red"), ("amber", "Amber"), ("green", "Green"), (NOT_RATED, "Not rated"))
"""The ratings a line can have, worst first, as the summary and the filter name them."""

DIRECTIONS = (
    ("worsening", "Worsening"),
    ("improving", "Improving"),
    ("no_change", "No change"),
    (NO_COMPARISON, "No comparison"),
)


def rating_of(row: ScorecardRow) -> str:
    return row.rag or NOT_RATED


def direction_of(row: ScorecardRow) -> str:
    return row.direction or NO_COMPARISON


@dataclass(frozen=True)
class ScorecardFilters:
    """What a reader asked to see; an empty value shows every line."""

    rating: str = ""
    priority: int | None = None
    direction: str = ""
    agency: int | None = None

    @property
    def active(self) -> bool:
        return bool(self.rating or self.priority or self.direction or self.agency)

    def key(self) -> str:
        """The filters as one short text (part of a cache entry's name)."""
        return f"{self.rating}:{self.priority or ''}:{self.direction}:{self.agency or ''}"

    def keeps(self, row: ScorecardRow, priority: int) -> bool:
        return (
            (not self.rating or rating_of(row) == self.rating)
            and (not self.priority or priority == self.priority)
            and (not self.direction or direction_of(row) == self.direction)
            and (not self.agency or row.owner_agency_id == self.agency)
        )


def scorecard_filtered(card: Scorecard, filters: ScorecardFilters) -> Scorecard:
    """The scorecard holding only the lines the filters keep; a priority with none left is
    left out."""
    if not filters.active:
        return card
    sections = [
        replace(section, rows=kept)
        for section in card.sections
        if (kept := [row for row in section.rows if filters.keeps(row, section.pk)])
    ]
    return replace(card, sections=sections)


@dataclass
class SummaryLine:
    """How many of a priority's lines (or, with no ``priority``, all lines) have each rating."""

    title: str
    priority: int | None
    period: int | None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def cells(self) -> list[dict]:
        """Each rating's count with the address that shows those lines (None for a nought)."""
        found = []
        for rating, label in RATINGS:
            count = self.counts.get(rating, 0)
            query = filter_query(period=self.period, rating=rating, priority=self.priority)
            found.append({"rating": rating, "label": label, "count": count, "query": query if count else None})
        return found


def scorecard_summary(card: Scorecard) -> list[SummaryLine]:
    """A line per priority, then one for the whole scorecard, each counting its lines by rating."""
    period = card.period.pk if card.period else None
    lines = [
        SummaryLine(section.title, section.pk, period, dict(Counter(rating_of(row) for row in section.rows)))
        for section in card.sections
    ]
    lines.append(SummaryLine("All priorities", None, period, dict(Counter(rating_of(row) for row in card.rows))))
    return lines


def filter_choices(card: Scorecard) -> dict[str, list[tuple[str, str]]]:
    """The values each filter offers: the scorecard's own priorities and owning agencies."""
    agencies = sorted(
        {(row.owner_agency_id, row.owner_agency) for row in card.rows if row.owner_agency_id}, key=lambda a: a[1]
    )
    return {
        "rating": list(RATINGS),
        "priority": [(str(section.pk), section.title) for section in card.sections],
        "direction": list(DIRECTIONS),
        "agency": [(str(pk), name) for pk, name in agencies],
    }


def filter_query(*, period: int | None, **asked) -> str:
    """The query string of the scorecard for a period with the filters asked ("?period=3&rating=red")."""
    pairs = [("period", period)] if period else []
    pairs += [(name, value) for name, value in asked.items() if value]
    return "?" + urlencode(pairs) if pairs else "?"
