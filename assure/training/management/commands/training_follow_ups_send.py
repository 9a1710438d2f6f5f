"""The daily job that sends each delegate who attended a session the evaluation three months on,
on the day the partnership's training policy says (``follow_up_days`` after the session), once."""

from django.core.management.base import BaseCommand

from assure.training.services.evaluations import follow_ups_send


class Command(BaseCommand):
    help = "Send the training evaluations three months on that are due today."

    def handle(self, *args, **options) -> None:
        sent = follow_ups_send()
        self.stdout.write(f"{sent} training evaluation(s) three months on sent.")
