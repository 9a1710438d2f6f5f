"""The multi-agency training figures of a reporting year (April to March, "2014-15"), with the year
before, as the figures page, its downloads, the annual report's blocks and the computed indicators
all read them. The counting rules, written once here:

- **Sessions** are the scheduled (not cancelled) sessions of multi-agency courses
  (``Course.is_multi_agency``) starting in the year, neither conferences nor their workshops; a
  session to come counts once it has started, so the figure is of training delivered (the daily
  count of the computed indicators picks it up that day).
- **Delegates** are the bookings marked attended on those sessions, plus the e-learning
  completions in the year (each completion of a module counts as one delegate).
- **Conference delegates** are the bookings marked attended at the partnership's conferences
  (not their workshops) held in the year; they are counted apart, never among the delegates.
- **By agency and sector, by level and by business plan priority**, the delegates are counted by
  the agency (or other organisation) recorded on the booking or the completion, the course's
  training level, and the business plan priority the course is linked to. A course counts under a
  priority only when it is linked to it: nothing is guessed from a course's title.
- **Evaluations**: the return rates and the confidence before and after are those of the
  evaluations' own selectors (``selectors/evaluations.py``), averaged over the courses' outcomes.
- **Single-agency training returns** are the agencies' returns for the year submitted, out of the
  agencies taking part in the partnership.

Delegate counts name nobody, so they are shown as they are (no small-numbers rule applies)."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone

from assure.library.selectors import current_items
from assure.partnerships.models import Agency, PartnershipAgency
from assure.partnerships.years import financial_year_bounds, financial_year_of
from assure.plans.models import Priority

from ..models import Booking, Course, ElearningCompletion, Session, TrainingReturn
from ..permissions import can_view_figures
from .evaluations import confidence_change, evaluation_rates

LEVEL_KIND = "training-level"
NOT_RECORDED = "Not recorded"
OTHER_ORGANISATIONS = "Other organisations"
NO_PRIORITY = "Not linked to a priority"

# The headings of the tables (a download's "Table" column and the report block name them).
AGENCY, SECTOR, LEVEL, PRIORITY = "Agency", "Sector", "Training level", "Business plan priority"

COUNTING_RULES = (
    "Sessions are the scheduled sessions of multi-agency courses starting in the year (April to March), "
    "counted once they have started, not counting conferences or their workshops; cancelled sessions never count.",
    "Delegates are the bookings marked attended on those sessions, plus the e-learning completions in the year.",
    "Conference delegates are those marked attended at the partnership's conferences in the year, counted apart "
    "from the delegates.",
    "A course counts under a business plan priority only when it is linked to that priority.",
)


def plural(count: int, word: str, many: str = "") -> str:
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def previous_year(year: str) -> str:
    start = int(year[:4]) - 1
    return f"{start}-{(start + 1) % 100:02d}"


# --- counting (every record of the partnership, whoever asks) --------------------------------------


def _bounds(year: str) -> tuple[dt.date, dt.date]:
    return financial_year_bounds(year)


def counted_sessions_q() -> Q:
    """The sessions the figures count, in any year."""
    return Q(status=Session.Status.SCHEDULED, course__is_multi_agency=True, parent__isnull=True) & ~Q(
        course__delivery__in=(Course.Delivery.CONFERENCE, Course.Delivery.ELEARNING)
    )


def conferences_q() -> Q:
    return Q(status=Session.Status.SCHEDULED, course__delivery=Course.Delivery.CONFERENCE, parent__isnull=True)


def _in_year(year: str, prefix: str = "") -> Q:
    start, end = _bounds(year)
    return Q(**{f"{prefix}starts_at__date__gte": start, f"{prefix}starts_at__date__lte": end})


def _sessions(partnership, year: str):
    """The sessions counted in the year: those that have started."""
    return Session.objects.filter(
        counted_sessions_q(), _in_year(year), partnership=partnership, starts_at__lte=timezone.now()
    )


def _attended(partnership, sessions):
    return Booking.objects.filter(partnership=partnership, session__in=sessions, attendance=Booking.Attendance.ATTENDED)


def _completions(partnership, year: str):
    start, end = _bounds(year)
    return ElearningCompletion.objects.filter(partnership=partnership, completed_on__gte=start, completed_on__lte=end)


@dataclass(frozen=True)
class YearCounts:
    """The headline figures of one year."""

    year: str
    sessions: int
    session_delegates: int
    elearning_completions: int
    elearning_modules: int
    conferences: int
    conference_delegates: int

    @property
    def delegates(self) -> int:
        return self.session_delegates + self.elearning_completions

    @property
    def is_empty(self) -> bool:
        return not (self.sessions or self.delegates or self.conferences)


def year_counts(*, partnership, year: str) -> YearCounts:
    """The year's headline figures, counted from every record of the partnership (for the
    computed indicators and for the pages, which check who asks first)."""
    sessions = _sessions(partnership, year)
    conferences = Session.objects.filter(
        conferences_q(), _in_year(year), partnership=partnership, starts_at__lte=timezone.now()
    )
    completions = _completions(partnership, year).aggregate(n=Count("pk"), modules=Count("course", distinct=True))
    return YearCounts(
        year=year,
        sessions=sessions.count(),
        session_delegates=_attended(partnership, sessions).count(),
        elearning_completions=completions["n"],
        elearning_modules=completions["modules"],
        conferences=conferences.count(),
        conference_delegates=_attended(partnership, conferences).count(),
    )


def counted_years(*, partnership) -> list[str]:
    """The years (oldest first) holding a counted session, a conference or an e-learning completion."""
    days = set(
        Session.objects.filter(
            counted_sessions_q() | conferences_q(), partnership=partnership, starts_at__lte=timezone.now()
        )
        .values_list("starts_at", flat=True)
        .distinct()
    )
    found = {financial_year_of(timezone.localtime(day).date()) for day in days}
    found |= {
        financial_year_of(day)
        for day in ElearningCompletion.objects.filter(partnership=partnership)
        .values_list("completed_on", flat=True)
        .distinct()
    }
    return sorted(found)


# --- breakdowns ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    label: str
    before: int
    now: int


@dataclass(frozen=True)
class FigureTable:
    """Delegates (sessions and e-learning) by one heading, this year and the year before."""

    caption: str
    heading: str
    rows: list[Row]

    @property
    def total_now(self) -> int:
        return sum(r.now for r in self.rows)

    @property
    def total_before(self) -> int:
        return sum(r.before for r in self.rows)


def _delegate_keys(partnership, year: str) -> list[tuple[int | None, str, str, int | None]]:
    """(agency id, other organisation, course level, course priority id) for each delegate."""
    bookings = _attended(partnership, _sessions(partnership, year)).values_list(
        "agency_id", "organisation", "session__course__level", "session__course__priority_id"
    )
    completions = _completions(partnership, year).values_list(
        "agency_id", "organisation", "course__level", "course__priority_id"
    )
    return [*bookings, *completions]


def _table(caption: str, heading: str, before: Counter, now: Counter, order: list[str]) -> FigureTable:
    labels = [label for label in order if before.get(label) or now.get(label)]
    labels += sorted((set(before) | set(now)) - set(labels))
    return FigureTable(
        caption=caption, heading=heading, rows=[Row(label, before.get(label, 0), now.get(label, 0)) for label in labels]
    )


def _breakdowns(partnership, year: str, before_year: str) -> list[FigureTable]:
    keys = {y: _delegate_keys(partnership, y) for y in (year, before_year)}
    agency_ids = {k[0] for rows in keys.values() for k in rows if k[0] is not None}
    agencies = {a.pk: a for a in Agency.objects.filter(pk__in=agency_ids).select_related("sector")}
    levels = [(i.code, i.title) for i in current_items(kind=LEVEL_KIND)]
    level_titles = dict(levels)
    priorities = list(Priority.objects.filter(partnership=partnership).order_by("position", "pk"))
    priority_titles = {p.pk: p.title for p in priorities}

    def agency_label(key) -> str:
        if key[0] is not None:
            return agencies[key[0]].name
        return key[1] or NOT_RECORDED

    def sector_label(key) -> str:
        if key[0] is not None:
            return agencies[key[0]].sector.title
        return OTHER_ORGANISATIONS if key[1] else NOT_RECORDED

    def level_label(key) -> str:
        return level_titles.get(key[2], key[2] or NOT_RECORDED)

    def priority_label(key) -> str:
        return priority_titles.get(key[3], NO_PRIORITY)

    tables = []
    for caption, heading, label, order in (
        ("Delegates by agency", AGENCY, agency_label, sorted(a.name for a in agencies.values())),
        ("Delegates by sector", SECTOR, sector_label, sorted({a.sector.title for a in agencies.values()})),
        ("Delegates by training level", LEVEL, level_label, [title for _, title in levels]),
        ("Delegates by business plan priority", PRIORITY, priority_label, [p.title for p in priorities]),
    ):
        counted = {y: Counter(label(k) for k in rows) for y, rows in keys.items()}
        tables.append(_table(caption, heading, counted[before_year], counted[year], order))
    return tables


@dataclass(frozen=True)
class Returns:
    """The agencies' single-agency training returns for the year."""

    submitted: int
    agencies: int
    workforce: int
    completions: int


