"""Delete the register entries past their kind's retention period, a whole year at a time, keeping
each year's figures first (a daily job: assure/core/daily.py)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from assure.registers.models import RetentionRun
from assure.registers.services.retention import registers_retention_run


class Command(BaseCommand):
    help = "Delete register entries past their retention period, keeping each year's figures."

    def handle(self, *args, **options) -> None:
        run = registers_retention_run(today=timezone.localdate())
        self.stdout.write(f"{run.deleted} register entr{'y' if run.deleted == 1 else 'ies'} past retention deleted.")
        if run.outcome == RetentionRun.Outcome.FAILED:
            # The years that failed were rolled back and are tried again tomorrow; the scheduler hears of it.
            raise CommandError(f"register retention failed: {run.error}")
