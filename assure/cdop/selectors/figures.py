"""The panel's figures for a financial year: meetings held, deaths notified, reviews completed by
age band, category, expected or not and modifiable factors, and the time reviews took.

Two columns side by side: the partnership's own children (``ChildDeath.partnership``) and the
joint panel's (every death the panel reviews). Deaths count by ``date_of_death`` in the year,
reviews by ``reviewed_on``. A death passed on to another panel counts only as passed on; drafts
and duplicates never count. Every figure about children is suppressed by the library's
small-numbers rule (assure/core/suppression.py) unless the reader may read the cases themselves
(``sees_unsuppressed``); the count of meetings is not about children and is always shown. A
partnership that has joined no panel gets nothing at all (None)."""

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet

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
from assure.library.selectors import current_items
from assure.partnerships.models import Meeting
from assure.partnerships.years import financial_year_bounds, financial_year_of

from ..models import ChildDeath, Panel
from ..permissions import can_view_figures, sees_unsuppressed
from .panels import panels_of

SIX_MONTHS = 6


# --- counting (pure, about records the caller chose) ----------------------------------------------


def age_in_years(born: dt.date, died: dt.date) -> int:
    return died.year - born.year - ((died.month, died.day) < (born.month, born.day))


def age_band_of(death: ChildDeath, bands: Iterable) -> str:
    """The code of the library's cdop-age-band the child's age at death falls in ("" if none)."""
    days = (death.date_of_death - death.date_of_birth).days
    years = age_in_years(death.date_of_birth, death.date_of_death)
    for band in bands:
        age = days if band.data.get("unit") == "days" else years
        if band.data.get("unit") == "years" and days < 365:
            continue
        if int(band.data.get("start", 0)) <= age <= int(band.data.get("end", 0)):
            return band.code
    return ""


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def days_to_review(death: ChildDeath) -> int:
    """Days from the death to the panel's review, less the days the review was paused."""
    return (death.reviewed_on - death.date_of_death).days - (death.days_paused or 0)


def within_six_months(death: ChildDeath) -> bool:
    deadline = add_months(death.date_of_death, SIX_MONTHS) + dt.timedelta(days=death.days_paused or 0)
    return death.reviewed_on <= deadline


@dataclass(frozen=True)
class Counts:
    """The raw figures of one column, before suppression."""

    meetings: int
    notified: int
    reviewed: int
    passed_on: int
    by_age: list[tuple[str, int]]
    by_category: list[tuple[str, int]]
    by_expected: list[tuple[str, int]]
    by_modifiable: list[tuple[str, int]]
    days: list[int]
    within_six_months: int


def _tally(labels: list[tuple[str, str]], found: Counter) -> list[tuple[str, int]]:
    return [(title, found.get(code, 0)) for code, title in labels]


def count_deaths(*, notified: QuerySet, reviewed: QuerySet, passed_on: QuerySet, meetings: int) -> Counts:
    """The figures of one column from the deaths notified and reviewed in the year."""
    reviews = list(reviewed.select_related("category"))
    bands = list(current_items(kind="cdop-age-band"))
    categories = list(current_items(kind="cdop-category"))
    ages = Counter(age_band_of(d, bands) for d in reviews)
    kinds = Counter(d.category.code if d.category_id else "" for d in reviews)
    expected = Counter(d.expected for d in reviews)
    modifiable = Counter(d.modifiable for d in reviews)
    return Counts(
        meetings=meetings,
        notified=notified.count(),
        reviewed=len(reviews),
        passed_on=passed_on.count(),
        by_age=_tally([(b.code, b.title) for b in bands], ages),
        by_category=_tally([(c.code, c.title) for c in categories], kinds),
        by_expected=_tally(list(ChildDeath.Expected.choices), expected),
        by_modifiable=_tally(list(ChildDeath.Modifiable.choices), modifiable),
        days=[days_to_review(d) for d in reviews],
        within_six_months=sum(1 for d in reviews if within_six_months(d)),
    )


# --- showing ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureTable:
    caption: str
    heading: str
    rows: list[tuple[str, Shown]]
    total: Shown | None


@dataclass(frozen=True)
class Column:
    """One column of figures as the reader may see them."""

    title: str
    meetings: Shown
    notified: Shown
    reviewed: Shown
    passed_on: Shown
    tables: list[FigureTable]
    median_days: Shown
    within_six_months: Shown
    counts: Counts = field(repr=False)

    def table(self, heading: str) -> FigureTable:
        return next(t for t in self.tables if t.heading == heading)


AGE, CATEGORY, EXPECTED, MODIFIABLE = "Age band", "Category of death", "Expected or unexpected", "Modifiable factors"