def _returns(partnership, year: str) -> Returns:
    start, end = _bounds(year)
    taking_part = PartnershipAgency.objects.filter(partnership=partnership).filter(
        Q(left_on__isnull=True) | Q(left_on__gte=start)
    )
    submitted = list(
        TrainingReturn.objects.filter(partnership=partnership, year=year, status=TrainingReturn.Status.SUBMITTED)
    )
    return Returns(
        submitted=len(submitted),
        agencies=taking_part.values("agency").distinct().count(),
        workforce=sum(r.workforce or 0 for r in submitted),
        completions=sum(int(n or 0) for r in submitted for n in (r.completions or {}).values()),
    )


# --- what a reader sees ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    label: str
    before: int
    now: int

    @property
    def change(self) -> str:
        difference = self.now - self.before
        return f"{difference:+,}" if difference else "No change"


@dataclass(frozen=True)
class Evaluations:
    """The year's evaluation return rates and the mean confidence in the courses' learning outcomes
    before and after (read from the evaluations' own selectors)."""

    attended: int
    after_returned: int
    after_percent: int | None
    follow_up_sent: int
    follow_up_returned: int
    follow_up_percent: int | None
    confidence_before: Decimal | None
    confidence_after: Decimal | None


def _evaluations(partnership, year: str) -> Evaluations:
    rates = evaluation_rates(partnership=partnership, year=year)
    pairs = [
        (c["before"], c["after"])
        for c in confidence_change(partnership=partnership, year=year)
        if c["before"] is not None and c["after"] is not None
    ]

    def mean(values) -> Decimal | None:
        return (sum(values) / len(values)).quantize(Decimal("0.1")) if values else None

    return Evaluations(
        **rates,
        confidence_before=mean([b for b, _ in pairs]),
        confidence_after=mean([a for _, a in pairs]),
    )


