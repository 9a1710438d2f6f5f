"""The designated officer's figures for a financial year (April to March), with the year before
for the comparisons the board reads (the seed's "36% more in the first six months than in the
whole previous year", joint evaluation meetings "more than doubled").

How they count (every page, download, report block and computed indicator reads them from here):

- **Referrals** are the referrals accepted (open or closed, ``Referral.COUNTED``) whose category is
  an allegation (the library's ``is_allegation``), counted by the date referred. Low-level
  concerns are counted apart, the same way. Drafts, declined referrals and those awaiting the
  referrer's confirmation never count.
- **Joint evaluation meetings** are the meetings of a kind the library marks ``joint_evaluation``
  about referrals counted, by the date held.
- **Police investigations, suspensions, referrals to the Disclosure and Barring Service and to a
  regulator** are the referrals counted with that fact recorded, by the date referred.
- **By sector, category, outcome and timescale band**, by the date referred; outcomes and bands of
  the closed ones only (the band from ``clocks.timescale_band``).
- **Timescales against their targets**: of the closed allegations each timescale applies to, the
  share resolved within it (the week only for the outcomes it names); **referred within one
  working day**: the share whose referral clock was met.
- **A sector is highlighted** when its referrals in the year are fewer than the partnership's
  ``SectorExpectation`` for it.

Figures are about children and the people who work with them, so every count is suppressed by the
library's small-numbers rule (assure/core/suppression.py) unless the reader may read the cases
themselves (``sees_unsuppressed``: the designated officer with the ``lado`` grant). No figure here
names a person or describes a case."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from assure.clocks.engine import ClockRule, clock_rule
from assure.core.suppression import (
    DisclosureRule,
    Shown,
    disclosure_rule,
    shown_count,
    suppress_count,
    suppress_percent,
    suppress_table,
)
from assure.library.selectors import current_items
from assure.partnerships.years import financial_year_bounds, financial_year_of

from ..clocks import CATEGORY_KIND, LONGER, REFERRAL, Timescale, timescales
from ..models import Meeting, Referral, SectorExpectation
from ..permissions import can_view_figures, sees_unsuppressed

SECTOR_KIND = "lado-sector"
OUTCOME_KIND = "allegation-outcome"
MEETING_KIND = "lado-meeting-kind"
NO_OUTCOME = "No outcome recorded"

# The headings of the tables (a download's "Table" column and the report blocks name them).
HALF, MONTH, SECTOR, CATEGORY, OUTCOME, BAND, LEARNING = (
    "Half-year",
    "Month",
    "Sector",
    "Category",
    "Outcome",
    "Time to resolution",
    "Learning for the employer",
)


# --- counting (about every record of the partnership, whoever asks) --------------------------------


def previous_year(year: str) -> str:
    start = int(year[:4]) - 1
    return f"{start}-{(start + 1) % 100:02d}"


def _months(year: str) -> list[dt.date]:
    start, _ = financial_year_bounds(year)
    return [dt.date(start.year + (start.month + i - 1) // 12, (start.month + i - 1) % 12 + 1, 1) for i in range(12)]


def half_labels(year: str) -> tuple[str, str]:
    start, end = financial_year_bounds(year)
    return f"April to September {start.year}", f"October {start.year} to March {end.year}"


@dataclass(frozen=True)
class TargetCount:
    """One timescale's count: the closed allegations it applies to and those resolved within it."""

    timescale: Timescale
    met: int
    applicable: int


@dataclass(frozen=True)
class Counts:
    """The raw figures of one year, before suppression. Labelled lists keep the library's order."""

    year: str
    referrals: int
    by_half: list[tuple[str, int]]
    by_month: list[tuple[str, int]]
    low_level_concerns: int
    joint_evaluations: int
    police: int
    suspensions: int
    dbs: int
    regulator: int
    by_sector: list[tuple[str, str, int]]
    by_category: list[tuple[str, str, int]]
    closed: int
    by_outcome: list[tuple[str, str, int]]
    by_band: list[tuple[str, str, int]]
    in_time: int
    timed: int
    targets: list[TargetCount]
    with_learning: int
    learning_by_category: list[tuple[str, str, int]]


def _allegation_categories() -> list[tuple[str, str, bool]]:
    return [(i.code, i.title, bool(i.data.get("is_allegation", True))) for i in current_items(kind=CATEGORY_KIND)]


def _tally(labels: list[tuple[str, str]], found: Counter) -> list[tuple[str, str, int]]:
    return [(code, title, found.get(code, 0)) for code, title in labels]


