"""The allegations figures page with its year chooser and downloads, the designated officer's
annual report, and the page of the referrals expected from each sector."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from assure.audit.models import Event
from assure.core.menu import parts_of
from assure.lado.models import SectorExpectation
from assure.lado.services.figures import sector_expectations_set
from assure.lado.tests.factories import ReferralFactory, SectorExpectationFactory

pytestmark = pytest.mark.django_db
YEAR = "2014-15"


@pytest.fixture
def referrals(partnership):
    made = [ReferralFactory(partnership=partnership, date_referred=dt.date(2014, 6, 3)) for _ in range(3)]
    ReferralFactory(partnership=partnership, date_known=dt.date(2013, 5, 1), date_referred=dt.date(2013, 5, 2))
    return made


def _url(name, partnership, **query):
    url = reverse(f"lado:{name}", kwargs={"partnership": partnership.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _page(client, user, name, partnership, **query) -> str:
    client.force_login(user)
    response = client.get(_url(name, partnership, **query))
    assert response.status_code == 200
    return response.content.decode()


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


# --- the figures page --------------------------------------------------------------------------------


def test_the_business_unit_sees_fewer_than_6_and_nothing_is_stored(client, referrals, business_unit, partnership):
    client.force_login(business_unit)
    response = client.get(_url("figures", partnership, year=YEAR))
    assert response.status_code == 200
    assert "fewer than 6" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_the_officer_with_the_grant_sees_the_counts(client, referrals, officer, partnership):
    content = _page(client, officer, "figures", partnership, year=YEAR)
    assert "every figure is shown as counted" in content and "fewer than 6" not in content


def test_no_person_is_named_on_the_page(client, referrals, officer, partnership):
    content = _page(client, officer, "figures", partnership, year=YEAR)
    person = referrals[0].person
    assert person.given_names not in content and person.family_name not in content


def test_the_year_chooser_offers_the_years_with_referrals(client, referrals, board_member, partnership):
    content = _page(client, board_member, "figures", partnership, year=YEAR)
    assert '<option value="2014-15" selected>' in content and '<option value="2013-14">' in content


def test_the_chosen_year_is_shown(client, referrals, officer, partnership):
    content = _page(client, officer, "figures", partnership, year="2013-14")
    assert "Referrals by month, 2013-14" in content and '<option value="2013-14" selected>' in content


def test_the_page_opens_on_the_latest_year_with_referrals(client, referrals, officer, partnership):
    assert '<option value="2014-15" selected>' in _page(client, officer, "figures", partnership)


def test_a_year_written_wrongly_opens_the_usual_year(client, referrals, officer, partnership):
    assert '<option value="2014-15" selected>' in _page(client, officer, "figures", partnership, year="2014-16")


def test_the_download_is_suppressed_the_same_way(client, referrals, business_unit, partnership):
    client.force_login(business_unit)
    rows = _csv(client.get(_url("figures", partnership, year=YEAR, format="csv")))
    assert rows[0] == ["Year", "Table", "Row", "Figure"]
    assert ["2014-15", "Summary", "Referrals (allegations)", "fewer than 6"] in rows


def test_the_officers_download_has_the_counts(client, referrals, officer, partnership):
    client.force_login(officer)
    rows = _csv(client.get(_url("figures", partnership, year=YEAR, format="csv")))
    assert ["2014-15", "Summary", "Referrals (allegations)", "3"] in rows
    assert ["2014-15", "Sector", "Education", "3"] in rows


def test_the_excel_download(client, referrals, chair, partnership):
    client.force_login(chair)
    response = client.get(_url("figures", partnership, year=YEAR, format="xlsx"))
    assert response.status_code == 200 and "spreadsheetml" in response["Content-Type"]


def test_the_officer_with_the_grant_is_offered_the_expectations(client, referrals, officer, partnership):
    assert _url("expectations", partnership) in _page(client, officer, "figures", partnership)


def test_the_officer_without_the_grant_is_not_offered_the_expectations(
    client, referrals, designated_officer, partnership
):
    assert _url("expectations", partnership) not in _page(client, designated_officer, "figures", partnership)


def test_the_page_is_refused_without_the_figures(client, viewer, agency_lead, partnership):
    for user in (viewer, agency_lead):
        client.force_login(user)
        assert client.get(_url("figures", partnership)).status_code == 403


def test_the_figures_are_a_part_of_reviews_and_panels():
    part = next(p for p in parts_of(next(g for g in _groups() if g.key == "reviews")) if p.url_name == "lado:figures")
    assert (part.permission, part.label) == ("lado.view", "Allegations figures")


def _groups():
    from assure.core.menu import groups

    return groups()


# --- the annual report --------------------------------------------------------------------------------


def test_the_annual_report_for_the_board(client, referrals, board_member, partnership):
    content = _page(client, board_member, "annual_report", partnership, year=YEAR)
    assert "The designated officer&#x27;s annual report 2014-15" in content
    assert "fewer than 6" in content
    for heading in ("Referrals", "The employers' sectors", "Handling", "Outcomes", "Timescales", "Learning"):
        assert f'<h2 class="govuk-heading-m">{heading}</h2>' in content


def test_the_officers_annual_report_compares_the_years(client, referrals, officer, partnership):
    content = _page(client, officer, "annual_report", partnership, year=YEAR)
    assert "Referrals over the whole year rose from 1 in 2013-14 to 3 (+200%), more than double." in content


def test_the_annual_report_is_sent_no_store(client, referrals, chair, partnership):
    client.force_login(chair)
    assert "no-store" in client.get(_url("annual_report", partnership))["Cache-Control"]


# --- the expected referrals by sector -------------------------------------------------------------------


def test_the_officer_sees_the_expectations_form(client, officer, partnership):
    SectorExpectationFactory(partnership=partnership, sector="health", expected_per_year=10)
    content = _page(client, officer, "expectations", partnership)
    assert 'name="health" value="10"' in content and 'name="faith"' in content


def test_the_officer_sets_the_expectations(client, officer, partnership):
    SectorExpectationFactory(partnership=partnership, sector="sport", expected_per_year=3)
    client.force_login(officer)
    response = client.post(_url("expectations", partnership), {"health": "10", "faith": "4", "sport": ""})
    assert response.status_code == 302 and response.url == _url("figures", partnership)
    saved = dict(SectorExpectation.objects.filter(partnership=partnership).values_list("sector", "expected_per_year"))
    assert saved == {"health": 10, "faith": 4}


def test_an_expectation_must_be_a_whole_number_of_one_or_more(client, officer, partnership):
    client.force_login(officer)
    response = client.post(_url("expectations", partnership), {"health": "0", "faith": "a few"})
    content = response.content.decode()
    assert response.status_code == 200 and "Enter at least 1 for health" in content
    assert "Enter the referrals expected from faith organisations as a whole number" in content
    assert not SectorExpectation.objects.exists()


def test_the_expectations_are_refused_without_the_grant(client, designated_officer, business_unit, partnership):
    for user in (designated_officer, business_unit):
        client.force_login(user)
        assert client.get(_url("expectations", partnership)).status_code == 403
        assert client.post(_url("expectations", partnership), {"health": "3"}).status_code == 403
    assert not SectorExpectation.objects.exists()


def test_the_service_records_one_event_naming_the_sectors_changed(officer, partnership):
    changed = sector_expectations_set(actor=officer, partnership=partnership, expected={"health": 10, "faith": None})
    assert changed == ["health"]
    event = Event.objects.get(verb="lado.sector_expectations_set")
    assert event.summary == "Expected referrals a year set for Health" and event.partnership == partnership


def test_the_service_records_nothing_when_nothing_changed(officer, partnership):
    SectorExpectationFactory(partnership=partnership, sector="health", expected_per_year=10)
    assert sector_expectations_set(actor=officer, partnership=partnership, expected={"health": 10}) == []
    assert not Event.objects.filter(verb="lado.sector_expectations_set").exists()


def test_the_service_refuses_a_sector_the_library_does_not_hold(officer, partnership):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        sector_expectations_set(actor=officer, partnership=partnership, expected={"astronauts": 3})
    assert "astronauts" in error.value.message_dict