def show(counts: Counts, *, title: str, year: str, rule: DisclosureRule | None) -> Column:
    """The column as shown: every count about children suppressed by ``rule`` (None: as counted)."""

    def one(n: int) -> Shown:
        return shown_count(n) if rule is None else suppress_count(n, rule)

    def tabled(heading: str, caption: str, rows: list[tuple[str, int]]) -> FigureTable:
        numbers = [n for _, n in rows]
        if rule is None:
            cells, total = [shown_count(n) for n in numbers], shown_count(counts.reviewed)
        else:
            cells, total = suppress_table(numbers, rule, total=counts.reviewed)
        return FigureTable(
            caption=f"{caption} ({title}), {year}",
            heading=heading,
            rows=[(label, cell) for (label, _), cell in zip(rows, cells, strict=True)],
            total=total,
        )

    reviewed = one(counts.reviewed)
    if reviewed.hidden or not counts.days:
        median = Shown(value=None, text=reviewed.text if reviewed.hidden else "–", hidden=reviewed.hidden)
    else:
        days = int(statistics.median(counts.days))
        median = Shown(value=days, text=f"{days} days")
    within = one(counts.within_six_months)
    return Column(
        title=title,
        meetings=shown_count(counts.meetings),
        notified=one(counts.notified),
        reviewed=reviewed,
        passed_on=one(counts.passed_on),
        tables=[
            tabled(AGE, "Reviews completed by age band", counts.by_age),
            tabled(CATEGORY, "Reviews completed by category of death", counts.by_category),
            tabled(EXPECTED, "Reviews completed of expected and unexpected deaths", counts.by_expected),
            tabled(MODIFIABLE, "Reviews completed by modifiable factors", counts.by_modifiable),
        ],
        median_days=median,
        within_six_months=suppress_percent(within, reviewed) if rule else percent_of(*_pair(counts)),
        counts=counts,
    )


def _pair(counts: Counts) -> tuple[int, int]:
    return counts.within_six_months, counts.reviewed


# --- the selectors ---------------------------------------------------------------------------------


def panel_of(*, partnership) -> Panel | None:
    """The panel the partnership has joined (the first, should it have joined more)."""
    return panels_of(partnership=partnership).select_related("subgroup", "host").order_by("pk").first()


def year_deaths(*, panel: Panel, year: str, partnership=None) -> dict:
    """The querysets one column counts: the panel's (or the partnership's own children's within
    it) deaths notified, reviewed and passed on in the financial year."""
    start, end = financial_year_bounds(year)
    deaths = ChildDeath.objects.filter(panel=panel)
    recorded = ChildDeath.objects.filter(recorded_by=panel)
    if partnership is not None:
        deaths = deaths.filter(partnership=partnership)
        recorded = recorded.filter(partnership=partnership)
    return {
        "notified": deaths.filter(ChildDeath.REVIEWABLE, date_of_death__range=(start, end)),
        "reviewed": deaths.filter(status=ChildDeath.Status.REVIEWED, reviewed_on__range=(start, end)),
        "passed_on": recorded.filter(status=ChildDeath.Status.PASSED_ON, date_of_death__range=(start, end)),
    }


def meetings_held(*, panel: Panel, year: str) -> int:
    start, end = financial_year_bounds(year)
    if panel.subgroup_id is None:
        return 0
    return Meeting.objects.filter(subgroup_id=panel.subgroup_id, held_on__range=(start, end)).count()


def year_counts(*, panel: Panel, year: str, partnership=None) -> Counts:
    """The raw figures of the panel (or of the partnership's own children) for the year. Reads
    every record, whoever asks: callers show them only through ``show``."""
    return count_deaths(
        **year_deaths(panel=panel, year=year, partnership=partnership), meetings=meetings_held(panel=panel, year=year)
    )


@dataclass(frozen=True)
class PanelFigures:
    panel: Panel
    year: str
    own: Column
    joint: Column
    unsuppressed: bool
    rule: DisclosureRule

    @property
    def pairs(self) -> list[dict]:
        """Each table with both columns side by side, for the page."""
        return [
            {
                "heading": mine.heading,
                "rows": [(label, a, b) for (label, a), (_, b) in zip(mine.rows, theirs.rows, strict=True)],
                "own_total": mine.total,
                "joint_total": theirs.total,
            }
            for mine, theirs in zip(self.own.tables, self.joint.tables, strict=True)
        ]


def panel_figures(*, user, partnership, year: str, suppressed: bool | None = None) -> PanelFigures | None:
    """The figures of the partnership's panel for ``year`` ("2014-15") as the user may see them;
    None when the user may not view figures or the partnership has joined no panel.
    ``suppressed=True`` suppresses even for those who may read the cases (a published report)."""
    if not can_view_figures(user=user, partnership=partnership):
        return None
    panel = panel_of(partnership=partnership)
    if panel is None:
        return None
    unsuppressed = sees_unsuppressed(user=user, partnership=partnership) and not suppressed
    rule = disclosure_rule(partnership)
    applied = None if unsuppressed else rule
    return PanelFigures(
        panel=panel,
        year=year,
        own=show(
            year_counts(panel=panel, year=year, partnership=partnership),
            title=f"{partnership.name}'s children",
            year=year,
            rule=applied,
        ),
        joint=show(year_counts(panel=panel, year=year), title="The whole panel", year=year, rule=applied),
        unsuppressed=unsuppressed,
        rule=rule,
    )


