"""The public referral form: sent, confirmed by the link e-mailed to the referrer, followed by the
status link, which shows the reference, the status and the dates and nothing else; links unknown
or used answer 404; a machine's form is dropped."""

import pytest
from django.urls import reverse

from assure.lado.models import Referral
from assure.notifications.models import Message

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"allegations:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def posted(**changes) -> dict:
    data = {
        "date_known": "2014-06-09",
        "referrer_name": "Morgan Tillery",
        "referrer_role": "Club secretary",
        "referrer_organisation": "Riverside Swimming Club",
        "referrer_email": "secretary@riverside.example.org",
        "employer_name": "Riverside Swimming Club",
        "sector": "sport",
        "given_names": "Rowan",
        "family_name": "Quillfeather",
        "person_role": "Swimming coach",
        "employment_basis": "volunteer",
        "category": "conduct",
        "harm_tests": ["unsuitable"],
        "description": "Messages to a swimmer late at night.",
        "child_rows": "1",
        "child_1_age": "14",
    }
    data.update(changes)
    return data


def token_of(kind: str) -> str:
    return Message.objects.get(kind=kind).path.rstrip("/").rsplit("/", 1)[-1]


@pytest.fixture
def sent(client, partnership):
    client.post(url("form", partnership), posted())
    return Referral.objects.get()


def test_the_form_opens_without_signing_in(client, partnership):
    assert client.get(url("form", partnership)).status_code == 200


def test_sending_the_form_asks_the_referrer_to_check_their_e_mail(client, partnership):
    response = client.post(url("form", partnership), posted())
    assert response.status_code == 302 and response.url == url("sent", partnership)


def test_a_sent_referral_awaits_confirmation(sent):
    assert sent.status == "awaiting-confirmation" and sent.route == "public"


def test_a_form_with_the_hidden_field_filled_in_is_dropped(client, partnership):
    client.post(url("form", partnership), posted(website="http://spam.example"))
    assert not Referral.objects.exists()


def test_a_form_missing_the_referrers_address_is_refused(client, partnership):
    response = client.post(url("form", partnership), posted(referrer_email=""))
    assert response.status_code == 200 and not Referral.objects.exists()


def test_the_confirmation_page_does_not_name_the_person(client, partnership, sent):
    html = client.get(url("confirm", partnership, token=token_of("lado.referral_confirm"))).content.decode()
    assert "Riverside Swimming Club" in html and "Quillfeather" not in html and "late at night" not in html


def test_confirming_leads_to_the_status_page(client, partnership, sent):
    response = client.post(url("confirm", partnership, token=token_of("lado.referral_confirm")))
    sent.refresh_from_db()
    assert sent.status == "draft"
    assert response.url == url("status", partnership, token=token_of("lado.referral_received")) + "?confirmed=1"


def test_the_status_page_shows_the_reference_status_and_dates_only(client, partnership, sent):
    client.post(url("confirm", partnership, token=token_of("lado.referral_confirm")))
    sent.refresh_from_db()
    response = client.get(url("status", partnership, token=token_of("lado.referral_received")))
    html = response.content.decode()
    assert sent.reference in html and "waiting for the designated officer" in html
    for withheld in ("Quillfeather", "Rowan", "late at night", "Swimming coach", "Riverside Swimming Club"):
        assert withheld not in html
    assert "no-store" in response["Cache-Control"]


def test_a_used_confirmation_link_answers_not_found(client, partnership, sent):
    token = token_of("lado.referral_confirm")
    client.post(url("confirm", partnership, token=token))
    assert client.get(url("confirm", partnership, token=token)).status_code == 404


def test_an_unknown_status_link_answers_not_found(client, partnership):
    assert client.get(url("status", partnership, token="not-a-real-token")).status_code == 404


def test_a_confirmed_referral_waits_for_the_officer(client, officer, partnership, sent):
    client.post(url("confirm", partnership, token=token_of("lado.referral_confirm")))
    client.force_login(officer)
    home = client.get(reverse("partnerships:home", kwargs={"partnership": partnership.slug})).content.decode()
    sent.refresh_from_db()
    assert f"Allegation referral {sent.reference}" in home
