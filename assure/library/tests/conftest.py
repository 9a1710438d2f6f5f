"""Helpers for library tests: small documents written to temporary files."""

import textwrap
from pathlib import Path

import pytest

from assure.library import selectors


def sector_document(*, version: int = 1, title: str = "Test sectors", items: str | None = None) -> str:
    """A small valid document of kind sector, whose URNs no shipped document uses."""
    items = (
        items
        or """
      - {urn: "urn:test:sector:alpha", code: alpha, title: Alpha, description: The first test sector.}
      - {urn: "urn:test:sector:beta", code: beta, title: Beta, description: The second test sector.}
    """
    )
    return f"urn: urn:test:sectors\nversion: {version}\nkind: sector\nprovider: test\ntitle: {title}\nitems:\n" + (
        textwrap.indent(textwrap.dedent(items).strip("\n"), "  ") + "\n"
    )


@pytest.fixture
def write_document(tmp_path):
    """Write a document to a file of its own under tmp_path and return its path."""

    def write(text: str, name: str = "document.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def fresh_role_cache():
    """role_definitions caches per loaded roles document; tests that load one start and end clean."""
    selectors._role_cache.clear()
    yield
    selectors._role_cache.clear()
