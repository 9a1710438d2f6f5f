"""A refusal (403) is logged as one line: no traceback, no personal data."""

import logging

from django.conf import settings
from django.urls import reverse


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
