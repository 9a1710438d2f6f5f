"""A refusal (403) is logged as one line: no traceback, no personal data. In production every
record is one JSON object a line."""

import importlib
import json
import logging
import secrets
import sys

from django.conf import settings
from django.urls import reverse
from django.utils.module_loading import import_string

from assure.core.log_filters import RefusalsInOneLine


def _formatted(record: logging.LogRecord) -> str:
    return logging.Formatter(settings.LOGGING["formatters"]["plain"]["format"]).format(record)


def test_a_refusal_is_logged_as_one_line_without_a_traceback(client, viewer, partnership, caplog):
    client.force_login(viewer)
    path = reverse("partnerships:agency_create", kwargs={"partnership": partnership.slug})
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get(path).status_code == 403
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelno == logging.WARNING
    assert record.exc_info is None and not record.exc_text
    line = _formatted(record)
    assert "\n" not in line and "Traceback" not in line
    assert line.endswith(f"Forbidden (Permission denied): {path}")
    assert viewer.email not in line and viewer.full_name not in line


def test_other_errors_keep_their_traceback(caplog):
    logger = logging.getLogger("django.request")
    with caplog.at_level(logging.ERROR, logger="django.request"):
        try:
            raise ValueError("broken")
        except ValueError:
            logger.error("Internal Server Error: /", exc_info=True, extra={"status_code": 500})
    [record] = caplog.records
    assert record.exc_info is not None
    assert "Traceback" in _formatted(record)


def _production_settings(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", secrets.token_urlsafe(64))
    monkeypatch.delitem(sys.modules, "config.settings.production", raising=False)
    return importlib.import_module("config.settings.production")


def test_production_logs_one_json_object_a_line(monkeypatch):
    production = _production_settings(monkeypatch)
    assert {handler["formatter"] for handler in production.LOGGING["handlers"].values()} == {"json"}
    assert production.LOGGING["loggers"]["django.request"]["filters"] == ["refusals_in_one_line"]
    options = dict(production.LOGGING["formatters"]["json"])
    formatter = import_string(options.pop("()"))(**options)

    try:
        raise ValueError("broken\non two lines")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", ("/",), exc_info
    )
    record.status_code = 500
    record.request = object()  # Django attaches the request: it is not written out
    assert RefusalsInOneLine().filter(record)
    line = formatter.format(record)

    assert "\n" not in line
    logged = json.loads(line)
    assert logged["message"] == "Internal Server Error: /"
    assert logged["level"] == "ERROR" and logged["logger"] == "django.request" and logged["time"]
    assert logged["status_code"] == 500
    assert "Traceback" in logged["exc_info"]
    assert "request" not in logged
