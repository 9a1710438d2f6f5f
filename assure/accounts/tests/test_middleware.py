import datetime as dt

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from assure.accounts.middleware import LAST_SEEN

MEMBERS = reverse("accounts:members", kwargs={"partnership": "northshire"})
HOME = reverse("partnerships:home", kwargs={"partnership": "northshire"})


@pytest.mark.parametrize("page", [MEMBERS, HOME, reverse("core:partnerships")])
def test_a_role_that_needs_mfa_is_sent_to_set_it_up_first(client, officer_without_mfa, page):
    client.force_login(officer_without_mfa)
    response = client.get(page)
    assert response.status_code == 302 and response.url == reverse("mfa_activate_totp")


@pytest.mark.parametrize("page", ["account_logout", "account_reauthenticate", "mfa_index"])
def test_signing_out_and_setting_up_mfa_stay_open_before_mfa_is_set_up(client, officer_without_mfa, page):
    client.force_login(officer_without_mfa)
    assert client.get(reverse(page)).status_code == 200


def test_a_role_that_does_not_need_mfa_is_not_sent_to_set_it_up(client, viewer):
    client.force_login(viewer)
    assert client.get(HOME).status_code == 200


def test_with_mfa_set_up_the_pages_open(client, business_unit):
    client.force_login(business_unit)
    assert client.get(MEMBERS).status_code == 200


def _last_seen(client, when: dt.datetime) -> None:
    session = client.session
    session[LAST_SEEN] = when.isoformat()
    session.save()


@override_settings(ASSURE_INACTIVITY_TIMEOUT=dt.timedelta(minutes=30))
def test_a_session_unused_for_longer_than_the_timeout_is_signed_out(client, viewer):
    client.force_login(viewer)
    client.get(HOME)
    _last_seen(client, timezone.now() - dt.timedelta(minutes=31))
    response = client.get(HOME)
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={HOME}"
    assert "_auth_user_id" not in client.session
    assert "signed out because you had not used Assure" in client.get(response.url).content.decode()


@override_settings(ASSURE_INACTIVITY_TIMEOUT=dt.timedelta(minutes=30))
def test_a_session_used_within_the_timeout_stays_signed_in(client, viewer):
    client.force_login(viewer)
    client.get(HOME)
    _last_seen(client, timezone.now() - dt.timedelta(minutes=29))
    assert client.get(HOME).status_code == 200
    assert client.session["_auth_user_id"] == str(viewer.pk)
