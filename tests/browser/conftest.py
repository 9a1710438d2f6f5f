"""Browser journeys: Debian's Chromium driven by Playwright against the live test server, with
axe-core run on every page a journey visits."""

import json
import os
import shutil
from pathlib import Path

import pytest

# Playwright's synchronous API runs an event loop in the test's thread; the test still talks to
# the database synchronously between browser steps, which Django allows only when told so.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE = Path(__file__).resolve().parents[2] / "frontend" / "dist" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def chromium_path() -> str:
    found = os.environ.get("ASSURE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("Chromium is not installed: run `make setup` (it installs Debian's chromium).")
    return found


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Pages:
    """A browser tab that checks every page it lands on with axe-core."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.checked: list[str] = []
        self.csp_errors: list[str] = []
        page.on("console", self._console)

    def _console(self, message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self.csp_errors.append(message.text)

    def sign_in_as(self, user) -> None:
        """Start a signed-in session for ``user`` (the sign-in journeys themselves go through
        the sign-in pages)."""
        from django.conf import settings
        from django.test import Client

        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        self.page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": self.base_url}])

    def goto(self, path: str):
        self.page.goto(self.base_url + path)
        self.check()
        return self.page

    def check(self) -> None:
        """Run axe-core on the current page; fail on any WCAG 2.2 A/AA violation."""
        page = self.page
        page.wait_for_load_state("load")
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
        # Only the violations are read: axe-core need not gather every node that passed.
        result = page.evaluate(
            "async (tags) => await axe.run(document,"
            " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_TAGS,
        )
        violations = [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]
        assert violations == [], f"axe-core on {page.url}:\n{json.dumps(violations, indent=1)}"
        assert self.csp_errors == [], f"Content Security Policy blocked something on {page.url}: {self.csp_errors}"
        self.checked.append(page.url)


def _new_pages(browser, base_url: str) -> tuple[object, Pages]:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, Pages(page, base_url)


@pytest.fixture
def pages(browser, live_server):
    context, tab = _new_pages(browser, live_server.url)
    yield tab
    context.close()


@pytest.fixture
def second_pages(browser, live_server):
    """A second browser, for a journey that passes from one person to another."""
    context, tab = _new_pages(browser, live_server.url)
    yield tab
    context.close()
