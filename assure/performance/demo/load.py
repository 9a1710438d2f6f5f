"""Loads the core dataset of the demo region, through the same services people use:

1. England, the regions, every local authority and their statistical neighbours, and every DfE
   and ONS file of data/dfe imported with its shipped mapping (the benchmarks);
2. Shropshire's returns for 2013-14 and 2014-15 (and the few figures of earlier years the annual
   report gives), its agencies' figures from the report, entered, submitted and validated;
3. Shropshire's scorecard: its priorities and the indicators under them, with targets;
4. invented returns for the other three partnerships, each figure labelled as invented;
5. the current year's live work, relative to the day the demo is loaded: an open round of returns
   past its deadline with some returns overdue.

Once every app's records are written and the computed figures counted (the conference figures
come from the conferences' checklists), ``performance_demo_exceptions`` makes Shropshire's
exception report for its March 2015 board meeting, with one commentary, and the exception report
for the next board meeting, its owning agencies asked for their commentary.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from fnmatch import fnmatch

from assure.accounts.models import User
from assure.demo import people, region
from assure.library.selectors import current_items
from assure.partnerships.models import Agency, Partnership
from assure.plans.selectors import priorities_visible_to

from ..areas import DATA_DIR, areas_load
from ..imports import import_statistics
from ..models import Indicator, Period
from ..periods import period_for_year
from ..services.returns import return_assign, return_save_values, return_submit, return_validate, round_open
from ..services.setup import scorecard_line_create
from ..validation import Entry
from . import current, earlier, exceptions, invented, scorecard, shropshire


class PerformanceDemoFailed(Exception):
    """A figure of the demo was refused by the services: the demo's data needs correcting."""


@dataclass
class PerformanceDemoReport:
    publications: int = 0
    returns: int = 0
    figures: int = 0
    scorecard_lines: int = 0
    warnings: list[str] = field(default_factory=list)


# When each year's returns were asked for: the Board's scorecard for its May meeting covers the
# year just ended; 2014-15's figures came in early, provisional, for the March 2015 meeting.
ROUND_DATES = {
    shropshire.PREVIOUS_YEAR: (dt.date(2014, 4, 1), dt.date(2014, 4, 30)),
    shropshire.YEAR: (dt.date(2015, 3, 2), dt.date(2015, 3, 13)),
    **earlier.ROUND_DATES,
}


def performance_demo_load(
    *,
    partnerships: dict[str, Partnership],
    agencies: dict[str, Agency],
    users: dict[tuple[str, str], User],
    today: dt.date | None = None,
) -> PerformanceDemoReport:
    """Load the demo's core dataset into the partnerships the demo loader has just made
    (partnership slug → Partnership, agency key → Agency, (slug, e-mail local part) → User).
    Runs inside the demo's transaction: a figure the services refuse raises
    PerformanceDemoFailed and nothing is kept."""
    report = PerformanceDemoReport()
    _benchmarks(report)
    writer = _ReturnsWriter(partnerships=partnerships, agencies=agencies, users=users, report=report)
    for year in (shropshire.PREVIOUS_YEAR, shropshire.YEAR):
        writer.write(slug=region.SHROPSHIRE, year=year, figures=[_returned(f) for f in shropshire.FIGURES[year]])
    # The years before, for the tables and charts of the annual report that go back further
    # (section 136, the rate of child protection plans).
    for year in earlier.YEARS:
        writer.write(slug=region.SHROPSHIRE, year=year, figures=[_returned(f) for f in earlier.FIGURES[year]])
    _scorecard(partnerships[region.SHROPSHIRE], agencies, users[(region.SHROPSHIRE, "business-unit")], report)
    for area in invented.AREAS:
        for year in (shropshire.PREVIOUS_YEAR, shropshire.YEAR):
            writer.write(
                slug=area.slug,
                year=year,
                figures=[
                    (f.agency, f.indicator, Entry(value=f"{f.value:f}", comment=invented.INVENTED_NOTE))
                    for f in invented.invented_figures(area, year)
                ],
            )
    if today is not None:
        writer.write_current(slug=region.SHROPSHIRE, today=today)
    return report


def performance_demo_exceptions(
    *,
    partnerships: dict[str, Partnership],
    agencies: dict[str, Agency],
    users: dict[tuple[str, str], User],
    today: dt.date | None = None,
) -> int:
    """Make Shropshire's exception reports (the March 2015 meeting's, and the next meeting's when
    ``today`` is given) once the figures Assure counts from its own records are in: the conference
    figures the scorecard rates are computed from the conferences' checklists, not returned.
    Returns how many items the March 2015 report holds."""
    items = exceptions.exception_report_load(
        partnership=partnerships[region.SHROPSHIRE], agencies=agencies, users=users
    )
    if today is not None:
        exceptions.next_meeting_report_load(partnership=partnerships[region.SHROPSHIRE], users=users, today=today)
    return items


def _comment(text: str, section: str) -> str:
    """The agency's comment, then where the figure is published."""
    where = f"{shropshire.SOURCE}, {section}." if section else f"{shropshire.SOURCE}."
    return f"{text} Source: {where}" if text else f"Source: {where}"