@dataclass(frozen=True)
class TrainingFigures:
    year: str
    previous_year: str
    now: YearCounts
    before: YearCounts
    tables: list[FigureTable]
    returns: Returns
    evaluations: Evaluations | None = None
    priorities: list[Row] = field(default_factory=list)

    @property
    def measures(self) -> list[Measure]:
        n, b = self.now, self.before
        return [
            Measure("Multi-agency training sessions", b.sessions, n.sessions),
            Measure("Delegates at those sessions", b.session_delegates, n.session_delegates),
            Measure("E-learning completions", b.elearning_completions, n.elearning_completions),
            Measure("Delegates (sessions and e-learning)", b.delegates, n.delegates),
            Measure("Conference delegates", b.conference_delegates, n.conference_delegates),
        ]

    @property
    def is_empty(self) -> bool:
        return self.now.is_empty and self.before.is_empty

    @property
    def summary(self) -> list[str]:
        return summary_sentences(self)


def _reached(counts: YearCounts) -> str:
    said = plural(counts.sessions, "multi-agency training session")
    if counts.elearning_modules:
        said += f" plus {plural(counts.elearning_modules, 'e-learning module')}"
    return said


def summary_sentences(figures: TrainingFigures) -> list[str]:
    """The year in sentences, as the annual report says it."""
    now, before = figures.now, figures.before
    if now.is_empty:
        return [f"No multi-agency training was recorded in {figures.year}."]
    first = f"In {figures.year}, {_reached(now)} reached {plural(now.delegates, 'delegate')}"
    if not before.is_empty:
        first += (
            f", against {plural(before.sessions, 'session')} and {plural(before.delegates, 'delegate')} "
            f"in {figures.previous_year}"
        )
    sentences = [first + "."]
    if now.elearning_completions:
        sentences.append(
            f"The delegates include {plural(now.elearning_completions, 'e-learning completion')} "
            f"and {plural(now.session_delegates, 'delegate')} at sessions."
        )
    if now.conference_delegates:
        sentences.append(
            f"{plural(now.conference_delegates, 'delegate')} attended the partnership's "
            f"{'conference' if now.conferences == 1 else 'conferences'}, counted apart."
        )
    for row in figures.priorities:
        if row.now:
            sentences.append(
                f"{plural(row.now, 'delegate')} trained on courses for the business plan's priority “{row.label}”."
            )
    rated = figures.evaluations
    if rated is not None and rated.after_percent is not None:
        said = f"{rated.after_percent}% of delegates returned their evaluation after the course"
        if rated.follow_up_percent is not None:
            said += f" and {rated.follow_up_percent}% three months on"
        if rated.confidence_before is not None:
            said += (
                f"; their confidence in the courses' learning outcomes rose from {rated.confidence_before} "
                f"to {rated.confidence_after} out of 5 on average"
            )
        sentences.append(said + ".")
    if figures.returns.agencies:
        sentences.append(
            f"{figures.returns.submitted} of {plural(figures.returns.agencies, 'agency', 'agencies')} made their "
            f"single-agency training return for {figures.year}."
        )
    return sentences


