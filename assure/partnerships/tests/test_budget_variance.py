"""Each expenditure line's plan, variance and forecast for the year, their totals, the page and
the download."""

import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assure.partnerships.selectors.budget import Forecast, Variance, budget_for_year, months_elapsed
from assure.partnerships.services import expenditure_create
from assure.partnerships.tests.factories import ExpenditureFactory

D = Decimal
MID_YEAR = dt.date(2014, 6, 20)  # the third month of 2014-15


def budget(user, partnership, today=MID_YEAR):
    return budget_for_year(user=user, partnership=partnership, year="2014-15", today=today)


def line(user, partnership, today=MID_YEAR):
    [only] = budget(user, partnership, today).expenditure
    return only


# The variance


def test_variance_is_spent_less_planned_as_amount_and_percent(viewer, partnership):
    ExpenditureFactory(partnership=partnership, planned=D("10000"), amount=D("11200"))
    variance = line(viewer, partnership).variance
    assert (variance.amount, variance.percent, variance.direction) == (D("1200"), D("12.0"), "over")


def test_variance_says_over_or_under_in_words():
    assert Variance.between(D("11200"), D("10000")).text == "£1,200.00 over (12.0%)"
    assert Variance.between(D("9700"), D("10000")).text == "£300.00 under (3.0%)"
    assert Variance.between(D("10000"), D("10000")).text == "On plan"


def test_a_line_without_a_plan_has_no_variance(viewer, partnership):
    ExpenditureFactory(partnership=partnership, planned=None, amount=D("500"))
    assert line(viewer, partnership).variance is None


def test_a_plan_of_nothing_has_no_percentage():
    assert Variance.between(D("250"), D("0")).text == "£250.00 over"


# The forecast


def test_months_elapsed_count_the_month_begun():
    assert [months_elapsed("2014-15", day) for day in (dt.date(2014, 3, 31), dt.date(2014, 4, 1), MID_YEAR)] == [
        0,
        1,
        3,
    ]
    assert months_elapsed("2014-15", dt.date(2015, 3, 1)) == 12
    assert months_elapsed("2014-15", dt.date(2016, 1, 1)) == 12


def test_forecast_projects_spending_so_far_to_the_year_end(viewer, partnership):
    ExpenditureFactory(partnership=partnership, planned=D("10000"), amount=D("3000"))
    found = line(viewer, partnership)
    assert (found.forecast, found.forecast_basis) == (D("12000.00"), Forecast.projected(3))
    assert found.forecast_variance.text == "£2,000.00 over (20.0%)"


def test_a_forecast_the_business_unit_recorded_is_used(viewer, partnership):
    ExpenditureFactory(partnership=partnership, planned=D("10000"), amount=D("3000"), forecast=D("9500"))
    found = line(viewer, partnership)
    assert (found.forecast, found.forecast_basis) == (D("9500"), Forecast.RECORDED)


def test_a_year_ended_forecasts_what_was_spent(viewer, partnership):
    ExpenditureFactory(partnership=partnership, planned=D("10000"), amount=D("9000"))
    found = line(viewer, partnership, today=dt.date(2015, 5, 1))
    assert (found.forecast, found.forecast_basis) == (D("9000"), Forecast.OUTTURN)


def test_a_year_not_begun_forecasts_the_plan(viewer, partnership):
    ExpenditureFactory(partnership=partnership, planned=D("10000"), amount=D("0"))
    found = line(viewer, partnership, today=dt.date(2014, 2, 1))
    assert (found.forecast, found.forecast_basis) == (D("10000"), Forecast.NOT_BEGUN)


# Totals


def test_totals_add_the_lines_and_compare_only_planned_lines(viewer, partnership):
    ExpenditureFactory(partnership=partnership, line="Staffing", planned=D("10000"), amount=D("3000"))
    ExpenditureFactory(partnership=partnership, line="Training", planned=D("2000"), amount=D("600"), forecast=D("2000"))
    ExpenditureFactory(partnership=partnership, line="Printing", planned=None, amount=D("100"))
    figures = budget(viewer, partnership)
    assert figures.total_planned == D("12000")
    assert figures.total_forecast == D("12000.00") + D("2000") + D("400.00")
    assert figures.total_variance.amount == D("3600") - D("12000")
    assert figures.total_forecast_variance.text == "£2,000.00 over (16.7%)"


