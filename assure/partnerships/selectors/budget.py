"""Reads of the partnership's budget: contributions and expenditure by financial year, and for
each expenditure line its variance from the plan and its forecast for the year.

**The forecast** of a line is what it is expected to cost by 31 March:

- the forecast the business unit recorded on the line, when it recorded one;
- otherwise, in the current year, the spending so far projected to the year's end from the months
  elapsed (spent ÷ months of the year begun, counting the current month, × 12): £3,000 spent by
  the end of June (month 3) forecasts £12,000;
- once the year has ended, what was spent (the outturn); before it begins, the planned amount.

**The variance** of a line is what was spent less what was planned, as an amount and as a
percentage of the plan, "over" when more was spent and "under" when less.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet
from django.utils import timezone

from ..models import Contribution, Expenditure, Partnership
from ..permissions import can_view
from ..years import current_financial_year, financial_year_bounds

PENCE = Decimal("0.01")


def contributions_of(*, user, partnership: Partnership, year: str | None = None) -> QuerySet[Contribution]:
    """The partnership's contributions, largest first (of one financial year if given)."""
    if not can_view(user=user, partnership=partnership):
        return Contribution.objects.none()
    contributions = Contribution.objects.filter(partnership=partnership).select_related("agency")
    if year:
        contributions = contributions.filter(year=year)
    return contributions.order_by("year", "-amount", "pk")


def expenditure_of(*, user, partnership: Partnership, year: str | None = None) -> QuerySet[Expenditure]:
    """The partnership's expenditure lines, largest first (of one financial year if given)."""
    if not can_view(user=user, partnership=partnership):
        return Expenditure.objects.none()
    expenditure = Expenditure.objects.filter(partnership=partnership)
    if year:
        expenditure = expenditure.filter(year=year)
    return expenditure.order_by("year", "-amount", "pk")


def budget_years(*, user, partnership: Partnership, include_current: bool = True) -> list[str]:
    """Financial years with budget lines (and, unless told otherwise, the current one), newest
    first."""
    years = {current_financial_year()} if include_current else set()
    years |= set(contributions_of(user=user, partnership=partnership).values_list("year", flat=True))
    years |= set(expenditure_of(user=user, partnership=partnership).values_list("year", flat=True))
    return sorted(years, reverse=True)


@dataclass(frozen=True)
class BudgetLine:
    pk: int
    label: str
    amount: Decimal
    note: str


class Forecast:
    """How a line's forecast for the year was reached, in words the page and the export share."""

    RECORDED = "Recorded by the business unit"
    OUTTURN = "Year ended: what was spent"
    NOT_BEGUN = "Year not begun: the plan"

    @staticmethod
    def projected(months: int) -> str:
        return f"Projected from {months} month{'s' if months != 1 else ''} of spending"


def months_elapsed(year: str, today: dt.date) -> int:
    """Months of the financial year begun by ``today``, counting the current one: 0 before it
    begins, 1 in April, 12 in March and after the year has ended."""
    start, end = financial_year_bounds(year)
    if today < start:
        return 0
    if today > end:
        return 12
    return (today.year - start.year) * 12 + today.month - start.month + 1


@dataclass(frozen=True)
class Variance:
    """A difference from the plan: ``amount`` positive when over it, ``percent`` of the plan
    (None when nothing was planned, so no percentage can be taken)."""

    amount: Decimal
    percent: Decimal | None

    @classmethod
    def between(cls, actual: Decimal, planned: Decimal | None) -> "Variance | None":
        if planned is None:
            return None
        amount = actual - planned
        percent = (amount * 100 / planned).quantize(Decimal("0.1"), ROUND_HALF_UP) if planned else None
        return cls(amount=amount, percent=percent)

    @property
    def direction(self) -> str:
        """ "over", "under" or "on plan": said in words, never by colour alone."""
        return "over" if self.amount > 0 else "under" if self.amount < 0 else "on plan"

    @property
    def text(self) -> str:
        """ "£1,200.00 over (12.0%)", "£300.00 under (3.0%)" or "On plan"."""
        if not self.amount:
            return "On plan"
        words = f"£{abs(self.amount):,.2f} {self.direction}"
        return f"{words} ({abs(self.percent)}%)" if self.percent is not None else words


