"""How long a session lasts: at most ASSURE_SESSION_LIFETIME after signing in however busy it
is, and never longer than ASSURE_INACTIVITY_TIMEOUT without a request."""

import datetime as dt

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assure.accounts.middleware import LAST_SEEN
from assure.accounts.tests.test_sign_in import sign_in, signed_in_as
from assure.core.tests.environment import settings_under

HOME = reverse("partnerships:home", kwargs={"partnership": "northshire"})


class Clock:
    def __init__(self):
        self.now = timezone.now()

    def advance(self, seconds: int) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    return clock


@override_settings(
    ASSURE_SESSION_LIFETIME=dt.timedelta(seconds=90),
    SESSION_COOKIE_AGE=90,
    ASSURE_INACTIVITY_TIMEOUT=dt.timedelta(minutes=30),
)
def test_a_session_in_constant_use_ends_at_its_lifetime(client, viewer, clock):
    assert sign_in(client, viewer.email).status_code == 302
    for _ in range(3):  # 25, 50 and 75 seconds after signing in
        clock.advance(25)
        assert client.get(HOME).status_code == 200
    clock.advance(25)
    response = client.get(HOME)
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={HOME}"
    assert signed_in_as(client) is None
    assert "signed in for longer than Assure allows" in client.get(response.url).content.decode()


@override_settings(ASSURE_SESSION_LIFETIME=dt.timedelta(hours=8), ASSURE_INACTIVITY_TIMEOUT=dt.timedelta(minutes=30))
def test_a_session_used_every_25_minutes_lasts_until_8_hours_after_signing_in(client, viewer, clock):
    client.force_login(viewer)
    for _ in range(19):  # up to 7 hours 55 minutes
        clock.advance(25 * 60)
        assert client.get(HOME).status_code == 200
    clock.advance(25 * 60)
    assert client.get(HOME).status_code == 302
    assert signed_in_as(client) is None


@override_settings(ASSURE_SESSION_LIFETIME=dt.timedelta(hours=8), ASSURE_INACTIVITY_TIMEOUT=dt.timedelta(minutes=30))
def test_signing_in_again_starts_a_new_lifetime(client, viewer, clock):
    client.force_login(viewer)
    clock.advance(7 * 60 * 60)
    client.logout()
    assert sign_in(client, viewer.email).status_code == 302
    clock.advance(25 * 60)
    client.get(HOME)
    clock.advance(25 * 60)
    assert client.get(HOME).status_code == 200


@override_settings(ASSURE_SESSION_LIFETIME=dt.timedelta(hours=8), ASSURE_INACTIVITY_TIMEOUT=dt.timedelta(minutes=30))
def test_the_inactivity_timeout_still_ends_a_session_left_unused(client, viewer, clock):
    client.force_login(viewer)
    assert client.get(HOME).status_code == 200
    clock.advance(31 * 60)
    assert client.get(HOME).status_code == 302
    assert signed_in_as(client) is None


def test_the_lifetime_and_the_inactivity_timeout_are_set_apart_from_the_environment(monkeypatch):
    defaults = settings_under(monkeypatch)
    assert defaults["ASSURE_SESSION_LIFETIME"] == dt.timedelta(hours=8)
    assert defaults["ASSURE_INACTIVITY_TIMEOUT"] == dt.timedelta(minutes=30)
    chosen = settings_under(monkeypatch, ASSURE_SESSION_SECONDS="3600", ASSURE_INACTIVITY_MINUTES="10")
    assert chosen["ASSURE_SESSION_LIFETIME"] == dt.timedelta(hours=1)
    assert chosen["ASSURE_INACTIVITY_TIMEOUT"] == dt.timedelta(minutes=10)


def _session_writes(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return sum(1 for q in captured.captured_queries if q["sql"].startswith('UPDATE "django_session"'))


@override_settings(ASSURE_SESSION_LIFETIME=dt.timedelta(hours=8), ASSURE_INACTIVITY_TIMEOUT=dt.timedelta(minutes=30))
def test_the_time_of_the_last_request_is_written_at_most_once_a_minute(client, viewer, clock):
    client.force_login(viewer)
    assert _session_writes(client, HOME) == 1  # the first request records it
    clock.advance(30)
    assert _session_writes(client, HOME) == 0  # nothing in the session changed
    clock.advance(30)
    assert _session_writes(client, HOME) == 1  # a minute after it was recorded
    assert client.session[LAST_SEEN] == clock.now.isoformat()


@override_settings(ASSURE_SESSION_LIFETIME=dt.timedelta(hours=8), ASSURE_INACTIVITY_TIMEOUT=dt.timedelta(minutes=30))
def test_a_session_in_use_every_50_seconds_is_never_timed_out(client, viewer, clock):
    client.force_login(viewer)
    for _ in range(60):  # 50 minutes, longer than the timeout, with no gap longer than a minute
        clock.advance(50)
        assert client.get(HOME).status_code == 200
