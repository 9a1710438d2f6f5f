"""Signing in through the real forms: the lockout, the second step for people with an
authenticator app, and resetting a forgotten password."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.core import mail
from django.urls import reverse

from assure.accounts.tests.factories import DEFAULT_PASSWORD, totp_code


def sign_in(client, email: str, password: str = DEFAULT_PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def confirm_password(client, password: str = DEFAULT_PASSWORD, page: str | None = None):
    """Changing how one signs in asks for the password again first."""
    return client.post(page or reverse("account_reauthenticate"), {"password": password})


# Lockout


def test_the_right_password_is_refused_after_five_failed_sign_ins(client, viewer):
    for _ in range(5):
        assert sign_in(client, viewer.email, "not the password").status_code == 200
    response = sign_in(client, viewer.email)
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert signed_in_as(client) is None


def test_four_failed_sign_ins_do_not_lock_the_account(client, viewer):
    for _ in range(4):
        sign_in(client, viewer.email, "not the password")
    assert sign_in(client, viewer.email).status_code == 302
    assert signed_in_as(client) == str(viewer.pk)


def test_one_persons_failures_do_not_lock_another(client, viewer, auditor):
    for _ in range(5):
        sign_in(client, viewer.email, "not the password")
    sign_in(client, auditor.email)
    assert signed_in_as(client) == str(auditor.pk)


def test_a_failed_sign_in_shows_an_error_summary(client, viewer):
    page = sign_in(client, viewer.email, "not the password").content.decode()
    assert "govuk-error-summary" in page
    assert "<title>Error: Sign in" in page


# Multi-factor authentication


def test_a_viewer_without_mfa_signs_in_with_the_password_alone(client, viewer):
    response = sign_in(client, viewer.email)
    assert response.status_code == 302 and response.url == reverse("core:home")
    assert signed_in_as(client) == str(viewer.pk)


def test_a_person_with_an_authenticator_must_enter_a_code(client, business_unit):
    response = sign_in(client, business_unit.email)
    assert response.url == reverse("mfa_authenticate")
    assert signed_in_as(client) is None
    page = client.get(response.url).content.decode()
    assert "Enter your security code" in page and "recovery codes" in page
    finished = client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert finished.status_code == 302
    assert signed_in_as(client) == str(business_unit.pk)


def test_a_wrong_code_is_refused_with_an_error_summary(client, business_unit):
    sign_in(client, business_unit.email)
    response = client.post(reverse("mfa_authenticate"), {"code": "000000" if totp_code() != "000000" else "111111"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert signed_in_as(client) is None


def test_a_recovery_code_also_completes_sign_in(client, panel_member):
    recovery_code = RecoveryCodes.activate(panel_member).get_unused_codes()[0]
    sign_in(client, panel_member.email)
    client.post(reverse("mfa_authenticate"), {"code": recovery_code})
    assert signed_in_as(client) == str(panel_member.pk)
    assert (
        recovery_code
        not in RecoveryCodes(Authenticator.objects.get(user=panel_member, type="recovery_codes")).get_unused_codes()
    )


def test_a_business_unit_officer_cannot_turn_off_their_authenticator(client, business_unit):
    sign_in(client, business_unit.email)
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    confirm_password(client)
    page = client.get(reverse("mfa_deactivate_totp")).content.decode()
    assert "Your role requires multi-factor authentication" in page
    assert "Turn off</button>" not in page
    client.post(reverse("mfa_deactivate_totp"))
    assert Authenticator.objects.filter(user=business_unit, type=Authenticator.Type.TOTP).exists()


def test_a_viewer_may_set_up_an_authenticator_app(client, viewer):
    sign_in(client, viewer.email)
    confirm_password(client)
    page = client.get(reverse("mfa_activate_totp")).content.decode()
    secret = client.session["mfa.totp.secret"]
    assert 'src="data:image/svg+xml;base64,' in page
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in page
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302 and response.url == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=viewer, type=Authenticator.Type.TOTP).exists()
    codes = client.get(response.url).content.decode()
    assert "Your recovery codes" in codes


def test_at_first_sign_in_an_officer_sets_up_mfa_then_reaches_the_partnership(client, officer_without_mfa):
    members = reverse("accounts:members", kwargs={"partnership": "northshire"})
    sign_in(client, officer_without_mfa.email)
    sent_to_set_up = client.get(members, follow=True)
    reauthenticate_page = sent_to_set_up.redirect_chain[-1][0]
    assert reauthenticate_page.startswith(reverse("account_reauthenticate"))
    assert "Confirm it is you" in sent_to_set_up.content.decode()
    confirmed = confirm_password(client, page=reauthenticate_page)
    assert confirmed.url == reverse("mfa_activate_totp")
    assert "Set up an authenticator app" in client.get(confirmed.url).content.decode()
    client.post(reverse("mfa_activate_totp"), {"code": totp_code(client.session["mfa.totp.secret"])})
    assert client.get(members).status_code == 200


# Password reset


def _reset_link(message) -> str:
    return re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", message.body).group(1)


def test_password_reset_sends_a_link_that_sets_a_new_password(client, viewer):
    response = client.post(reverse("account_reset_password"), {"email": viewer.email})
    assert response.status_code == 302 and response.url == reverse("account_reset_password_done")
    [message] = mail.outbox
    assert message.to == [viewer.email]
    form_page = client.get(_reset_link(message), follow=True)
    assert "Choose your password" in form_page.content.decode()
    new_password = "another long memorable passphrase"
    done = client.post(form_page.redirect_chain[-1][0], {"password1": new_password, "password2": new_password})
    assert done.url == reverse("account_reset_password_from_key_done")
    sign_in(client, viewer.email, new_password)
    assert signed_in_as(client) == str(viewer.pk)


def test_a_reset_link_works_only_once(client, viewer):
    client.post(reverse("account_reset_password"), {"email": viewer.email})
    link = _reset_link(mail.outbox[0])
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    new_password = "another long memorable passphrase"
    client.post(form_url, {"password1": new_password, "password2": new_password})
    page = client.get(link, follow=True).content.decode()
    assert "This link no longer works" in page


def test_an_unknown_address_gets_the_same_answer_as_a_known_one(client, viewer):
    known = client.post(reverse("account_reset_password"), {"email": viewer.email})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert (unknown.status_code, unknown.url) == (known.status_code, known.url)
    assert [m.to for m in mail.outbox if "/password/reset/key/" in m.body] == [[viewer.email]]


@pytest.mark.parametrize("email", ["", "not-an-address"])
def test_an_invalid_address_is_explained(client, db, email):
    page = client.post(reverse("account_reset_password"), {"email": email}).content.decode()
    assert "govuk-error-summary" in page
