"""Failed sign-ins are counted per account (the main defence) and per client address, in a cache
every worker shares. Behind Assure's proxy the client's address comes from the header the proxy
is configured to set, so one person's failures do not lock out everyone behind the same proxy."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from assure.accounts.tests.factories import DEFAULT_PASSWORD
from assure.accounts.tests.test_sign_in import signed_in_as
from assure.core.tests.environment import settings_under

PROXY = "10.0.0.5"


def sign_in_from(client, address: str, email: str, password: str = DEFAULT_PASSWORD, **headers):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": password},
        REMOTE_ADDR=PROXY,
        headers={"X-Real-IP": address, **headers},
    )


def refused_as_too_many(response) -> bool:
    """Past a limit on attempts (429), or on failures ("Too many failed login attempts")."""
    return response.status_code == 429 or "Too many failed login attempts" in response.content.decode()


@pytest.fixture
def behind_the_proxy(monkeypatch):
    """The settings a server behind a proxy that sets X-Real-IP reads from its environment."""
    configured = settings_under(monkeypatch, ASSURE_TRUSTED_PROXY_HEADER="X-Real-IP")
    with override_settings(ALLAUTH_TRUSTED_CLIENT_IP_HEADER=configured["ALLAUTH_TRUSTED_CLIENT_IP_HEADER"]):
        yield


def test_failures_of_many_people_behind_the_proxy_do_not_lock_out_another(client, viewer, behind_the_proxy):
    # More than either limit per address: 20 failures, 30 attempts a minute.
    for n in range(31):
        sign_in_from(client, f"198.51.100.{n}", f"nobody{n}@example.org", "not the password")
    response = sign_in_from(client, "203.0.113.7", viewer.email)
    assert response.status_code == 302
    assert signed_in_as(client) == str(viewer.pk)


def test_one_client_address_is_still_limited_behind_the_proxy(client, viewer, behind_the_proxy):
    for n in range(20):
        sign_in_from(client, "198.51.100.1", f"nobody{n}@example.org", "not the password")
    assert refused_as_too_many(sign_in_from(client, "198.51.100.1", viewer.email))
    assert signed_in_as(client) is None
    assert sign_in_from(client, "203.0.113.7", viewer.email).status_code == 302


def test_the_per_account_limit_holds_whatever_the_client_address(client, viewer, behind_the_proxy):
    for n in range(5):
        sign_in_from(client, f"198.51.100.{n}", viewer.email, "not the password")
    response = sign_in_from(client, "203.0.113.7", viewer.email)
    assert "Too many failed login attempts" in response.content.decode()
    assert signed_in_as(client) is None


def test_without_a_configured_proxy_forwarded_addresses_are_not_believed(client, viewer, monkeypatch):
    defaults = settings_under(monkeypatch)
    assert defaults["ALLAUTH_TRUSTED_CLIENT_IP_HEADER"] is None
    assert defaults["ALLAUTH_TRUSTED_PROXY_COUNT"] == 0
    for n in range(20):
        sign_in_from(client, f"198.51.100.{n}", f"nobody{n}@example.org", "not the password")
    # The same address, whatever it claims to forward for.
    forged = sign_in_from(client, "203.0.113.7", viewer.email, **{"X-Forwarded-For": "203.0.113.7"})
    assert refused_as_too_many(forged)
    assert signed_in_as(client) is None


def test_a_count_of_proxies_can_be_configured_instead_of_a_header(monkeypatch):
    configured = settings_under(monkeypatch, ASSURE_TRUSTED_PROXY_COUNT="1")
    assert configured["ALLAUTH_TRUSTED_PROXY_COUNT"] == 1
    assert configured["ALLAUTH_TRUSTED_CLIENT_IP_HEADER"] is None


def test_the_counters_are_kept_in_the_database_where_every_worker_sees_them(client, viewer, monkeypatch):
    caches = settings_under(monkeypatch)["CACHES"]
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    with override_settings(CACHES=caches):
        call_command("createcachetable", verbosity=0)
        for _ in range(5):
            sign_in_from(client, "198.51.100.1", viewer.email, "not the password")
        table = connection.ops.quote_name(caches["default"]["LOCATION"])
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
            assert cursor.fetchone()[0] > 0
        assert "Too many failed login attempts" in sign_in_from(client, "203.0.113.7", viewer.email).content.decode()


def test_behind_the_proxy_a_sign_in_that_did_not_come_through_it_is_refused(client, viewer, behind_the_proxy):
    # Without the proxy's header the client's address is unknown, and no limit could apply.
    response = client.post(reverse("account_login"), {"login": viewer.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 403
    assert signed_in_as(client) is None
