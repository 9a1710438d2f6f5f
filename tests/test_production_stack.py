"""One page and one static file served the way a production install serves them: gunicorn with
config.settings.production, the static files collected by the production storage (hashed names,
WhiteNoise), behind a TLS proxy that says so in X-Forwarded-Proto.

scripts/test.sh collects the static files once and names the folder in ASSURE_TEST_STATIC_ROOT;
run on its own, this test collects them itself first (slower: the storage compresses every file).
The database is a copy of the test database's schema, so nothing has to be migrated again."""

import json
import os
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
HOST = "assure.example.org"


def _production_environment(**extra: str) -> dict[str, str]:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "ASSURE_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS=HOST,
        **extra,
    )
    return environment


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    collected = os.environ.get("ASSURE_TEST_STATIC_ROOT")
    if collected and (Path(collected) / "staticfiles.json").exists():
        return Path(collected)
    folder = tmp_path_factory.mktemp("static")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=_production_environment(ASSURE_STATIC_ROOT=str(folder)),
        check=True,
        timeout=300,
    )
    return folder


def _database_url(tmp_path: Path) -> str:
    """The test database, for a process of its own: PostgreSQL's test database by name; SQLite's
    (in memory) copied to a file."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        copy = tmp_path / "assure.sqlite3"
        connection.ensure_connection()
        # Written out as SQL rather than with sqlite3's backup, which waits for ever when the test's
        # own transaction holds the database it copies.
        with sqlite3.connect(copy) as target:
            target.executescript("\n".join(connection.connection.iterdump()))
        return f"sqlite:///{copy}"
    return (
        f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST'] or 'localhost'}"
        f":{settings['PORT'] or 5432}/{settings['NAME']}"
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Host": HOST, "X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.django_db
def test_gunicorn_with_production_settings_serves_the_sign_in_page_and_hashed_static_files(static_root, tmp_path):
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=_production_environment(ASSURE_STATIC_ROOT=str(static_root), DATABASE_URL=_database_url(tmp_path)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status, headers, body = _get(f"{base}/accounts/login/")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

        assert status == 200, body[:2000]
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "same-origin"
        assert "default-src" in headers["Content-Security-Policy"]
        assert "Secure" in headers.get("Set-Cookie", "Secure")

        hashed = json.loads((static_root / "staticfiles.json").read_text())["paths"]["assure/assure.css"]
        assert f"/static/{hashed}".encode() in body
        status, headers, _ = _get(f"{base}/static/{hashed}")
        assert status == 200
        assert "immutable" in headers["Cache-Control"]

        # The proxy's health check may come over plain HTTP: answered, not redirected. The copied
        # test database has every migration applied, and no task has waited for the worker.
        request = urllib.request.Request(f"{base}/healthz", headers={"Host": HOST})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
            assert json.loads(response.read())["status"] == "healthy"

        # Plain HTTP (no proxy header) is sent to HTTPS.
        request = urllib.request.Request(f"{base}/accounts/login/", headers={"Host": HOST})
        opener = urllib.request.build_opener(_NoRedirects)
        with pytest.raises(urllib.error.HTTPError) as redirect:
            opener.open(request, timeout=10)
        assert redirect.value.code == 301
        assert redirect.value.headers["Location"].startswith(f"https://{HOST}/")
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=10)
    assert b"Traceback" not in output, output.decode()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