# The three rules below are those of assure/lado/clocks.py (``referral_reading``,
# ``resolution_readings`` and ``timescale_band``) applied to many referrals at once, with the
# library read once rather than once a referral; test_figures_counts.py checks they agree.


def _met(referral: Referral, scale: Timescale) -> bool:
    """The timescale's clock was met: the referral closed on or before its due day."""
    return referral.closed_on <= scale.rule.due_on(referral.date_referred)


def _band(referral: Referral, scales: list[Timescale]) -> str:
    """The shortest timescale a closed allegation was resolved within, ``LONGER`` when none."""
    return next((scale.code for scale in scales if _met(referral, scale)), LONGER)


def _referral_rule() -> ClockRule | None:
    try:
        return clock_rule(REFERRAL)
    except LookupError:
        return None


def _referred_in_time(referral: Referral, rule: ClockRule) -> bool:
    """The one-working-day clock from the employer knowing was met by the date referred."""
    return referral.date_referred <= rule.due_on(referral.date_known)


def band_labels(scales: list[Timescale]) -> list[tuple[str, str]]:
    """The bands of time to resolution: each timescale's title, then "Not within" the last."""
    labels = [(s.code, s.title) for s in scales]
    if scales:
        labels.append((LONGER, f"Not {scales[-1].title[0].lower()}{scales[-1].title[1:]}"))
    return labels


def year_counts(*, partnership, year: str) -> Counts:
    """The raw figures of the partnership's referrals in ``year``. Reads every record, whoever
    asks: callers show them only through ``show``."""
    start, end = financial_year_bounds(year)
    categories = _allegation_categories()
    allegation_codes = {code for code, _, is_allegation in categories if is_allegation}
    not_allegations = [code for code, _, is_allegation in categories if not is_allegation]
    accepted = Referral.objects.filter(Referral.COUNTED, partnership=partnership, date_referred__range=(start, end))
    low_level = accepted.filter(category__in=not_allegations).count()
    referrals = list(accepted.exclude(category__in=not_allegations).select_related("outcome").order_by("pk"))
    closed = [r for r in referrals if r.status == Referral.Status.CLOSED and r.closed_on]

    joint_kinds = [i.code for i in current_items(kind=MEETING_KIND) if i.data.get("joint_evaluation")]
    joint_evaluations = (
        Meeting.objects.filter(
            referral__partnership=partnership,
            referral__status__in=[Referral.Status.OPEN, Referral.Status.CLOSED],
            kind__in=joint_kinds,
            held_on__range=(start, end),
        )
        .exclude(referral__category__in=not_allegations)
        .count()
    )

    months = _months(year)
    by_month = Counter((r.date_referred.year, r.date_referred.month) for r in referrals)
    first, second = half_labels(year)
    first_half = sum(1 for r in referrals if r.date_referred < months[6])

    scales = timescales()
    sectors = [(i.code, i.title) for i in current_items(kind=SECTOR_KIND)]
    outcomes = [(i.code, i.title) for i in current_items(kind=OUTCOME_KIND)]
    outcome_found = Counter(r.outcome.code if r.outcome_id else "" for r in closed)
    outcome_rows = _tally(outcomes, outcome_found)
    if outcome_found.get("", 0):
        outcome_rows.append(("", NO_OUTCOME, outcome_found[""]))
    bands = Counter(_band(r, scales) for r in closed)

    referral_rule = _referral_rule()
    timed = referrals if referral_rule is not None else []

    targets = []
    for scale in scales:
        applies = [r for r in closed if scale.applies_to(r.outcome.code if r.outcome_id else None)]
        targets.append(
            TargetCount(timescale=scale, met=sum(1 for r in applies if _met(r, scale)), applicable=len(applies))
        )

    learned = [r for r in closed if r.learning.strip()]
    category_labels = [(code, title) for code, title, is_allegation in categories if is_allegation]
    return Counts(
        year=year,
        referrals=len(referrals),
        by_half=[(first, first_half), (second, len(referrals) - first_half)],
        by_month=[(f"{m:%B %Y}", by_month.get((m.year, m.month), 0)) for m in months],
        low_level_concerns=low_level,
        joint_evaluations=joint_evaluations,
        police=sum(1 for r in referrals if r.police_investigation),
        suspensions=sum(1 for r in referrals if r.suspended),
        dbs=sum(1 for r in referrals if r.dbs_referral),
        regulator=sum(1 for r in referrals if r.regulator_referral),
        by_sector=_tally(sectors, Counter(r.sector for r in referrals)),
        by_category=_tally(category_labels, Counter(r.category for r in referrals if r.category in allegation_codes)),
        closed=len(closed),
        by_outcome=outcome_rows,
        by_band=_tally(band_labels(scales), bands),
        in_time=sum(1 for r in timed if _referred_in_time(r, referral_rule)),
        timed=len(timed),
        targets=targets,
        with_learning=len(learned),
        learning_by_category=_tally(category_labels, Counter(r.category for r in learned)),
    )


