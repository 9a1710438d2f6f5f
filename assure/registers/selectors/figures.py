"""The registers' figures as a reader sees them: each register's indicators for a reporting year
(April to March) against the year before, by month, its timeliness against the targets and its
breakdowns, for everyone with ``registers.view`` (the business unit, the board, the chair). The
counting is ``registers/figures.py``'s; this module decides what each reader is shown.

The headline figures (entries, children, repeats, the children affected) are the register's
published figures and are shown to every reader. The detail beneath them (the breakdowns by each
choice, the months, the timeliness counts) could single out a child, so for a reader who does not
keep the registers (``sees_small_numbers``), and always in a report, a count below the library's
small-numbers threshold is hidden (``assure/core/suppression.py``), with a second cell where a
total would give it away; a percentage of a hidden count is hidden with it."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count

from assure.core.suppression import (
    DisclosureRule,
    Shown,
    disclosure_rule,
    percent_of,
    shown_count,
    suppress_count,
    suppress_percent,
    suppress_table,
)
from assure.partnerships.years import financial_year_of
from assure.plans.models import Priority
from assure.plans.selectors import priorities_visible_to

from ..figures import COUNTS, counted_years, months_of, year_figures
from ..kinds import RegisterKind, kind_for, kinds_for
from ..models import MonitoredUnder
from ..permissions import can_manage, can_view_figures, sees_small_numbers

NO_FIGURE = "–"
NOT_MONITORED = "Not monitored under a priority"

COUNTING_RULES = (
    "An entry counts once it is submitted (a draft never counts), in the reporting year (April to March) and the "
    "month of the date its register counts it by: the day a referral was received, a case discussed, a child "
    "reported missing.",
    "Children are told apart by the recording agency's own reference, within each agency: two entries with one "
    "reference count as one child.",
    "A timeliness rule counts only the entries with both of its times recorded; working days leave out weekends "
    "and bank holidays in England.",
    "A year whose entries were deleted at the end of their retention period shows the figures kept when they were "
    "deleted.",
)


def previous_year(year: str) -> str:
    start = int(year[:4]) - 1
    return f"{start}-{(start + 1) % 100:02d}"


def _number(value) -> int:
    return int(value or 0) if not isinstance(value, dict) else 0


# --- what a reader sees -------------------------------------------------------------------------


@dataclass(frozen=True)
class Headline:
    """One of the register's indicators (not a breakdown), the year against the year before."""

    code: str
    title: str
    measure: str
    before: Shown
    now: Shown
    change: str
    target: str = ""


@dataclass(frozen=True)
class BreakdownRow:
    label: str
    before: Shown
    now: Shown


@dataclass(frozen=True)
class Breakdown:
    """A breakdown indicator: the entries by each choice of one field, the year against the year
    before, with the total of the choices (of a single choice or a yes-no; a multiple choice has
    none, since an entry may tick several)."""

    code: str
    title: str
    heading: str
    rows: list[BreakdownRow]
    total_before: Shown | None
    total_now: Shown | None


@dataclass(frozen=True)
class MonthRow:
    month: str
    label: str
    cells: list[Shown]


@dataclass(frozen=True)
class MonthTable:
    """The year's counting indicators month by month, with the year's figure beneath."""

    headings: list[str]
    rows: list[MonthRow]
    totals: list[Shown]


@dataclass(frozen=True)
class Timeliness:
    """One timeliness rule: the year's entries that met it, of those counted, against the target."""

    code: str
    title: str
    target: str
    met: Shown
    counted: Shown
    percent: Shown
    before_percent: Shown
    target_met: bool | None


@dataclass(frozen=True)
class KindFigures:
    kind: RegisterKind
    year: str
    previous_year: str
    entries: int
    entries_before: int
    headlines: list[Headline]
    breakdowns: list[Breakdown]
    months: MonthTable | None
    timeliness: list[Timeliness]
    suppressed: bool
    rule: DisclosureRule
    retained: bool

    @property
    def is_empty(self) -> bool:
        return not (self.entries or self.entries_before or self.retained)

    @property
    def hidden_note(self) -> str:
        if not self.suppressed:
            return ""
        return (
            f"In the breakdowns, the months and the timeliness counts, a count from 1 to {self.rule.threshold - 1} "
            f'is shown as "{self.rule.shown_as}", and another with it where a total would give it away.'
        )


def _shown(value, suppress: bool, rule: DisclosureRule) -> Shown:
    number = _number(value)
    return suppress_count(number, rule) if suppress else shown_count(number)


def _percent(timely: dict, suppress: bool, rule: DisclosureRule) -> Shown:
    met, counted = int(timely.get("met") or 0), int(timely.get("counted") or 0)
    if not counted:
        return Shown(value=None, text=NO_FIGURE)
    if suppress:
        return suppress_percent(suppress_count(met, rule), suppress_count(counted, rule))
    return percent_of(met, counted)


