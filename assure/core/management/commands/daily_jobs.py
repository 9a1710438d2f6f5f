"""Run every app's daily job (assure/core/daily.py) in turn: the one scheduler entry of an
installation (cron or a systemd timer, once a day)."""

import logging

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from assure.core.daily import daily_commands

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the jobs Assure's apps do once a day (Section 11 reminders among them)."

    def handle(self, *args, **options) -> None:
        failed = []
        for command in daily_commands():
            self.stdout.write(f"{command}:")
            # One job failing must not keep the others from their day's work; the scheduler
            # still hears of it from the exit status.
            try:
                call_command(command, stdout=self.stdout, stderr=self.stderr)
            except Exception:
                logger.exception("Daily job %s failed", command)
                self.stderr.write(f"{command} failed (see the log)")
                failed.append(command)
        if failed:
            raise CommandError(f"daily jobs failed: {', '.join(failed)}")