def change_percent(now: int, before: int) -> int | None:
    """The change from ``before`` to ``now`` as a whole percentage (a half rounded away from
    nought): None when there was nothing before."""
    if not before:
        return None
    exact = Decimal(100 * (now - before)) / Decimal(before)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --- showing ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    label: str
    shown: Shown
    code: str = ""
    expected: int | None = None
    below_expectation: bool = False


@dataclass(frozen=True)
class FigureTable:
    heading: str
    caption: str
    rows: list[Row]
    total: Shown | None
    total_label: str = ""
    counted: str = "Referrals"

    @property
    def highlighted(self) -> list[Row]:
        return [row for row in self.rows if row.below_expectation]


@dataclass(frozen=True)
class Measure:
    """A headline figure beside the year before, with the change between them."""

    key: str
    label: str
    now: Shown
    before: Shown
    change: Shown


@dataclass(frozen=True)
class Target:
    code: str
    title: str
    target_text: str
    target_percent: int | None
    met: Shown
    applicable: Shown
    percent: Shown

    @property
    def target_met(self) -> bool | None:
        """Whether the share resolved in time reached the target (None: no target, or hidden)."""
        if self.target_percent is None or self.percent.value is None:
            return None
        return self.percent.value >= self.target_percent


def shown_change(now: Shown, before: Shown) -> Shown:
    """The change as shown: hidden when either figure is, "–" when there was nothing before."""
    if now.hidden or before.hidden:
        return Shown(value=None, text=now.text if now.hidden else before.text, hidden=True)
    value = change_percent(int(now.value or 0), int(before.value or 0))
    if value is None:
        return Shown(value=None, text="–")
    return Shown(value=value, text="no change" if value == 0 else f"{value:+d}%")


def _flagged(count: int, cell: Shown, expected: int | None, rule: DisclosureRule | None) -> bool:
    """A sector is highlighted when it had fewer referrals than expected. Beside a hidden count
    the highlight is shown only when it still leaves more than one count possible, so that it
    never gives the hidden count away (an expectation of 2 beside "fewer than 6" would say 1)."""
    if expected is None or count >= expected:
        return False
    if rule is None or not cell.hidden:
        return True
    lowest = 0 if rule.hide_zero else 1
    return min(expected, rule.threshold) - lowest >= 2


@dataclass(frozen=True)
class AllegationFigures:
    """The year's figures as the reader may see them."""

    year: str
    previous_year: str
    unsuppressed: bool
    rule: DisclosureRule
    measures: list[Measure]
    tables: list[FigureTable]
    targets: list[Target]
    referred_in_time: Shown
    timed: Shown
    counts: Counts = field(repr=False)
    previous: Counts = field(repr=False)

    def measure(self, key: str) -> Measure:
        return next(m for m in self.measures if m.key == key)

    def table(self, heading: str) -> FigureTable:
        return next(t for t in self.tables if t.heading == heading)

    @property
    def referrals(self) -> Measure:
        return self.measure("referrals")

    @property
    def first_half(self) -> Measure:
        return self.measure("first_half")

    @property
    def below_expectation(self) -> list[Row]:
        return self.table(SECTOR).highlighted

    @property
    def measures_caption(self) -> str:
        return f"Referrals, meetings and actions, {self.year} against {self.previous_year}"

    def _measures(self, *keys: str) -> list[Measure]:
        return [self.measure(key) for key in keys]

    @property
    def comparison_measures(self) -> list[Measure]:
        return self._measures("referrals", "first_half", "low_level_concerns")

    @property
    def handling_measures(self) -> list[Measure]:
        return self._measures("joint_evaluations", "police", "suspensions")

    @property
    def onward_measures(self) -> list[Measure]:
        return self._measures("dbs", "regulator")

    halves = property(lambda self: self.table(HALF))
    months = property(lambda self: self.table(MONTH))
    sectors = property(lambda self: self.table(SECTOR))
    categories = property(lambda self: self.table(CATEGORY))
    outcomes = property(lambda self: self.table(OUTCOME))
    bands = property(lambda self: self.table(BAND))
    learning = property(lambda self: self.table(LEARNING))

    @property
    def summary(self) -> list[str]:
        """The year's comparisons in sentences, as the officer's report and the board's read them."""
        return summary_sentences(self)


