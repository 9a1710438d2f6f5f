import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from assure.core import daily


def test_the_apps_register_their_daily_jobs():
    assert {"reminders_send", "notifications_digest", "compute_indicators"} <= set(daily.daily_commands())


@pytest.mark.django_db
def test_daily_jobs_runs_each_registered_command():
    out = io.StringIO()
    call_command("daily_jobs", stdout=out)
    assert "reminders_send:\nSent 0 reminders; 0 already sent today." in out.getvalue()


def test_one_job_failing_does_not_stop_the_others(monkeypatch):
    ran = []

    def run(name, **options):
        ran.append(name)
        if name == "broken_job":
            raise RuntimeError("down")

    monkeypatch.setattr(daily, "_commands", ["broken_job", "working_job"])
    monkeypatch.setattr("assure.core.management.commands.daily_jobs.call_command", run)
    err = io.StringIO()
    with pytest.raises(CommandError, match="broken_job"):
        call_command("daily_jobs", stdout=io.StringIO(), stderr=err)
    assert ran == ["broken_job", "working_job"]
    assert "broken_job failed" in err.getvalue()