def _change(before: Shown, now: Shown, *, points: bool = False) -> str:
    if before.value is None or now.value is None:
        return NO_FIGURE
    difference = now.value - before.value
    if not difference:
        return "No change"
    return f"{difference:+,} points" if points else f"{difference:+,}"


def _target(kind: RegisterKind, rule_code: str | None) -> str:
    rule = next((r for r in kind.spec.timeliness if r.code == rule_code), None)
    return f"{rule.target_percent}%" if rule is not None and rule.target_percent is not None else ""


def _headlines(kind: RegisterKind, now: dict, before: dict, suppress: bool, rule: DisclosureRule) -> list[Headline]:
    found = []
    for indicator in kind.spec.indicators:
        if indicator.measure == "breakdown":
            continue
        was, is_ = before["indicators"].get(indicator.code), now["indicators"].get(indicator.code)
        if indicator.measure == "on-time":
            shown_before = _percent(was or {}, suppress, rule)
            shown_now = _percent(is_ or {}, suppress, rule)
            found.append(
                Headline(
                    indicator.code,
                    indicator.title,
                    indicator.measure,
                    shown_before,
                    shown_now,
                    _change(shown_before, shown_now, points=True),
                    _target(kind, indicator.rule),
                )
            )
            continue
        # The headline counts are the register's published figures, shown to every reader.
        shown_before, shown_now = shown_count(_number(was)), shown_count(_number(is_))
        found.append(
            Headline(
                indicator.code,
                indicator.title,
                indicator.measure,
                shown_before,
                shown_now,
                _change(shown_before, shown_now),
            )
        )
    return found


def _column(
    counts: list[int], suppress: bool, rule: DisclosureRule, *, total: bool
) -> tuple[list[Shown], Shown | None]:
    whole = sum(counts) if total else None
    if not suppress:
        return [shown_count(n) for n in counts], shown_count(whole) if whole is not None else None
    return suppress_table(counts, rule, total=whole)


def _breakdowns(kind: RegisterKind, now: dict, before: dict, suppress: bool, rule: DisclosureRule) -> list[Breakdown]:
    found = []
    for indicator in kind.spec.indicators:
        if indicator.measure != "breakdown":
            continue
        field = kind.field(indicator.field)
        if field is None:
            continue
        choices = [(c.code, c.label) for c in field.choices] or [("yes", "Yes"), ("no", "No")]
        was = before["indicators"].get(indicator.code) or {}
        is_ = now["indicators"].get(indicator.code) or {}
        total = field.type != "multiple"
        cells_before, total_before = _column([_number(was.get(c)) for c, _ in choices], suppress, rule, total=total)
        cells_now, total_now = _column([_number(is_.get(c)) for c, _ in choices], suppress, rule, total=total)
        rows = [BreakdownRow(label, b, n) for (_, label), b, n in zip(choices, cells_before, cells_now, strict=True)]
        found.append(Breakdown(indicator.code, indicator.title, field.label, rows, total_before, total_now))
    return found


def _month_label(month: str) -> str:
    return f"{dt.date(int(month[:4]), int(month[5:]), 1):%B %Y}"


def _months(kind: RegisterKind, year: str, now: dict, suppress: bool, rule: DisclosureRule) -> MonthTable | None:
    by_month = now.get("months") or {}
    if not by_month:
        return None
    months = months_of(year)
    indicators = [i for i in kind.spec.indicators if i.measure in COUNTS]
    columns, totals = [], []
    for indicator in indicators:
        counts = [_number((by_month.get(month) or {}).get(indicator.code)) for month in months]
        year_figure = _number(now["indicators"].get(indicator.code))
        if indicator.measure == "distinct":
            # A child may go missing in two months: the months do not add up to the year's children.
            cells = [suppress_count(n, rule) if suppress else shown_count(n) for n in counts]
            columns.append(cells)
            totals.append(shown_count(year_figure))
            continue
        cells, total = _column(counts, suppress, rule, total=True)
        columns.append(cells)
        totals.append(total)
    rows = [MonthRow(month, _month_label(month), [column[i] for column in columns]) for i, month in enumerate(months)]
    return MonthTable([i.title for i in indicators], rows, totals)


def _timeliness(kind: RegisterKind, now: dict, before: dict, suppress: bool, rule: DisclosureRule) -> list[Timeliness]:
    found = []
    for timely in kind.spec.timeliness:
        is_ = (now.get("timeliness") or {}).get(timely.code) or {}
        was = (before.get("timeliness") or {}).get(timely.code) or {}
        shown = _percent(is_, suppress, rule)
        met = None
        if timely.target_percent is not None and shown.value is not None:
            met = shown.value >= timely.target_percent
        found.append(
            Timeliness(
                code=timely.code,
                title=timely.title,
                target=f"{timely.target_percent}%" if timely.target_percent is not None else "",
                met=_shown(is_.get("met"), suppress, rule),
                counted=_shown(is_.get("counted"), suppress, rule),
                percent=shown,
                before_percent=_percent(was, suppress, rule),
                target_met=met,
            )
        )
    return found


