"""The pages of the people allegations are about: only an officer with the grant opens them (the
designated officer without it is refused, the business unit always), every read of a person is
logged, nothing is stored by the browser, and the officer corrects a person, records the person a
referral is about and decides on a possible repeat referral."""

import datetime as dt

import pytest
from django.urls import reverse

from assure.audit.models import AccessLog
from assure.lado.models import Person
from assure.lado.tests.factories import PersonFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"lado:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def referral_about(partnership, given="Wren", family="Halloway", born=dt.date(1979, 11, 2), **kwargs):
    return ReferralFactory(
        partnership=partnership,
        person__given_names=given,
        person__family_name=family,
        person__date_of_birth=born,
        **kwargs,
    )


@pytest.fixture
def repeat(partnership):
    return referral_about(partnership, date_referred=dt.date(2013, 9, 2)), referral_about(partnership)


def pages(repeat):
    earlier, later = repeat
    return [
        ("matches", {}),
        ("person_detail", {"pk": later.person.pk}),
        ("person_edit", {"pk": later.person.pk}),
        ("match_decide", {"pk": later.person.pk, "other": earlier.person.pk}),
        ("person_set", {"referral": later.pk}),
    ]


# --- who may open them --------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(5))
def test_the_designated_officer_without_the_grant_is_refused(client, designated_officer, partnership, repeat, index):
    name, kwargs = pages(repeat)[index]
    client.force_login(designated_officer)
    assert client.get(url(name, partnership, **kwargs)).status_code == 403


@pytest.mark.parametrize("index", range(5))
def test_the_business_unit_never_opens_them(client, business_unit, partnership, repeat, index):
    # The permission matrix refuses every other persona too (tests/test_permission_matrix.py).
    name, kwargs = pages(repeat)[index]
    client.force_login(business_unit)
    assert client.get(url(name, partnership, **kwargs)).status_code == 403


@pytest.mark.parametrize("index", range(5))
def test_the_officer_with_the_grant_opens_them_unstored(client, officer, partnership, repeat, index):
    name, kwargs = pages(repeat)[index]
    client.force_login(officer)
    response = client.get(url(name, partnership, **kwargs))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_a_person_of_another_partnership_is_not_found(client, officer, partnership, other_partnership):
    stranger = PersonFactory(partnership=other_partnership)
    client.force_login(officer)
    assert client.get(url("person_detail", partnership, pk=stranger.pk)).status_code == 404


# --- the person's page --------------------------------------------------------------------------


def test_the_persons_page_shows_the_name_the_referrals_and_the_match(client, officer, partnership, repeat):
    earlier, later = repeat
    client.force_login(officer)
    html = client.get(url("person_detail", partnership, pk=later.person.pk)).content.decode()
    assert "Wren Halloway" in html and "2 November 1979" in html and later.reference in html
    assert (
        "Exact match" in html and url("match_decide", partnership, pk=later.person.pk, other=earlier.person.pk) in html
    )


def test_the_persons_page_title_does_not_name_them(client, officer, partnership, repeat):
    client.force_login(officer)
    html = client.get(url("person_detail", partnership, pk=repeat[1].person.pk)).content.decode()
    title = html.split("<title>")[1].split("</title>")[0]
    assert "Halloway" not in title


def test_each_read_of_a_person_is_logged(client, officer, partnership, repeat):
    person = repeat[1].person
    client.force_login(officer)
    client.get(url("person_detail", partnership, pk=person.pk))
    client.get(url("person_detail", partnership, pk=person.pk))
    assert AccessLog.objects.filter(user=officer, area="lado", record_id=str(person.pk)).count() == 2


def test_the_match_shown_on_a_persons_page_is_logged_too(client, officer, partnership, repeat):
    client.force_login(officer)
    client.get(url("person_detail", partnership, pk=repeat[1].person.pk))
    assert AccessLog.objects.filter(user=officer, area="lado", record_id=str(repeat[0].person.pk)).exists()


def test_the_list_of_repeats_logs_each_person_it_names(client, officer, partnership, repeat):
    client.force_login(officer)
    html = client.get(url("matches", partnership)).content.decode()
    assert "Wren Halloway" in html
    logged = set(AccessLog.objects.filter(user=officer, area="lado").values_list("record_id", flat=True))
    assert logged == {str(repeat[0].person.pk), str(repeat[1].person.pk)}


def test_a_refused_officer_reads_nothing_and_nothing_is_logged(client, designated_officer, partnership, repeat):
    client.force_login(designated_officer)
    response = client.get(url("person_detail", partnership, pk=repeat[1].person.pk))
    assert "Halloway" not in response.content.decode() and not AccessLog.objects.exists()


# --- correcting a person ------------------------------------------------------------------------


