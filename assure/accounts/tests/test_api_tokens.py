"""The API token page: a person sees whether they have a token, creates one (shown once) and
revokes it after confirming; each change is a domain event that never holds the key."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assure.accounts.models import ApiToken
from assure.accounts.services import api_token_create, api_token_revoke
from assure.audit.models import Event

pytestmark = pytest.mark.django_db


def page(partnership) -> str:
    return reverse("accounts:api_token", kwargs={"partnership": partnership.slug})


def revoke_page(partnership) -> str:
    return reverse("accounts:api_token_revoke", kwargs={"partnership": partnership.slug})


def test_the_page_says_when_there_is_no_token(client, board_member, partnership):
    client.force_login(board_member)
    response = client.get(page(partnership))
    assert response.status_code == 200
    assert "You have no API token." in response.content.decode()


def test_creating_a_token_shows_its_key(client, board_member, partnership):
    client.force_login(board_member)
    response = client.post(page(partnership))
    token = ApiToken.objects.get(user=board_member)
    assert f"assure_{token.public_id}_" in response.content.decode()


def test_the_key_is_shown_only_once(client, board_member, partnership):
    client.force_login(board_member)
    created = client.post(page(partnership)).content.decode()
    token = ApiToken.objects.get(user=board_member)
    key = created.split('data-testid="api-token-key">', 1)[1].split("<", 1)[0]
    assert key.startswith(f"assure_{token.public_id}_")
    page_again = client.get(page(partnership)).content.decode()
    assert key not in page_again
    assert "You have a token" in page_again


def test_the_page_is_never_cached(client, board_member, partnership):
    client.force_login(board_member)
    response = client.post(page(partnership))
    assert "no-store" in response["Cache-Control"]


def test_a_second_token_is_refused_until_the_first_is_revoked(client, board_member, partnership):
    client.force_login(board_member)
    client.post(page(partnership))
    first = ApiToken.objects.get(user=board_member).key_hash
    response = client.post(page(partnership))
    assert "Revoke it before you create another" in response.content.decode()
    assert ApiToken.objects.get(user=board_member).key_hash == first


def test_revoking_asks_for_confirmation_first(client, board_member, partnership):
    api_token_create(actor=board_member, partnership=partnership)
    client.force_login(board_member)
    response = client.get(revoke_page(partnership))
    assert "Revoke your API token?" in response.content.decode()
    assert ApiToken.objects.filter(ApiToken.live_q(), user=board_member).exists()


def test_revoking_ends_the_token(client, board_member, partnership):
    api_token_create(actor=board_member, partnership=partnership)
    client.force_login(board_member)
    response = client.post(revoke_page(partnership))
    assert response.status_code == 302
    assert not ApiToken.objects.filter(ApiToken.live_q(), user=board_member).exists()
    assert ApiToken.objects.get(user=board_member).revoked_at is not None


def test_revoking_without_a_token_says_so(client, board_member, partnership):
    client.force_login(board_member)
    assert "You have no API token" in client.get(revoke_page(partnership)).content.decode()


def test_a_viewer_has_no_token_page(client, viewer, partnership):
    client.force_login(viewer)
    assert client.get(page(partnership)).status_code == 403
    assert client.post(page(partnership)).status_code == 403
    assert not ApiToken.objects.filter(user=viewer).exists()


def test_an_outsider_has_no_token_page_here(client, outsider, partnership):
    client.force_login(outsider)
    assert client.get(page(partnership)).status_code == 404


def test_creating_records_an_event_without_the_key(board_member, partnership):
    token = api_token_create(actor=board_member, partnership=partnership)
    event = Event.objects.get(verb="api_token.created")
    assert event.actor == board_member
    assert event.partnership == partnership
    assert event.target_id == str(board_member.pk)
    assert token.key not in f"{event.summary} {event.target_id} {event.data}"


def test_revoking_records_an_event(board_member, partnership):
    api_token_create(actor=board_member, partnership=partnership)
    api_token_revoke(actor=board_member, partnership=partnership)
    assert Event.objects.filter(verb="api_token.revoked", actor=board_member).exists()


def test_revoking_nothing_is_refused(board_member, partnership):
    with pytest.raises(ValidationError):
        api_token_revoke(actor=board_member, partnership=partnership)
