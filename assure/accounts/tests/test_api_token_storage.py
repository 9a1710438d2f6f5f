"""How API tokens are kept: the database holds a hash of each token's secret beside a public id,
never the key itself, so someone who reads the database (a backup, a copied table) cannot use a
token. A token expires, and a revoked one stays on record; both are refused with a clear 401."""

import logging
from datetime import timedelta
from unittest import mock

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import timezone

from assure.accounts.services import api_token_create, api_token_revoke

pytestmark = pytest.mark.django_db

DEFAULT_LIFETIME = timedelta(days=90)


def new_key(user, partnership) -> str:
    return api_token_create(actor=user, partnership=partnership).key


def secret_of(key: str) -> str:
    return key.split("_", 2)[-1]


def api(client, partnership, key: str):
    address = reverse("performance:api_observations", kwargs={"partnership": partnership.slug})
    return client.get(address, HTTP_AUTHORIZATION=f"Token {key}")


def token_page(partnership) -> str:
    return reverse("accounts:api_token", kwargs={"partnership": partnership.slug})


def test_a_key_names_assure_and_a_public_id_before_its_secret(board_member, partnership):
    prefix, public_id, secret = new_key(board_member, partnership).split("_", 2)
    assert prefix == "assure"
    assert len(public_id) == 8
    assert len(secret) >= 40


def test_the_database_holds_no_usable_key(board_member, partnership):
    key = new_key(board_member, partnership)
    secret = secret_of(key)
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                for value in (key, secret):
                    found = model._base_manager.filter(**{f"{field.attname}__contains": value})
                    assert not found.exists(), f"{model._meta.label}.{field.name} holds the token"


def test_a_token_works_with_the_api(client, board_member, partnership):
    key = new_key(board_member, partnership)
    assert key.startswith("assure_")
    assert api(client, partnership, key).status_code == 200


def test_a_token_works_until_it_expires(client, board_member, partnership):
    key = new_key(board_member, partnership)
    almost = timezone.now() + DEFAULT_LIFETIME - timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=almost):
        assert api(client, partnership, key).status_code == 200


def test_an_expired_token_is_refused(client, board_member, partnership):
    key = new_key(board_member, partnership)
    later = timezone.now() + DEFAULT_LIFETIME + timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = api(client, partnership, key)
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_the_lifetime_comes_from_the_settings(client, board_member, partnership, settings):
    settings.ASSURE_API_TOKEN_LIFETIME = timedelta(days=7)
    key = new_key(board_member, partnership)
    later = timezone.now() + timedelta(days=8)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert api(client, partnership, key).status_code == 401


def test_a_revoked_token_is_refused(client, board_member, partnership):
    key = new_key(board_member, partnership)
    api_token_revoke(actor=board_member, partnership=partnership)
    response = api(client, partnership, key)
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_a_wrong_secret_with_the_right_public_id_is_refused(client, board_member, partnership):
    prefix, public_id, secret = new_key(board_member, partnership).split("_", 2)
    changed = ("B" if secret[0] == "A" else "A") + secret[1:]
    for wrong in (changed, secret[:-1], "x" * len(secret), ""):
        response = api(client, partnership, f"{prefix}_{public_id}_{wrong}")
        assert response.status_code == 401
        assert response.json()["detail"] == "Invalid token."


def test_the_page_shows_the_key_once(client, board_member, partnership):
    client.force_login(board_member)
    created = client.post(token_page(partnership)).content.decode()
    key = next(word for word in created.replace("<", " ").replace(">", " ").split() if word.startswith("assure_"))
    assert api(client, partnership, key).status_code == 200
    again = client.get(token_page(partnership)).content.decode()
    assert secret_of(key) not in again
    assert "You have a token" in again


def test_the_page_says_when_the_token_expires(client, board_member, partnership):
    client.force_login(board_member)
    client.post(token_page(partnership))
    expires = timezone.localtime(timezone.now() + DEFAULT_LIFETIME)
    page = client.get(token_page(partnership)).content.decode()
    assert "Expires</dt>" in page
    assert f"{expires.day} {expires:%B %Y}" in page


def test_the_page_says_the_last_token_was_revoked(client, board_member, partnership):
    api_token_create(actor=board_member, partnership=partnership)
    api_token_revoke(actor=board_member, partnership=partnership)
    client.force_login(board_member)
    page = client.get(token_page(partnership)).content.decode()
    assert "You have no API token." in page
    assert "Your last token was revoked on" in page


def test_an_expired_token_can_be_replaced(client, board_member, partnership):
    api_token_create(actor=board_member, partnership=partnership)
    later = timezone.now() + DEFAULT_LIFETIME + timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        client.force_login(board_member)
        page = client.get(token_page(partnership)).content.decode()
        assert "Your last token expired on" in page
        key = new_key(board_member, partnership)
        assert api(client, partnership, key).status_code == 200


def test_use_is_noted_at_most_once_a_minute(client, board_member, partnership):
    from assure.accounts.models import ApiToken

    key = new_key(board_member, partnership)
    assert api(client, partnership, key).status_code == 200
    first_use = ApiToken.objects.get(user=board_member).last_used_at
    assert first_use is not None
    api(client, partnership, key)
    assert ApiToken.objects.get(user=board_member).last_used_at == first_use
    ApiToken.objects.filter(user=board_member).update(last_used_at=first_use - timedelta(minutes=2))
    api(client, partnership, key)
    assert ApiToken.objects.get(user=board_member).last_used_at > first_use


def test_the_key_is_never_logged(client, board_member, partnership, caplog):
    key = new_key(board_member, partnership)
    with caplog.at_level(logging.DEBUG):
        api(client, partnership, key)
        api(client, partnership, key[:-2] + "zz")
        api_token_revoke(actor=board_member, partnership=partnership)
        api(client, partnership, key)
    assert secret_of(key) not in caplog.text