def figures_for_year(*, user, partnership, year: str) -> TrainingFigures | None:
    """The year's figures with the year before, or None when the user may not read them."""
    if not can_view_figures(user=user, partnership=partnership):
        return None
    before_year = previous_year(year)
    tables = _breakdowns(partnership, year, before_year)
    by_priority = next(t for t in tables if t.heading == PRIORITY)
    return TrainingFigures(
        year=year,
        previous_year=before_year,
        now=year_counts(partnership=partnership, year=year),
        before=year_counts(partnership=partnership, year=before_year),
        tables=tables,
        returns=_returns(partnership, year),
        evaluations=_evaluations(partnership, year),
        priorities=[row for row in by_priority.rows if row.label != NO_PRIORITY],
    )


def figure_years(*, user, partnership, today: dt.date) -> list[str]:
    """The years to choose from, newest first: those with records and the current one."""
    if not can_view_figures(user=user, partnership=partnership):
        return []
    return sorted({*counted_years(partnership=partnership), financial_year_of(today)}, reverse=True)


def reporting_year(*, user, partnership, today: dt.date) -> str:
    """The year the page opens on: the last complete year with records, else the current year."""
    current = financial_year_of(today)
    past = [y for y in figure_years(user=user, partnership=partnership, today=today) if y < current]
    return past[0] if past else current
