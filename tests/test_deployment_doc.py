"""docs/deployment.md, run as written: every command of its install blocks, in order, on an empty
PostgreSQL database; then the business unit officer it invites signs in through the running
server, sets up two-step verification and reaches their partnership's overview.

The page marks its install blocks in its source: a ```sh block after ``<!-- deployment-step -->``
holds commands run one after another; one after ``<!-- deployment-service -->`` holds services,
each started and left running. Each command runs in a terminal, from the checkout, as a reader
would run it. The test does only what a reader must add:

- the values the page leaves to the reader: a ``…`` in an ``export`` line is replaced by the
  test's own value (a new database on the test's PostgreSQL server, a new secret key); a ``…``
  anywhere else fails the test;
- settings the page's table offers, and only those: e-mail written to a folder instead of sent
  (the invitation is read from there), and the static and private files in folders of the
  test's own;
- a password typed when a command asks for one;
- a free port instead of the page's ``127.0.0.1:8000``, so that it runs beside other servers;
- the TLS proxy's part: the ``Host`` and ``X-Forwarded-Proto`` headers of each request;
- stopping the services and dropping the database at the end.
"""

import email
import email.policy
import http.cookies
import json
import os
import re
import secrets
import select
import shlex
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from assure.demo.totp import current_code, seconds_left

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "deployment.md"
HOST = "assure.example.org"
DOCUMENTED_ADDRESS = "127.0.0.1:8000"
BLOCK = re.compile(r"<!-- deployment-(step|service) -->\s*```sh\n(.*?)```", re.DOTALL)
PROMPTS = (b"Password:", b"Password (again):")
STEP_SECONDS = 300
PASSWORD = "a quiet harbour under nine lanterns"

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the page installs on PostgreSQL: this runs when DATABASE_URL names a PostgreSQL server",
)


@dataclass(frozen=True)
class Block:
    kind: str  # "step" or "service"
    commands: list[str]


def install_blocks(text: str) -> list[Block]:
    """The page's marked ```sh blocks in order, each as its commands (a line ending in a
    backslash goes on on the next; blank lines and comments are not commands)."""
    blocks = []
    for kind, body in BLOCK.findall(text):
        commands, pending = [], ""
        for line in body.splitlines():
            pending += line.strip()
            if pending.endswith("\\"):
                pending = pending[:-1] + " "
                continue
            if pending and not pending.startswith("#"):
                commands.append(pending)
            pending = ""
        blocks.append(Block(kind=kind, commands=commands))
    return blocks


def settings_table(text: str) -> str:
    return text[text.index("## Settings") : text.index("### Behind the proxy")]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _exported(command: str, values: dict[str, str]) -> dict[str, str]:
    """The variables an ``export`` line sets, with the test's value where the page leaves one to
    the reader."""
    exported = {}
    for assignment in shlex.split(command, comments=True)[1:]:
        name, _, value = assignment.partition("=")
        if "…" in value:
            assert name in values, f"The page leaves {name} to the reader, and the test has no value for it."
            value = values[name]
        exported[name] = value
    return exported


def run_in_terminal(command: str, *, environment: dict[str, str], password: str) -> str:
    """Run one command in a terminal of its own (so that a command asking for a password can
    read it), typing the password at each prompt; its output, or the test fails with it."""
    main, terminal = os.openpty()
    process = subprocess.Popen(
        ["setsid", "--wait", "--ctty", "bash", "-c", command],
        cwd=ROOT,
        env={**environment, "TERM": "dumb"},  # plain output (no colours) for the failure message
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
    )
    os.close(terminal)
    output, answered = b"", 0
    deadline = time.monotonic() + STEP_SECONDS
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 1)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the command has ended and closed the terminal
                break
            if not chunk:
                break
            output += chunk
            if output[answered:].rstrip(b" ").endswith(PROMPTS):
                os.write(main, password.encode() + b"\n")
                answered = len(output)
        else:
            process.kill()
            pytest.fail(f"`{command}` did not finish in {STEP_SECONDS} s:\n{output.decode(errors='replace')}")
        status = process.wait(timeout=30)
    finally:
        os.close(main)
    text = output.decode(errors="replace")
    if status != 0:
        pytest.fail(f"`{command}` failed (exit status {status}):\n{text}")
    return text


