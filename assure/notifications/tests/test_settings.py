"""The site e-mails link to, as the production settings take it (docs/deployment.md, Settings)."""

import importlib
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured


def production_settings(monkeypatch, **environment: str) -> dict:
    monkeypatch.delenv("ASSURE_SITE_URL", raising=False)
    monkeypatch.delenv("ASSURE_SMTP_HOST", raising=False)
    monkeypatch.setenv("DJANGO_SECRET_KEY", "s" * 64)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delitem(sys.modules, "config.settings.production", raising=False)
    settings = vars(importlib.import_module("config.settings.production"))
    monkeypatch.delitem(sys.modules, "config.settings.production")
    return settings


def test_production_links_to_the_site_named(monkeypatch):
    site = production_settings(monkeypatch, ASSURE_SITE_URL="https://assure.example.org")["ASSURE_SITE_URL"]
    assert site == "https://assure.example.org"


def test_production_links_to_the_first_allowed_host_over_https_when_no_site_is_named(monkeypatch):
    settings = production_settings(monkeypatch)
    assert settings["ASSURE_SITE_URL"] == f"https://{settings['ALLOWED_HOSTS'][0]}"


def test_production_refuses_a_plain_http_site(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="ASSURE_SITE_URL"):
        production_settings(monkeypatch, ASSURE_SITE_URL="http://assure.example.org")