def _returned(figure: shropshire.Figure) -> tuple[str, str, Entry]:
    """What the agency enters for one of the report's figures: the value (with the counts it is
    worked out from, where the agency gives them), or not available, and its comment."""
    entry = Entry(
        value=figure.value or "",
        numerator=figure.numerator,
        denominator=figure.denominator,
        # A figure of None is one the agency returned as not available, saying why.
        not_available=figure.value is None,
        comment=_comment(figure.comment, figure.section),
    )
    return figure.agency, figure.indicator, entry


def _benchmarks(report: PerformanceDemoReport) -> None:
    """Areas and neighbours, then every shipped statistics file with the mapping made for it."""
    areas_load()
    mappings = [(item.code, item.data["file_pattern"]) for item in current_items(kind="statistics-mapping")]
    for path in sorted(DATA_DIR.glob("*.csv")):
        for code, pattern in mappings:
            if fnmatch(path.name, pattern):
                import_statistics(path=path, mapping_code=code)
                report.publications += 1


class _ReturnsWriter:
    """Enters one partnership's returns for one year: a round, one return per agency with the
    figures asked for, each entered and submitted by the agency's lead where the demo has one
    (by the business unit on the agency's behalf otherwise) and validated by the business unit."""

    def __init__(self, *, partnerships, agencies, users, report: PerformanceDemoReport):
        self.partnerships, self.agencies, self.users, self.report = partnerships, agencies, users, report
        self.indicators = {i.code: i for i in Indicator.objects.select_related("definition")}

    def _lead(self, slug: str, agency_key: str) -> User | None:
        for spec in people.PEOPLE:
            if spec.partnership == slug and spec.role == "agency-lead" and spec.agency == agency_key:
                return self.users.get((slug, spec.local_part or spec.role))
        return None

    def write(self, *, slug: str, year: str, figures: list[tuple[str, str, Entry]]) -> None:
        """Enter ``figures`` (agency key, indicator code, what the agency enters) for ``year``."""
        partnership = self.partnerships[slug]
        business_unit = self.users[(slug, "business-unit")]
        opens_on, deadline = ROUND_DATES[year]
        period: Period = period_for_year(year)
        round_ = round_open(
            actor=business_unit, partnership=partnership, period=period, deadline=deadline, opens_on=opens_on
        )
        by_agency: dict[str, dict[str, Entry]] = defaultdict(dict)
        for agency_key, code, entry in figures:
            by_agency[agency_key][code] = entry
        for agency_key, entries in by_agency.items():
            agency = self.agencies[agency_key]
            indicators = [self.indicators[code] for code in entries]
            data_return = return_assign(actor=business_unit, round=round_, agency=agency, indicators=indicators)
            enterer = self._lead(slug, agency_key) or business_unit
            try:
                saved = return_save_values(actor=enterer, data_return=data_return, entries=entries)
                return_submit(actor=enterer, data_return=data_return)
                return_validate(actor=business_unit, data_return=data_return)
            except Exception as refused:  # noqa: BLE001 -- the message names the agency and year
                raise PerformanceDemoFailed(f"{agency} {year} in {slug}: {refused}") from refused
            self.report.returns += 1
            self.report.figures += saved.saved
            self.report.warnings += saved.warnings

    def write_current(self, *, slug: str, today: dt.date) -> None:
        """The current year's round: opened weeks ago, its deadline just passed; each return in
        the state ``current.RETURNS`` gives it, none validated yet."""
        partnership = self.partnerships[slug]
        business_unit = self.users[(slug, "business-unit")]
        round_ = round_open(
            actor=business_unit,
            partnership=partnership,
            period=period_for_year(region.current_year(today)),
            deadline=today - dt.timedelta(days=current.DEADLINE_DAYS_AGO),
            opens_on=today - dt.timedelta(days=current.OPENED_DAYS_AGO),
        )
        for spec in current.RETURNS:
            indicators = [self.indicators[code] for code in spec.figures]
            data_return = return_assign(
                actor=business_unit, round=round_, agency=self.agencies[spec.agency], indicators=indicators
            )
            if spec.state == "not_started":
                continue
            enterer = self._lead(slug, spec.agency) or business_unit
            entries = {code: _current_entry(value) for code, value in spec.figures.items() if value}
            try:
                return_save_values(actor=enterer, data_return=data_return, entries=entries)
                if spec.state == "submitted":
                    return_submit(actor=enterer, data_return=data_return)
            except Exception as refused:  # noqa: BLE001 -- the message names the agency
                raise PerformanceDemoFailed(f"{spec.agency} current year in {slug}: {refused}") from refused


def _current_entry(value: str) -> Entry:
    return Entry(value=value, comment=current.NOTE)


def _scorecard(partnership: Partnership, agencies, business_unit: User, report: PerformanceDemoReport) -> None:
    indicators = {i.code: i for i in Indicator.objects.select_related("definition")}
    # The priorities are the business plan's, written before this loader runs.
    priorities = {p.title: p for p in priorities_visible_to(user=business_unit, partnership=partnership)}
    for spec in scorecard.PRIORITIES:
        priority = priorities.get(spec.title)
        if priority is None:
            raise PerformanceDemoFailed(f"The business plan has no priority {spec.title} for the scorecard.")
        for line in spec.lines:
            scorecard_line_create(
                actor=business_unit,
                partnership=partnership,
                priority=priority,
                indicator=indicators[line.indicator],
                target=Decimal(line.target) if line.target is not None else None,
                tolerance=Decimal(line.tolerance) if line.tolerance is not None else None,
                owner_agency=agencies[line.owner],
            )
            report.scorecard_lines += 1
