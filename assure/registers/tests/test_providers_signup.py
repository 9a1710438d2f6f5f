"""A private provider signing up on the public page: an inactive account with a profile waiting
for the business unit, a link e-mailed to the work address that confirms it once and expires, an
address that already has an account never revealed, and the limits on the public form."""

import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from assure.accounts.models import Membership, User
from assure.notifications.models import Message
from assure.registers.models import Provider
from assure.registers.services.providers import LinkNotValid, provider_email_confirm

pytestmark = pytest.mark.django_db

PASSWORD = "a long and quiet harbour 42"
ADDRESS = "robin.ashgrove@hillside-care.example.org"


def url(name, partnership, **kwargs):
    return reverse(f"providers:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def mine(partnership):
    return reverse("registers:notifications_mine", kwargs={"partnership": partnership.slug})


def posted(**changes) -> dict:
    data = {
        "full_name": "Robin Ashgrove",
        "email": ADDRESS,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "organisation": "Hillside Care Homes Ltd",
        "homes": "Oak Lodge\nBeech House",
        "ofsted_urn": "SC 123456",
        "job_role": "Registered manager",
    }
    data.update(changes)
    return data


def token_of(message: Message) -> str:
    return message.path.rstrip("/").rsplit("/", 1)[-1]


@pytest.fixture
def signed_up(client, partnership):
    client.post(url("signup", partnership), posted())
    return User.objects.get(email=ADDRESS)


def confirm(client, partnership):
    return client.post(
        url("verify", partnership, token=token_of(Message.objects.get(kind="registers.provider_verify")))
    )


def test_the_sign_up_page_answers_without_signing_in(client, partnership):
    response = client.get(url("signup", partnership))
    assert response.status_code == 200 and "Sign up to notify placements" in response.content.decode()


def test_signing_up_sends_the_person_to_check_their_e_mail(client, partnership):
    response = client.post(url("signup", partnership), posted())
    assert response.status_code == 302 and response.url == url("signup_sent", partnership)


def test_signing_up_makes_an_inactive_account(signed_up):
    assert signed_up.is_active is False


def test_signing_up_keeps_the_providers_details_waiting_for_the_business_unit(signed_up, partnership):
    profile = Provider.objects.get(user=signed_up)
    assert (profile.partnership, profile.organisation, profile.ofsted_urn, profile.status) == (
        partnership,
        "Hillside Care Homes Ltd",
        "SC123456",
        Provider.Status.TO_REVIEW,
    )
    assert profile.homes == "Oak Lodge\nBeech House" and profile.verified_at is None


def test_signing_up_gives_no_role_until_the_e_mail_is_confirmed(signed_up):
    assert not Membership.objects.filter(user=signed_up).exists()


def test_signing_up_e_mails_a_verification_link(signed_up, partnership):
    message = Message.objects.get(kind="registers.provider_verify")
    assert message.address == ADDRESS and message.path.startswith(url("verify", partnership, token="x")[:-2])


def test_the_e_mails_subject_names_no_person(signed_up):
    subject = Message.objects.get(kind="registers.provider_verify").subject
    assert "Robin" not in subject and "Ashgrove" not in subject and "@" not in subject


def test_a_malformed_ofsted_number_is_refused(client, partnership):
    response = client.post(url("signup", partnership), posted(ofsted_urn="not a number"))
    assert response.status_code == 200 and "Ofsted unique reference number" in response.content.decode()
    assert not User.objects.filter(email=ADDRESS).exists()


def test_the_organisation_is_needed(client, partnership):
    response = client.post(url("signup", partnership), posted(organisation=""))
    assert "Enter the name of the company or charity" in response.content.decode()


def test_two_different_passwords_are_refused(client, partnership):
    client.post(url("signup", partnership), posted(password2="something else entirely 7"))
    assert not User.objects.filter(email=ADDRESS).exists()


def test_a_weak_password_is_refused(client, partnership):
    client.post(url("signup", partnership), posted(password1="password", password2="password"))
    assert not User.objects.filter(email=ADDRESS).exists()


def test_what_was_typed_is_kept_on_an_error(client, partnership):
    html = client.post(url("signup", partnership), posted(password2="different again 99")).content.decode()
    assert "Hillside Care Homes Ltd" in html and "Registered manager" in html


# --- the link --------------------------------------------------------------------------------------


def test_opening_the_link_changes_nothing_until_confirmed(client, signed_up, partnership):
    client.get(url("verify", partnership, token=token_of(Message.objects.get(kind="registers.provider_verify"))))
    signed_up.refresh_from_db()
    assert signed_up.is_active is False


def test_the_link_switches_the_account_on_and_signs_in_to_my_notifications(client, signed_up, partnership):
    response = confirm(client, partnership)
    signed_up.refresh_from_db()
    assert signed_up.is_active and response.url == mine(partnership)
    assert client.get(response.url).status_code == 200


def test_the_link_confirms_the_e_mail_address(client, signed_up, partnership):
    confirm(client, partnership)
    assert EmailAddress.objects.get(user=signed_up).verified


def test_the_link_makes_the_person_a_provider_still_waiting_for_the_check(client, signed_up, partnership):
    confirm(client, partnership)
    profile = Provider.objects.get(user=signed_up)
    assert Membership.objects.filter(user=signed_up, partnership=partnership, role="provider").exists()
    assert profile.verified_at is not None and profile.status == Provider.Status.TO_REVIEW
    assert not profile.may_notify


def test_a_confirmed_provider_is_told_they_wait_for_the_business_unit(client, signed_up, partnership):
    confirm(client, partnership)
    html = client.get(mine(partnership)).content.decode()
    assert "The business unit is checking your organisation" in html
    assert reverse("registers:notify", kwargs={"partnership": partnership.slug}) not in html


def test_the_partnerships_home_sends_a_provider_to_my_notifications(client, signed_up, partnership):
    confirm(client, partnership)
    response = client.get(reverse("partnerships:home", kwargs={"partnership": partnership.slug}))
    assert response.status_code == 302 and response.url == mine(partnership)


def test_the_link_works_once(client, signed_up, partnership):
    token = token_of(Message.objects.get(kind="registers.provider_verify"))
    client.post(url("verify", partnership, token=token))
    assert client.post(url("verify", partnership, token=token)).status_code == 404


def test_the_link_expires_after_a_day(signed_up, partnership):
    token = token_of(Message.objects.get(kind="registers.provider_verify"))
    with pytest.raises(LinkNotValid):
        provider_email_confirm(partnership=partnership, token=token, now=timezone.now() + dt.timedelta(hours=25))


def test_an_unknown_link_answers_404(client, partnership):
    assert client.get(url("verify", partnership, token="not-a-token")).status_code == 404


def test_an_unknown_partnership_answers_404(client, db):
    assert client.get(reverse("providers:signup", kwargs={"partnership": "nowhere"})).status_code == 404


# --- an address that already has an account ------------------------------------------------------


def test_an_existing_address_gets_the_same_answer(client, partnership, board_member):
    response = client.post(url("signup", partnership), posted(email=board_member.email))
    assert response.status_code == 302 and response.url == url("signup_sent", partnership)


def test_an_existing_accounts_password_is_not_changed(client, partnership, board_member):
    before = board_member.password
    client.post(url("signup", partnership), posted(email=board_member.email))
    board_member.refresh_from_db()
    assert board_member.password == before


def test_an_existing_account_is_sent_a_link_to_become_a_provider(client, partnership, board_member):
    client.post(url("signup", partnership), posted(email=board_member.email))
    message = Message.objects.get(kind="registers.provider_verify")
    assert "already has an account" in message.body and "/verify/" in message.path


def test_a_provider_already_confirmed_is_told_to_sign_in(client, partnership, provider):
    client.post(url("signup", partnership), posted(email=provider.email))
    message = Message.objects.get(kind="registers.provider_verify")
    assert "already have an account" in message.body and "/verify/" not in message.path


# --- the public form's limits --------------------------------------------------------------------


def test_a_form_filled_in_by_a_machine_keeps_nothing(client, partnership):
    response = client.post(url("signup", partnership), posted(website="http://spam.example"))
    assert response.status_code == 302 and not User.objects.filter(email=ADDRESS).exists()


def test_a_network_signing_up_too_often_is_asked_to_wait(client, partnership, settings):
    for number in range(5):
        client.post(url("signup", partnership), posted(email=f"person{number}@care.example.org"))
    response = client.post(url("signup", partnership), posted())
    assert response.status_code == 429 and not User.objects.filter(email=ADDRESS).exists()
