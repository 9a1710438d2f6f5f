import csv
import io
from decimal import Decimal

import openpyxl
from django.urls import reverse

from assure.partnerships.models import Contribution, Expenditure
from assure.partnerships.tests.factories import ContributionFactory, ExpenditureFactory


def u(name, partnership, **kwargs):
    return reverse(f"partnerships:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def _csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_budget_shows_totals_and_balance(client, viewer, partnership, agency):
    ContributionFactory(partnership=partnership, agency=agency, amount=Decimal("40000"))
    ExpenditureFactory(partnership=partnership, line="Staffing", amount=Decimal("42500.50"))
    client.force_login(viewer)
    page = client.get(u("budget", partnership), {"year": "2014-15"}).content.decode()
    assert "£40,000.00" in page and "£42,500.50" in page
    assert "−£2,500.50 (overspent)" in page


def test_budget_shows_only_the_chosen_year(client, viewer, partnership, agency):
    ContributionFactory(partnership=partnership, agency=agency, year="2013-14", amount=Decimal("123.45"))
    client.force_login(viewer)
    page = client.get(u("budget", partnership), {"year": "2014-15"}).content.decode()
    assert "£123.45" not in page


def test_viewer_sees_no_change_links(client, viewer, partnership, agency):
    ContributionFactory(partnership=partnership, agency=agency)
    client.force_login(viewer)
    page = client.get(u("budget", partnership), {"year": "2014-15"}).content.decode()
    assert "Add a contribution" not in page and "/delete/" not in page


def test_contributions_export_as_csv(client, viewer, partnership, agency, other_agency):
    ContributionFactory(partnership=partnership, agency=agency, amount=Decimal("100.00"))
    ContributionFactory(partnership=partnership, agency=other_agency, year="2015-16")
    client.force_login(viewer)
    response = client.get(u("budget", partnership), {"year": "2014-15", "part": "contributions", "_export": "csv"})
    assert _csv(response) == [["Contributor", "Amount", "Note"], [agency.name, "100.00", ""]]


def test_expenditure_exports_as_xlsx(client, viewer, partnership):
    ExpenditureFactory(partnership=partnership, line="Training", amount=Decimal("750.00"))
    client.force_login(viewer)
    response = client.get(u("budget", partnership), {"year": "2014-15", "part": "expenditure", "_export": "xlsx"})
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[1][0] == "Training"


def test_business_unit_adds_a_contribution(client, business_unit, partnership, agency):
    client.force_login(business_unit)
    assert client.get(u("contribution_create", partnership), {"year": "2014-15"}).status_code == 200
    response = client.post(
        u("contribution_create", partnership), {"year": "2014-15", "agency": agency.pk, "amount": "1250.50"}
    )
    assert response.status_code == 302 and response["Location"].endswith("?year=2014-15")
    assert Contribution.objects.get().amount == Decimal("1250.50")


def test_add_contribution_refuses_a_zero_amount(client, business_unit, partnership, agency):
    client.force_login(business_unit)
    response = client.post(
        u("contribution_create", partnership), {"year": "2014-15", "agency": agency.pk, "amount": "0"}
    )
    assert "Enter an amount greater than £0." in response.content.decode()


def test_add_expenditure_refuses_a_badly_written_year(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(u("expenditure_create", partnership), {"year": "2014/15", "line": "Chair", "amount": "10"})
    assert "Enter the financial year like 2014-15." in response.content.decode()
    assert not Expenditure.objects.exists()


def test_add_expenditure_refuses_non_consecutive_years(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(u("expenditure_create", partnership), {"year": "2014-16", "line": "Chair", "amount": "10"})
    assert "must be consecutive" in response.content.decode()


def test_add_contribution_refuses_text_as_an_amount(client, business_unit, partnership, agency):
    client.force_login(business_unit)
    response = client.post(
        u("contribution_create", partnership), {"year": "2014-15", "agency": agency.pk, "amount": "lots"}
    )
    assert "Enter the amount in pounds, like 1250.50." in response.content.decode()


def test_business_unit_edits_expenditure(client, business_unit, partnership):
    line = ExpenditureFactory(partnership=partnership)
    client.force_login(business_unit)
    assert client.get(u("expenditure_edit", partnership, pk=line.pk)).status_code == 200
    client.post(u("expenditure_edit", partnership, pk=line.pk), {"year": "2014-15", "line": "Staffing", "amount": "99"})
    line.refresh_from_db()
    assert line.amount == Decimal("99.00")


def test_delete_asks_for_confirmation_then_deletes(client, business_unit, partnership, agency):
    contribution = ContributionFactory(partnership=partnership, agency=agency)
    client.force_login(business_unit)
    response = client.get(u("contribution_delete", partnership, pk=contribution.pk))
    assert response.status_code == 200 and Contribution.objects.exists()
    client.post(u("contribution_delete", partnership, pk=contribution.pk))
    assert not Contribution.objects.exists()


def test_expenditure_delete_asks_for_confirmation(client, business_unit, partnership):
    line = ExpenditureFactory(partnership=partnership)
    client.force_login(business_unit)
    assert client.get(u("expenditure_delete", partnership, pk=line.pk)).status_code == 200
    assert client.post(u("expenditure_delete", partnership, pk=line.pk)).status_code == 302
    assert not Expenditure.objects.exists()


def test_board_member_may_not_change_the_budget(client, board_member, partnership, agency):
    contribution = ContributionFactory(partnership=partnership, agency=agency)
    client.force_login(board_member)
    assert client.get(u("contribution_edit", partnership, pk=contribution.pk)).status_code == 403
    assert client.post(u("contribution_delete", partnership, pk=contribution.pk)).status_code == 403


def test_another_partnerships_budget_line_answers_404(client, business_unit, partnership, other_partnership):
    line = ExpenditureFactory(partnership=other_partnership)
    client.force_login(business_unit)
    assert client.get(u("expenditure_edit", partnership, pk=line.pk)).status_code == 404


def test_budget_opens_on_the_newest_year_with_figures(client, viewer, partnership):
    from assure.partnerships.tests.factories import ContributionFactory

    ContributionFactory(partnership=partnership, year="2013-14", source="Council", agency=None)
    ContributionFactory(partnership=partnership, year="2014-15", source="Council", agency=None)
    client.force_login(viewer)
    response = client.get(f"/p/{partnership.slug}/budget/")
    assert response.context["year"] == "2014-15"