def show(
    counts: Counts, previous: Counts, *, rule: DisclosureRule | None, expectations: dict[str, int]
) -> tuple[list[Measure], list[FigureTable], list[Target], Shown, Shown]:
    """The year's figures as shown: every count suppressed by ``rule`` (None: as counted)."""

    def one(n: int) -> Shown:
        return shown_count(n) if rule is None else suppress_count(n, rule)

    def cells(numbers: list[int], total: int) -> tuple[list[Shown], Shown]:
        if rule is None:
            return [shown_count(n) for n in numbers], shown_count(total)
        return suppress_table(numbers, rule, total=total)

    def tabled(heading, caption, rows, total, total_label, expected=None, counted="Referrals") -> FigureTable:
        numbers = [row[-1] for row in rows]
        shown_cells, shown_total = cells(numbers, total)
        built = []
        for row, cell in zip(rows, shown_cells, strict=True):
            code, label = (row[0], row[1]) if len(row) == 3 else ("", row[0])
            wanted = expected.get(code) if expected is not None else None
            built.append(
                Row(
                    label=label,
                    shown=cell,
                    code=code,
                    expected=wanted,
                    below_expectation=_flagged(row[-1], cell, wanted, rule),
                )
            )
        return FigureTable(
            heading=heading,
            caption=f"{caption}, {counts.year}",
            rows=built,
            total=shown_total,
            total_label=total_label,
            counted=counted,
        )

    halves = tabled(HALF, "Referrals by half-year", counts.by_half, counts.referrals, "All referrals")
    first_half = halves.rows[0].shown
    pairs = [
        ("referrals", "Referrals (allegations)", counts.referrals, previous.referrals),
        ("joint_evaluations", "Joint evaluation meetings", counts.joint_evaluations, previous.joint_evaluations),
        ("police", "Police investigations", counts.police, previous.police),
        ("suspensions", "Suspensions", counts.suspensions, previous.suspensions),
        ("dbs", "Referrals to the Disclosure and Barring Service", counts.dbs, previous.dbs),
        ("regulator", "Referrals to a regulator", counts.regulator, previous.regulator),
        ("low_level_concerns", "Low-level concerns (not counted as referrals)", counts.low_level_concerns,
         previous.low_level_concerns),
    ]  # fmt: skip
    measures = [
        Measure(key=key, label=label, now=one(now), before=one(before), change=shown_change(one(now), one(before)))
        for key, label, now, before in pairs
    ]
    before_whole = one(previous.referrals)
    measures.insert(
        1,
        Measure(
            key="first_half",
            label=f"Referrals in {half_labels(counts.year)[0]}, against the whole of {previous.year}",
            now=first_half,
            before=before_whole,
            change=shown_change(first_half, before_whole),
        ),
    )
    tables = [
        halves,
        tabled(MONTH, "Referrals by month", counts.by_month, counts.referrals, "All referrals"),
        tabled(
            SECTOR,
            "Referrals by the employer's sector",
            counts.by_sector,
            counts.referrals,
            "All referrals",
            expected=expectations,
        ),
        tabled(CATEGORY, "Referrals by category", counts.by_category, counts.referrals, "All referrals"),
        tabled(
            OUTCOME,
            "Closed allegations by outcome",
            counts.by_outcome,
            counts.closed,
            "All closed allegations",
            counted="Closed allegations",
        ),
        tabled(
            BAND,
            "Closed allegations by time to resolution",
            counts.by_band,
            counts.closed,
            "All closed allegations",
            counted="Closed allegations",
        ),
        tabled(
            LEARNING,
            "Closed allegations with learning for the employer, by category",
            counts.learning_by_category,
            counts.with_learning,
            "All with learning recorded",
            counted="Closed allegations",
        ),
    ]
    targets = []
    for target in counts.targets:
        met, applicable = one(target.met), one(target.applicable)
        targets.append(
            Target(
                code=target.timescale.code,
                title=target.timescale.title,
                target_text=target.timescale.target_text,
                target_percent=target.timescale.target_percent,
                met=met,
                applicable=applicable,
                percent=suppress_percent(met, applicable),
            )
        )
    in_time, timed = one(counts.in_time), one(counts.timed)
    return measures, tables, targets, suppress_percent(in_time, timed), timed


