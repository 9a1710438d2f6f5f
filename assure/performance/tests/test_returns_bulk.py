"""Asking agencies for figures in bulk: by agency type, by sector, or copying the round before."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from assure.audit.models import Event
from assure.partnerships.models import PartnershipAgency
from assure.partnerships.tests.factories import AgencyFactory, library_item
from assure.performance.models import DataReturn, ReturnRound
from assure.performance.periods import period_for_year
from assure.performance.selectors.assignment import agencies_of_groups, agency_groups, indicators_by_theme
from assure.performance.services.assignment import returns_assign_bulk, returns_assign_copied
from assure.performance.tests.factories import ReturnRoundFactory, return_test_indicators, return_with

Status = DataReturn.Status


@pytest.fixture
def indicators(db):
    return return_test_indicators()


@pytest.fixture
def referrals(indicators):
    return indicators["returns-test-referrals"]


@pytest.fixture
def rereferrals(indicators):
    return indicators["returns-test-rereferrals"]


def health(name, partnership, type_code="acute-trust"):
    return AgencyFactory(
        name=name,
        agency_type=library_item("agency-type", type_code),
        sector=library_item("sector", "health"),
        partnerships=[partnership],
    )


@pytest.fixture
def hospital(partnership):
    return health("Northshire Hospitals Trust", partnership)


@pytest.fixture
def clinic(partnership):
    return health("Northshire Community Clinics", partnership, type_code="community-health-trust")


@pytest.fixture
def police(partnership, other_agency):
    return other_agency  # Mercian Police, a police force


@pytest.fixture
def round(partnership):
    return ReturnRoundFactory(partnership=partnership, period=period_for_year("2015-16"))


def asked(round, agency) -> set[str]:
    data_return = DataReturn.objects.filter(round=round, agency=agency).first()
    return set(data_return.indicators.values_list("code", flat=True)) if data_return else set()


# --- choosing agencies ---------------------------------------------------------------------------


def test_agencies_are_grouped_by_their_type_and_sector(business_unit, partnership, hospital, clinic, police):
    types, sectors = agency_groups(user=business_unit, partnership=partnership)
    assert {g.code: g.agencies for g in types}["acute-trust"] == (hospital.name,)
    assert set({g.code: g.agencies for g in sectors}["health"]) == {hospital.name, clinic.name}


def test_an_agency_that_left_the_partnership_is_not_chosen(business_unit, partnership, hospital, clinic):
    PartnershipAgency.objects.filter(agency=clinic).update(left_on=dt.date(2015, 1, 1))
    assert agencies_of_groups(user=business_unit, partnership=partnership, sectors=["health"]) == [hospital]


def test_agencies_are_chosen_by_type_or_sector(business_unit, partnership, hospital, clinic, police):
    chosen = agencies_of_groups(
        user=business_unit, partnership=partnership, agency_types=["police"], sectors=["health"]
    )
    assert {a.name for a in chosen} == {hospital.name, clinic.name, police.name}


def test_indicators_are_offered_under_their_themes(db, indicators):
    themes = dict(indicators_by_theme())
    child_protection = next(title for title in themes if title.lower().startswith("child protection activity"))
    codes = {i.code for i in themes[child_protection]}
    assert {"returns-test-referrals", "returns-test-cp-rate"} <= codes
    assert "returns-test-published" not in {i.code for group in themes.values() for i in group}


# --- by agency type or sector ------------------------------------------------------------------


def test_every_agency_of_a_sector_is_asked_for_the_indicators_chosen(
    business_unit, partnership, round, hospital, clinic, police, referrals, rereferrals
):
    agencies = agencies_of_groups(user=business_unit, partnership=partnership, sectors=["health"])
    result = returns_assign_bulk(
        actor=business_unit, round=round, indicators=[referrals, rereferrals], agencies=agencies
    )
    assert asked(round, hospital) == asked(round, clinic) == {referrals.code, rereferrals.code}
    assert asked(round, police) == set()
    assert (result.added, result.agencies, result.returns_made) == (4, 2, 2)


def test_every_agency_of_a_type_is_asked(business_unit, partnership, round, hospital, clinic, referrals):
    agencies = agencies_of_groups(user=business_unit, partnership=partnership, agency_types=["community-health-trust"])
    returns_assign_bulk(actor=business_unit, round=round, indicators=[referrals], agencies=agencies)
    assert asked(round, clinic) == {referrals.code}
    assert asked(round, hospital) == set()


def test_bulk_assignment_adds_to_what_an_agency_is_asked_for(
    business_unit, partnership, round, hospital, referrals, rereferrals
):
    return_with(partnership=partnership, agency=hospital, indicators=[referrals], period=round.period)
    result = returns_assign_bulk(
        actor=business_unit, round=round, indicators=[referrals, rereferrals], agencies=[hospital]
    )
    assert asked(round, hospital) == {referrals.code, rereferrals.code}
    assert (result.added, result.returns_made) == (1, 0)


def test_a_submitted_return_is_left_as_it_is_and_named(
    business_unit, partnership, round, hospital, clinic, referrals, rereferrals
):
    return_with(
        partnership=partnership, agency=hospital, indicators=[referrals], period=round.period, status=Status.SUBMITTED
    )
    result = returns_assign_bulk(
        actor=business_unit, round=round, indicators=[rereferrals], agencies=[hospital, clinic]
    )
    assert asked(round, hospital) == {referrals.code}
    assert result.unchanged == [hospital.name]
    assert hospital.name in result.summary


def test_bulk_assignment_records_an_event_on_the_round(business_unit, round, hospital, referrals):
    returns_assign_bulk(actor=business_unit, round=round, indicators=[referrals], agencies=[hospital])
    event = Event.objects.get(verb="return_round.assigned_in_bulk")
    assert event.target_id == str(round.pk)
    assert event.data["added"] == 1


def test_each_agency_newly_asked_has_its_leads_emailed(
    business_unit, agency_lead, partnership, agency, round, referrals, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        returns_assign_bulk(actor=business_unit, round=round, indicators=[referrals], agencies=[agency])
    assert [m.to for m in mail.outbox] == [[agency_lead.email]]


def test_nothing_chosen_is_refused(business_unit, round, hospital, referrals):
    with pytest.raises(ValidationError) as refused:
        returns_assign_bulk(actor=business_unit, round=round, indicators=[], agencies=[])
    assert set(refused.value.message_dict) == {"indicators", "agencies"}
    assert not DataReturn.objects.exists()


def test_an_indicator_agencies_do_not_return_is_refused(business_unit, round, hospital, indicators):
    with pytest.raises(ValidationError):
        returns_assign_bulk(
            actor=business_unit, round=round, indicators=[indicators["returns-test-published"]], agencies=[hospital]
        )
    assert not DataReturn.objects.exists()


def test_another_partnerships_agency_is_refused(business_unit, round, other_partnership, referrals):
    foreign = AgencyFactory(name="Southshire Police", partnerships=[other_partnership])
    with pytest.raises(ValidationError, match="agencies of this partnership"):
        returns_assign_bulk(actor=business_unit, round=round, indicators=[referrals], agencies=[foreign])


def test_only_the_business_unit_assigns_in_bulk(agency_lead, round, agency, referrals):
    with pytest.raises(PermissionDenied):
        returns_assign_bulk(actor=agency_lead, round=round, indicators=[referrals], agencies=[agency])


# --- copying the round before -------------------------------------------------------------------


def test_copying_asks_each_agency_for_what_it_was_asked_in_the_round_before(
    business_unit, partnership, round, hospital, clinic, referrals, rereferrals
):
    return_with(partnership=partnership, agency=hospital, indicators=[referrals, rereferrals])  # 2014-15
    return_with(partnership=partnership, agency=clinic, indicators=[referrals])
    result = returns_assign_copied(actor=business_unit, round=round)
    assert asked(round, hospital) == {referrals.code, rereferrals.code}
    assert asked(round, clinic) == {referrals.code}
    assert (result.added, result.agencies) == (3, 2)
    assert Event.objects.filter(verb="return_round.assignments_copied", target_id=str(round.pk)).exists()


def test_copying_leaves_out_an_agency_that_has_left(business_unit, partnership, round, hospital, clinic, referrals):
    return_with(partnership=partnership, agency=hospital, indicators=[referrals])
    return_with(partnership=partnership, agency=clinic, indicators=[referrals])
    PartnershipAgency.objects.filter(agency=clinic).update(left_on=dt.date(2015, 3, 31))
    returns_assign_copied(actor=business_unit, round=round)
    assert asked(round, clinic) == set()


def test_copying_takes_the_latest_earlier_round(business_unit, partnership, hospital, referrals, rereferrals):
    return_with(partnership=partnership, agency=hospital, indicators=[referrals], period=period_for_year("2013-14"))
    return_with(partnership=partnership, agency=hospital, indicators=[rereferrals], period=period_for_year("2014-15"))
    latest = ReturnRoundFactory(partnership=partnership, period=period_for_year("2015-16"))
    returns_assign_copied(actor=business_unit, round=latest)
    assert asked(latest, hospital) == {rereferrals.code}


def test_copying_without_a_round_before_is_refused(business_unit, round):
    with pytest.raises(ValidationError, match="no round before"):
        returns_assign_copied(actor=business_unit, round=round)


# --- the page ------------------------------------------------------------------------------------


def bulk_url(partnership, round) -> str:
    return reverse("performance:round_assign_bulk", kwargs={"partnership": partnership.slug, "pk": round.pk})


def test_the_page_offers_indicators_under_themes_and_agency_groups(
    client, business_unit, partnership, round, hospital, indicators
):
    client.force_login(business_unit)
    page = client.get(bulk_url(partnership, round)).content.decode()
    assert "Referrals (test) (returns-test-referrals)" in page
    assert "Acute hospital trust (1 agency)" in page
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Outcomes' in page


def test_the_page_asks_the_agencies_and_confirms_how_many_figures_were_added(
    client, business_unit, partnership, round, hospital, clinic, referrals
):
    client.force_login(business_unit)
    response = client.post(
        bulk_url(partnership, round), {"indicators": [referrals.pk], "sectors": ["health"]}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse(
        "performance:round_assign", kwargs={"partnership": partnership.slug, "pk": round.pk}
    )
    assert "2 figures added to what 2 agencies are asked for" in response.content.decode()
    assert asked(round, clinic) == {referrals.code}


def test_the_page_keeps_what_was_chosen_when_something_is_missing(
    client, business_unit, partnership, round, hospital, referrals
):
    client.force_login(business_unit)
    response = client.post(bulk_url(partnership, round), {"indicators": [referrals.pk]})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose at least one agency type or sector to ask." in page
    assert f'value="{referrals.pk}"' in page and "checked" in page
    assert not DataReturn.objects.exists()


def test_the_page_says_when_no_indicator_is_chosen(client, business_unit, partnership, round, hospital):
    client.force_login(business_unit)
    page = client.post(bulk_url(partnership, round), {"sectors": ["health"]}).content.decode()
    assert "Choose at least one indicator to ask for." in page
    assert 'href="#id_indicators_0"' in page


def test_the_page_copies_the_round_before(client, business_unit, partnership, round, hospital, referrals):
    return_with(partnership=partnership, agency=hospital, indicators=[referrals])
    client.force_login(business_unit)
    assert "Copy what each agency was asked for in 2014-15" in client.get(bulk_url(partnership, round)).content.decode()
    response = client.post(bulk_url(partnership, round), {"copy": "1"}, follow=True)
    assert "Copied from the returns for 2014-15" in response.content.decode()
    assert asked(round, hospital) == {referrals.code}


def test_the_page_offers_no_copy_without_a_round_before(client, business_unit, partnership, round):
    client.force_login(business_unit)
    assert "Copy what each agency" not in client.get(bulk_url(partnership, round)).content.decode()
    assert ReturnRound.objects.count() == 1
