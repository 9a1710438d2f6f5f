"""Lapse the places offered from waiting lists and not accepted in time, and the managers'
approvals left unanswered, offering each place freed to the next in line (a daily job:
assure/core/daily.py)."""

from django.core.management.base import BaseCommand

from assure.training.services.offers import offers_expire


class Command(BaseCommand):
    help = "Lapse training offers and managers' approvals past their time, and offer the places to the next in line."

    def handle(self, *args, **options) -> None:
        lapsed = offers_expire()
        self.stdout.write(
            f"{lapsed} training offer{'s' if lapsed != 1 else ''} or approval{'s' if lapsed != 1 else ''} lapsed."
        )