def _sentence_change(measure: Measure, what: str, before_year: str) -> str:
    if measure.now.hidden or measure.before.hidden or measure.change.value is None:
        return ""
    now, before = measure.now.value, measure.before.value
    if now == before:
        return f"{what} were the same as in {before_year} ({now})."
    direction = "rose" if now > before else "fell"
    sentence = f"{what} {direction} from {before} in {before_year} to {now} ({measure.change.text})"
    if now > 2 * before:
        sentence += ", more than double"
    elif now == 2 * before:
        sentence += ", double"
    return sentence + "."


def summary_sentences(figures: AllegationFigures) -> list[str]:
    """The comparisons with the year before in words; nothing about a hidden figure."""
    sentences = []
    referrals, first = figures.referrals, figures.first_half
    if not referrals.now.hidden:
        plural = "" if referrals.now.value == 1 else "s"
        sentences.append(f"In {figures.year} the designated officer received {referrals.now.text} referral{plural}.")
    if first.change.value is not None:
        more = "more" if first.change.value >= 0 else "fewer"
        sentences.append(
            f"The first six months of {figures.year} ({first.now.text} referrals) saw {abs(first.change.value)}% "
            f"{more} referrals than the whole of {figures.previous_year} ({first.before.text})."
        )
    for key, what in [
        ("referrals", "Referrals over the whole year"),
        ("joint_evaluations", "Joint evaluation meetings"),
        ("police", "Police investigations"),
        ("suspensions", "Suspensions"),
    ]:
        if text := _sentence_change(figures.measure(key), what, figures.previous_year):
            sentences.append(text)
    below = [row.label for row in figures.below_expectation]
    if below:
        sentences.append(f"Fewer referrals than the partnership expects came from: {', '.join(below)}.")
    return sentences


# --- the selectors ---------------------------------------------------------------------------------


def expectations_of(*, partnership) -> dict[str, int]:
    """The partnership's expected referrals a year by sector code. Not about any case: read by
    everyone who sees the figures."""
    return dict(SectorExpectation.objects.filter(partnership=partnership).values_list("sector", "expected_per_year"))


def figures_for_year(*, user, partnership, year: str, suppressed: bool | None = None) -> AllegationFigures | None:
    """The figures of ``year`` ("2014-15") beside the year before, as the user may see them; None
    when the user may not view the figures. ``suppressed=True`` suppresses even for the officer
    (a published report)."""
    if not can_view_figures(user=user, partnership=partnership):
        return None
    unsuppressed = sees_unsuppressed(user=user, partnership=partnership) and not suppressed
    rule = disclosure_rule(partnership)
    counts = year_counts(partnership=partnership, year=year)
    previous = year_counts(partnership=partnership, year=previous_year(year))
    measures, tables, targets, in_time, timed = show(
        counts, previous, rule=None if unsuppressed else rule, expectations=expectations_of(partnership=partnership)
    )
    return AllegationFigures(
        year=year,
        previous_year=previous.year,
        unsuppressed=unsuppressed,
        rule=rule,
        measures=measures,
        tables=tables,
        targets=targets,
        referred_in_time=in_time,
        timed=timed,
        counts=counts,
        previous=previous,
    )


def figure_years(*, partnership, today: dt.date) -> list[str]:
    """The financial years the partnership has referrals in, newest first, with the current one."""
    years = {financial_year_of(today)}
    referred = Referral.objects.filter(Referral.COUNTED, partnership=partnership).values_list(
        "date_referred", flat=True
    )
    years |= {financial_year_of(day) for day in referred.distinct()}
    return sorted(years, reverse=True)


def reporting_year(*, partnership, today: dt.date) -> str:
    """The year the figures open on: the year just ended, which the officer reports on, unless it
    holds no referral; then the latest year that does (a service new to Assure, or the demo)."""
    just_ended = previous_year(financial_year_of(today))
    start, _ = financial_year_bounds(just_ended)
    counted = Referral.objects.filter(Referral.COUNTED, partnership=partnership)
    if counted.filter(date_referred__gte=start).exists():
        return just_ended
    latest = counted.order_by("-date_referred").values_list("date_referred", flat=True).first()
    return financial_year_of(latest) if latest else just_ended
