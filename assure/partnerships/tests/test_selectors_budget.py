from decimal import Decimal

from assure.partnerships.selectors import budget_for_year, budget_years
from assure.partnerships.tests.factories import ContributionFactory, ExpenditureFactory
from assure.partnerships.years import current_financial_year


def test_budget_totals_and_balance_for_a_year(viewer, partnership, agency, other_agency):
    ContributionFactory(partnership=partnership, agency=agency, amount=Decimal("30000.00"))
    ContributionFactory(partnership=partnership, agency=None, source="Training income", amount=Decimal("2500.50"))
    ExpenditureFactory(partnership=partnership, line="Staffing", amount=Decimal("25000.00"))
    ExpenditureFactory(partnership=partnership, line="Training", amount=Decimal("4000.25"))
    ContributionFactory(partnership=partnership, agency=other_agency, year="2015-16", amount=Decimal("999"))
    budget = budget_for_year(user=viewer, partnership=partnership, year="2014-15")
    assert [(line.label, line.amount) for line in budget.contributions] == [
        (agency.name, Decimal("30000.00")),
        ("Training income", Decimal("2500.50")),
    ]
    assert budget.total_contributions == Decimal("32500.50")
    assert budget.total_expenditure == Decimal("29000.25")
    assert budget.balance == Decimal("3500.25")


def test_budget_of_an_empty_year_is_zero(viewer, partnership):
    budget = budget_for_year(user=viewer, partnership=partnership, year="2010-11")
    assert (budget.contributions, budget.total_contributions, budget.balance) == ([], Decimal("0"), Decimal("0"))


def test_budget_leaves_out_other_partnerships(viewer, partnership, other_partnership, other_agency):
    ContributionFactory(partnership=other_partnership, agency=other_agency)
    assert budget_for_year(user=viewer, partnership=partnership, year="2014-15").contributions == []


def test_outsider_sees_an_empty_budget(outsider, partnership, agency):
    ContributionFactory(partnership=partnership, agency=agency)
    assert budget_for_year(user=outsider, partnership=partnership, year="2014-15").total_contributions == 0


def test_budget_years_include_the_current_year_and_those_with_figures(viewer, partnership):
    ExpenditureFactory(partnership=partnership, year="2013-14")
    assert budget_years(user=viewer, partnership=partnership) == sorted(
        {current_financial_year(), "2013-14"}, reverse=True
    )


def test_contributions_are_summed_by_contributor(viewer, partnership, agency, other_agency):
    ContributionFactory(partnership=partnership, agency=agency, amount=Decimal("100"))
    ContributionFactory(partnership=partnership, agency=agency, amount=Decimal("50"))
    ContributionFactory(partnership=partnership, agency=other_agency, amount=Decimal("120"))
    budget = budget_for_year(user=viewer, partnership=partnership, year="2014-15")
    assert budget.contributions_by_contributor == [
        (agency.name, Decimal("150.00")),
        (other_agency.name, Decimal("120.00")),
    ]
