"""The registers' figures pages, their download, and the priority a register is monitored under."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from assure.plans.tests.factories import PriorityFactory
from assure.registers.models import MonitoredUnder
from assure.registers.tests.factories import EntryFactory, marac_values

pytestmark = pytest.mark.django_db


def url(partnership, name="registers:figures", **kwargs) -> str:
    return reverse(name, kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def cases(partnership):
    """Seven MARAC cases in April 2014: six referred by the police, one by housing."""
    for _ in range(6):
        EntryFactory(partnership=partnership, values=marac_values(**{"discussed-on": "2014-04-10"}))
    EntryFactory(
        partnership=partnership, values=marac_values(**{"discussed-on": "2014-04-11", "referred-by": "housing"})
    )


def test_the_board_reads_the_years_cases(client, board_member, partnership, cases):
    client.force_login(board_member)
    response = client.get(url(partnership, "registers:kind_figures", kind="marac-case"), {"year": "2014-15"})
    headline = next(h for h in response.context["figures"].headlines if h.code == "cases")
    assert (headline.before.text, headline.now.text, headline.change) == ("0", "7", "+7")


def test_the_page_opens_on_the_last_year_with_entries(client, business_unit, partnership, cases):
    client.force_login(business_unit)
    response = client.get(url(partnership, "registers:kind_figures", kind="marac-case"))
    assert response.context["year"] == "2014-15"


def test_small_numbers_in_a_breakdown_are_hidden_from_the_board(client, board_member, partnership, cases):
    client.force_login(board_member)
    response = client.get(url(partnership, "registers:kind_figures", kind="marac-case"), {"year": "2014-15"})
    rows = {row.label: row.now.text for row in response.context["figures"].breakdowns[0].rows}
    assert rows["Housing"] == "fewer than 6"
    assert "Housing" in response.content.decode()
    # The police's six would give the housing's one away beside the total of seven.
    assert rows["Police"] == "fewer than 6"


def test_the_business_unit_sees_small_numbers(client, business_unit, partnership, cases):
    client.force_login(business_unit)
    response = client.get(url(partnership, "registers:kind_figures", kind="marac-case"), {"year": "2014-15"})
    rows = {row.label: row.now.text for row in response.context["figures"].breakdowns[0].rows}
    assert (rows["Housing"], rows["Police"]) == ("1", "6")


def test_the_months_hide_small_numbers_from_the_board(client, board_member, partnership, cases):
    client.force_login(board_member)
    response = client.get(url(partnership, "registers:kind_figures", kind="marac-case"), {"year": "2014-15"})
    april = response.context["figures"].months.rows[0]
    assert april.label == "April 2014"
    assert april.cells[0].text == "7"


def test_an_empty_year_says_nothing_was_recorded(client, chair, partnership):
    client.force_login(chair)
    page = client.get(url(partnership, "registers:kind_figures", kind="marac-case"), {"year": "2014-15"})
    assert "No entry was recorded in 2014-15 or 2013-14." in page.content.decode()


def test_an_unknown_register_is_not_found(client, business_unit, partnership):
    client.force_login(business_unit)
    assert client.get(url(partnership, "registers:kind_figures", kind="no-such-register")).status_code == 404


def test_the_overview_lists_every_register(client, board_member, partnership, cases):
    client.force_login(board_member)
    page = client.get(url(partnership)).content.decode()
    assert "MARAC cases" in page
    assert escape("Missing episodes") in page


def test_an_agency_lead_may_not_read_the_figures(client, agency_lead, partnership):
    client.force_login(agency_lead)
    assert client.get(url(partnership)).status_code == 403


def test_the_download_holds_the_years_figures(client, business_unit, partnership, cases):
    client.force_login(business_unit)
    response = client.get(
        url(partnership, "registers:kind_figures_download", kind="marac-case"), {"year": "2014-15", "format": "csv"}
    )
    assert "MARAC cases,2014-15,Indicators,Cases discussed,,7" in response.content.decode().replace("\r", "")


def test_the_download_hides_small_numbers_from_the_board(client, board_member, partnership, cases):
    client.force_login(board_member)
    response = client.get(
        url(partnership, "registers:kind_figures_download", kind="marac-case"), {"year": "2014-15", "format": "csv"}
    )
    assert "Cases by the referring agency,Housing,,fewer than 6" in response.content.decode().replace("\r", "")


def test_the_download_refuses_an_unknown_format(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.get(url(partnership, "registers:kind_figures_download", kind="marac-case"), {"format": "pdf"})
    assert response.status_code == 404


def test_the_business_unit_chooses_the_priority(client, business_unit, partnership):
    priority = PriorityFactory(partnership=partnership, title="Child sexual exploitation")
    client.force_login(business_unit)
    response = client.post(
        url(partnership, "registers:monitored_under", kind="cse-panel-referral"), {"priority": priority.pk}
    )
    assert response.status_code == 302
    assert MonitoredUnder.objects.get(partnership=partnership, kind_code="cse-panel-referral").priority == priority


def test_choosing_none_stops_the_monitoring(client, business_unit, partnership):
    priority = PriorityFactory(partnership=partnership)
    MonitoredUnder.objects.create(partnership=partnership, kind_code="marac-case", priority=priority)
    client.force_login(business_unit)
    client.post(url(partnership, "registers:monitored_under", kind="marac-case"), {"priority": "none"})
    assert not MonitoredUnder.objects.filter(partnership=partnership, kind_code="marac-case").exists()


def test_another_partnerships_priority_is_refused(client, business_unit, partnership, other_partnership):
    theirs = PriorityFactory(partnership=other_partnership)
    client.force_login(business_unit)
    response = client.post(url(partnership, "registers:monitored_under", kind="marac-case"), {"priority": theirs.pk})
    assert response.status_code == 200
    assert "Choose one of the priorities" in response.content.decode()
    assert not MonitoredUnder.objects.exists()


def test_the_plan_counts_a_register_under_its_priority(partnership):
    from assure.plans.hooks import priority_holdings

    priority = PriorityFactory(partnership=partnership)
    MonitoredUnder.objects.create(partnership=partnership, kind_code="marac-case", priority=priority)
    assert priority_holdings([priority.pk])[priority.pk] == ["1 register monitored under it"]


def test_the_board_may_not_choose_the_priority(client, board_member, partnership):
    client.force_login(board_member)
    assert client.get(url(partnership, "registers:monitored_under", kind="marac-case")).status_code == 403