class Visitor:
    """A person's browser, talking to the server the way the TLS proxy passes requests on: the
    public host name, over HTTPS as far as Assure can tell. Redirects are followed; cookies are
    kept by hand, since they are marked Secure and the connection here is plain HTTP."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}
        self.path, self.status, self.page = "", 0, ""

    def _send(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str | None]:
        headers = {"Host": HOST, "X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers |= {"Origin": f"https://{HOST}", "Referer": f"https://{HOST}{self.path}"}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            response = _OPENER.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel.value:
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        self.status, self.path = response.status, path
        self.page = response.read().decode(errors="replace")
        location = response.headers.get("Location")
        if location and response.status in (301, 302, 303, 307, 308):
            parts = urllib.parse.urlsplit(location)
            assert parts.netloc in ("", HOST), f"{path} sent the browser to {location}"
            return response.status, parts.path + (f"?{parts.query}" if parts.query else "")
        return response.status, None

    def get(self, path: str) -> str:
        _, location = self._send(path)
        while location:
            _, location = self._send(location)
        return self.page

    def submit(self, fields: dict[str, str]) -> str:
        """Fill in the form on the current page with ``fields`` and send it to the form's address
        (the page's own when it names none)."""
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.page)
        assert token, f"No form on {self.path}:\n{self.page[:3000]}"
        action = re.search(r'<form method="post" action="([^"]*)"', self.page)
        target = (action and action.group(1)) or self.path
        _, location = self._send(target, {"csrfmiddlewaretoken": token.group(1), **fields})
        while location:
            _, location = self._send(location)
        return self.page


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def invitation_link(mail_folder: Path) -> tuple[str, str]:
    """The one e-mail sent: who it went to and the path of the link it gives."""
    messages = []
    for written in sorted(mail_folder.iterdir()):
        for raw in written.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if raw.strip():
                messages.append(email.message_from_bytes(raw, policy=email.policy.default))
    assert len(messages) == 1, [message["Subject"] for message in messages]
    [message] = messages
    body = message.get_body(preferencelist=("plain",)).get_content()
    link = re.search(rf"https://{re.escape(HOST)}(/accounts/password/reset/key/\S+/)", body)
    assert link, body
    return message["To"], link.group(1)


def created_partnership(outputs: dict[str, str]) -> tuple[str, str]:
    """The name the page gives its first partnership, and its overview's address as the command
    reported it."""
    [(command, output)] = [(command, output) for command, output in outputs.items() if "partnership_create" in command]
    words = shlex.split(command, comments=True)
    return words[words.index("--name") + 1], re.search(r"at (/p/[\w-]+/)", output).group(1)


@pytest.fixture
def empty_database():
    """A new, empty database on the test database's server, dropped afterwards."""
    settings = connection.settings_dict
    server = {
        "user": settings["USER"],
        "password": settings["PASSWORD"] or None,
        "host": settings["HOST"] or "localhost",
        "port": settings["PORT"] or 5432,
    }
    name = f"assure_deployment_{secrets.token_hex(6)}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{server['user']}:{settings['PASSWORD']}@{server['host']}:{server['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _wait_for_health(base: str, services: list[tuple[str, subprocess.Popen, Path]]) -> tuple[int, dict]:
    """/healthz's status and answer, once the application server answers at all."""
    deadline = time.monotonic() + 60
    while True:
        request = urllib.request.Request(f"{base}/healthz", headers={"Host": HOST})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (this machine)
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())
        except OSError:
            stopped = [(command, log) for command, process, log in services if process.poll() is not None]
            if stopped or time.monotonic() > deadline:
                logs = "\n".join(f"`{command}`:\n{log.read_text()}" for command, _, log in services)
                pytest.fail(f"The application server did not answer /healthz:\n{logs}")
            time.sleep(0.3)


