"""Small-number suppression: how a count about restricted records (child deaths, allegations) is
shown to someone not entitled to the detail, so that nobody can recognise a child from a figure.

The rule is the library's ``disclosure-rule`` ``small-numbers`` (library/assure/disclosure-rules.yaml):
a count from 1 to ``threshold - 1`` is shown as ``shown_as`` ("fewer than 6"); zero is shown
unless ``hide_zero``. A partnership may publish a document of its own (provider = its slug) with a
higher threshold; a lower one never applies, since the installation's rule is the least hidden.

Hiding one cell is not enough when a total is shown beside it: the hidden count could be worked
out by subtraction. ``suppress_table`` therefore hides a second cell with it (complementary
suppression), the smallest shown one, and hides the total itself when nothing else can be.
A percentage of a hidden count is hidden too. Everything here but ``disclosure_rule`` is pure.
"""

from collections.abc import Sequence
from dataclasses import dataclass

RULE_KIND = "disclosure-rule"
RULE_CODE = "small-numbers"
HIDDEN_TEXT = "fewer than 6"


@dataclass(frozen=True)
class DisclosureRule:
    """When a count is hidden, and what is shown instead."""

    threshold: int = 6
    shown_as: str = HIDDEN_TEXT
    hide_zero: bool = False

    def hides(self, count: int) -> bool:
        if count == 0:
            return self.hide_zero
        return 0 < count < self.threshold


@dataclass(frozen=True)
class Shown:
    """A figure as shown: ``value`` is the number, or None when hidden (``hidden``) or when there
    is no figure at all; ``text`` is what the page, the report or the download prints."""

    value: int | float | None
    text: str
    hidden: bool = False

    def __str__(self) -> str:
        return self.text


def disclosure_rule(partnership=None) -> DisclosureRule:
    """The library's small-numbers rule, raised by the partnership's own document if it sets a
    higher threshold. Falls back to the built-in default when the library holds none."""
    from assure.library.selectors import current_items

    items = list(current_items(kind=RULE_KIND).filter(code=RULE_CODE))
    assure = next((i for i in items if i.document.provider == "assure"), None)
    rule = _rule_of(assure.data) if assure is not None else DisclosureRule()
    if partnership is not None:
        own = next((i for i in items if i.document.provider == getattr(partnership, "slug", "")), None)
        if own is not None:
            theirs = _rule_of(own.data)
            if theirs.threshold > rule.threshold:
                rule = theirs
    return rule


def _rule_of(data: dict) -> DisclosureRule:
    threshold = int(data.get("threshold", 6))
    return DisclosureRule(
        threshold=threshold,
        shown_as=str(data.get("shown_as") or f"fewer than {threshold}"),
        hide_zero=bool(data.get("hide_zero", False)),
    )


def shown_count(n: int) -> Shown:
    """A count shown as it is (for those entitled to the detail)."""
    return Shown(value=n, text=str(n))


def suppress_count(n: int, rule: DisclosureRule) -> Shown:
    """One count on its own: hidden when the rule hides it."""
    if rule.hides(n):
        return Shown(value=None, text=rule.shown_as, hidden=True)
    return shown_count(n)


def hidden(rule: DisclosureRule) -> Shown:
    return Shown(value=None, text=rule.shown_as, hidden=True)


def suppress_table(
    counts: Sequence[int], rule: DisclosureRule, *, total: int | None = None
) -> tuple[list[Shown], Shown | None]:
    """The cells of one row or column that add up to ``total`` (when a total is shown), each
    suppressed, with complementary suppression: if exactly one cell is hidden and the total is
    shown, the smallest other non-zero shown cell is hidden as well; if no other cell can be
    hidden, the total is. Returns the cells and the total as shown (None when no total)."""
    cells = [suppress_count(n, rule) for n in counts]
    shown_total = suppress_count(total, rule) if total is not None else None
    if shown_total is None:
        return cells, None
    hidden_cells = [i for i, c in enumerate(cells) if c.hidden]
    if shown_total.hidden or len(hidden_cells) != 1:
        # Two or more hidden cells cannot be told apart by subtraction; a hidden total hides them.
        return cells, shown_total
    candidates = [i for i, c in enumerate(cells) if not c.hidden and (counts[i] > 0 or rule.hide_zero)]
    if candidates:
        second = min(candidates, key=lambda i: (counts[i], i))
        cells[second] = hidden(rule)
        return cells, shown_total
    # The hidden cell is the only non-zero one: showing the total would show it.
    return cells, hidden(rule)


def suppress_percent(part: Shown, whole: Shown, *, decimals: int = 0) -> Shown:
    """``part`` as a percentage of ``whole``: hidden when either is hidden, "–" when whole is 0."""
    if part.hidden or whole.hidden:
        return Shown(value=None, text=part.text if part.hidden else whole.text, hidden=True)
    if not whole.value:
        return Shown(value=None, text="–")
    value = round(100 * part.value / whole.value, decimals)
    if decimals == 0:
        value = int(value)
    return Shown(value=value, text=f"{value}%")


def percent_of(part: int, whole: int, *, decimals: int = 0) -> Shown:
    """A percentage shown as it is (no suppression)."""
    return suppress_percent(shown_count(part), shown_count(whole), decimals=decimals)
