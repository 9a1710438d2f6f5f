"""Shropshire's budget for 2014-15. The annual report gives only the total (£195,480); the split
between contributors and the spending lines are invented, and each line says so."""

from dataclasses import dataclass
from decimal import Decimal

TOTAL = Decimal("195480.00")
CONTRIBUTION_NOTE = "Illustrative split: the published report gives only the total."
EXPENDITURE_NOTE = "Illustrative: the published report gives only the total budget."


@dataclass(frozen=True)
class ContributionSpec:
    amount: Decimal
    agency: str | None = None  # key of an agency in region.AGENCIES
    source: str = ""  # for income that is not from one agency


CONTRIBUTIONS = (
    ContributionSpec(Decimal("100740.00"), agency="shropshire-csc"),
    ContributionSpec(Decimal("46000.00"), agency="shropshire-ccg"),
    ContributionSpec(Decimal("24500.00"), agency="police"),
    ContributionSpec(Decimal("18000.00"), source="Schools Forum (dedicated schools grant)"),
    ContributionSpec(Decimal("3345.00"), agency="probation"),
    ContributionSpec(Decimal("2345.00"), agency="crc"),
    ContributionSpec(Decimal("550.00"), agency="cafcass"),
)

# (line, spent, planned): the plan is as invented as the spending, and adds up to the same total.
EXPENDITURE = (
    ("Business unit staffing", Decimal("112600.00"), Decimal("110000.00")),
    ("Independent chair", Decimal("21000.00"), Decimal("21000.00")),
    ("Multi-agency training programme", Decimal("17500.00"), Decimal("20000.00")),
    ("Serious case reviews and learning reviews", Decimal("16000.00"), Decimal("12000.00")),
    ("Child death overview panel (Shropshire's share)", Decimal("9800.00"), Decimal("9800.00")),
    ("Website and communications campaigns", Decimal("6200.00"), Decimal("7000.00")),
    ("Conference and development sessions", Decimal("4880.00"), Decimal("5680.00")),
    ("West Mercia child protection procedures (consortium share)", Decimal("4000.00"), Decimal("4000.00")),
    ("Meeting rooms, printing and office costs", Decimal("3500.00"), Decimal("6000.00")),
)
