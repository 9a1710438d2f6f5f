"""Signing up to book training from the public calendar: an inactive account with a profile, a
link e-mailed to the work address that verifies it once and expires, an address that already has
an account never revealed, and the limits on the public form."""

import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from assure.accounts.models import Membership, User
from assure.accounts.tests.factories import UserFactory
from assure.notifications.models import Message
from assure.training.models import Practitioner
from assure.training.services.practitioners import LinkNotValid, practitioner_verify

pytestmark = pytest.mark.django_db

PASSWORD = "a long and quiet harbour 42"


def url(name, partnership, **kwargs):
    return reverse(f"courses:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def posted(agency, **changes) -> dict:
    data = {
        "full_name": "Robin Ashgrove",
        "email": "robin.ashgrove@health.example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "organisation": str(agency.pk),
        "other_organisation": "",
        "job_role": "School nurse",
        "manager_email": "",
    }
    data.update(changes)
    return data


def token_of(message: Message) -> str:
    return message.path.rstrip("/").rsplit("/", 1)[-1]


@pytest.fixture
def signed_up(client, partnership, agency):
    client.post(url("signup", partnership), posted(agency))
    return User.objects.get(email="robin.ashgrove@health.example.org")


def test_signing_up_sends_the_person_to_check_their_e_mail(client, partnership, agency):
    response = client.post(url("signup", partnership), posted(agency))
    assert response.status_code == 302 and response.url == url("signup_sent", partnership)


def test_signing_up_makes_an_inactive_account(signed_up):
    assert signed_up.is_active is False


def test_signing_up_makes_an_unverified_profile_of_the_agency(signed_up, partnership, agency):
    profile = Practitioner.objects.get(user=signed_up)
    assert (profile.partnership, profile.agency, profile.verified_at) == (partnership, agency, None)


def test_signing_up_gives_no_role_until_verified(signed_up):
    assert not Membership.objects.filter(user=signed_up).exists()


def test_signing_up_e_mails_a_verification_link(signed_up, partnership):
    message = Message.objects.get(kind="training.verify")
    assert message.address == signed_up.email and message.path.startswith(url("verify", partnership, token="x")[:-2])


def test_the_e_mails_subject_names_no_person(signed_up):
    subject = Message.objects.get(kind="training.verify").subject
    assert "Robin" not in subject and "Ashgrove" not in subject and "@" not in subject


def test_the_link_switches_the_account_on_and_signs_in(client, signed_up, partnership):
    token = token_of(Message.objects.get(kind="training.verify"))
    response = client.post(url("verify", partnership, token=token))
    signed_up.refresh_from_db()
    assert signed_up.is_active and response.url == reverse("training:mine", kwargs={"partnership": partnership.slug})
    assert client.get(response.url).status_code == 200


def test_the_link_confirms_the_e_mail_address(client, signed_up, partnership):
    client.post(url("verify", partnership, token=token_of(Message.objects.get(kind="training.verify"))))
    assert EmailAddress.objects.get(user=signed_up).verified


def test_the_link_makes_the_person_a_practitioner(client, signed_up, partnership):
    client.post(url("verify", partnership, token=token_of(Message.objects.get(kind="training.verify"))))
    assert Membership.objects.filter(user=signed_up, partnership=partnership, role="practitioner").exists()
    assert Practitioner.objects.get(user=signed_up).verified_at is not None


def test_opening_the_link_changes_nothing_until_confirmed(client, signed_up, partnership):
    client.get(url("verify", partnership, token=token_of(Message.objects.get(kind="training.verify"))))
    signed_up.refresh_from_db()
    assert signed_up.is_active is False


def test_the_link_works_once(client, signed_up, partnership):
    token = token_of(Message.objects.get(kind="training.verify"))
    client.post(url("verify", partnership, token=token))
    assert client.post(url("verify", partnership, token=token)).status_code == 404


def test_the_link_expires_after_a_day(signed_up, partnership):
    token = token_of(Message.objects.get(kind="training.verify"))
    with pytest.raises(LinkNotValid):
        practitioner_verify(partnership=partnership, token=token, now=timezone.now() + dt.timedelta(hours=25))


def test_an_unknown_link_answers_404(client, partnership):
    assert client.get(url("verify", partnership, token="not-a-token")).status_code == 404


def test_another_organisation_waits_for_the_business_unit(client, partnership, agency):
    client.post(url("signup", partnership), posted(agency, organisation="other", other_organisation="Little Owls"))
    profile = Practitioner.objects.get()
    assert (profile.agency, profile.agency_status) == (None, Practitioner.AgencyStatus.TO_REVIEW)


def test_another_organisation_needs_its_name(client, partnership, agency):
    response = client.post(url("signup", partnership), posted(agency, organisation="other"))
    assert response.status_code == 200 and not Practitioner.objects.exists()


def test_two_different_passwords_are_refused(client, partnership, agency):
    client.post(url("signup", partnership), posted(agency, password2="something else entirely 7"))
    assert not User.objects.filter(email="robin.ashgrove@health.example.org").exists()


def test_a_weak_password_is_refused(client, partnership, agency):
    client.post(url("signup", partnership), posted(agency, password1="password", password2="password"))
    assert not User.objects.filter(email="robin.ashgrove@health.example.org").exists()


# --- an address that already has an account ----------------------------------------------------


def test_an_existing_address_gets_the_same_answer(client, partnership, agency, board_member):
    response = client.post(url("signup", partnership), posted(agency, email=board_member.email))
    assert response.status_code == 302 and response.url == url("signup_sent", partnership)


def test_an_existing_accounts_password_is_not_changed(client, partnership, agency, board_member):
    client.post(url("signup", partnership), posted(agency, email=board_member.email))
    board_member.refresh_from_db()
    assert not board_member.check_password(PASSWORD)


def test_an_existing_practitioner_is_told_they_have_an_account(client, partnership, agency, practitioner):
    client.post(url("signup", partnership), posted(agency, email=practitioner.email))
    message = Message.objects.get(address=practitioner.email)
    assert "already have an account" in message.body
    assert Practitioner.objects.filter(user=practitioner).count() == 1


def test_an_existing_account_becomes_a_practitioner_only_by_the_link(client, partnership, agency, board_member):
    client.post(url("signup", partnership), posted(agency, email=board_member.email))
    assert not Membership.objects.filter(user=board_member, role="practitioner").exists()
    client.post(url("verify", partnership, token=token_of(Message.objects.get(address=board_member.email))))
    assert Membership.objects.filter(user=board_member, partnership=partnership, role="practitioner").exists()


def test_an_existing_account_signs_in_with_its_own_password_after_the_link(client, partnership, agency, board_member):
    client.post(url("signup", partnership), posted(agency, email=board_member.email))
    response = client.post(url("verify", partnership, token=token_of(Message.objects.get(address=board_member.email))))
    assert response.url.startswith(reverse("account_login"))


# --- abuse ---------------------------------------------------------------------------------------


def test_a_form_with_the_hidden_field_filled_in_is_dropped(client, partnership, agency):
    response = client.post(url("signup", partnership), posted(agency, website="http://spam.example"))
    assert response.status_code == 302 and not User.objects.filter(email="robin.ashgrove@health.example.org").exists()


def test_sign_ups_from_one_network_are_limited(client, partnership, agency):
    for number in range(5):
        client.post(url("signup", partnership), posted(agency, email=f"person{number}@health.example.org"))
    response = client.post(url("signup", partnership), posted(agency, email="sixth@health.example.org"))
    assert response.status_code == 429 and not User.objects.filter(email="sixth@health.example.org").exists()


def test_an_inactive_account_switched_off_is_not_given_a_profile(client, partnership, agency):
    UserFactory(email="gone@health.example.org", is_active=False)
    client.post(url("signup", partnership), posted(agency, email="gone@health.example.org"))
    assert not Practitioner.objects.exists()