def test_the_officer_corrects_a_person(client, officer, partnership, repeat):
    person = repeat[1].person
    client.force_login(officer)
    response = client.post(
        url("person_edit", partnership, pk=person.pk),
        {"given_names": "Wren", "family_name": "Holloway", "date_of_birth": "1979-11-02"},
    )
    person.refresh_from_db()
    assert response.status_code == 302 and person.family_name == "Holloway"


def test_an_implausible_date_of_birth_is_shown_against_its_field(client, officer, partnership, repeat):
    client.force_login(officer)
    response = client.post(
        url("person_edit", partnership, pk=repeat[1].person.pk),
        {"given_names": "Wren", "family_name": "Halloway", "date_of_birth": dt.date.today().isoformat()},
    )
    assert response.status_code == 200 and "would be under 16" in response.content.decode()


# --- the person a referral is about -------------------------------------------------------------


def test_the_officer_records_the_person_of_a_referral(client, officer, partnership):
    referral = ReferralFactory(partnership=partnership, person=None, status="draft")
    client.force_login(officer)
    response = client.post(
        url("person_set", partnership, referral=referral.pk),
        {"given_names": "Tamsin", "family_name": "Greaves", "date_of_birth": ""},
    )
    referral.refresh_from_db()
    assert response.status_code == 302 and response.url == referral.get_absolute_url()
    assert (referral.person.family_name, referral.person.date_of_birth) == ("Greaves", None)


def test_a_closed_referrals_person_is_not_offered_for_change(client, officer, partnership):
    referral = ReferralFactory(partnership=partnership, status="closed")
    client.force_login(officer)
    response = client.post(
        url("person_set", partnership, referral=referral.pk), {"given_names": "Tamsin", "family_name": "Greaves"}
    )
    assert response.status_code == 302 and Person.objects.count() == 1


# --- deciding on a possible repeat --------------------------------------------------------------


def test_the_decision_page_shows_both_side_by_side_with_why(client, officer, partnership, repeat):
    earlier, later = repeat
    client.force_login(officer)
    html = client.get(url("match_decide", partnership, pk=later.person.pk, other=earlier.person.pk)).content.decode()
    assert html.count("Wren Halloway") == 2 and earlier.reference in html and later.reference in html
    assert "The same name and date of birth" in html


def test_the_decision_page_logs_both_people(client, officer, partnership, repeat):
    earlier, later = repeat
    client.force_login(officer)
    client.get(url("match_decide", partnership, pk=later.person.pk, other=earlier.person.pk))
    logged = set(AccessLog.objects.filter(user=officer).values_list("record_id", flat=True))
    assert logged == {str(earlier.person.pk), str(later.person.pk)}


def test_the_officer_joins_the_same_person_and_lands_on_the_earlier_record(client, officer, partnership, repeat):
    earlier, later = repeat
    client.force_login(officer)
    response = client.post(
        url("match_decide", partnership, pk=later.person.pk, other=earlier.person.pk), {"answer": "same"}
    )
    later.person.refresh_from_db()
    assert later.person.same_as == earlier.person
    assert response.url == url("person_detail", partnership, pk=earlier.person.pk)


def test_the_officer_records_different_people(client, officer, partnership, repeat):
    earlier, later = repeat
    client.force_login(officer)
    client.post(url("match_decide", partnership, pk=later.person.pk, other=earlier.person.pk), {"answer": "different"})
    assert list(later.person.not_same_as.all()) == [earlier.person]


def test_the_decision_needs_an_answer(client, officer, partnership, repeat):
    earlier, later = repeat
    client.force_login(officer)
    response = client.post(url("match_decide", partnership, pk=later.person.pk, other=earlier.person.pk), {})
    assert response.status_code == 200 and "Say whether they are the same person" in response.content.decode()


def test_joined_records_offer_no_decision(client, officer, partnership, repeat):
    earlier, later = repeat
    client.force_login(officer)
    client.post(url("match_decide", partnership, pk=later.person.pk, other=earlier.person.pk), {"answer": "same"})
    html = client.get(url("match_decide", partnership, pk=later.person.pk, other=earlier.person.pk)).content.decode()
    assert "joined as the same person" in html and 'name="answer"' not in html


def test_a_record_is_not_compared_with_itself(client, officer, partnership, repeat):
    person = repeat[1].person
    client.force_login(officer)
    assert client.get(url("match_decide", partnership, pk=person.pk, other=person.pk)).status_code == 404


# --- the referral's page ------------------------------------------------------------------------


def test_the_referral_page_warns_the_officer_of_a_possible_repeat(client, officer, partnership, repeat):
    earlier, later = repeat
    client.force_login(officer)
    html = client.get(later.get_absolute_url()).content.decode()
    assert "Possible repeat referral" in html and "Wren Halloway" in html and earlier.reference in html