def kind_figures(*, user, partnership, kind_code: str, year: str, suppressed: bool = False) -> KindFigures | None:
    """The register's figures for ``year`` against the year before, or None when the user may not
    read them or the partnership keeps no such register. ``suppressed`` hides small numbers
    whoever reads (a report)."""
    if not can_view_figures(user=user, partnership=partnership):
        return None
    kind = kind_for(partnership, kind_code)
    if kind is None:
        return None
    suppress = suppressed or not sees_small_numbers(user=user, partnership=partnership)
    rule = disclosure_rule(partnership)
    before_year = previous_year(year)
    now = year_figures(partnership=partnership, kind=kind, year=year)
    before = year_figures(partnership=partnership, kind=kind, year=before_year)
    return KindFigures(
        kind=kind,
        year=year,
        previous_year=before_year,
        entries=int(now.get("entries") or 0),
        entries_before=int(before.get("entries") or 0),
        headlines=_headlines(kind, now, before, suppress, rule),
        breakdowns=_breakdowns(kind, now, before, suppress, rule),
        months=_months(kind, year, now, suppress, rule),
        timeliness=_timeliness(kind, now, before, suppress, rule),
        suppressed=suppress,
        rule=rule,
        retained=bool(now.get("retained")),
    )


# --- the registers together ---------------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    """One register on the figures page: this year so far against last year, and the priority it
    is monitored under."""

    figures: KindFigures
    priority: str


def registers_overview(*, user, partnership, today: dt.date) -> list[Overview]:
    """Every register of the partnership with this year's headline figures and last year's."""
    if not can_view_figures(user=user, partnership=partnership):
        return []
    year = financial_year_of(today)
    monitored = _monitored_titles(partnership)
    found = []
    for kind in kinds_for(partnership):
        figures = kind_figures(user=user, partnership=partnership, kind_code=kind.code, year=year)
        if figures is not None:
            found.append(Overview(figures=figures, priority=monitored.get(kind.code, NOT_MONITORED)))
    return found


def figure_years(*, user, partnership, kind_code: str, today: dt.date) -> list[str]:
    """The years to choose from, newest first: those with entries or kept figures, and the current."""
    if not can_view_figures(user=user, partnership=partnership):
        return []
    return sorted(
        {*counted_years(partnership=partnership, kind_code=kind_code), financial_year_of(today)}, reverse=True
    )


def reporting_year(*, user, partnership, kind_code: str, today: dt.date) -> str:
    """The year a register's page opens on: the last complete year with entries, else this year."""
    current = financial_year_of(today)
    past = [
        y for y in figure_years(user=user, partnership=partnership, kind_code=kind_code, today=today) if y < current
    ]
    return past[0] if past else current


# --- the priorities registers are monitored under -------------------------------------------------


def _monitored_titles(partnership) -> dict[str, str]:
    return {
        row.kind_code: row.priority.title
        for row in MonitoredUnder.objects.filter(partnership=partnership).select_related("priority")
    }


def monitored_under(*, user, partnership, kind_code: str) -> Priority | None:
    """The business plan priority the register is monitored under, or None."""
    if not can_view_figures(user=user, partnership=partnership):
        return None
    row = MonitoredUnder.objects.filter(partnership=partnership, kind_code=kind_code).select_related("priority").first()
    return row.priority if row is not None else None


def priority_choices(*, user, partnership) -> list[Priority]:
    """The priorities a register may be monitored under: every priority of the partnership's plans
    (the current plan's first), for the business unit only."""
    if not can_manage(user=user, partnership=partnership):
        return []
    return sorted(
        priorities_visible_to(user=user, partnership=partnership),
        key=lambda p: (-(p.plan.first_year or 0), p.position, p.pk),
    )


def kinds_monitored_under(*, user, partnership, priority: Priority) -> list[RegisterKind]:
    """The registers monitored under the priority, in the library's order."""
    if not can_view_figures(user=user, partnership=partnership) or priority.partnership_id != partnership.pk:
        return []
    codes = set(
        MonitoredUnder.objects.filter(partnership=partnership, priority=priority).values_list("kind_code", flat=True)
    )
    return [kind for kind in kinds_for(partnership) if kind.code in codes]


def registers_for_priorities(priority_ids) -> dict[int, str]:
    """For the business plan: the phrase naming the registers monitored under each priority."""
    counts = (
        MonitoredUnder.objects.filter(priority_id__in=list(priority_ids))
        .values("priority_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {
        row["priority_id"]: f"{row['n']} register{'' if row['n'] == 1 else 's'} monitored under it"
        for row in counts
        if row["n"]
    }
