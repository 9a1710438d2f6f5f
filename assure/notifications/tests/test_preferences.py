"""Each person chooses how requests reach them: straight away or in the weekly digest."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assure.audit.models import Event
from assure.notifications.models import Delivery, Preference
from assure.notifications.selectors import delivery_of
from assure.notifications.services import preference_set

URL = reverse("notifications:preferences")


def test_requests_come_straight_away_until_a_person_chooses(agency_lead):
    assert delivery_of(user=agency_lead) == Delivery.IMMEDIATE


def test_a_person_chooses_the_weekly_digest(agency_lead):
    preference_set(actor=agency_lead, delivery=Delivery.DIGEST)
    assert delivery_of(user=agency_lead) == Delivery.DIGEST


def test_choosing_records_an_event(agency_lead):
    preference_set(actor=agency_lead, delivery=Delivery.DIGEST)
    event = Event.objects.get(verb="notifications.preference_set")
    assert (event.actor, event.data) == (agency_lead, {"delivery": "digest"})


def test_choosing_what_was_chosen_records_nothing(agency_lead):
    preference_set(actor=agency_lead, delivery=Delivery.IMMEDIATE)
    assert not Event.objects.filter(verb="notifications.preference_set").exists()


def test_an_unknown_choice_is_refused(agency_lead):
    with pytest.raises(ValidationError):
        preference_set(actor=agency_lead, delivery="carrier-pigeon")


def test_the_page_shows_the_persons_choice(client, agency_lead):
    Preference.objects.create(user=agency_lead, delivery=Delivery.DIGEST)
    client.force_login(agency_lead)
    page = client.get(URL).content.decode()
    assert "E-mails from Assure" in page
    checked = re.findall(r'<input[^>]*value="(\w+)"[^>]*checked', page)
    assert checked == ["digest"]


def test_the_page_saves_the_choice_and_says_so(client, agency_lead):
    client.force_login(agency_lead)
    response = client.post(URL, {"delivery": "digest"}, follow=True)
    assert delivery_of(user=agency_lead) == Delivery.DIGEST
    assert "Your choice is saved: in a weekly digest." in response.content.decode()


def test_the_page_asks_for_a_choice(client, agency_lead):
    client.force_login(agency_lead)
    response = client.post(URL, {})
    assert response.status_code == 200
    assert "Choose how you want to receive e-mails from Assure." in response.content.decode()


def test_someone_signed_out_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_the_account_page_links_to_the_choice(client, agency_lead):
    client.force_login(agency_lead)
    page = client.get(reverse("mfa_index")).content.decode()
    assert f'href="{URL}"' in page
