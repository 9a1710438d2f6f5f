"""Send the day's Section 11 reminders and list overdue returns (run it daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from assure.section11.services.reminders import reminders_send


class Command(BaseCommand):
    help = "E-mail agency leads whose Section 11 return is due soon, at most once a day, and list overdue returns."

    def handle(self, *args, **options) -> None:
        run = reminders_send()
        self.stdout.write(f"Reminded {len(run.reminded)} returns ({run.emails} e-mails).")
        if run.overdue:
            self.stdout.write(f"Overdue returns: {len(run.overdue)}")
            for return_record in run.overdue:
                self.stdout.write(
                    f"  {return_record.cycle} — {return_record.agency} (due {return_record.cycle.deadline})"
                )
        else:
            self.stdout.write("No returns are overdue.")