@dataclass(frozen=True)
class ExpenditureLine(BudgetLine):
    """An expenditure line: ``amount`` is what has been spent so far."""

    planned: Decimal | None = None
    forecast: Decimal = Decimal("0.00")
    forecast_basis: str = ""

    @property
    def variance(self) -> Variance | None:
        """Spent against planned (None when nothing was planned)."""
        return Variance.between(self.amount, self.planned)

    @property
    def forecast_variance(self) -> Variance | None:
        """The forecast for the year against the plan."""
        return Variance.between(self.forecast, self.planned)


def _forecast(line: Expenditure, year: str, today: dt.date) -> tuple[Decimal, str]:
    if line.forecast is not None:
        return line.forecast, Forecast.RECORDED
    months = months_elapsed(year, today)
    if months == 0:
        return (line.planned if line.planned is not None else line.amount), Forecast.NOT_BEGUN
    if months == 12:
        return line.amount, Forecast.OUTTURN
    return (line.amount * 12 / months).quantize(PENCE, ROUND_HALF_UP), Forecast.projected(months)


@dataclass(frozen=True)
class Budget:
    year: str
    contributions: list[BudgetLine] = field(default_factory=list)
    expenditure: list[ExpenditureLine] = field(default_factory=list)

    @property
    def total_planned(self) -> Decimal | None:
        """The plan of every line that has one (None when no line has)."""
        planned = [line.planned for line in self.expenditure if line.planned is not None]
        return sum(planned, Decimal("0.00")) if planned else None

    @property
    def total_forecast(self) -> Decimal:
        return sum((line.forecast for line in self.expenditure), Decimal("0.00"))

    @property
    def total_variance(self) -> Variance | None:
        """Spent against planned over the lines that have a plan."""
        planned = [line for line in self.expenditure if line.planned is not None]
        if not planned:
            return None
        return Variance.between(sum((line.amount for line in planned), Decimal("0.00")), self.total_planned)

    @property
    def total_forecast_variance(self) -> Variance | None:
        planned = [line for line in self.expenditure if line.planned is not None]
        if not planned:
            return None
        return Variance.between(sum((line.forecast for line in planned), Decimal("0.00")), self.total_planned)

    @property
    def contributions_by_contributor(self) -> list[tuple[str, Decimal]]:
        """Each contributor once, with the sum of its contributions, largest first (as an annual
        report's appendix lists them)."""
        totals: dict[str, Decimal] = {}
        for line in self.contributions:
            totals[line.label] = totals.get(line.label, Decimal("0.00")) + line.amount
        return sorted(totals.items(), key=lambda item: (-item[1], item[0]))

    @property
    def total_contributions(self) -> Decimal:
        return sum((line.amount for line in self.contributions), Decimal("0.00"))

    @property
    def total_expenditure(self) -> Decimal:
        return sum((line.amount for line in self.expenditure), Decimal("0.00"))

    @property
    def balance(self) -> Decimal:
        """Contributions less expenditure: positive is an underspend carried forward."""
        return self.total_contributions - self.total_expenditure


def budget_for_year(*, user, partnership: Partnership, year: str, today: dt.date | None = None) -> Budget:
    """The budget of one financial year: contributions by contributor and expenditure lines
    (largest first), their totals and the balance, and each expenditure line's plan, variance and
    forecast for the year as of ``today`` (the module's docstring says how it is reached)."""
    today = today or timezone.localdate()
    expenditure = []
    for e in expenditure_of(user=user, partnership=partnership, year=year):
        forecast, basis = _forecast(e, year, today)
        expenditure.append(
            ExpenditureLine(e.pk, e.line, e.amount, e.note, planned=e.planned, forecast=forecast, forecast_basis=basis)
        )
    return Budget(
        year=year,
        contributions=[
            BudgetLine(c.pk, c.contributor, c.amount, c.note)
            for c in contributions_of(user=user, partnership=partnership, year=year)
        ],
        expenditure=expenditure,
    )