def test_every_sh_block_of_the_page_is_an_install_block():
    """A command a reader must run that the page does not mark would be left out of the run."""
    text = DOC.read_text()
    marked = sum(len(block.commands) > 0 for block in install_blocks(text))
    assert marked > 0
    assert marked == text.count("```sh\n")


@on_postgresql
def test_the_deployment_page_installs_assure_on_an_empty_database_and_its_business_unit_signs_in(
    empty_database, tmp_path
):
    text = DOC.read_text()
    blocks = install_blocks(text)
    reader_values = {"DATABASE_URL": empty_database, "DJANGO_SECRET_KEY": secrets.token_urlsafe(64)}
    mail_folder = tmp_path / "mail"
    chosen_settings = {
        "ASSURE_MAIL_FOLDER": str(mail_folder),
        "ASSURE_STATIC_ROOT": str(tmp_path / "static"),
        "ASSURE_PRIVATE_FILES": str(tmp_path / "private"),
    }
    for name in chosen_settings:
        assert f"`{name}`" in settings_table(text), f"{name} is not among the page's settings"
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "ASSURE_", "AWS_", "PYTEST_"))
    }
    environment |= chosen_settings
    operator_password = secrets.token_urlsafe(24)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    services: list[tuple[str, subprocess.Popen, Path]] = []
    outputs: dict[str, str] = {}
    try:
        for block in blocks:
            for command in block.commands:
                if block.kind == "service":
                    if DOCUMENTED_ADDRESS in command:
                        command = command.replace(DOCUMENTED_ADDRESS, f"127.0.0.1:{port}")
                    log = tmp_path / f"service-{len(services)}.log"
                    process = subprocess.Popen(  # noqa: S603
                        ["bash", "-c", f"exec {command}"],
                        cwd=ROOT,
                        env=environment,
                        stdout=log.open("wb"),
                        stderr=subprocess.STDOUT,
                    )
                    services.append((command, process, log))
                    continue
                if command.startswith("export "):
                    environment |= _exported(command, reader_values)
                    continue
                assert "…" not in command, f"`{command}` holds a value left to the reader"
                outputs[command] = run_in_terminal(command, environment=environment, password=operator_password)
            if block.kind == "service":
                assert any(f"127.0.0.1:{port}" in command for command, _, _ in services), (
                    f"No service listens on {DOCUMENTED_ADDRESS}"
                )
                status, health = _wait_for_health(base, services)
                assert (status, health["status"]) == (200, "healthy"), health

        assert services, "The page starts no services"
        assert [process.poll() for _, process, _ in services] == [None] * len(services), "a service stopped"
        name, overview = created_partnership(outputs)

        # The business unit officer opens the link in their e-mail and chooses a password.
        address, link = invitation_link(mail_folder)
        visitor = Visitor(base)
        assert "Choose your password" in visitor.get(link)
        visitor.submit({"password1": PASSWORD, "password2": PASSWORD})
        assert visitor.status == 200, visitor.page[:3000]

        # They sign in, and are sent to set up two-step verification before anything else.
        visitor.get("/accounts/login/")
        page = visitor.submit({"login": address, "password": PASSWORD})
        if visitor.path.startswith("/accounts/reauthenticate/"):  # "Confirm it is you", before a security change
            page = visitor.submit({"password": PASSWORD})
        assert "Set up an authenticator app" in page, f"{visitor.path}:\n{page[:3000]}"
        secret = re.search(r'data-testid="totp-secret">([^<]+)<', page).group(1).replace(" ", "")
        while seconds_left() < 5:  # a code typed at the very end of its period may expire on the way
            time.sleep(0.5)
        visitor.submit({"code": current_code(secret=secret)})
        assert visitor.status == 200, visitor.page[:3000]

        # Their new partnership's overview lists the first steps of setting it up.
        page = visitor.get(overview)
        assert (visitor.status, visitor.path) == (200, overview), page[:3000]
        assert 'data-testid="first-steps"' in page
        assert name in page
    finally:
        for _, process, _ in services:
            process.terminate()
        for _, process, _ in services:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    for command, _, log in services:
        assert "Traceback" not in log.read_text(), f"`{command}`:\n{log.read_text()}"
