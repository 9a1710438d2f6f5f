"""Reading Assure's settings as a server with a given environment would."""

import runpy

from django.conf import settings


def settings_under(monkeypatch, **environment: str) -> dict:
    """The shared settings (config/settings/base.py) read afresh with these environment
    variables set, the others as they are."""
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(settings.BASE_DIR / "config" / "settings" / "base.py"))