def figure_years(*, partnership, today: dt.date) -> list[str]:
    """The financial years the panel has deaths in, newest first, with the current one."""
    panel = panel_of(partnership=partnership)
    years = {financial_year_of(today)}
    if panel is not None:
        for died, reviewed in ChildDeath.objects.filter(panel=panel).values_list("date_of_death", "reviewed_on"):
            years.add(financial_year_of(died))
            if reviewed:
                years.add(financial_year_of(reviewed))
    return sorted(years, reverse=True)


def reporting_year(*, partnership, today: dt.date) -> str:
    """The year the figures open on: the year just ended, which the panel reports on, unless the
    panel completed no review in it; then the latest year it completed one in (a panel new to
    Assure, or a demo, whose reviews are older)."""
    just_ended = financial_year_of(today.replace(year=today.year - 1))
    panel = panel_of(partnership=partnership)
    if panel is None:
        return just_ended
    start, _ = financial_year_bounds(just_ended)
    reviewed = ChildDeath.objects.filter(panel=panel, status=ChildDeath.Status.REVIEWED, reviewed_on__isnull=False)
    if reviewed.filter(reviewed_on__gte=start).exists():
        return just_ended
    latest = reviewed.order_by("-reviewed_on").values_list("reviewed_on", flat=True).first()
    return financial_year_of(latest) if latest else just_ended


def figure_rows(figures: PanelFigures) -> tuple[list[str], list[list[str]]]:
    """The figures as one table for a download: measure, item, own, joint (as shown)."""
    own, joint = figures.own, figures.joint
    headers = ["Year", "Measure", "Item", own.title, joint.title]
    rows = [
        [figures.year, "Panel meetings held", "", own.meetings.text, joint.meetings.text],
        [figures.year, "Deaths notified", "", own.notified.text, joint.notified.text],
        [figures.year, "Reviews completed", "", own.reviewed.text, joint.reviewed.text],
        [figures.year, "Passed to another panel", "", own.passed_on.text, joint.passed_on.text],
        [figures.year, "Median days to review", "", own.median_days.text, joint.median_days.text],
        [figures.year, "Reviewed within six months", "", own.within_six_months.text, joint.within_six_months.text],
    ]
    for mine, theirs in zip(own.tables, joint.tables, strict=True):
        for (label, a), (_, b) in zip(mine.rows, theirs.rows, strict=True):
            rows.append([figures.year, mine.heading, label, a.text, b.text])
    return headers, rows


# --- the panel's annual report ---------------------------------------------------------------------


@dataclass(frozen=True)
class PanelReport:
    figures: PanelFigures
    meetings: list[dt.date]
    recommendations: list[str]
    themes: FigureTable


def panel_report(*, user, partnership, year: str) -> PanelReport | None:
    """The panel's annual report for ``year``: its meetings, the joint figures, the titles of the
    actions raised from the deaths it reviewed (never a child's details) and the domains its
    modifiable factors were found in. Suppressed for everyone outside the panel."""
    from django.contrib.contenttypes.models import ContentType

    from assure.actions.models import Action

    from ..models import Factor

    figures = panel_figures(user=user, partnership=partnership, year=year)
    if figures is None:
        return None
    panel = figures.panel
    start, end = financial_year_bounds(year)
    meetings = []
    if panel.subgroup_id:
        meetings = list(
            Meeting.objects.filter(subgroup_id=panel.subgroup_id, held_on__range=(start, end))
            .order_by("held_on")
            .values_list("held_on", flat=True)
        )
    reviewed = year_deaths(panel=panel, year=year)["reviewed"]
    ids = [str(pk) for pk in reviewed.values_list("pk", flat=True)]
    titles = (
        Action.objects.filter(source_type=ContentType.objects.get_for_model(ChildDeath), source_id__in=ids)
        .exclude(status=Action.Status.CANCELLED)
        .order_by("title")
        .values_list("title", flat=True)
    )
    domains = list(current_items(kind="cdop-domain"))
    # A domain counts once per death, however many factors the panel found in it.
    found = Counter(
        domain
        for domain, _ in set(Factor.objects.filter(death__in=reviewed, modifiable=True).values_list("domain", "death"))
    )
    counts = [found.get(d.code, 0) for d in domains]
    if figures.unsuppressed:
        cells = [shown_count(n) for n in counts]
    else:
        cells, _ = suppress_table(counts, figures.rule)
    themes = FigureTable(
        caption=f"Modifiable factors found by domain, the whole panel, {year}",
        heading="Domain",
        rows=[(d.title, c) for d, c in zip(domains, cells, strict=True)],
        total=None,
    )
    return PanelReport(figures=figures, meetings=meetings, recommendations=list(dict.fromkeys(titles)), themes=themes)
