"""Send the day's scheduled reminders (a daily job: assure/core/daily.py)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from assure.notifications.reminders import scheduled_reminders_send


class Command(BaseCommand):
    help = "Remind people of deadlines as the library's reminder rules say, at most once a day for each record."

    def handle(self, *args, **options) -> None:
        run = scheduled_reminders_send(today=timezone.localdate())
        self.stdout.write(f"Sent {len(run.reminded)} reminders; {run.already} already sent today.")
        for key in run.unknown_rules:
            self.stderr.write(f"No reminder rule {key!r} in the library: only the records' own days were used.")
