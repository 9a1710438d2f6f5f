"""Reads of the partnership's budget: contributions and expenditure by financial year."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from ..models import Contribution, Expenditure, Partnership
from ..permissions import can_view
from ..years import current_financial_year


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


@dataclass(frozen=True)
class Budget:
    year: str
    contributions: list[BudgetLine] = field(default_factory=list)
    expenditure: list[BudgetLine] = field(default_factory=list)

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


def budget_for_year(*, user, partnership: Partnership, year: str) -> Budget:
    """The budget of one financial year: contributions by contributor and expenditure lines
    (largest first), their totals and the balance."""
    return Budget(
        year=year,
        contributions=[
            BudgetLine(c.pk, c.contributor, c.amount, c.note)
            for c in contributions_of(user=user, partnership=partnership, year=year)
        ],
        expenditure=[
            BudgetLine(e.pk, e.line, e.amount, e.note)
            for e in expenditure_of(user=user, partnership=partnership, year=year)
        ],
    )
