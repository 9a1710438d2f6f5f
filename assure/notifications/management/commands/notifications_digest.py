"""Send the weekly digest, on the library's digest day (a daily job: assure/core/daily.py)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from assure.notifications.delivery import digests_send
from assure.notifications.reminders import WEEKDAYS, digest_weekday


class Command(BaseCommand):
    help = "On the digest day, e-mail each person who chose the weekly digest their week's requests in one message."

    def handle(self, *args, **options) -> None:
        weekday = digest_weekday()
        if timezone.localdate().weekday() != weekday:
            self.stdout.write(f"The digest goes out on {WEEKDAYS[weekday].capitalize()}s; not today.")
            return
        self.stdout.write(f"Sent {digests_send()} digests.")