# Recording a plan and a forecast


def test_business_unit_records_plan_and_forecast(business_unit, partnership):
    line = expenditure_create(
        actor=business_unit,
        partnership=partnership,
        year="2014-15",
        line="Independent chair",
        amount=D("0"),
        planned=D("18000"),
        forecast=D("17500"),
    )
    line.refresh_from_db()
    assert (line.amount, line.planned, line.forecast) == (D("0"), D("18000"), D("17500"))


@pytest.mark.parametrize("field", ["planned", "forecast", "amount"])
def test_a_negative_amount_is_refused(business_unit, partnership, field):
    figures = {"amount": D("10"), "planned": D("10"), "forecast": D("10"), field: D("-1")}
    with pytest.raises(ValidationError) as error:
        expenditure_create(actor=business_unit, partnership=partnership, year="2014-15", line="Chair", **figures)
    assert field in error.value.error_dict


# The page and the download


def page_url(partnership, **params):
    return reverse("partnerships:budget", kwargs={"partnership": partnership.slug}), {"year": "2014-15", **params}


def test_the_page_shows_plan_spent_variance_and_forecast(client, viewer, partnership):
    ExpenditureFactory(partnership=partnership, line="Staffing", planned=D("10000"), amount=D("11200"))
    client.force_login(viewer)
    address, params = page_url(partnership)
    html = client.get(address, params).content.decode()
    for text in (
        "Planned",
        "Spent so far",
        "Variance",
        "Forecast for the year",
        "£10,000.00",
        "£1,200.00 over (12.0%)",
    ):
        assert text in html
    assert "How the forecast is worked out" in html


def test_the_page_has_a_totals_row(client, viewer, partnership):
    ExpenditureFactory(partnership=partnership, line="Staffing", planned=D("10000"), amount=D("9000"))
    ExpenditureFactory(partnership=partnership, line="Training", planned=D("2000"), amount=D("2500"))
    client.force_login(viewer)
    address, params = page_url(partnership)
    html = client.get(address, params).content.decode()
    assert "£12,000.00" in html  # planned
    assert "£11,500.00" in html  # spent
    assert "£500.00 under (4.2%)" in html


def test_the_csv_download_has_the_new_columns(client, viewer, partnership):
    ExpenditureFactory(
        partnership=partnership, line="Staffing", planned=D("10000"), amount=D("11200"), forecast=D("12000")
    )
    client.force_login(viewer)
    address, params = page_url(partnership, part="expenditure", _export="csv")
    rows = list(csv.reader(io.StringIO(client.get(address, params).content.decode("utf-8-sig"))))
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert header[:5] == ["Expenditure", "Planned", "Spent so far", "Variance", "Forecast for the year"]
    assert (row["Planned"], row["Variance"], row["Variance (% of plan)"], row["Over or under plan"]) == (
        "10000.00",
        "1200.00",
        "12.0",
        "over",
    )
    assert (row["Forecast for the year"], row["How the forecast was reached"]) == ("12000.00", Forecast.RECORDED)
    assert row["Forecast against plan"] == "2000.00"


def test_the_xlsx_download_has_the_new_columns(client, viewer, partnership):
    ExpenditureFactory(partnership=partnership, line="Staffing", planned=D("10000"), amount=D("9000"))
    client.force_login(viewer)
    address, params = page_url(partnership, part="expenditure", _export="xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(address, params).content)).active
    header = [cell.value for cell in sheet[1]]
    assert {"Planned", "Variance", "Forecast for the year", "How the forecast was reached"} <= set(header)
    row = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert row["Over or under plan"] == "under"


def test_business_unit_records_a_forecast_from_the_form(client, business_unit, partnership):
    client.force_login(business_unit)
    address = reverse("partnerships:expenditure_create", kwargs={"partnership": partnership.slug})
    client.post(
        address,
        {"year": "2014-15", "line": "Chair", "planned": "18000", "amount": "0", "forecast": "17000", "note": ""},
    )
    [found] = budget(business_unit, partnership).expenditure
    assert (found.planned, found.forecast, found.forecast_basis) == (D("18000"), D("17000"), Forecast.RECORDED)
